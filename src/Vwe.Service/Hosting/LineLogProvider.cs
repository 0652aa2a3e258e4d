using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Vwe.Service.Hosting;

/// <summary>
/// Readable line logs: <c>2025-01-31T12:00:00.123Z info  vwe.jobs: job … succeeded …</c>, one line per entry
/// (exceptions as their one-line message), written at once under a lock. <c>vwe serve</c> writes them to stderr.
/// </summary>
public sealed class LineLogProvider(TextWriter output, TimeProvider? time = null) : ILoggerProvider
{
    private readonly Lock gate = new();
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    public void Dispose()
    {
        lock (gate)
        {
            output.Flush();
        }
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{clock.GetUtcNow().UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {Level(level),-5} {category}: {message}");
        if (exception is not null && !message.Contains(exception.Message, StringComparison.Ordinal))
        {
            line += $" ({exception.GetType().Name}: {exception.Message})";
        }

        line = line.ReplaceLineEndings(" ");
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "fatal",
    };

    private sealed class LineLogger(LineLogProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            provider.Write(logLevel, category, formatter(state, exception), exception);
        }
    }
}
