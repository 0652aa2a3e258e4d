using Vwe.Engines.Work;
using Vwe.Engines.Tests.Support;

namespace Vwe.Engines.Tests.Work;

/// <summary>The warm-up runs a real export through the file writers, then leaves nothing behind: no world kept, no files.</summary>
public class WarmUpTests
{
    [Fact]
    public async Task Warm_up_exports_into_a_temporary_folder_it_deletes_and_keeps_no_world()
    {
        string prefix = $"vwe-warmup-{Environment.ProcessId}-";
        var created = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(Path.GetTempPath(), prefix + "*");
        watcher.Created += (_, change) => created.TrySetResult(change.Name ?? "");
        watcher.EnableRaisingEvents = true;
        var workbench = new EngineWorkbench(threads: 1, maxWorlds: 2);

        WarmUp.Run(workbench);

        // The export's folder (or its staging sibling) appeared while it ran, as an inotify event seen later.
        Assert.StartsWith(prefix, await created.Task.WaitAsync(TestEngines.Patience), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetTempPath(), prefix + "*"));
        Assert.Empty(workbench.LoadedSeeds());
    }
}
