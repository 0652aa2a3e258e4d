namespace Vwe.Service.Hosting;

/// <summary>
/// Holds the data folder for one service: an exclusive lock on <c>DATA/serve.lock</c>, taken before the job store
/// and cache are touched and released when the service stops (or its process dies: the kernel drops the lock).
/// A second service on the same folder would queue again the first one's running jobs and delete its exports
/// in progress as strays, so it is refused instead.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "serve.lock";

    /// <summary>What the lock's refusal carries as HResult: errno EWOULDBLOCK (Linux, macOS) or ERROR_SHARING_VIOLATION (Windows).</summary>
    private static readonly int[] HeldElsewhere = [11, 35, unchecked((int)0x80070020)];

    private readonly FileStream file;

    private DataFolderLock(FileStream file) => this.file = file;

    /// <summary>
    /// Takes the lock of <paramref name="dataDirectory"/> (created when missing). Throws
    /// <see cref="DataFolderInUseException"/> when another service holds it.
    /// </summary>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        string path = Path.Combine(dataDirectory, FileName);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception) when (HeldElsewhere.Contains(exception.HResult))
        {
            throw new DataFolderInUseException(dataDirectory, exception);
        }
    }

    public void Dispose() => file.Dispose();
}

/// <summary>Another service holds the data folder.</summary>
public sealed class DataFolderInUseException(string dataDirectory, Exception inner)
    : IOException($"{dataDirectory} is in use by another vwe serve; stop that one, or give another --data folder.", inner);

/// <summary>The data folder, its job store or its cache cannot be opened or written at start (read-only, full, not a folder).</summary>
public sealed class DataFolderException(string dataDirectory, Exception inner)
    : IOException($"{dataDirectory} cannot be used: {Cause(dataDirectory, inner)}; give a writable folder.", inner)
{
    /// <summary>SQLite's messages do not name the file.</summary>
    private static string Cause(string dataDirectory, Exception inner) =>
        inner is Microsoft.Data.Sqlite.SqliteException
            ? $"its job store {Path.Combine(dataDirectory, Jobs.ServiceDatabase.FileName)} cannot be opened or written ({inner.Message.TrimEnd('.')})"
            : inner.Message.TrimEnd('.');
}
