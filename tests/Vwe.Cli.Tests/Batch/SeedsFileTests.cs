using Vwe.WorldGen;

namespace Vwe.Cli.Tests.Batch;

public class SeedsFileTests
{
    [Fact]
    public void Lines_are_taken_verbatim_with_only_the_line_ending_removed()
    {
        IReadOnlyList<BatchSeed> seeds = SeedsFile.Parse("hnLycKKCMI\r\n  padded  \nint:-42\nint:1706363555\n", "seeds.txt");

        Assert.Equal(
            [
                new BatchSeed(1, StableHash.WorldSeed("hnLycKKCMI"), "hnLycKKCMI"),
                new BatchSeed(2, StableHash.WorldSeed("  padded  "), "  padded  "),
                new BatchSeed(3, -42, null),
            ],
            seeds.Take(3));

        // Line 4 is hnLycKKCMI's world again: it would write the same folder, so it is listed once.
        Assert.Equal(3, seeds.Count);
    }

    [Fact]
    public void Blank_lines_and_comments_are_skipped_and_text_prefix_keeps_them()
    {
        IReadOnlyList<BatchSeed> seeds = SeedsFile.Parse("# a comment\n\n \t \ntext:# not a comment\ntext:int:7\ntext:\ntext: \n", "seeds.txt");

        Assert.Equal(
            ["# not a comment", "int:7", "", " "],
            seeds.Select(seed => seed.Text));
        Assert.Equal([4, 5, 6, 7], seeds.Select(seed => seed.Line));
        Assert.Equal(StableHash.WorldSeed(""), seeds[2].Seed);
    }

    [Theory]
    [InlineData("int:12x", "seeds.txt:1: '12x' is not an int seed")]
    [InlineData("ok\nint:99999999999", "seeds.txt:2: '99999999999' is not an int seed")]
    [InlineData("# only comments\n\n", "seeds file 'seeds.txt' lists no seed")]
    public void Bad_lines_name_the_file_and_line(string content, string expected)
    {
        var exception = Assert.Throws<InputException>(() => SeedsFile.Parse(content, "seeds.txt"));
        Assert.StartsWith(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_text_over_the_limit_is_refused_with_its_line()
    {
        string content = "a\n" + new string('x', SeedInput.MaxTextLength + 1);

        var exception = Assert.Throws<InputException>(() => SeedsFile.Parse(content, "s"));
        Assert.StartsWith($"s:2: seed text is {SeedInput.MaxTextLength + 1} UTF-16 code units long", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_a_folder_or_non_UTF8_text_is_a_clear_input_error()
    {
        using var temp = new TempDirectory();
        string latin1 = temp.Combine("latin1.txt");
        File.WriteAllBytes(latin1, [0x73, 0xE9, 0x65, 0x64, 0x0A]);

        Assert.Contains("does not exist", Assert.Throws<InputException>(() => SeedsFile.Read(temp.Combine("missing.txt"))).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<InputException>(() => SeedsFile.Read(temp.Combine("no-folder", "seeds.txt"))).Message, StringComparison.Ordinal);
        Assert.Contains("is a folder", Assert.Throws<InputException>(() => SeedsFile.Read(temp.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("is not UTF-8 text", Assert.Throws<InputException>(() => SeedsFile.Read(latin1)).Message, StringComparison.Ordinal);
    }
}
