using Credstack.Credentials.Model;
using Credstack.Server.Awards;

namespace Credstack.Server.Sharing;

/// <summary>
/// One issued credential as its public page and downloads show it: the award, the exact signed bytes, what they say
/// (parsed, null when the bytes are not an OB 3.0 AchievementCredential the model reads), and who is looking.
/// </summary>
internal sealed record SharedCredential
{
    public required Award Award { get; init; }

    /// <summary>The exact bytes that were signed.</summary>
    public required byte[] Bytes { get; init; }

    public AchievementCredential? Credential { get; init; }

    public required CredentialViewer Viewer { get; init; }

    public required bool IsPublic { get; init; }

    /// <summary>The claiming learner's display name; null until the credential is claimed.</summary>
    public string? RecipientName { get; init; }

    public required string IssuerName { get; init; }

    /// <summary>The issuer's hosted profile (HTML for browsers, JSON-LD for others).</summary>
    public required string IssuerProfileUrl { get; init; }

    /// <summary>The absolute URL of this credential's public page.</summary>
    public required string PageUrl { get; init; }

    public string AchievementName => Credential?.CredentialSubject.Achievement.Name ?? Credential?.Name ?? "Credential";

    public string? AchievementDescription => Credential?.CredentialSubject.Achievement.Description;

    public bool IsRevoked => Award.Status == AwardStatuses.Revoked;
}
