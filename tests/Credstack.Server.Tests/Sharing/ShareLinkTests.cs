using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Sharing;
using Microsoft.AspNetCore.WebUtilities;

namespace Credstack.Server.Tests.Sharing;

/// <summary>The criteria Markdown renderer and the LinkedIn link of the public credential page.</summary>
public sealed class ShareLinkTests
{
    [Fact]
    public void Criteria_Markdown_is_rendered_with_raw_HTML_escaped_and_only_web_links_kept()
    {
        var html = CriteriaMarkdown.ToHtml(
            "1. Complete the **six** labs.\n2. <script>alert(1)</script> [evil](javascript:alert(1)) [guide](https://example.org/guide) ![x](https://tracker.example/p.png)");

        Assert.Contains("<strong>six</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/guide\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_LinkedIn_link_prefills_the_certification_form_with_name_issuer_dates_and_the_page()
    {
        var shared = new SharedCredential
        {
            Award = new Award
            {
                Id = "01JAWARD",
                OrganizationId = "org1",
                AchievementId = "a1",
                RecipientType = AwardRecipientTypes.Email,
                Recipient = "ada@example.org",
                CredentialId = "https://issuers.example/credentials/01JAWARD",
                Cryptosuite = "eddsa-rdfc-2022",
                Status = AwardStatuses.Active,
                StatusListId = "l1",
                ValidFrom = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero),
                ValidUntil = new DateTimeOffset(2028, 11, 1, 0, 0, 0, TimeSpan.Zero),
            },
            Bytes = [],
            Viewer = CredentialViewer.Stranger,
            IsPublic = true,
            IssuerName = "Northbridge University",
            IssuerProfileUrl = "https://issuers.example/issuers/org1",
            PageUrl = "https://issuers.example/badges/01JAWARD",
        };

        var url = new Uri(LinkedInShareLink.For(shared));
        Assert.Equal("https://www.linkedin.com/profile/add", url.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("CERTIFICATION_NAME", query["startTask"]);
        Assert.Equal("Credential", query["name"]);
        Assert.Equal("Northbridge University", query["organizationName"]);
        Assert.Equal("2026", query["issueYear"]);
        Assert.Equal("3", query["issueMonth"]);
        Assert.Equal("2028", query["expirationYear"]);
        Assert.Equal("11", query["expirationMonth"]);
        Assert.Equal("https://issuers.example/badges/01JAWARD", query["certUrl"]);
        Assert.Equal("01JAWARD", query["certId"]);
    }
}
