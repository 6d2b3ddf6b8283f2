using System.Security.Claims;
using Credstack.Server.Access;
using Microsoft.AspNetCore.Authentication;

namespace Credstack.Server.Accounts;

/// <summary>The session cookie a person gets on signing in, from the API (<c>POST /api/v1/sessions</c>) or the sign-in page.</summary>
internal static class SessionCookie
{
    public static Task SignInAsync(HttpContext context, Account account)
    {
        var identity = new ClaimsIdentity(
            [new Claim(CredstackClaims.AccountId, account.Id), new Claim(ClaimTypes.Name, account.DisplayName), new Claim(ClaimTypes.Email, account.Email)],
            AuthenticationSchemes.Session, ClaimTypes.Name, null);
        return context.SignInAsync(AuthenticationSchemes.Session, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(AuthenticationSchemes.Session);
}
