using Microsoft.Extensions.Logging;

namespace Vwe.Service;

/// <summary>Every log line of the service, source-generated, with event ids (one place to read what it can say).</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(1, LogLevel.Information, "evicted world {WorldKey} (least recently used); cache now {Total} of {Max}")]
    public static partial void Evicted(this ILogger logger, string worldKey, string total, string max);

    [LoggerMessage(2, LogLevel.Warning, "cache: world {WorldKey} is indexed but its files are missing; dropped from the index")]
    public static partial void IndexedWorldMissing(this ILogger logger, string worldKey);

    [LoggerMessage(3, LogLevel.Information, "cache: removed {Entry}, which no finished export indexed")]
    public static partial void RemovedStray(this ILogger logger, string entry);

    [LoggerMessage(4, LogLevel.Warning, "cache: last access of {WorldKey} not recorded ({Message}); kept in memory only")]
    public static partial void AccessNotRecorded(this ILogger logger, string worldKey, string message);

    [LoggerMessage(10, LogLevel.Information, "job {JobId} queued: world {WorldKey}, formats {Formats}")]
    public static partial void JobQueued(this ILogger logger, string jobId, string worldKey, string formats);

    [LoggerMessage(11, LogLevel.Information, "job {JobId} running (attempt {Attempt}): world {WorldKey}")]
    public static partial void JobRunning(this ILogger logger, string jobId, int attempt, string worldKey);

    [LoggerMessage(12, LogLevel.Information, "job {JobId} succeeded in {Seconds:0.###} s: world {WorldKey}, {Bytes}")]
    public static partial void JobSucceeded(this ILogger logger, string jobId, double seconds, string worldKey, string bytes);

    [LoggerMessage(13, LogLevel.Warning, "job {JobId} failed ({Code}): {Message}")]
    public static partial void JobFailed(this ILogger logger, string jobId, string code, string message);

    [LoggerMessage(14, LogLevel.Information, "job {JobId} cancelled")]
    public static partial void JobCancelled(this ILogger logger, string jobId);

    [LoggerMessage(15, LogLevel.Information, "job {JobId} queued again: {Reason}")]
    public static partial void JobRequeued(this ILogger logger, string jobId, string reason);

    [LoggerMessage(16, LogLevel.Information, "{Count} job(s) left running by the previous run queued again")]
    public static partial void RecoveredJobs(this ILogger logger, int count);

    [LoggerMessage(20, LogLevel.Information, "engine pool ready: {Engines} engine(s), {Jobs} job(s) at once")]
    public static partial void PoolReady(this ILogger logger, int engines, int jobs);

    [LoggerMessage(21, LogLevel.Error, "engine pool could not start: {Message}")]
    public static partial void PoolFailed(this ILogger logger, string message);

    [LoggerMessage(22, LogLevel.Information, "pool: {Message}")]
    public static partial void PoolEvent(this ILogger logger, string message);

    [LoggerMessage(30, LogLevel.Information, "stopping: running jobs get {Seconds:0.#} s to finish, then are queued again")]
    public static partial void Stopping(this ILogger logger, double seconds);

    [LoggerMessage(31, LogLevel.Information, "stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(33, LogLevel.Warning, "{Method} {Path}: 503, the job store refused the write: {Message}")]
    public static partial void StoreFailed(this ILogger logger, string method, string path, string message);

    [LoggerMessage(32, LogLevel.Error, "job runner error: {Message}")]
    public static partial void RunnerError(this ILogger logger, string message, Exception exception);
}
