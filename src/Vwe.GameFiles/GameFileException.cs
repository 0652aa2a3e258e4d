namespace Vwe.GameFiles;

/// <summary>
/// A game file that is missing, truncated, of an unknown version or otherwise not what the game writes. The message
/// is one sentence that names the file, what was found and what to do; nothing was read from the file past the fault.
/// </summary>
public sealed class GameFileException : Exception
{
    public GameFileException(string message)
        : base(message)
    {
    }

    public GameFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
