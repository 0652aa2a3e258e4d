using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Vwe.Engines.Containers;

/// <summary>Engine containers left behind by pools that were killed (see <see cref="ContainerLabels.IsLeftover"/>).</summary>
public static class LeftoverContainers
{
    /// <summary>Removes every leftover engine container, running or not; returns how many.</summary>
    public static async Task<int> RemoveAsync(DockerClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        IList<ContainerListResponse> ours = await client.Containers.ListContainersAsync(
            new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Engine}=1"] = true },
                },
            },
            cancellationToken).ConfigureAwait(false);
        int removed = 0;
        foreach (ContainerListResponse container in ours.Where(container => ContainerLabels.IsLeftover(container.Labels)))
        {
            try
            {
                await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (DockerApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
            {
                // Gone already, or being removed by another pool's sweep at the same moment.
            }
        }

        return removed;
    }
}
