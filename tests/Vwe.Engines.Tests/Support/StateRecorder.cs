using Vwe.Engines.Lifecycle;

namespace Vwe.Engines.Tests.Support;

/// <summary>Every lifecycle move of one engine from now on, as <see cref="EngineLifecycle.Changed"/> reports them.</summary>
internal sealed class StateRecorder
{
    private readonly List<EngineStateChange> changes = [];

    public StateRecorder(EngineLifecycle lifecycle)
    {
        lifecycle.Changed += change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }
        };
    }

    public IReadOnlyList<EngineStateChange> Changes
    {
        get
        {
            lock (changes)
            {
                return [.. changes];
            }
        }
    }

    /// <summary>The states passed through: the first move's origin, then every destination.</summary>
    public IReadOnlyList<EngineState> Path
    {
        get
        {
            IReadOnlyList<EngineStateChange> moves = Changes;
            return moves.Count == 0 ? [] : [moves[0].From, .. moves.Select(change => change.To)];
        }
    }

    /// <summary>Forgets what was recorded so far.</summary>
    public void Clear()
    {
        lock (changes)
        {
            changes.Clear();
        }
    }
}
