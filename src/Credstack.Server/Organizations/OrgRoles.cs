using System.Diagnostics.CodeAnalysis;

namespace Credstack.Server.Organizations;

/// <summary>The wire and database names of <see cref="OrgRole"/>: <c>owner</c>, <c>admin</c>, <c>issuer</c>, <c>viewer</c>.</summary>
internal static class OrgRoles
{
    public static string ToName(this OrgRole role) => role switch
    {
        OrgRole.Owner => "owner",
        OrgRole.Admin => "admin",
        OrgRole.Issuer => "issuer",
        OrgRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out OrgRole? role)
    {
        role = name switch
        {
            "owner" => OrgRole.Owner,
            "admin" => OrgRole.Admin,
            "issuer" => OrgRole.Issuer,
            "viewer" => OrgRole.Viewer,
            _ => null,
        };
        return role is not null;
    }

    public static OrgRole Parse(string name) =>
        TryParse(name, out var role) ? role.Value : throw new FormatException($"unknown organization role '{name}'");
}
