using System.Text.Json;
using Credstack.Credentials.Verification;
using Credstack.Server.Problems;
using Credstack.Server.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Credstack.Server.VcApi;

/// <summary>
/// The VC-API <c>POST /presentations/verify</c> (public, rate-limited, like <c>/credentials/verify</c>): the holder's proof
/// (authentication, the options' challenge and domain, the holder's key) and every credential in the presentation, with a
/// nested report per credential (docs/verification.md, "Presentations").
/// </summary>
internal static class PresentationVerifyEndpoints
{
    public static RouteGroupBuilder MapVcApiPresentations(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<VerificationOptions>>().Value.MaxInputBytes;
        var group = app.MapGroup("/presentations").WithTags("VC-API");
        group.MapPost("/verify", VerifyAsync)
            .WithName("VcApiVerifyPresentation")
            .WithSummary("Verify a presentation (VC-API): 200 when it and every credential in it verify, 400 with the report when not")
            .AllowAnonymous()
            .RequireRateLimiting(VerificationServices.RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <summary>
    /// Over HTTP an unsigned presentation is refused unless the options allow it: a client that reads only the status code
    /// would otherwise take credentials anyone could have forwarded for the holder's own (the library default warns).
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        VerifyPresentationRequest request, CredentialVerifier verifier, CancellationToken cancellationToken)
    {
        if (request.VerifiablePresentation.ValueKind != JsonValueKind.Object)
        {
            return Problem.Validation("verifiablePresentation", "Send the presentation as a JSON object.");
        }

        if (request.Options.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            return Problem.Validation("options", "The options are a JSON object.");
        }

        var allowUnsigned = request.Options.ValueKind == JsonValueKind.Object
            && request.Options.TryGetProperty("unsignedPresentation", out var unsigned) && unsigned.ValueKind == JsonValueKind.True;
        var verification = new VerificationRequest
        {
            ExpectedChallenge = OptionString(request.Options, "challenge"),
            ExpectedDomain = OptionString(request.Options, "domain"),
            UnsignedPresentation = allowUnsigned ? UnsignedPresentationPolicy.Warn : UnsignedPresentationPolicy.Fail,
        };
        var report = await verifier.VerifyAsync(request.VerifiablePresentation, verification, cancellationToken);
        if (VerificationResponses.IsUnreadable(report))
        {
            return VerificationResponses.Unreadable(report);
        }

        if (report.Credential is not { IsPresentation: true })
        {
            return Problem.Validation("verifiablePresentation", "This is not a verifiable presentation: its type must include \"VerifiablePresentation\" (verify a credential at POST /credentials/verify).");
        }

        return report.Verified ? VerificationResponses.Report(report) : VerificationResponses.NotVerified(report);
    }

    private static string? OptionString(JsonElement options, string name) =>
        options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
