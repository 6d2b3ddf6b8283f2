using System.Globalization;
using Credstack.Server.Access;
using Credstack.Server.ApiTokens;
using Credstack.Server.Issuers;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.Achievements;

/// <summary>
/// Achievements: <c>/api/v1/orgs/{orgId}/achievements</c>. Everyone in the organization reads;
/// issuer staff and above (and tokens with <c>achievements:write</c>) create, edit and archive.
/// Every edit adds an immutable version. Public: <c>/issuers/{issuerId}/achievements/{id}/versions/{n}</c>
/// serves the OB 3.0 Achievement that credentials of that version name.
/// </summary>
internal static class AchievementEndpoints
{
    public static RouteGroupBuilder MapAchievements(this IEndpointRouteBuilder app)
    {
        var hosted = app.MapGroup("/issuers/{issuerId}/achievements").WithTags("Achievements").AllowAnonymous();
        hosted.MapGet("/{achievementId}/versions/{version}", GetPublicAsync).WithName("GetPublishedAchievement")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var group = app.MapOrgGroup("/achievements", "Achievements");
        group.MapGet("", ListAsync).WithName("ListAchievements");
        group.MapPost("", CreateAsync).WithName("CreateAchievement").RequireOrgRole(OrgRole.Issuer, ApiScopes.AchievementsWrite);
        group.MapGet("/{achievementId}", GetAsync).WithName("GetAchievement");
        group.MapPut("/{achievementId}", EditAsync).WithName("EditAchievement").RequireOrgRole(OrgRole.Issuer, ApiScopes.AchievementsWrite);
        group.MapGet("/{achievementId}/versions", ListVersionsAsync).WithName("ListAchievementVersions");
        group.MapGet("/{achievementId}/versions/{version}", GetVersionAsync).WithName("GetAchievementVersion");
        group.MapPost("/{achievementId}/archive", ArchiveAsync).WithName("ArchiveAchievement").RequireOrgRole(OrgRole.Issuer, ApiScopes.AchievementsWrite);
        group.MapPost("/{achievementId}/unarchive", UnarchiveAsync).WithName("UnarchiveAchievement").RequireOrgRole(OrgRole.Issuer, ApiScopes.AchievementsWrite);
        return group;
    }

    private static async Task<Ok<AchievementResponse[]>> ListAsync(OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken, bool includeArchived = false)
    {
        var rows = await achievements.ListAsync(caller.OrganizationId, includeArchived, cancellationToken);
        return TypedResults.Ok(rows.Select(r => AchievementResponse.From(r, identity)).ToArray());
    }

