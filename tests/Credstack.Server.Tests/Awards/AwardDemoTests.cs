using System.Net;
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Status;
using Credstack.Credentials.Validation;
using Credstack.Server.Hosting;
using Credstack.Server.StatusLists;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Awards;

/// <summary>The demo data end to end, with the real issuer keys and achievements: what a newcomer sees and a verifier checks.</summary>
public sealed class AwardDemoTests
{
    [ProviderTheory]
    public async Task The_demo_issues_sixty_credentials_that_verify_from_their_public_URLs_with_revocations_a_verifier_sees(DatabaseProvider provider)
    {
        // A DNS host name in the base URL, so the issuer's did:web resolves (through the test server).
        await using var app = await TestApp.StartAsync(provider, Keys.TestCredentials.Settings, args: ["--demo"]);
        var viewer = await app.SignInAsync(new TestAccount("demo-viewer", DemoSeedContext.ViewerEmail, DemoSeedContext.Password));
        var org = DemoSeedContext.OrganizationId;

        async Task<JsonElement[]> ListAsync(string query) =>
            [.. (await Expect.JsonAsync(HttpStatusCode.OK, await viewer.GetAsync($"/api/v1/orgs/{org}/awards?limit=200&{query}"))).GetProperty("items").EnumerateArray()];

        var all = await ListAsync("");
        Assert.InRange(all.Length, 60, 70);
        Assert.Equal(4, (await ListAsync("status=revoked")).Length);
        Assert.Equal(3, (await ListAsync("status=suspended")).Length);
        Assert.Equal(3, (await ListAsync("status=expired")).Length);
        Assert.Single(all, a => a.GetProperty("replacesAwardId").ValueKind == JsonValueKind.String);
        Assert.Equal(20, all.Select(a => a.GetProperty("recipient").GetProperty("value").GetString()).Distinct().Count());
        Assert.All(all.Where(a => a.GetProperty("recipient").GetProperty("value").GetString() == DemoSeedContext.LearnerEmail), a => Assert.True(a.GetProperty("claimed").GetBoolean()));

        // A verifier that knows nothing but the public URLs: did:web and status lists fetched from the server.
        var resolver = new DidVerificationMethodResolver(new DidResolver(new DidWebResolver(new TestServerDidFetcher(app.Client))));
        var verifier = new DataIntegrityVerifier(resolver, app.Clock);
        var checker = new StatusListChecker(new TestServerFetcher(app.Client), async (_, content, ct) =>
        {
            var report = await verifier.VerifyAsync(content.ToArray(), cancellationToken: ct);
            return report.Succeeded ? StatusListProofResult.Valid : StatusListProofResult.Invalid(report.ToString());
        }, app.Clock);
        await app.Service<StatusListRefresher>().FlushAsync(CancellationToken.None);

        async Task<(byte[] Bytes, StatusCheckOutcome Status)> FetchAndCheckAsync(JsonElement award)
        {
            var response = await app.Client.GetAsync(new Uri(award.GetProperty("credentialId").GetString()!).PathAndQuery);
            await Expect.StatusAsync(HttpStatusCode.OK, response);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var report = await verifier.VerifyAsync(bytes);
            Assert.True(report.Succeeded, report.ToString());
            Assert.True(CredentialValidator.Validate(bytes).IsValid, CredentialValidator.Validate(bytes).ToString());
            var status = await checker.CheckCredentialAsync(JsonDocument.Parse(bytes).RootElement);
            return (bytes, status.Single().Outcome);
        }

        var active = all.First(a => a.GetProperty("status").GetString() == "active" && !a.GetProperty("expired").GetBoolean());
        var (activeBytes, activeStatus) = await FetchAndCheckAsync(active);
        Assert.Equal(StatusCheckOutcome.Valid, activeStatus);
        Assert.Equal(Keys.TestCredentials.DidOf(org), JsonDocument.Parse(activeBytes).RootElement.GetProperty("issuer").GetProperty("id").GetString());
        Assert.Equal(StatusCheckOutcome.Revoked, (await FetchAndCheckAsync(all.First(a => a.GetProperty("status").GetString() == "revoked"))).Status);
    }
}
