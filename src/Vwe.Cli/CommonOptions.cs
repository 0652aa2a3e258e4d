using System.CommandLine;

namespace Vwe.Cli;

/// <summary>Arguments and options several commands take, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The world's seed: text hashed as the game does, or with <see cref="IntSeed"/> the int itself (see <see cref="SeedInput"/>).</summary>
    public static Argument<string> Seed() => new("seed")
    {
        Description = "The world's seed text exactly as typed in the game, hashed as the game does (12345 is text too). " +
            "With --int: the world's int seed, as 'vwe seed' prints it.",
    };

    public static Option<bool> IntSeed() => new("--int")
    {
        Description = "Take <seed> as the world's int seed instead of seed text.",
    };
}
