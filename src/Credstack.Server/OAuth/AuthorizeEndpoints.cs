// RFC 6749 §4.1.1-4.1.2 (authorization endpoint: the person signs in, sees what the client asks for, approves or
// denies; the answer goes back to the registered redirect URI with the state), Open Badges 3.0 §7.1.2.1-7.1.2.2.
using System.Globalization;
using System.Security.Claims;
using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Credstack.Server.OAuth;

/// <summary>The person-facing endpoints of the authorization server: <c>/oauth/authorize</c> and its sign-in form.</summary>
internal static class AuthorizeEndpoints
{
    private const string RetryParameter = "credstack_retry";

    public static RouteGroupBuilder MapOAuthAuthorize(this IEndpointRouteBuilder app)
    {
        // The session is read in the handlers: an anonymous visitor gets a sign-in page, not a 401.
        var group = app.MapGroup("/oauth").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/authorize", AuthorizeAsync).WithName("OAuthAuthorize");
        group.MapPost("/authorize", DecideAsync).WithName("OAuthDecide");
        group.MapPost("/sign-in", SignInAsync).WithName("OAuthSignIn");
        return group;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext context, OAuthClientStore clients, AccountStore accounts, IDataProtectionProvider protection,
        IOptions<OAuthOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var outcome = await AuthorizationRequest.ParseAsync(context.Request.Query, clients, cancellationToken);
        if (outcome.PageError is { } pageError)
        {
            return AuthorizePages.Error(context, StatusCodes.Status400BadRequest, pageError);
        }

        if (outcome.ErrorRedirect is { } errorUrl)
        {
            return TypedResults.Redirect(errorUrl);
        }

        var request = outcome.Request!;
        var account = await SignedInAccountAsync(context, accounts, cancellationToken);
        if (account is null)
        {
            var here = context.Request.Path + context.Request.QueryString;
            return context.Request.Query.ContainsKey(RetryParameter)
                ? AuthorizePages.SignIn(context, StatusCodes.Status200OK, here, null)
                : AuthorizePages.Reload(context, QueryHelpers.AddQueryString(here, RetryParameter, "1"));
        }

        var ticket = new ConsentTicket(
            account.Id, request.Client.Id, request.RedirectUri, OAuthScopes.Join(request.Scopes), request.State, request.CodeChallenge,
            time.GetUtcNow() + options.Value.ConsentLifetime);
        return AuthorizePages.Consent(context, request, account.DisplayName, account.Email, ticket.Protect(protection));
    }

    private static async Task<IResult> DecideAsync(
        HttpContext context, OAuthClientStore clients, AccountStore accounts, AuthorizationCodeStore codes, IDataProtectionProvider protection,
        IOptions<OAuthOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(context, cancellationToken);
        if (form is null)
        {
            return AuthorizePages.Error(context, StatusCodes.Status400BadRequest, "The consent form was not sent as a form.");
        }

        var account = await SignedInAccountAsync(context, accounts, cancellationToken);
        if (account is null)
        {
            return AuthorizePages.Error(context, StatusCodes.Status401Unauthorized, "You are not signed in any more.");
        }

        var ticket = ConsentTicket.Unprotect(protection, form["ticket"].Count == 1 ? form["ticket"][0] : null);
        var now = time.GetUtcNow();
        if (ticket is null || ticket.AccountId != account.Id)
        {
            return AuthorizePages.Error(context, StatusCodes.Status400BadRequest, "This consent form is not valid for your session.");
        }

        if (ticket.ExpiresAt <= now)
        {
            return AuthorizePages.Error(context, StatusCodes.Status400BadRequest, "This consent form has expired.");
        }

        // The client may have changed since the page was shown; the redirect URI must still be one it registered.
        var client = await clients.FindAsync(ticket.ClientId, cancellationToken);
        if (client is null || !client.HasRedirectUri(ticket.RedirectUri))
        {
            return AuthorizePages.Error(context, StatusCodes.Status400BadRequest, "The application is no longer registered with this redirect URI.");
        }

        var decision = form["decision"].ToString();
        if (decision != "approve")
        {
            return TypedResults.Redirect(AuthorizationRequest.ErrorUrl(ticket.RedirectUri, ticket.State, OAuthError.AccessDenied, "The person denied the request."));
        }

        var id = Storage.EntityId.New(time);
        var (code, hash) = OAuthSecret.Create(OAuthSecret.AuthorizationCodePrefix, id);
        await codes.CreateAsync(
            new AuthorizationCode
            {
                Id = id,
                SecretHash = hash,
                GrantId = Storage.EntityId.New(time),
                ClientId = client.Id,
                AccountId = account.Id,
                RedirectUri = ticket.RedirectUri,
                Scope = ticket.Scope,
                CodeChallenge = ticket.CodeChallenge,
                CreatedAt = now,
                ExpiresAt = now + options.Value.AuthorizationCodeLifetime,
            },
            cancellationToken);
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal) { ["code"] = code, ["scope"] = ticket.Scope, ["state"] = ticket.State };
        return TypedResults.Redirect(QueryHelpers.AddQueryString(ticket.RedirectUri, parameters));
    }

    private static async Task<IResult> SignInAsync(HttpContext context, PasswordSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(context, cancellationToken);
        var returnTo = form?["return_to"].ToString() ?? "";
        // Only back to the authorization endpoint: this form must not become an open redirect.
        if (form is null || !returnTo.StartsWith("/oauth/authorize?", StringComparison.Ordinal))
        {
            return AuthorizePages.Error(context, StatusCodes.Status400BadRequest, "The sign-in form is incomplete.");
        }

        var email = form["email"].ToString();
        var password = form["password"].ToString();
        if (email.Length is 0 or > 254 || password.Length is 0 or > AccountValidation.MaxPasswordLength)
        {
            return AuthorizePages.SignIn(context, StatusCodes.Status401Unauthorized, returnTo, "The e-mail address or the password is wrong.");
        }

        var outcome = await signIn.SignInAsync(email, password, cancellationToken);
        if (outcome.LockedOut)
        {
            return AuthorizePages.SignIn(context, StatusCodes.Status429TooManyRequests, returnTo,
                $"Too many failed sign-ins; this account is locked until {outcome.LockedUntil!.Value.ToString("u", CultureInfo.InvariantCulture)}.");
        }

        if (outcome.Account is not { } signedIn)
        {
            return AuthorizePages.SignIn(context, StatusCodes.Status401Unauthorized, returnTo, "The e-mail address or the password is wrong.");
        }

        // The same session as POST /api/v1/sessions, whichever way it began.
        await SessionCookie.SignInAsync(context, signedIn);
        return TypedResults.Redirect(returnTo);
    }

    /// <summary>The account of the session cookie (never an API token: those act for organizations, not people).</summary>
    private static async Task<Account?> SignedInAccountAsync(HttpContext context, AccountStore accounts, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(AuthenticationSchemes.Session);
        return result.Succeeded && result.Principal.FindFirstValue(CredstackClaims.AccountId) is { } id
            ? await accounts.FindByIdAsync(id, cancellationToken)
            : null;
    }

    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context, CancellationToken cancellationToken) =>
        (await FormBody.ReadAsync(context.Request, cancellationToken)).Form;
}
