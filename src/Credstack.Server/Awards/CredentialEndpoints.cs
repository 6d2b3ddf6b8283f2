using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Awards;

/// <summary>
/// <c>GET /credentials/{awardId}</c>: the public URL that is each issued credential's <c>id</c>,
/// serving the exact bytes that were signed. The bytes never change (status lives in the status
/// list), so they are cacheable for long. A browser (it prefers HTML) is sent to the credential's page instead
/// (303 to <c>/badges/{awardId}</c>); the answer varies by <c>Accept</c>.
/// </summary>
internal static class CredentialEndpoints
{
    public const string MediaType = "application/vc+ld+json";

    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        app.MapGet("/credentials/{awardId}", GetAsync).WithTags("Credentials").WithName("GetCredential").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: MediaType)
            .Produces(StatusCodes.Status303SeeOther)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(
        string awardId, HttpContext context, AwardStore awards, CancellationToken cancellationToken)
    {
        context.Response.Headers.Vary = "Accept";
        if (Web.WebSetup.WantsHtml(context.Request))
        {
            // The page applies the learner's visibility choice; the signed bytes below stay public, as the credential's id.
            context.Response.Headers.Location = "/badges/" + Uri.EscapeDataString(awardId);
            return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
        }

        var bytes = awardId.Length <= 64 ? await awards.ReadCredentialAsync(awardId, cancellationToken) : null;
        if (bytes is null)
        {
            return Problem.NotFound("There is no credential with this id.");
        }

        context.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        return TypedResults.File(bytes, MediaType);
    }
}
