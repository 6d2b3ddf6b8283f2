using System.Reflection;
using Credstack.Server.Organizations;

namespace Credstack.Server.Access;

/// <summary>
/// Who is calling an organization-scoped endpoint: a member (with their role) or one of the
/// organization's API tokens (with its scopes). A handler takes it as a parameter
/// (<c>static … HandleAsync(OrgCaller caller, …)</c>); <see cref="OrgAccessFilter"/> fills it in
/// before the handler runs. Parameters bind before filters run, so binding yields a placeholder
/// that the filter replaces; a handler outside <c>MapOrgGroup</c> would get the placeholder, whose
/// every property throws, so a missing filter can never pass as an empty organization.
/// </summary>
internal sealed class OrgCaller
{
    private static readonly OrgCaller Unresolved = new();

    private readonly string? _organizationId;

    public OrgCaller(string organizationId, string? accountId, OrgRole? role, string? tokenId, IReadOnlySet<string> scopes)
    {
        _organizationId = organizationId;
        AccountId = accountId;
        Role = role;
        TokenId = tokenId;
        Scopes = scopes;
    }

    private OrgCaller()
    {
        Scopes = new HashSet<string>();
    }

    public string OrganizationId => _organizationId
        ?? throw new InvalidOperationException("OrgCaller was not resolved: the endpoint is not in an organization group (MapOrgGroup).");

    /// <summary>The member's account; null for an API token.</summary>
    public string? AccountId { get; }

    /// <summary>The member's role; null for an API token.</summary>
    public OrgRole? Role { get; }

    /// <summary>The API token's id; null for a member.</summary>
    public string? TokenId { get; }

    /// <summary>The API token's scopes; empty for a member.</summary>
    public IReadOnlySet<string> Scopes { get; }

    public bool IsToken => TokenId is not null;

    /// <summary>Minimal API binding: a placeholder, replaced by <see cref="OrgAccessFilter"/>.</summary>
    public static ValueTask<OrgCaller?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<OrgCaller?>(Unresolved);
}
