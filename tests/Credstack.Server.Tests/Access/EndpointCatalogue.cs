using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Credstack.Server.Tests.Access;

/// <summary>Every route endpoint the server maps, read from its <see cref="EndpointDataSource"/>.</summary>
internal static class EndpointCatalogue
{
    public static IReadOnlyList<(string Method, string Pattern, RouteEndpoint Endpoint)> Read(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, Normalize(e.RoutePattern.RawText!), e)))
            .OrderBy(e => e.Item2, StringComparer.Ordinal)
            .ThenBy(e => e.m, StringComparer.Ordinal)];

    // A group's MapGet("") ends its pattern with '/'; requests and the matrix name it without.
    private static string Normalize(string pattern) => "/" + pattern.Trim('/');
}
