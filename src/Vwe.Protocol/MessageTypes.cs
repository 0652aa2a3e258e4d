namespace Vwe.Protocol;

/// <summary>The <c>type</c> of a message from the engine (docs/protocol.md §4). Names are permanent.</summary>
public static class MessageTypes
{
    /// <summary>The engine's first frame on a connection, sent once it is ready.</summary>
    public const string Hello = "hello";

    /// <summary>A request succeeded; <c>op</c> says which op it answers.</summary>
    public const string Result = "result";

    /// <summary>A request failed, or a frame could not be read; <c>code</c> is one of <see cref="ErrorCodes"/>.</summary>
    public const string Error = "error";

    /// <summary>How far a running job is; only ever before that job's result or error.</summary>
    public const string Progress = "progress";

    /// <summary>The engine's state changed (unsolicited, no id).</summary>
    public const string State = "state";
}