    private static async Task<Results<Created<AchievementResponse>, ValidationProblem>> CreateAsync(
        AchievementDefinition request, OrgCaller caller, AchievementStore achievements, AchievementImageStore images, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var (definition, errors) = await ValidateAsync(request, caller.OrganizationId, images, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var created = await achievements.CreateAsync(caller.OrganizationId, definition, caller.AccountId, cancellationToken);
        return TypedResults.Created($"/api/v1/orgs/{caller.OrganizationId}/achievements/{created.Id}", AchievementResponse.From(created, identity));
    }

    private static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> GetAsync(
        string achievementId, HttpContext http, OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var found = await achievements.FindAsync(caller.OrganizationId, achievementId, null, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        http.Response.Headers.ETag = ETagOf(found.LatestVersion);
        return TypedResults.Ok(AchievementResponse.From(found, identity));
    }

    private static async Task<Results<Ok<AchievementResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        string achievementId, AchievementDefinition request, HttpContext http, OrgCaller caller, AchievementStore achievements, AchievementImageStore images, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        long? expected = null;
        if (http.Request.Headers.IfMatch.Count > 0)
        {
            if (!long.TryParse(http.Request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problem.Validation("If-Match", "If-Match is the ETag of the version the edit is based on, e.g. \"3\".");
            }

            expected = parsed;
        }

        var (definition, errors) = await ValidateAsync(request, caller.OrganizationId, images, cancellationToken);
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var added = await achievements.AddVersionAsync(caller.OrganizationId, achievementId, definition, expected, caller.AccountId, cancellationToken);
        if (added is null)
        {
            return expected is not null && await achievements.FindAsync(caller.OrganizationId, achievementId, null, cancellationToken) is { } current
                ? Problem.Of(StatusCodes.Status412PreconditionFailed, ProblemTypes.Conflict, "Precondition failed", $"The achievement is at version {current.LatestVersion}, not {expected}; reload it and edit again.")
                : NotFound();
        }

        http.Response.Headers.ETag = ETagOf(added.LatestVersion);
        return TypedResults.Ok(AchievementResponse.From(added, identity));
    }

    private static async Task<Results<Ok<AchievementResponse[]>, ProblemHttpResult>> ListVersionsAsync(
        string achievementId, OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var versions = await achievements.ListVersionsAsync(caller.OrganizationId, achievementId, cancellationToken);
        return versions.Count == 0 ? NotFound() : TypedResults.Ok(versions.Select(v => AchievementResponse.From(v, identity)).ToArray());
    }

    private static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> GetVersionAsync(
        string achievementId, string version, OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        // The version is parsed here, not by a route constraint, so a bad one is a 404 only after access is checked.
        var found = ParseVersion(version) is { } number ? await achievements.FindAsync(caller.OrganizationId, achievementId, number, cancellationToken) : null;
        return found is null ? Problem.NotFound($"The achievement has no version {version}.") : TypedResults.Ok(AchievementResponse.From(found, identity));
    }

    private static Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> ArchiveAsync(
        string achievementId, OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken) =>
        SetArchivedAsync(achievementId, true, caller, achievements, identity, cancellationToken);

    private static Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> UnarchiveAsync(
        string achievementId, OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken) =>
        SetArchivedAsync(achievementId, false, caller, achievements, identity, cancellationToken);

    private static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> SetArchivedAsync(
        string achievementId, bool archived, OrgCaller caller, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        if (!await achievements.SetArchivedAsync(caller.OrganizationId, achievementId, archived, cancellationToken))
        {
            return NotFound();
        }

        var found = await achievements.FindAsync(caller.OrganizationId, achievementId, null, cancellationToken);
        return found is null ? NotFound() : TypedResults.Ok(AchievementResponse.From(found, identity));
    }

    private static async Task<IResult> GetPublicAsync(string issuerId, string achievementId, string version, HttpContext http, AchievementStore achievements, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var found = ParseVersion(version) is { } number ? await achievements.FindAsync(issuerId, achievementId, number, cancellationToken) : null;
        if (found is null)
        {
            return Problem.NotFound($"No achievement version '{achievementId}/{version}' was found.");
        }

        // A version never changes, so it may be cached for as long as anyone likes.
        http.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        return TypedResults.Bytes(PublishedDocument.WithContexts(AchievementDocument.ToOpenBadges(found, identity).ToUtf8Json()), "application/ld+json");
    }

    private static async Task<(AchievementDefinition Definition, Dictionary<string, string[]> Errors)> ValidateAsync(
        AchievementDefinition request, string organizationId, AchievementImageStore images, CancellationToken cancellationToken)
    {
        var errors = AchievementValidation.Validate(request, out var definition);
        if (definition.ImageId is { } imageId && !errors.ContainsKey("imageId") && !await images.ExistsAsync(organizationId, imageId, cancellationToken))
        {
            errors["imageId"] = ["The organization has no uploaded image with this id (upload it with POST /api/v1/orgs/{orgId}/images)."];
        }

        return (definition, errors);
    }

    private static long? ParseVersion(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;

    private static ProblemHttpResult NotFound() => Problem.NotFound("The organization has no achievement with this id.");

    private static string ETagOf(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
}
