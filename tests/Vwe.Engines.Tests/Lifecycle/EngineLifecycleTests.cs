using Vwe.Engines.Lifecycle;

namespace Vwe.Engines.Tests.Lifecycle;

/// <summary>
/// The lifecycle of the issue (Starting → Ready → Generating → Exporting → Resetting → Ready, a loaded world
/// straight from Ready to Exporting, Unhealthy from any live state, Stopped final), pair by pair: every move
/// the table allows works and is reported, every other one throws and changes nothing.
/// </summary>
public class EngineLifecycleTests
{
    private const string EngineId = "engine-7";

    /// <summary>The lifecycle, written out independently of <see cref="EngineTransitions"/>.</summary>
    private static readonly Dictionary<EngineState, EngineState[]> Expected = new()
    {
        [EngineState.Starting] = [EngineState.Ready, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Ready] = [EngineState.Generating, EngineState.Exporting, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Generating] = [EngineState.Exporting, EngineState.Resetting, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Exporting] = [EngineState.Resetting, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Resetting] = [EngineState.Ready, EngineState.Unhealthy, EngineState.Stopped],
        [EngineState.Unhealthy] = [EngineState.Stopped],
        [EngineState.Stopped] = [],
    };

    /// <summary>A way to reach each state from Starting through allowed moves only.</summary>
    private static readonly Dictionary<EngineState, EngineState[]> Routes = new()
    {
        [EngineState.Starting] = [],
        [EngineState.Ready] = [EngineState.Ready],
        [EngineState.Generating] = [EngineState.Ready, EngineState.Generating],
        [EngineState.Exporting] = [EngineState.Ready, EngineState.Exporting],
        [EngineState.Resetting] = [EngineState.Ready, EngineState.Exporting, EngineState.Resetting],
        [EngineState.Unhealthy] = [EngineState.Unhealthy],
        [EngineState.Stopped] = [EngineState.Stopped],
    };

    public static TheoryData<EngineState, EngineState> AllowedPairs => Pairs(allowed: true);

    public static TheoryData<EngineState, EngineState> ForbiddenPairs => Pairs(allowed: false);

    [Fact]
    public void A_new_lifecycle_is_Starting()
    {
        var lifecycle = new EngineLifecycle(EngineId);

        Assert.Equal(EngineState.Starting, lifecycle.State);
        Assert.Equal(EngineId, lifecycle.EngineId);
    }

