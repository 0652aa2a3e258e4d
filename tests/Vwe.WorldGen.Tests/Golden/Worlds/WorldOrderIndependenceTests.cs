using Vwe.Tests.Golden;

namespace Vwe.WorldGen.Tests.Golden.Worlds;

/// <summary>
/// ARCHITECTURE "Order independence": a value never depends on evaluation order or thread count. All golden points
/// of one world (hnLycKKCMI: its origin cell holds river points) are evaluated in reverse order, split over two
/// threads with one fork each, and must equal the file-order evaluation and the golden values.
/// </summary>
public class WorldOrderIndependenceTests
{
    [Fact]
    public void Reverse_order_on_two_forks_gives_the_file_order_results()
    {
        GoldenWorldFile golden = GoldenWorldFile.Load("hnLycKKCMI");
        IReadOnlyList<GoldenPoint> points = golden.Points;
        WorldGenerator shared = SharedGenerators.Fork(golden.Seed);

        PointValues[] inFileOrder = PointValues.EvaluateInOrder(shared.Fork(), points, Enumerable.Range(0, points.Count));
        int[] reverse = Enumerable.Range(0, points.Count).Reverse().ToArray();
        PointValues[] reversedOnTwoForks = PointValues.EvaluateOnTwoForks(shared, points, reverse);

        var againstFileOrder = new Differences("hnLycKKCMI reverse order on two forks vs file order");
        var againstGolden = new Differences("hnLycKKCMI reverse order on two forks vs golden");
        for (int i = 0; i < points.Count; i++)
        {
            string where = PointValues.Where(golden.Seed, i, points[i]);
            PointValues.Compare(againstFileOrder, where, inFileOrder[i], reversedOnTwoForks[i]);
            PointValues.Compare(againstGolden, where, points[i], reversedOnTwoForks[i]);
        }

        againstFileOrder.AssertNone();
        againstGolden.AssertNone();
    }
}
