using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Accounts;

/// <summary><c>/sign-out</c>: a form post (never a plain link, so another site cannot sign people out).</summary>
[AllowAnonymous]
internal sealed class SignOutPage : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await SessionCookie.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }
}
