using System.Threading;

namespace Vwe.Plugins.Core.Worlds;

/// <summary>
/// Makes the world of a seed ready: constructs the generator and pre-generates it (lakes, rivers, streams), about
/// a second. The game plugin builds a fresh game <c>WorldGenerator</c> on the game's main thread; tests build our
/// native one.
/// </summary>
public interface IWorldFactory
{
    /// <summary>
    /// The world of <paramref name="seed"/>. Construction may not be interruptible; the caller checks
    /// <paramref name="cancellationToken"/> right after it.
    /// </summary>
    IWorldSource Create(int seed, CancellationToken cancellationToken);
}
