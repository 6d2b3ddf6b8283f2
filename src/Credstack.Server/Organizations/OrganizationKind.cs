namespace Credstack.Server.Organizations;

/// <summary>The wire and database names of the kinds of organization.</summary>
internal static class OrganizationKind
{
    /// <summary>Issues credentials (a university, a training provider, a professional body).</summary>
    public const string Issuer = "issuer";

    /// <summary>Verifies credentials and posts jobs.</summary>
    public const string Employer = "employer";

    public static bool IsKnown(string? kind) => kind is Issuer or Employer;
}
