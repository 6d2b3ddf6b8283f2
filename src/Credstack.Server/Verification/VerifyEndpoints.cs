using System.Text.Json;
using Credstack.Credentials.Verification;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Verification;

/// <summary>
/// <c>POST /verify</c>: anyone verifies any credential (JSON, JWT, baked image) and gets the verification report.
/// Public, so it is rate-limited per client address and capped in size.
/// </summary>
internal static class VerifyEndpoints
{
    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        var maxBytes = app.ServiceProvider.GetRequiredService<IOptions<VerificationOptions>>().Value.MaxInputBytes;
        var types = VerificationInput.AcceptedTypes;
        app.MapPost("/verify", VerifyAsync)
            .WithTags("Verification")
            .WithName("Verify")
            .WithSummary("Verify a credential: JSON, a compact JWT, a baked PNG/SVG image, or a multipart file upload of one")
            .AllowAnonymous()
            .RequireRateLimiting(VerificationServices.RateLimitPolicy)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes))
            .Accepts<JsonElement>(types[0], [.. types.Skip(1)])
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }

    /// <summary>200 with the report whether or not the credential verified; a problem only when there was nothing to verify.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> VerifyAsync(
        HttpRequest request, CredentialVerifier verifier, IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var input = await VerificationInput.ReadAsync(request, options.Value.MaxInputBytes, cancellationToken);
        if (input.Problem is { } problem)
        {
            return problem;
        }

        var report = await verifier.VerifyAsync(input.Content, cancellationToken: cancellationToken);
        return VerificationResponses.IsUnreadable(report) ? VerificationResponses.Unreadable(report) : VerificationResponses.Report(report);
    }
}
