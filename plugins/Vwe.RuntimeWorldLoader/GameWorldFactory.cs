using System.Threading;
using Vwe.DataExporter;
using Vwe.Plugins.Core.Worlds;

namespace Vwe.RuntimeWorldLoader;

/// <summary>Loads another world without restarting the server: a fresh game WorldGenerator, built on the main thread.</summary>
internal sealed class GameWorldFactory : IWorldFactory
{
    private readonly MainThread mainThread;

    public GameWorldFactory(MainThread mainThread) => this.mainThread = mainThread;

    public IWorldSource Create(int seed, CancellationToken cancellationToken) =>
        mainThread.Invoke(() => GameWorlds.Create(seed), cancellationToken);
}
