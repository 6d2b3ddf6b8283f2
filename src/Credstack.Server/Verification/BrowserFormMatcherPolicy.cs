using Credstack.Server.Web;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.Verification;

/// <summary>
/// Chooses between a page marked <see cref="BrowserFormEndpointAttribute"/> and an API endpoint at the same route. The
/// page gets GET and HEAD, and posts that are browser form submissions: <c>application/x-www-form-urlencoded</c> or
/// <c>multipart/form-data</c> from a caller that prefers HTML (<see cref="WebSetup.WantsHtml"/>). Every other request,
/// including a multipart upload from an API client, keeps going to the API endpoint exactly as before.
/// </summary>
internal sealed class BrowserFormMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // After the HTTP method policy, which has already dropped the endpoints that do not take the method.
    public override int Order => 100;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(IsPage) && endpoints.Any(e => !IsPage(e));

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var request = httpContext.Request;
        var toPage = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || (HttpMethods.IsPost(request.Method) && IsForm(request.ContentType) && WebSetup.WantsHtml(request));
        var pageCandidate = false;
        for (var i = 0; i < candidates.Count; i++)
        {
            pageCandidate |= candidates.IsValidCandidate(i) && IsPage(candidates[i].Endpoint);
        }

        if (!pageCandidate)
        {
            return Task.CompletedTask;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && IsPage(candidates[i].Endpoint) != toPage)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsPage(Endpoint endpoint) => endpoint.Metadata.GetMetadata<BrowserFormEndpointAttribute>() is not null;

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && (parsed.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || parsed.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase));
}
