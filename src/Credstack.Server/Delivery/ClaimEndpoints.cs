using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Awards;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Delivery;

/// <summary><c>POST /api/v1/claims/{token}</c>: a signed-in learner claims a credential sent to them by e-mail.</summary>
internal static class ClaimEndpoints
{
    public static RouteGroupBuilder MapClaims(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/claims").WithTags("Claims").RequireAuthorization();
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/{token}", ClaimAsync).WithName("ClaimCredential")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ClaimResponse>, ProblemHttpResult>> ClaimAsync(
        string token, ClaimsPrincipal user, ClaimLinks claims, AwardStore awards, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(CredstackClaims.AccountId) is not { } accountId)
        {
            return Problem.Forbidden("A credential is claimed by a signed-in person, not an API token.");
        }

        var awardId = await claims.RedeemAsync(token, accountId, cancellationToken);
        var award = awardId is null ? null : await awards.FindByIdAsync(awardId, cancellationToken);
        if (award is null)
        {
            // One answer for unknown, used and expired links: the caller learns nothing about which.
            return Problem.NotFound("This claim link is unknown, already used or expired.");
        }

        return TypedResults.Ok(new ClaimResponse(award.Id, award.CredentialId, award.OrganizationId, award.AchievementId));
    }
}
