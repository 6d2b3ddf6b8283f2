namespace Credstack.Server.Access;

/// <summary>The claims the server puts on a caller: a person (session cookie) or an organization's API token.</summary>
internal static class CredstackClaims
{
    /// <summary>The signed-in account's id (session cookies only).</summary>
    public const string AccountId = "sub";

    /// <summary>The organization an API token acts for (API tokens only).</summary>
    public const string OrganizationId = "org";

    /// <summary>One claim per scope an API token carries.</summary>
    public const string Scope = "scope";

    /// <summary>The API token's id.</summary>
    public const string TokenId = "token_id";
}
