using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Accounts;

/// <summary><c>/sign-up</c>: a new account with the same rules as <c>POST /api/v1/accounts</c>, signed in at once.</summary>
[AllowAnonymous]
internal sealed class SignUpPage(AccountStore accounts, IPasswordHasher<Account> hasher) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public List<string> Errors { get; } = [];


    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        foreach (var error in new[] { AccountValidation.Name(DisplayName, "name"), AccountValidation.Email(Email), AccountValidation.Password(Password) })
        {
            if (error is not null)
            {
                Errors.Add(error);
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var placeholder = new Account { Id = "", Email = "", DisplayName = "", PasswordHash = "", CreatedAt = default };
        var account = await accounts.CreateAsync(Email!, DisplayName!.Trim(), hasher.HashPassword(placeholder, Password!), cancellationToken);
        if (account is null)
        {
            Errors.Add("An account with this e-mail address already exists; sign in instead.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        await SessionCookie.SignInAsync(HttpContext, account);
        return LocalRedirect(SignInPage.LocalReturnUrl(ReturnUrl) ?? "/backpack");
    }
}
