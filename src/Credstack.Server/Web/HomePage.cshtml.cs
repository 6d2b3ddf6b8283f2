using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Web;

/// <summary><c>/</c>: what Credstack is, and the three ways in (verify, backpack, console).</summary>
[AllowAnonymous]
internal sealed class HomePage : PageModel
{
}
