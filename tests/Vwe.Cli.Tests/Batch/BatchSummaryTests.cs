namespace Vwe.Cli.Tests.Batch;

public class BatchSummaryTests
{
    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(10, 1)]
    [InlineData(100, 10)]
    public void Percentiles_are_nearest_rank(int percent, double expected)
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(expected, BatchSummary.Percentile(sorted, percent));
    }

    [Fact]
    public void No_values_give_zero()
    {
        Assert.Equal(0, BatchSummary.Percentile([], 50));
    }
}
