using Vwe.Tests.Golden;
using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Tests.Golden;

/// <summary>
/// golden <c>random.json</c> (README §2): <c>UnityEngine.Random</c> vectors for 11 seeds, every sequence from a fresh
/// <c>InitState(seed)</c>.
/// </summary>
public class UnityRandomGoldenTests
{
    private static readonly int[] ExpectedSeeds =
        [0, 1, -1, 7, 12345, 1706363555, int.MinValue, int.MaxValue, -1772362158, 319486907, 744350289];

    private static readonly Lazy<RandomFile> File = new(() => GoldenData.Read<RandomFile>("random.json.gz"));

    private static IReadOnlyList<SeedVectors> Seeds => File.Value.Seeds;

    [Fact]
    public void The_golden_set_holds_the_11_seeds_with_13_integer_and_11_float_ranges_each()
    {
        Assert.Equal(ExpectedSeeds, Seeds.Select(entry => entry.Seed));
        Assert.All(Seeds, entry => Assert.Equal((13, 11), (entry.RangeInt.Count, entry.RangeFloat.Count)));
    }

    [Fact]
    public void InitState_sets_the_four_words()
    {
        var differences = new Differences("random.json initState");
        foreach (SeedVectors entry in Seeds)
        {
            differences.Equal($"seed {entry.Seed}", "initState", State(entry.InitState), new UnityRandom(entry.Seed).State);
        }

        differences.AssertNone();
    }

    [Fact]
    public void The_raw_xorshift_outputs_and_the_state_after_them_match()
    {
        var differences = new Differences("random.json next64");
        foreach (SeedVectors entry in Seeds)
        {
            Assert.Equal(64, entry.Next64.Count);
            var random = new UnityRandom(entry.Seed);
            for (int i = 0; i < entry.Next64.Count; i++)
            {
                differences.Equal($"seed {entry.Seed} draw #{i}", "NextUInt", entry.Next64[i], random.NextUInt());
            }

            differences.Equal($"seed {entry.Seed}", "stateAfterNext64", State(entry.StateAfterNext64), random.State);
        }

        differences.AssertNone();
    }

    [Fact]
    public void Value_draws_match_bit_for_bit()
    {
        var differences = new Differences("random.json value32");
        foreach (SeedVectors entry in Seeds)
        {
            Assert.Equal(32, entry.Value32.Count);
            var random = new UnityRandom(entry.Seed);
            for (int i = 0; i < entry.Value32.Count; i++)
            {
                differences.Bits($"seed {entry.Seed} draw #{i}", "value", Bits.Parse(entry.Value32[i]), random.Value());
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void Integer_ranges_match_including_reversed_full_and_empty_ranges()
    {
        var differences = new Differences("random.json rangeInt");
        foreach (SeedVectors entry in Seeds)
        {
            foreach (IntRange range in entry.RangeInt)
            {
                Assert.Equal(32, range.Results.Count);
                var random = new UnityRandom(entry.Seed);
                string where = $"seed {entry.Seed} Range({range.Min}, {range.Max})";
                for (int i = 0; i < range.Results.Count; i++)
                {
                    differences.Equal($"{where} draw #{i}", "result", range.Results[i], random.Range(range.Min, range.Max));
                }

                // min == max consumes no draw: the state is then still initState.
                differences.Equal(where, "stateAfter", State(range.StateAfter), random.State);
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void An_empty_integer_range_is_in_the_set_and_consumes_no_draw()
    {
        var empty = Seeds.SelectMany(entry => entry.RangeInt.Where(range => range.Min == range.Max).Select(range => (entry, range))).ToList();
        Assert.NotEmpty(empty);
        Assert.All(empty, pair => Assert.Equal(pair.entry.InitState, pair.range.StateAfter));
    }

    [Fact]
    public void Float_ranges_match_bit_for_bit()
    {
        var differences = new Differences("random.json rangeFloat");
        foreach (SeedVectors entry in Seeds)
        {
            foreach (FloatRange range in entry.RangeFloat)
            {
                Assert.Equal(32, range.Results.Count);
                float min = BitConverter.UInt32BitsToSingle(Bits.Parse(range.Min));
                float max = BitConverter.UInt32BitsToSingle(Bits.Parse(range.Max));
                var random = new UnityRandom(entry.Seed);
                string where = $"seed {entry.Seed} Range({Bits.Describe(min)}, {Bits.Describe(max)})";
                for (int i = 0; i < range.Results.Count; i++)
                {
                    differences.Bits($"{where} draw #{i}", "result", Bits.Parse(range.Results[i]), random.Range(min, max));
                }

                differences.Equal(where, "stateAfter", State(range.StateAfter), random.State);
            }
        }

        differences.AssertNone();
    }

    [Fact]
    public void Points_inside_the_unit_circle_match_bit_for_bit()
    {
        var differences = new Differences("random.json insideUnitCircle16");
        foreach (SeedVectors entry in Seeds)
        {
            Assert.Equal(16, entry.InsideUnitCircle16.Count);
            var random = new UnityRandom(entry.Seed);
            for (int i = 0; i < entry.InsideUnitCircle16.Count; i++)
            {
                (float x, float y) = random.InsideUnitCircle();
                differences.Bits($"seed {entry.Seed} point #{i}", "x", Bits.Parse(entry.InsideUnitCircle16[i][0]), x);
                differences.Bits($"seed {entry.Seed} point #{i}", "y", Bits.Parse(entry.InsideUnitCircle16[i][1]), y);
            }

            differences.Equal($"seed {entry.Seed}", "stateAfterInsideUnitCircle16", State(entry.StateAfterInsideUnitCircle16), random.State);
        }

        differences.AssertNone();
    }

    [Fact]
    public void The_state_after_100000_raw_steps_matches()
    {
        var differences = new Differences("random.json stateAfter100000Next");
        foreach (SeedVectors entry in Seeds)
        {
            var random = new UnityRandom(entry.Seed);
            for (int i = 0; i < 100_000; i++)
            {
                random.NextUInt();
            }

            differences.Equal($"seed {entry.Seed}", "stateAfter100000Next", State(entry.StateAfter100000Next), random.State);
        }

        differences.AssertNone();
    }

    private static RandomState State(IReadOnlyList<int> words)
    {
        Assert.Equal(4, words.Count);
        return new RandomState(words[0], words[1], words[2], words[3]);
    }

    public sealed record RandomFile(IReadOnlyList<SeedVectors> Seeds);

    public sealed record SeedVectors(
        int Seed,
        IReadOnlyList<int> InitState,
        IReadOnlyList<uint> Next64,
        IReadOnlyList<int> StateAfterNext64,
        IReadOnlyList<string> Value32,
        IReadOnlyList<IntRange> RangeInt,
        IReadOnlyList<FloatRange> RangeFloat,
        IReadOnlyList<IReadOnlyList<string>> InsideUnitCircle16,
        IReadOnlyList<int> StateAfterInsideUnitCircle16,
        IReadOnlyList<int> StateAfter100000Next);

    public sealed record IntRange(int Min, int Max, IReadOnlyList<int> Results, IReadOnlyList<int> StateAfter);

    public sealed record FloatRange(string Min, string Max, IReadOnlyList<string> Results, IReadOnlyList<int> StateAfter);
}
