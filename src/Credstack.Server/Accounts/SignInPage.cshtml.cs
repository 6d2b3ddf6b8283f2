using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Accounts;

/// <summary><c>/sign-in</c>: the password form; the same lock-out rules as <c>POST /api/v1/sessions</c>.</summary>
[AllowAnonymous]
internal sealed class SignInPage(PasswordSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }


    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) || Password.Length > AccountValidation.MaxPasswordLength)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Enter your e-mail address and your password.");
        }

        var outcome = await signIn.SignInAsync(Email, Password, cancellationToken);
        if (outcome.LockedOut)
        {
            return Refuse(StatusCodes.Status429TooManyRequests,
                $"Too many failed sign-ins: this account is locked until {outcome.LockedUntil!.Value.ToString("u", CultureInfo.InvariantCulture)}.");
        }

        if (outcome.Account is not { } account)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "The e-mail address or the password is wrong.");
        }

        await SessionCookie.SignInAsync(HttpContext, account);
        return LocalRedirect(LocalReturnUrl(ReturnUrl) ?? "/backpack");
    }

    /// <summary>Only a path on this site (<c>/x</c>, never <c>//host</c> or <c>/\host</c>): no open redirects.</summary>
    public static string? LocalReturnUrl(string? url) =>
        url is { Length: > 0 and <= 2000 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Password = null;
        Response.StatusCode = status;
        return Page();
    }
}
