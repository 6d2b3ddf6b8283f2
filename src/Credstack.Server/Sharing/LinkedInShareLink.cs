using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Credstack.Server.Sharing;

/// <summary>
/// LinkedIn's "Add licence or certification" form, pre-filled (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME):
/// the credential's name, the issuer, the issue and expiry month, and the public page as the credential URL.
/// </summary>
internal static class LinkedInShareLink
{
    public static string For(SharedCredential shared)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["startTask"] = "CERTIFICATION_NAME",
            ["name"] = shared.AchievementName,
            ["organizationName"] = shared.IssuerName,
            ["issueYear"] = shared.Award.ValidFrom.Year.ToString(CultureInfo.InvariantCulture),
            ["issueMonth"] = shared.Award.ValidFrom.Month.ToString(CultureInfo.InvariantCulture),
        };
        if (shared.Award.ValidUntil is { } until)
        {
            query["expirationYear"] = until.Year.ToString(CultureInfo.InvariantCulture);
            query["expirationMonth"] = until.Month.ToString(CultureInfo.InvariantCulture);
        }

        query["certUrl"] = shared.PageUrl;
        query["certId"] = shared.Award.Id;
        return QueryHelpers.AddQueryString("https://www.linkedin.com/profile/add", query);
    }
}
