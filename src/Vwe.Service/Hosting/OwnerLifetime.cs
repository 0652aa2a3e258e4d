using Microsoft.Extensions.Hosting;

namespace Vwe.Service.Hosting;

/// <summary>
/// A host lifetime that leaves signals alone: whoever owns the <see cref="VweService"/> (<c>vwe serve</c>, a test)
/// decides when it stops. The default console lifetime would take Ctrl+C and SIGTERM from the owner.
/// </summary>
internal sealed class OwnerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
