namespace Credstack.Server.Access;

/// <summary>The authentication scheme names.</summary>
internal static class AuthenticationSchemes
{
    /// <summary>Chooses per request: a bearer token when an Authorization header is present, else the session cookie.</summary>
    public const string Default = "credstack";

    /// <summary>The sign-in cookie of people (web pages, and the API from a signed-in browser).</summary>
    public const string Session = "credstack-session";

    /// <summary>An organization's API token, sent as <c>Authorization: Bearer cst_…</c>.</summary>
    public const string ApiToken = "credstack-token";
}
