namespace Vwe.Engines;

/// <summary>
/// Makes a pool's engines, and owns whatever the engines of one pool share: for containers, the Docker client,
/// the leftovers removed before the first start, and stopped containers kept for a restart. The pool calls
/// <see cref="PrepareAsync"/> once before it starts engines and disposes the factory after its last engine stopped.
/// </summary>
public abstract class EngineFactory : IAsyncDisposable
{
    /// <summary>Wraps a plain function; nothing to prepare or release.</summary>
    public static EngineFactory From(Func<int, Engine> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return new FunctionFactory(create);
    }

    /// <summary>Makes the Nth engine (1-based), not yet started.</summary>
    public abstract Engine Create(int serial);

    /// <summary>Runs once before the first engine starts; a failure here fails the pool's start.</summary>
    public virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private sealed class FunctionFactory(Func<int, Engine> create) : EngineFactory
    {
        public override Engine Create(int serial) => create(serial);
    }
}
