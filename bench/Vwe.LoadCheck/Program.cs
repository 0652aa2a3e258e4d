using System.Globalization;
using Vwe.Bench;
using Vwe.LoadCheck;

// The service load check of docs/benchmarks.md: starts `vwe serve`, then drives concurrent clients on loopback
// (cached file downloads, point queries on a warm world, fresh worlds) and prints one table row per scenario.
// Usage: vwe-loadcheck --vwe PATH [--clients N] [--seconds S] [--fresh N] [--engines N] [--only files,points,fresh,tiles]
var options = LoadOptions.Parse(args);
await using ServeProcess server = await ServeProcess.StartAsync(
    options.Vwe, [], ["--engines", options.Engines.ToString(CultureInfo.InvariantCulture), "--max-queued", "1000"]);
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
var check = new Scenarios(client, options);
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"vwe serve with {options.Engines} process engines; {options.Clients} clients, {options.Seconds} s per scenario after {Scenarios.WarmUpSeconds} s warm-up"));
Console.WriteLine(LatencySummary.Header);
if (options.Runs("files"))
{
    await check.CachedFilesAsync();
}

if (options.Runs("points"))
{
    await check.PointsAsync();
}

if (options.Runs("fresh"))
{
    await check.FreshWorldsAsync();
}

if (options.Runs("tiles"))
{
    await check.TilesAsync();
}
