using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Awards;

/// <summary>
/// <c>GET /credentials/{awardId}</c>: the public URL that is each issued credential's <c>id</c>,
/// serving the exact bytes that were signed. The bytes never change (status lives in the status
/// list), so they are cacheable for long.
/// </summary>
internal static class CredentialEndpoints
{
    public const string MediaType = "application/vc+ld+json";

    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        app.MapGet("/credentials/{awardId}", GetAsync).WithTags("Credentials").WithName("GetCredential").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string awardId, HttpContext context, AwardStore awards, CancellationToken cancellationToken)
    {
        var bytes = awardId.Length <= 64 ? await awards.ReadCredentialAsync(awardId, cancellationToken) : null;
        if (bytes is null)
        {
            return Problem.NotFound("There is no credential with this id.");
        }

        context.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        return TypedResults.File(bytes, MediaType);
    }
}
