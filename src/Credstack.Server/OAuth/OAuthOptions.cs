namespace Credstack.Server.OAuth;

/// <summary><c>Credstack:OAuth</c>: lifetimes of what the authorization server hands out, and the links the Service Description Document shows.</summary>
internal sealed class OAuthOptions
{
    public const string Section = "Credstack:OAuth";

    /// <summary>RFC 6749 §4.1.2 recommends at most ten minutes.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a consent page stays usable after it was shown.</summary>
    public TimeSpan ConsentLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The privacy policy named in the Service Description Document; default <c>{PublicBaseUrl}/privacy</c>.</summary>
    public string? PrivacyPolicyUrl { get; set; }

    /// <summary>The terms of service named in the Service Description Document; default <c>{PublicBaseUrl}/terms</c>.</summary>
    public string? TermsOfServiceUrl { get; set; }

    /// <summary>An image for the Service Description Document (<c>x-imssf-image</c>); none by default.</summary>
    public string? ImageUrl { get; set; }
}
