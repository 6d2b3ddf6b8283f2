namespace Credstack.Server.OAuth;

/// <summary>The grant types of RFC 6749 this server supports (the Open Badges API uses only these, OB 3.0 §7).</summary>
internal static class OAuthGrantTypes
{
    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
}
