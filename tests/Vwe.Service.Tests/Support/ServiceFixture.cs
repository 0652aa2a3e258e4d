namespace Vwe.Service.Tests.Support;

/// <summary>
/// One <c>vwe serve</c> (two process engines) with a data folder of its own, shared by the tests of a class; stopped
/// with SIGTERM at the end, which must leave no engine process behind, and its folder deleted.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory data = new();
    private ServeProcess? serve;

    internal ServeProcess Serve => serve ?? throw new InvalidOperationException("the service has not started");

    internal ServiceApi Api => Serve.Api;

    /// <summary>The service's data folder (jobs.db and worlds/).</summary>
    internal TempDirectory Data => data;

    public async Task InitializeAsync() => serve = await ServeProcess.StartAsync(data.Path);

    /// <summary>Stops the service (xunit calls this first, then <see cref="Dispose"/>).</summary>
    public async Task DisposeAsync()
    {
        if (serve is not null)
        {
            await serve.DisposeAsync();
        }
    }

    /// <summary>Deletes the data folder.</summary>
    public void Dispose() => data.Dispose();
}
