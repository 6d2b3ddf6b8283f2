using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Credstack.Server.Sharing;
using Credstack.Server.Tests.Achievements;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Sharing;

/// <summary>A credential issued, claimed (and optionally made public) through the API with the real issuer signer, for page tests.</summary>
internal sealed record SharedCredentials(string OrgId, HttpClient Owner, string AwardId, string CredentialId, TestAccount Learner, HttpClient LearnerClient)
{
    /// <summary>The status list is re-signed at once on read, so a revocation shows on the next page view.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // A DNS host name, so that the issuers' did:web DIDs are valid and resolve in-process.
            ["Credstack:PublicBaseUrl"] = Keys.TestCredentials.PublicBaseUrl,
            ["Credstack:StatusLists:RefreshInterval"] = "00:00:00",
            ["Credstack:StatusLists:BackgroundRefresh"] = "false",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<SharedCredentials> IssueAsync(TestApp app, byte[]? image = null, bool makePublic = false, string learnerName = "Ada Lovelace")
    {
        var (orgId, owner) = await app.CreateOrganizationAsync("Northbridge University");
        string? imageId = null;
        if (image is not null)
        {
            var uploaded = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsync($"/api/v1/orgs/{orgId}/images", Images.Body(image, null)));
            imageId = uploaded.GetProperty("id").GetString();
        }

        var achievement = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/achievements", AchievementTests.FullDefinition(imageId: imageId)));
        var email = $"learner{Guid.NewGuid():N}@example.org";
        var grade = achievement.GetProperty("achievement").GetProperty("resultDescription")[0].GetProperty("id").GetString();
        var issued = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards", new
        {
            achievementId = achievement.GetProperty("id").GetString(),
            recipient = new { email },
            results = new[] { new { resultDescription = grade, value = "A" } },
        }));
        var award = issued.GetProperty("award");
        var awardId = award.GetProperty("id").GetString()!;

        var outbox = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/outbox"));
        var body = Assert.Single(outbox.EnumerateArray()).GetProperty("body").GetString()!;
        var token = Regex.Match(body, "/claim/([A-Za-z0-9_-]+)").Groups[1].Value;
        var learner = await app.SignUpAsync(email, displayName: learnerName);
        var learnerClient = await app.SignInAsync(learner);
        await Expect.JsonAsync(HttpStatusCode.OK, await learnerClient.PostAsync($"/api/v1/claims/{token}", null));
        if (makePublic)
        {
            await app.Service<AwardSharingStore>().SetPublicAsync(awardId, orgId, true, CancellationToken.None);
        }

        return new SharedCredentials(orgId, owner, awardId, award.GetProperty("credentialId").GetString()!, learner, learnerClient);
    }

    public async Task RevokeAsync(string reason) =>
        await Expect.JsonAsync(HttpStatusCode.OK, await Owner.PostAsJsonAsync($"/api/v1/orgs/{OrgId}/awards/{AwardId}/revoke", new { reason }));

    /// <summary>A GET as a browser would send it (it prefers HTML).</summary>
    public static HttpRequestMessage Html(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        return request;
    }

    /// <summary>
    /// Posts a page's form as a browser does: GETs <paramref name="pageUrl"/> for the antiforgery token and cookie, then
    /// posts <paramref name="fields"/> with them (and the client's session cookie, if any).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string postUrl, IDictionary<string, string> fields, bool withToken = true)
    {
        using var page = await client.SendAsync(Html(pageUrl));
        var html = await page.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__csrf\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {pageUrl} ({(int)page.StatusCode})");
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).ToList() : [];
        if (client.DefaultRequestHeaders.TryGetValues("Cookie", out var session))
        {
            cookies.AddRange(session);
        }

        var form = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        if (withToken)
        {
            form["__csrf"] = WebUtility.HtmlDecode(token);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("text/html");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }
}
