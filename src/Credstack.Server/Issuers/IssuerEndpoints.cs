using System.Text;
using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.Keys;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.Issuers;

/// <summary>
/// Issuer identity. Public: <c>/issuers/{issuerId}</c> (the organization id) (the OB 3.0 Profile, JSON-LD for machines and
/// HTML for people by the Accept header) and <c>/issuers/{issuerId}/did.json</c> (the did:web DID
/// document). Organization-scoped: <c>/api/v1/orgs/{orgId}/issuer</c> to read and edit the details.
/// </summary>
internal static class IssuerEndpoints
{
    public const string DidMediaType = "application/did+json";

    // Issuer documents change only on edits and rotations; a short public cache spares the database.
    private const string CacheControl = "public, max-age=300";

    public static IEndpointRouteBuilder MapIssuers(this IEndpointRouteBuilder app)
    {
        var hosted = app.MapGroup("/issuers/{issuerId}").WithTags("Issuers").AllowAnonymous();
        hosted.MapGet("", GetProfileAsync).WithName("GetIssuerProfile")
            .Produces(StatusCodes.Status200OK, contentType: "application/ld+json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hosted.MapGet("/did.json", GetDidDocumentAsync).WithName("GetIssuerDidDocument")
            .Produces(StatusCodes.Status200OK, contentType: DidMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var group = app.MapOrgGroup("/issuer", "Issuers");
        group.MapGet("", GetAsync).WithName("GetIssuer");
        group.MapPut("", UpdateAsync).WithName("UpdateIssuer").RequireOrgRole(OrgRole.Admin);
        return app;
    }

    private static async Task<IResult> GetProfileAsync(string issuerId, HttpContext http, IssuerProfiles profiles, IssuerKeys keys, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindAsync(issuerId, cancellationToken);
        if (profile is null)
        {
            return Problem.NotFound($"No issuer '{issuerId}' was found.");
        }

        http.Response.Headers.CacheControl = CacheControl;
        http.Response.Headers.Vary = HeaderNames.Accept;
        http.Response.Headers.Link = $"<{identity.DidDocumentUrl(issuerId)}>; rel=\"alternate\"; type=\"{DidMediaType}\"";
        var format = Negotiate(http.Request.Headers.Accept);
        if (format == "text/html")
        {
            var all = await keys.ListAsync(issuerId, cancellationToken);
            var page = IssuerProfilePage.Render(profile, identity.DidDocumentUrl(issuerId), identity.ProfileUrl(issuerId), all);
            return TypedResults.Text(page, "text/html; charset=utf-8", Encoding.UTF8);
        }

        return TypedResults.Bytes(PublishedDocument.WithContexts(profile.ToUtf8Json()), format);
    }

    private static async Task<IResult> GetDidDocumentAsync(string issuerId, HttpContext http, IssuerProfiles profiles, IssuerKeys keys, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        if (await profiles.FindAsync(issuerId, cancellationToken) is null)
        {
            return Problem.NotFound($"No issuer '{issuerId}' was found.");
        }

        var all = await keys.ListAsync(issuerId, cancellationToken);
        var document = IssuerDidDocument.Create(identity.Did(issuerId), all);
        http.Response.Headers.CacheControl = CacheControl;
        return TypedResults.Bytes(document.ToUtf8Json(), DidMediaType);
    }

    /// <summary>
    /// The representation the Accept header prefers: <c>text/html</c>, <c>application/json</c> or
    /// (default, also for <c>*/*</c> and no header) <c>application/ld+json</c>.
    /// </summary>
    internal static string Negotiate(IList<string> accept)
    {
        if (!MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return "application/ld+json";
        }

        // Highest quality first; on a tie, the order the client wrote.
        foreach (var value in values.Select((v, i) => (v, i)).OrderByDescending(p => p.v.Quality ?? 1).ThenBy(p => p.i).Select(p => p.v))
        {
            if (value.Quality == 0)
            {
                continue;
            }

            var type = value.MediaType.Value ?? "";
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                return "text/html";
            }

            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return "application/json";
            }

            if (type.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase) || type.Equals("*/*", StringComparison.Ordinal) || type.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                return "application/ld+json";
            }
        }

        return "application/ld+json";
    }

    private static async Task<Results<Ok<IssuerResponse>, ProblemHttpResult>> GetAsync(OrgCaller caller, IssuerProfiles profiles, IssuerProfileStore details, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindAsync(caller.OrganizationId, cancellationToken);
        return profile is null
            ? Problem.NotFound("This organization is not an issuer.")
            : TypedResults.Ok(ToResponse(caller.OrganizationId, profile.Name!, await details.FindAsync(caller.OrganizationId, cancellationToken), identity));
    }

    private static async Task<Results<Ok<IssuerResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        UpdateIssuerRequest request, OrgCaller caller, IssuerProfiles profiles, IssuerProfileStore details, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var description = Blank(request.Description);
        var homepage = Blank(request.HomepageUrl);
        var email = Blank(request.Email);
        AccountEndpoints.AddError(errors, "description", description is { Length: > 2000 } ? "The description may have at most 2000 characters." : null);
        AccountEndpoints.AddError(errors, "homepageUrl", homepage is null || IsWebUrl(homepage) ? null : "The home page is an absolute http or https URL of at most 2000 characters.");
        AccountEndpoints.AddError(errors, "email", email is null ? null : AccountValidation.Email(email));
        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var profile = await profiles.FindAsync(caller.OrganizationId, cancellationToken);
        if (profile is null)
        {
            return Problem.NotFound("This organization is not an issuer.");
        }

        var saved = await details.SaveAsync(caller.OrganizationId, description, homepage, email, cancellationToken);
        return TypedResults.Ok(ToResponse(caller.OrganizationId, profile.Name!, saved, identity));
    }

    internal static bool IsWebUrl(string value) =>
        value.Length <= 2000 && Uri.TryCreate(value, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IssuerResponse ToResponse(string organizationId, string name, IssuerProfile? details, IssuerIdentity identity) => new(
        organizationId,
        name,
        identity.Did(organizationId),
        identity.ProfileUrl(organizationId),
        identity.DidDocumentUrl(organizationId),
        details?.Description,
        details?.HomepageUrl,
        details?.Email,
        identity.IsResolvable);
}
