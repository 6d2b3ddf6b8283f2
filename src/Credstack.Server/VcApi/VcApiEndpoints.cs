using System.Security.Claims;
using System.Text.Json;
using Credstack.Credentials.Verification;
using Credstack.Server.Access;
using Credstack.Server.Problems;
using Credstack.Server.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Credstack.Server.VcApi;

/// <summary>
/// The W3C CCG Verifiable Credentials API (VC-API): <c>POST /credentials/verify</c> (public, rate-limited, like
/// <c>/verify</c>), <c>POST /credentials/issue</c> and <c>POST /credentials/status</c> (an organization's API token).
/// </summary>
internal static class VcApiEndpoints
{
    public static RouteGroupBuilder MapVcApi(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<VerificationOptions>>().Value.MaxInputBytes;
        var group = app.MapGroup("/credentials").WithTags("VC-API");

        group.MapPost("/verify", VerifyAsync)
            .WithName("VcApiVerifyCredential")
            .WithSummary("Verify a credential (VC-API): 200 when it verifies, 400 with the report when it does not")
            .AllowAnonymous()
            .RequireRateLimiting(VerificationServices.RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // API tokens only: the token names the organization (the routes do not), and its challenge is a 401 problem.
        var authorized = app.MapGroup("/credentials").WithTags("VC-API")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(AuthenticationSchemes.ApiToken).RequireAuthenticatedUser());
        authorized.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        authorized.MapPost("/issue", IssueAsync)
            .WithName("VcApiIssueCredential")
            .WithSummary("Sign a credential as the API token's organization (VC-API)")
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes));
        authorized.MapPost("/status", UpdateStatusAsync)
            .WithName("VcApiUpdateCredentialStatus")
            .WithSummary("Revoke, suspend or reinstate a credential the organization signed through the VC-API")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        VerifyCredentialRequest request, CredentialVerifier verifier, CancellationToken cancellationToken)
    {
        if (request.VerifiableCredential.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
        {
            return Problem.Validation("verifiableCredential", "Send the credential as a JSON object, or a compact JWT as a JSON string.");
        }

        if (request.Options.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            return Problem.Validation("options", "The options are a JSON object.");
        }

        var verification = new VerificationRequest
        {
            ExpectedChallenge = OptionString(request.Options, "challenge"),
            ExpectedDomain = OptionString(request.Options, "domain"),
        };
        var report = await verifier.VerifyAsync(request.VerifiableCredential, verification, cancellationToken);
        return VerificationResponses.IsUnreadable(report) ? VerificationResponses.Unreadable(report)
            : report.Verified ? VerificationResponses.Report(report)
            : VerificationResponses.NotVerified(report);
    }

    private static async Task<Results<Created<IssueCredentialResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        IssueCredentialRequest request, ClaimsPrincipal user, VcApiIssuer issuer, CancellationToken cancellationToken) =>
        VcApiCaller.TryResolve(user, out var organizationId, out var refusal)
            ? await issuer.IssueAsync(organizationId, VcApiCaller.IssuedBy(user), request, cancellationToken)
            : refusal;

    private static async Task<Results<Ok<UpdateStatusResponse>, ValidationProblem, ProblemHttpResult>> UpdateStatusAsync(
        UpdateStatusRequest request, ClaimsPrincipal user, VcApiStatusUpdater updater, CancellationToken cancellationToken) =>
        VcApiCaller.TryResolve(user, out var organizationId, out var refusal)
            ? await updater.UpdateAsync(organizationId, request, cancellationToken)
            : refusal;

    private static string? OptionString(JsonElement options, string name) =>
        options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
