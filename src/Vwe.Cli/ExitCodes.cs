using Vwe.Engines;
using Vwe.GameFiles;
using Vwe.Pool;
using Vwe.Protocol;

namespace Vwe.Cli;

/// <summary>The exit codes of every command, and the one place exceptions become them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;
    public const int OutputError = 3;
    public const int EngineUnavailable = 4;

    /// <summary><c>vwe verify</c> compared everything and found pixels where the game's files and vwe differ.</summary>
    public const int Disagreement = 5;
    public const int Cancelled = 130;

    public const string Help = "Exit codes: 0 success, 1 failure, 2 invalid input, 3 output not writable, 4 engines failed or could not start, 5 vwe verify found differences from the game's files, 130 cancelled.";

    /// <summary>
    /// The exit code of a failure. Only what the commands turned into <see cref="InputException"/> is bad input;
    /// file system failures and cancellation are the user's to act on too. Anything else is a bug:
    /// <see cref="Failure"/>, and <see cref="VweCommand.RunAsync"/> reports it as an internal error.
    /// </summary>
    public static int ForException(Exception exception) => exception switch
    {
        InputException => InvalidInput,

        // A game file that is missing, damaged or of an unknown version: the path given is the thing to fix.
        GameFileException => InvalidInput,
        EngineJobException { Code: ErrorCodes.Io } => OutputError,
        EnginesCannotStartException or PoolTimeoutException or EngineFailedException or EngineStartException => EngineUnavailable,
        IOException or UnauthorizedAccessException => OutputError,
        OperationCanceledException => Cancelled,
        _ => Failure,
    };
}

/// <summary>Bad input named in one line: what was given, what is allowed, what to do.</summary>
internal sealed class InputException(string message) : Exception(message);

/// <summary>A cancellation (Ctrl+C) whose message says what it left behind, e.g. that nothing was written.</summary>
internal sealed class CancelledException(string message, Exception inner) : OperationCanceledException(message, inner);
