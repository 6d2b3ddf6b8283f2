using System.Globalization;
using System.Threading.RateLimiting;
using Credstack.Credentials.Verification;
using Credstack.Server.Issuers;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Verification;

/// <summary>Registers the verifier the server uses (one instance: its caches are shared by every request) and the public rate limit.</summary>
internal static class VerificationServices
{
    /// <summary>The rate limiter policy of the public verification endpoints: a fixed window per client IP address.</summary>
    public const string RateLimitPolicy = "public-verification";

    /// <summary>Room for the multipart framing and the other fields of the verify page's form, above the input cap.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public static WebApplicationBuilder AddVerification(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<VerificationOptions>().Bind(builder.Configuration.GetSection(VerificationOptions.Section));
        builder.Services.AddSingleton<RemoteDocumentFetcher>();
        builder.Services.AddSingleton<ILocalDocumentSource, IssuerDocumentSource>();
        builder.Services.AddSingleton<ServerDocumentFetcher>();
        builder.Services.AddSingleton(services => new CredentialVerifier(new CredentialVerifierOptions
        {
            Documents = services.GetRequiredService<ServerDocumentFetcher>(),
            TimeProvider = services.GetRequiredService<TimeProvider>(),
        }));
        builder.Services.AddSingleton<IssuerTrust>();
        builder.Services.AddSingleton<PageVerification>();
        builder.Services.AddSingleton<MatcherPolicy, BrowserFormMatcherPolicy>();
        builder.Services.AddOptions<RazorPagesOptions>().Configure<IOptions<VerificationOptions>>((pages, verification) =>
            // The verify page takes an upload of up to MaxInputBytes plus the form around it; a larger body is refused
            // before it is read (413), one just over the cap gets the page's own message.
            pages.Conventions.AddPageApplicationModelConvention("/Verification/VerifyPage", page =>
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(verification.Value.MaxInputBytes + FormOverheadBytes))));
        builder.Services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectAsync;
            options.AddPolicy(RateLimitPolicy, Partition);
        });
        return builder;
    }

    /// <summary>Applies the rate limit policies; call after <c>UseRouting</c> (the policy is endpoint metadata).</summary>
    public static WebApplication UseVerificationRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<VerificationOptions>>().Value.RateLimit;
        if (limit.PermitLimit <= 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured (docs/server.md).
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var window = http.RequestServices.GetRequiredService<IOptions<VerificationOptions>>().Value.RateLimit.Window;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new()
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.TooManyRequests,
                Title = "Too many requests",
                Detail = $"This address has used its verifications for now; try again in {seconds} s.",
            },
        });
    }
}
