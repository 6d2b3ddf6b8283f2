namespace Credstack.Server.Organizations;

/// <summary>A member's role in an organization; each role includes the rights of the roles below it.</summary>
internal enum OrgRole
{
    /// <summary>Reads everything of the organization.</summary>
    Viewer = 1,

    /// <summary>Staff who issue and revoke credentials.</summary>
    Issuer = 2,

    /// <summary>Manages achievements, keys, members (except owners) and API tokens.</summary>
    Admin = 3,

    /// <summary>Everything, including adding and removing owners.</summary>
    Owner = 4,
}
