using Credstack.Credentials.Keys;
using Credstack.Server.Keys;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary><c>/console/{orgId}/issuer/rotate</c>: the confirmation step of a key rotation (<see cref="IssuerKeys.RotateAsync"/>); admins and owners.</summary>
[Authorize]
[ConsoleRole(OrgRole.Admin)]
internal sealed class RotateKeyPage(IssuerKeys keys) : PageModel
{
    [BindProperty]
    public string KeyType { get; set; } = "Ed25519";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IssuerKeyTypes.TryParse(KeyType, out KeyType? keyType))
        {
            return Refuse(StatusCodes.Status400BadRequest, $"The key type is one of {string.Join(", ", IssuerKeyTypes.Names)}.");
        }

        var organizationId = HttpContext.Console().OrganizationId;
        var key = await keys.RotateAsync(organizationId, keyType!.Value, cancellationToken);
        return key is null
            ? Refuse(StatusCodes.Status409Conflict, "Another rotation of this key type happened at the same moment; look at the keys and try again if needed.")
            : Redirect($"/console/{organizationId}/issuer?rotated={Uri.EscapeDataString(KeyType)}");
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }
}
