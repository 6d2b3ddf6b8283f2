using Credstack.Credentials.Verification;

namespace Credstack.Server.Verification;

/// <summary>
/// What the pages show of a <see cref="VerificationReport"/>: a verdict in plain words, and the checks grouped
/// the way people ask about a credential (is the signature good, who issued it, is it revoked, is it in date).
/// Rendered by <c>Verification/_VerificationReport.cshtml</c> on the verify page, the public credential page,
/// and the backpack.
/// </summary>
internal sealed record VerificationReportView(VerificationReport Report, bool? TrustedIssuer = null, string? RevocationReason = null)
{
    private static readonly (string Group, string[] Prefixes)[] Groups =
    [
        ("Signature", ["proof."]),
        ("Issuer identity", ["issuer.", "proof.controller", "proof.verification-method"]),
        ("Revocation and suspension", ["status."]),
        ("Validity dates", ["validity."]),
        ("Recipient", ["recipient."]),
        ("Format and content", ["input.", "structure."]),
        ("Endorsements and parts", ["endorsement.", "embedded."]),
    ];

    /// <summary>"Verified", "Revoked", "Suspended", "Expired", or "Not verified".</summary>
    public string Verdict =>
        Report.HasFailed(VerificationCode.StatusRevoked) ? "Revoked"
        : Report.HasFailed(VerificationCode.StatusSuspended) ? "Suspended"
        : Report.HasFailed(VerificationCode.ValidityExpired) ? "Expired"
        : Report.Verified ? "Verified"
        : "Not verified";

    /// <summary>The CSS class of the verdict: ok, warn or bad.</summary>
    public string Tone => Report.Verified ? (Report.Warnings.Any() ? "warn" : "ok") : "bad";

    /// <summary>One sentence under the verdict.</summary>
    public string Explanation => Verdict switch
    {
        "Verified" when Report.Warnings.Any() => "The signature and every required check passed; read the warnings below.",
        "Verified" => "The signature is valid, the issuer controls the signing key, and the credential is neither revoked nor out of date.",
        "Revoked" => RevocationReason is { Length: > 0 } reason ? $"The issuer revoked this credential: {reason}" : "The issuer revoked this credential.",
        "Suspended" => "The issuer has suspended this credential for now.",
        "Expired" => "This credential is past its expiry date.",
        _ => "At least one check failed: see which one below.",
    };

    /// <summary>The checks in groups, in the order above; a check goes to the first group whose prefix it matches.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<VerificationCheck> Checks)> Grouped()
    {
        // Specific codes (proof.controller: issuer identity) win over their family (proof.*: signature).
        var byGroup = Groups.ToDictionary(g => g.Group, _ => new List<VerificationCheck>(), StringComparer.Ordinal);
        var other = new List<VerificationCheck>();
        foreach (var check in Report.Checks)
        {
            var best = Groups
                .SelectMany(g => g.Prefixes.Select(p => (g.Group, Prefix: p)))
                .Where(x => check.Code.StartsWith(x.Prefix, StringComparison.Ordinal))
                .OrderByDescending(x => x.Prefix.Length)
                .Select(x => x.Group)
                .FirstOrDefault();
            (best is null ? other : byGroup[best]).Add(check);
        }

        var result = new List<(string, IReadOnlyList<VerificationCheck>)>();
        foreach (var (group, _) in Groups)
        {
            if (byGroup[group].Count > 0)
            {
                result.Add((group, byGroup[group]));
            }
        }

        if (other.Count > 0)
        {
            result.Add(("Other checks", other));
        }

        return result;
    }

    public static string Mark(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✓",
        CheckStatus.Failed => "✗",
        CheckStatus.Warning => "!",
        _ => "–",
    };

    public static string CssClass(CheckStatus status) => status.ToString().ToLowerInvariant();

    public static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Warning => "warning",
        _ => "skipped",
    };
}
