using Vwe.Engines.Hosting;

namespace Vwe.Engines.Tests.Hosting;

/// <summary>The <c>--fault</c> values an engine is spawned with: every form, combined, and the ones refused.</summary>
public class EngineFaultsTests
{
    [Fact]
    public void No_fault_is_None_and_None_commits_nothing()
    {
        Assert.Equal(EngineFaults.None, EngineFaults.Parse([]));
        Assert.Equal(new EngineFaults(false, TimeSpan.Zero, null, null, null), EngineFaults.None);
    }

    [Theory]
    [InlineData("fail-start", true, 0, null, null, null)]
    [InlineData("slow-start:1500", false, 1500, null, null, null)]
    [InlineData("slow-start:1", false, 1, null, null, null)]
    [InlineData("crash:1", false, 0, 1, null, null)]
    [InlineData("crash:12", false, 0, 12, null, null)]
    [InlineData("hang:2", false, 0, null, 2, null)]
    [InlineData("hang-load:3", false, 0, null, null, 3)]
    public void Each_fault_form_sets_its_own_field(string fault, bool failStart, int slowStartMs, int? crash, int? hang, int? hangLoad)
    {
        Assert.Equal(
            new EngineFaults(failStart, TimeSpan.FromMilliseconds(slowStartMs), crash, hang, hangLoad),
            EngineFaults.Parse([fault]));
    }

    [Fact]
    public void Faults_combine_and_a_later_value_of_the_same_fault_wins()
    {
        EngineFaults faults = EngineFaults.Parse(["slow-start:200", "crash:4", "hang:5", "hang-load:6", "fail-start", "crash:2"]);

        Assert.Equal(new EngineFaults(true, TimeSpan.FromMilliseconds(200), 2, 5, 6), faults);
    }

    [Theory]
    [InlineData("")]
    [InlineData("explode")]
    [InlineData("CRASH:1")]
    [InlineData("fail-start:1")]
    [InlineData("slow-start")]
    [InlineData("slow-start:")]
    [InlineData("slow-start:-5")]
    [InlineData("slow-start:1.5")]
    [InlineData("crash")]
    [InlineData("crash:0")]
    [InlineData("crash:+1")]
    [InlineData("crash: 1")]
    [InlineData("crash:x")]
    [InlineData("crash:99999999999")]
    [InlineData("hang")]
    [InlineData("hang:-1")]
    [InlineData("hang-load")]
    [InlineData("hang-load:0")]
    public void A_bad_fault_throws_FormatException_naming_it(string fault)
    {
        var exception = Assert.Throws<FormatException>(() => EngineFaults.Parse(["crash:1", fault]));

        Assert.Contains($"--fault '{fault}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_fault_lists_the_known_ones()
    {
        var exception = Assert.Throws<FormatException>(() => EngineFaults.Parse(["explode"]));

        foreach (string known in (string[])["fail-start", "slow-start:MS", "crash:N", "hang:N", "hang-load:N"])
        {
            Assert.Contains(known, exception.Message, StringComparison.Ordinal);
        }
    }
}
