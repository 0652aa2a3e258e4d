using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Vwe.Service.Api;

/// <summary>
/// Requests that change state (POST, DELETE) need the service's key in <c>X-Api-Key</c> when one is set (always,
/// when bound off loopback): 401 problem+json otherwise. Compared in constant time.
/// </summary>
internal sealed class ApiKeyFilter(string? apiKey) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    private readonly byte[]? key = apiKey is null ? null : Encoding.UTF8.GetBytes(apiKey);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (key is null)
        {
            return next(context);
        }

        string? given = context.HttpContext.Request.Headers[Header].Count == 1 ? context.HttpContext.Request.Headers[Header][0] : null;
        if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), key))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(given is null
            ? Problems.Make(
                StatusCodes.Status401Unauthorized,
                "API key required",
                $"this service needs its key (VWE_API_KEY where it runs) in the {Header} header with every POST and DELETE.")
            : Problems.Make(
                StatusCodes.Status401Unauthorized,
                "Wrong API key",
                $"the {Header} header does not hold this service's key; send the VWE_API_KEY it was started with."));
    }
}