    [Fact]
    public void The_pair_lists_cover_all_states_both_ways()
    {
        // Guards the theories below: 7 × 7 pairs, split between allowed and forbidden with none left out.
        int states = Enum.GetValues<EngineState>().Length;
        Assert.Equal(7, states);
        Assert.Equal(states * states, AllowedPairs.Count + ForbiddenPairs.Count);
        Assert.Equal(18, AllowedPairs.Count);
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Every_allowed_move_changes_the_state_and_is_reported_once(EngineState from, EngineState to)
    {
        var time = new FixedTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        EngineLifecycle lifecycle = At(from, time);
        var changes = new List<EngineStateChange>();
        lifecycle.Changed += changes.Add;

        lifecycle.MoveTo(to, "because");

        Assert.Equal(to, lifecycle.State);
        EngineStateChange change = Assert.Single(changes);
        Assert.Equal(new EngineStateChange(EngineId, from, to, time.Now, "because"), change);
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void Every_other_move_throws_naming_engine_from_and_to_and_changes_nothing(EngineState from, EngineState to)
    {
        EngineLifecycle lifecycle = At(from);
        var changes = new List<EngineStateChange>();
        lifecycle.Changed += changes.Add;

        var exception = Assert.Throws<IllegalTransitionException>(() => lifecycle.MoveTo(to));

        Assert.Equal(EngineId, exception.EngineId);
        Assert.Equal(from, exception.From);
        Assert.Equal(to, exception.To);
        Assert.Contains($"engine {EngineId} cannot move from {from} to {to}", exception.Message, StringComparison.Ordinal);
        Assert.Equal(from, lifecycle.State);
        Assert.Empty(changes);
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void TryMoveTo_refuses_what_MoveTo_throws_for_and_says_where_the_engine_is(EngineState from, EngineState to)
    {
        EngineLifecycle lifecycle = At(from);

        Assert.False(lifecycle.TryMoveTo(to, out EngineState current));

        Assert.Equal(from, current);
        Assert.Equal(from, lifecycle.State);
    }

    [Theory]
    [InlineData(EngineState.Starting)]
    [InlineData(EngineState.Ready)]
    [InlineData(EngineState.Generating)]
    [InlineData(EngineState.Exporting)]
    [InlineData(EngineState.Resetting)]
    public void TryMarkUnhealthy_marks_a_live_engine_once(EngineState from)
    {
        EngineLifecycle lifecycle = At(from);
        var changes = new List<EngineStateChange>();
        lifecycle.Changed += changes.Add;

        Assert.True(lifecycle.TryMarkUnhealthy("missed 3 pings"));
        Assert.False(lifecycle.TryMarkUnhealthy("its process exited"));

        Assert.Equal(EngineState.Unhealthy, lifecycle.State);
        EngineStateChange change = Assert.Single(changes);
        Assert.Equal((from, EngineState.Unhealthy, "missed 3 pings"), (change.From, change.To, change.Reason));
    }

    [Fact]
    public void Stopped_is_final_and_MarkStopped_is_idempotent()
    {
        EngineLifecycle lifecycle = At(EngineState.Stopped);
        var changes = new List<EngineStateChange>();
        lifecycle.Changed += changes.Add;

        lifecycle.MarkStopped("again");
        Assert.False(lifecycle.TryMarkUnhealthy("too late"));
        foreach (EngineState state in Enum.GetValues<EngineState>())
        {
            Assert.Throws<IllegalTransitionException>(() => lifecycle.MoveTo(state));
        }

        Assert.Equal(EngineState.Stopped, lifecycle.State);
        Assert.Empty(changes);
    }

    [Fact]
    public void A_whole_job_cycle_and_a_loaded_world_shortcut_are_allowed()
    {
        var lifecycle = new EngineLifecycle(EngineId);
        EngineState[] cycle =
        [
            EngineState.Ready, EngineState.Generating, EngineState.Exporting, EngineState.Resetting, EngineState.Ready,
            EngineState.Exporting, EngineState.Resetting, EngineState.Ready, EngineState.Stopped,
        ];

        foreach (EngineState state in cycle)
        {
            lifecycle.MoveTo(state);
        }

        Assert.Equal(EngineState.Stopped, lifecycle.State);
    }

    [Fact]
    public void IsBusy_holds_for_the_job_states_only()
    {
        EngineState[] busy = [.. Enum.GetValues<EngineState>().Where(EngineTransitions.IsBusy)];

        Assert.Equal([EngineState.Generating, EngineState.Exporting, EngineState.Resetting], busy);
    }

    /// <summary>A lifecycle brought to <paramref name="state"/> through allowed moves.</summary>
    internal static EngineLifecycle At(EngineState state, TimeProvider? time = null)
    {
        var lifecycle = new EngineLifecycle(EngineId, time);
        foreach (EngineState step in Routes[state])
        {
            lifecycle.MoveTo(step);
        }

        Assert.Equal(state, lifecycle.State);
        return lifecycle;
    }

    private static TheoryData<EngineState, EngineState> Pairs(bool allowed)
    {
        var pairs = new TheoryData<EngineState, EngineState>();
        foreach (EngineState from in Enum.GetValues<EngineState>())
        {
            foreach (EngineState to in Enum.GetValues<EngineState>())
            {
                if (Expected[from].Contains(to) == allowed)
                {
                    pairs.Add(from, to);
                }
            }
        }

        return pairs;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
