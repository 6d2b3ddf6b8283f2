using Credstack.Server.Accounts;
using Credstack.Server.Issuers;
using Credstack.Server.Keys;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/issuer</c>: the issuer's identity (its did:web DID, profile and DID document), the profile
/// details verifiers see (admins edit them, with the rules of <c>PUT …/issuer</c>) and its signing keys.
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer, Change = OrgRole.Admin)]
internal sealed class IssuerPage(IssuerProfileStore profiles, IssuerKeys keys) : PageModel
{
    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? HomepageUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rotated { get; set; }

    public IReadOnlyList<IssuerKey> Keys { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        var profile = await profiles.FindAsync(organizationId, cancellationToken);
        (Description, HomepageUrl, Email) = (profile?.Description, profile?.HomepageUrl, profile?.Email);
        Keys = await keys.ListAsync(organizationId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        var description = Blank(Description);
        var homepage = Blank(HomepageUrl);
        var email = Blank(Email);
        if (description is { Length: > 2000 })
        {
            Errors["description"] = "The description may have at most 2000 characters.";
        }

        if (homepage is not null && !IssuerEndpoints.IsWebUrl(homepage))
        {
            Errors["homepageUrl"] = "The home page is an absolute http or https URL of at most 2000 characters.";
        }

        if (email is not null && AccountValidation.Email(email) is { } emailError)
        {
            Errors["email"] = emailError;
        }

        if (Errors.Count > 0)
        {
            Keys = await keys.ListAsync(organizationId, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await profiles.SaveAsync(organizationId, description, homepage, email, cancellationToken);
        return Redirect($"/console/{organizationId}/issuer?saved=true");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
