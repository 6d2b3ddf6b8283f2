using Credstack.Server.Accounts;
using Credstack.Server.Hosting;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Credstack.Server.Access;

/// <summary>
/// People sign in with a password and get a session cookie; programs use an organization's API
/// token. Both reach the same endpoints; <see cref="OrgAccessFilter"/> decides per organization.
/// </summary>
internal static class AuthenticationSetup
{
    public static WebApplicationBuilder AddCredstackAuthentication(this WebApplicationBuilder builder)
    {
        var sessionLifetime = builder.Configuration.GetValue<TimeSpan?>("Credstack:SignIn:SessionLifetime") ?? new PasswordSignInOptions().SessionLifetime;
        builder.Services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        // Session cookies are encrypted with data-protection keys kept beside the key ring, so they survive restarts.
        var keyRing = builder.Configuration["Credstack:KeyProtection:KeyRingPath"] ?? new KeyProtectionOptions().KeyRingPath;
        builder.Services.AddDataProtection()
            .SetApplicationName("credstack")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(keyRing), "data-protection")));
        builder.Services.AddAuthentication(AuthenticationSchemes.Default)
            .AddPolicyScheme(AuthenticationSchemes.Default, "Session cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count > 0 ? AuthenticationSchemes.ApiToken : AuthenticationSchemes.Session)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(AuthenticationSchemes.ApiToken, null)
            .AddCookie(AuthenticationSchemes.Session, options =>
            {
                options.Cookie.Name = "credstack_session";
                options.Cookie.HttpOnly = true;
                // Lax: a person following a link from an e-mail (a claim link) or another site arrives signed in,
                // while cross-site POSTs never carry the session. The API's CSRF defence is that, with
                // JSON-only request bodies (a form post cannot send application/json); the pages' forms
                // carry antiforgery tokens.
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.ReturnUrlParameter = "returnUrl";
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = sessionLifetime;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Sign in first.");
                options.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "You may not do this.");
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    // API callers get a problem document, not a redirect to a sign-in page.
    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status, string type, string detail)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            return ApiTokenAuthenticationHandler.WriteProblemAsync(context.HttpContext, problems, status, type, detail);
        }

        if (status == StatusCodes.Status403Forbidden)
        {
            // A signed-in person on a page they may not open: say so, rather than send them to sign in again.
            context.Response.StatusCode = status;
            return Web.HtmlErrorPage.WriteAsync(context.HttpContext, status);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
