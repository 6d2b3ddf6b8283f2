using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Awards;

public sealed class AwardBatchTests
{
    private static object Batch(params string[] emails) =>
        new { items = emails.Select(e => new { achievementId = "data-analysis", recipient = new { email = e }, notify = false }).ToArray() };

    private static HttpRequestMessage Post(string orgId, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orgs/{orgId}/awards/batch") { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    private static async Task<int> CountAsync(HttpClient client, string orgId) =>
        (await Expect.JsonAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}/awards?limit=200"))).GetProperty("items").GetArrayLength();

    [ProviderTheory]
    public async Task Retrying_a_batch_with_its_key_returns_the_same_result_and_issues_once(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var body = new
        {
            items = new object[]
            {
                new { achievementId = "data-analysis", recipient = new { email = "a@example.org" } },
                new { achievementId = "no-such-achievement", recipient = new { email = "b@example.org" } },
                new { achievementId = "data-analysis", recipient = new { did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK" } },
            },
        };

        var first = await Expect.JsonAsync(HttpStatusCode.OK, await owner.SendAsync(Post(orgId, body, "batch-0001")));
        Assert.Equal(2, first.GetProperty("issued").GetInt32());
        Assert.Equal(1, first.GetProperty("failed").GetInt32());
        var results = first.GetProperty("results");
        Assert.Equal("issued", results[0].GetProperty("outcome").GetString());
        Assert.Equal("failed", results[1].GetProperty("outcome").GetString());
        Assert.Equal("https://credstack.dev/problems/not-found", results[1].GetProperty("problemType").GetString());

        var again = await Expect.JsonAsync(HttpStatusCode.OK, await owner.SendAsync(Post(orgId, body, "batch-0001")));
        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.Equal(2, await CountAsync(owner, orgId));

        // A new key is a new batch.
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.SendAsync(Post(orgId, body, "batch-0002")));
        Assert.Equal(4, await CountAsync(owner, orgId));
    }

    [ProviderTheory]
    public async Task Two_simultaneous_requests_with_one_key_issue_once(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var body = Batch("a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => owner.SendAsync(Post(orgId, body, "same-key"))));
        var bodies = new List<string>();
        foreach (var response in responses)
        {
            bodies.Add((await Expect.JsonAsync(HttpStatusCode.OK, response)).GetRawText());
        }

        Assert.Single(bodies.Distinct());
        Assert.Equal(5, await CountAsync(owner, orgId));
    }

    [ProviderTheory]
    public async Task The_same_key_with_another_body_is_a_422_problem_and_keys_are_per_organization(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.SendAsync(Post(orgId, Batch("a@example.org"), "k1")));
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, "https://credstack.dev/problems/idempotency-key-reused",
            await owner.SendAsync(Post(orgId, Batch("someone-else@example.org"), "k1")));
        Assert.Equal(1, await CountAsync(owner, orgId));

        var (otherOrg, otherOwner) = await awards.OrganizationAsync();
        await Expect.StatusAsync(HttpStatusCode.OK, await otherOwner.SendAsync(Post(otherOrg, Batch("someone-else@example.org"), "k1")));
        Assert.Equal(1, await CountAsync(otherOwner, otherOrg));
    }

    [ProviderTheory]
    public async Task A_batch_needs_a_key_and_well_formed_items_before_anything_is_issued(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:Awards:MaxBatchSize"] = "3" });
        var (orgId, owner) = await awards.OrganizationAsync();

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/idempotency-key-required", await owner.SendAsync(Post(orgId, Batch("a@example.org"), null)));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/idempotency-key-required", await owner.SendAsync(Post(orgId, Batch("a@example.org"), new string('k', 256))));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.SendAsync(Post(orgId, new { items = Array.Empty<object>() }, "k")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.SendAsync(Post(orgId, Batch("a@x.org", "b@x.org", "c@x.org", "d@x.org"), "k")));
        var invalid = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await owner.SendAsync(Post(orgId, new { items = new object[] { new { achievementId = "data-analysis", recipient = new { email = "a@example.org" } }, new { achievementId = "data-analysis", recipient = new { email = "nope" } } } }, "k")));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("items[1].recipient.email", out _));

        var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orgs/{orgId}/awards/batch") { Content = new StringContent("{\"items\": [", Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "k");
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", await owner.SendAsync(malformed));

        Assert.Equal(0, await CountAsync(owner, orgId));
        // The refused requests did not use up the key.
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.SendAsync(Post(orgId, Batch("a@example.org"), "k")));
    }
}
