using System.Security.Cryptography;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.StatusLists;

/// <summary>
/// The public, cacheable status list credentials: <c>GET /status/{issuerId}/{listId}/{revocation|suspension}</c> (the issuer id is the organization id),
/// with an ETag, a short <c>Cache-Control</c> max-age and <c>If-None-Match</c> → 304.
/// </summary>
internal static class StatusListEndpoints
{
    public const string MediaType = "application/vc+ld+json";

    public static IEndpointRouteBuilder MapStatusLists(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status/{issuerId}/{listId}/{purpose}", GetAsync)
            .WithTags("Status lists").WithName("GetStatusListCredential").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string issuerId, string listId, string purpose, HttpContext context, StatusListReader reader, IOptions<StatusListOptions> options,
        CancellationToken cancellationToken)
    {
        if (!StatusListPurposes.TryParse(purpose, out var statusPurpose))
        {
            return Problem.NotFound("Status lists are published for the purposes 'revocation' and 'suspension'.");
        }

        var read = await reader.ReadAsync(issuerId, listId, statusPurpose.Value, cancellationToken);
        if (!read.ListExists)
        {
            return Problem.NotFound("There is no such status list.");
        }

        if (read.Credential is not { } bytes)
        {
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemTypes.ForStatus(503), "Status list not published yet",
                "The issuer cannot sign its status list yet (no active issuer key); try again later.");
        }

        var interval = options.Value.RefreshInterval;
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = interval > TimeSpan.Zero ? interval : TimeSpan.Zero };
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(bytes, MediaType);
    }
}
