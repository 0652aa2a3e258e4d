using Vwe.Maps.Export;

namespace Vwe.Maps.Tests.Export;

public class ExportFormatsTests
{
    [Theory]
    [InlineData("bin", ExportFormats.Bin)]
    [InlineData("bin,png", ExportFormats.Bin | ExportFormats.Png)]
    [InlineData(" PNG , Json,bin ", ExportFormats.Bin | ExportFormats.Json | ExportFormats.Png)]
    [InlineData("json,json", ExportFormats.Json)]
    public void A_list_of_format_names_parses_to_flags(string list, ExportFormats expected)
    {
        Assert.Equal(expected, ExportFormatNames.Parse(list));
        Assert.Equal(expected, ExportFormatNames.Parse(ExportFormatNames.Format(expected)));
    }

    [Theory]
    [InlineData("gif")]
    [InlineData("bin,tiff")]
    [InlineData("")]
    [InlineData(",")]
    [InlineData(null)]
    public void An_unknown_or_empty_list_is_refused_naming_the_valid_formats(string? list)
    {
        var error = Assert.Throws<FormatException>(() => ExportFormatNames.Parse(list));

        Assert.Contains("bin, json, png", error.Message, StringComparison.Ordinal);
    }
}
