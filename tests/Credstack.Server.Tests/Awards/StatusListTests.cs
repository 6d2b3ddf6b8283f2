using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Credstack.Credentials.Status;
using Credstack.Server.Awards;
using Credstack.Server.Hosting;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Credstack.Server.Tests.Infrastructure;
using Dapper;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Tests.Awards;

public sealed class StatusListTests
{
    [ProviderTheory]
    public async Task A_status_list_is_a_signed_cacheable_credential_that_answers_304_to_its_ETag(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var issued = await AwardsTestApp.IssueAsync(owner, orgId);
        var listUrl = new Uri(issued.GetProperty("award").GetProperty("statusListCredential").GetString()!);
        Assert.Matches($"^http://localhost/status/{orgId}/[0-9a-f]{{32}}/revocation$", listUrl.AbsoluteUri);

        var response = await awards.App.Client.GetAsync(listUrl.PathAndQuery);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        Assert.Equal("application/vc+ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        var etag = response.Headers.ETag!;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await TestVerifier.AssertVerifiesAsync(bytes, awards.App.Clock);

        var list = JsonDocument.Parse(bytes).RootElement;
        Assert.Equal(listUrl.AbsoluteUri, list.GetProperty("id").GetString());
        Assert.Equal(awards.Signer.DidOf(orgId), list.GetProperty("issuer").GetString());
        var subject = list.GetProperty("credentialSubject");
        Assert.Equal("revocation", subject.GetProperty("statusPurpose").GetString());
        var decoded = StatusList.Decode(subject.GetProperty("encodedList").GetString());
        Assert.True(decoded.Succeeded);
        Assert.True(decoded.List!.Length >= 131_072);

        var conditional = new HttpRequestMessage(HttpMethod.Get, listUrl.PathAndQuery);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await awards.App.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var suspension = await awards.App.Client.GetAsync(listUrl.PathAndQuery.Replace("/revocation", "/suspension", StringComparison.Ordinal));
        await Expect.StatusAsync(HttpStatusCode.OK, suspension);
        Assert.Equal("suspension", JsonDocument.Parse(await suspension.Content.ReadAsByteArrayAsync()).RootElement.GetProperty("credentialSubject").GetProperty("statusPurpose").GetString());

        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await awards.App.Client.GetAsync(listUrl.PathAndQuery.Replace("/revocation", "/refresh", StringComparison.Ordinal)));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await awards.App.Client.GetAsync($"/status/{orgId}/0123456789abcdef0123456789abcdef/revocation"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await awards.App.Client.GetAsync(listUrl.PathAndQuery.Replace(orgId, "another-org", StringComparison.Ordinal)));
    }

    [ProviderTheory]
    public async Task Revocation_reaches_a_verifier_once_the_batched_list_is_re_signed(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var issued = await AwardsTestApp.IssueAsync(owner, orgId);
        var awardId = issued.GetProperty("award").GetProperty("id").GetString()!;
        var credential = issued.GetProperty("credential");
        var listPath = new Uri(issued.GetProperty("award").GetProperty("statusListCredential").GetString()!).PathAndQuery;

        async Task<StatusCheckOutcome> CheckAsync() =>
            (await TestServerFetcher.Checker(awards.App.Client, awards.App.Clock).CheckCredentialAsync(credential)).Single().Outcome;

        Assert.Equal(StatusCheckOutcome.Valid, await CheckAsync());
        var before = (await awards.App.Client.GetAsync(listPath)).Headers.ETag;

        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/revoke", new { reason = "Plagiarism found in the final project" }));

        // Batched: within the refresh interval the published list is the one already signed.
        awards.App.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(before, (await awards.App.Client.GetAsync(listPath)).Headers.ETag);
        Assert.Equal(StatusCheckOutcome.Valid, await CheckAsync());

        // Never older than the interval: once the change is that old, serving re-signs first.
        awards.App.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.NotEqual(before, (await awards.App.Client.GetAsync(listPath)).Headers.ETag);
        var result = (await TestServerFetcher.Checker(awards.App.Client, awards.App.Clock).CheckCredentialAsync(credential)).Single();
        Assert.Equal(StatusCheckOutcome.Revoked, result.Outcome);

        // The background round (or its flush hook) publishes without waiting for a request.
        var second = await AwardsTestApp.IssueAsync(owner, orgId);
        var secondId = second.GetProperty("award").GetProperty("id").GetString()!;
        await awards.App.Client.GetAsync(listPath);
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{secondId}/revoke", new { reason = "Issued in error" }));
        Assert.Equal(1, await awards.App.Service<StatusListRefresher>().FlushAsync(CancellationToken.None));
        Assert.Equal(0, await awards.App.Service<StatusListRefresher>().FlushAsync(CancellationToken.None));
        var secondResult = (await TestServerFetcher.Checker(awards.App.Client, awards.App.Clock).CheckCredentialAsync(second.GetProperty("credential"))).Single();
        Assert.Equal(StatusCheckOutcome.Revoked, secondResult.Outcome);
    }

    [ProviderTheory]
    public async Task Suspension_and_reinstatement_flip_the_suspension_entry(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:StatusLists:EmitSuspensionEntry"] = "true" });
        var (orgId, owner) = await awards.OrganizationAsync();
        var issued = await AwardsTestApp.IssueAsync(owner, orgId);
        var awardId = issued.GetProperty("award").GetProperty("id").GetString()!;
        var credential = issued.GetProperty("credential");
        Assert.Equal(2, credential.GetProperty("credentialStatus").GetArrayLength());
        var refresher = awards.App.Service<StatusListRefresher>();

        async Task<StatusCheckOutcome[]> CheckAsync()
        {
            await refresher.FlushAsync(CancellationToken.None);
            var results = await TestServerFetcher.Checker(awards.App.Client, awards.App.Clock).CheckCredentialAsync(credential);
            return [.. results.Select(r => r.Outcome)];
        }

        Assert.Equal([StatusCheckOutcome.Valid, StatusCheckOutcome.Valid], await CheckAsync());
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/suspend", new { reason = "Under review" }));
        Assert.Equal([StatusCheckOutcome.Valid, StatusCheckOutcome.Suspended], await CheckAsync());
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/reinstate", new { reason = "Review passed" }));
        Assert.Equal([StatusCheckOutcome.Valid, StatusCheckOutcome.Valid], await CheckAsync());
        await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/awards/{awardId}/revoke", new { reason = "Withdrawn" }));
        Assert.Equal([StatusCheckOutcome.Revoked, StatusCheckOutcome.Valid], await CheckAsync());
    }

    [ProviderTheory]
    public async Task Parallel_issuance_gives_every_credential_its_own_random_index(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();

        var issued = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            AwardsTestApp.IssueAsync(owner, orgId, new { achievementId = "data-analysis", recipient = new { email = $"p{i}@example.org" } })));
        var entries = issued.Select(e => (List: e.GetProperty("award").GetProperty("statusListCredential").GetString(), Index: e.GetProperty("award").GetProperty("statusListIndex").GetInt64())).ToList();

        Assert.Equal(24, entries.Distinct().Count());
        Assert.Single(entries.Select(e => e.List).Distinct());
        // Random, not in issuance order: 24 sequential indexes would all be below 24.
        Assert.Contains(entries, e => e.Index >= 1000);
    }

    [ProviderTheory]
    public async Task Two_server_processes_on_one_database_never_hand_out_the_same_index(DatabaseProvider provider)
    {
        await using var first = await AwardsTestApp.StartAsync(provider);
        var connectionString = first.App.Service<IOptions<CredstackOptions>>().Value.Storage.ConnectionString;
        await using var second = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:Storage:ConnectionString"] = connectionString });
        var (orgId, owner) = await first.OrganizationAsync();
        second.Achievements.Add(orgId, "data-analysis");
        var opened = await AwardsTestApp.IssueAsync(owner, orgId);
        var listId = ListIdOf(opened);
        var openedIndex = opened.GetProperty("award").GetProperty("statusListIndex").GetInt64();

        // Leave exactly twenty free indexes, so both processes' random draws collide and only the database decides.
        var freeFrom = openedIndex < 60_000 ? 100_000 : 1_000;
        await FillAsync(first, provider, listId, freeFrom, freeFrom + 20);

        // A token, not a session: the two processes have different cookie keys but one database.
        var token = await first.App.CreateTokenAsync(orgId, owner, "awards:write");
        var clients = new[] { first.App.TokenClient(token), second.App.TokenClient(token) };
        var issued = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            AwardsTestApp.IssueAsync(clients[i % 2], orgId, new { achievementId = "data-analysis", recipient = new { email = $"p{i}@example.org" }, notify = false })));

        var indexes = issued.Select(e => e.GetProperty("award").GetProperty("statusListIndex").GetInt64()).Order().ToList();
        Assert.Equal(Enumerable.Range(freeFrom, 20).Select(i => (long)i), indexes);
        Assert.All(issued, e => Assert.Equal(listId, ListIdOf(e)));
    }

    [ProviderTheory]
    public async Task A_full_list_opens_the_next_one_and_no_index_is_handed_out_twice(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var first = await AwardsTestApp.IssueAsync(owner, orgId);
        var firstIndex = first.GetProperty("award").GetProperty("statusListIndex").GetInt64();
        var listId = ListIdOf(first);
        var free = firstIndex == 777 ? 778 : 777;

        // Another process took every other index.
        await FillAsync(awards, provider, listId, free, free + 1);

        var last = await AwardsTestApp.IssueAsync(owner, orgId);
        Assert.Equal(free, last.GetProperty("award").GetProperty("statusListIndex").GetInt64());
        Assert.Contains(listId, last.GetProperty("award").GetProperty("statusListCredential").GetString(), StringComparison.Ordinal);

        var next = await AwardsTestApp.IssueAsync(owner, orgId);
        Assert.DoesNotContain(listId, next.GetProperty("award").GetProperty("statusListCredential").GetString(), StringComparison.Ordinal);
        await Expect.StatusAsync(HttpStatusCode.OK, await awards.App.Client.GetAsync(new Uri(next.GetProperty("award").GetProperty("statusListCredential").GetString()!).PathAndQuery));
    }

    [ProviderTheory]
    public async Task A_batch_takes_the_last_free_indexes_of_a_stale_list_and_continues_in_the_next_one_never_reusing_an_index(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var first = await AwardsTestApp.IssueAsync(owner, orgId);
        var listId = ListIdOf(first);
        var freeFrom = first.GetProperty("award").GetProperty("statusListIndex").GetInt64() < 60_000 ? 100_000 : 1_000;

        // Another process took all but thirty indexes after this process loaded its view of the list.
        await FillAsync(awards, provider, listId, freeFrom, freeFrom + 30);
        var requests = Enumerable.Range(0, 50)
            .Select(i => new AwardRequest("data-analysis", null, new AwardRecipientRequest($"p{i}@example.org"), Notify: false))
            .ToList();
        var outcomes = await awards.App.Service<AwardIssuer>().IssueManyAsync(orgId, requests, null, null, CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(AwardIssueResult.Issued, o.Result));
        var slots = outcomes.Select(o => (o.Award!.StatusListId, o.Award.StatusListIndex)).ToList();
        Assert.Equal(50, slots.Distinct().Count());
        Assert.Equal(Enumerable.Range((int)freeFrom, 30).Select(i => (long)i), slots.Where(s => s.StatusListId == listId).Select(s => s.StatusListIndex).Order());
        Assert.Single(slots.Where(s => s.StatusListId != listId).Select(s => s.StatusListId).Distinct());
        // Each credential carries the index its award holds, and every index is reserved for that award.
        await using var connection = await awards.App.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        foreach (var outcome in outcomes)
        {
            var status = JsonDocument.Parse(outcome.Credential!).RootElement.GetProperty("credentialStatus");
            Assert.Equal(outcome.Award!.StatusListIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), status.GetProperty("statusListIndex").GetString());
            Assert.Equal(outcome.Award.Id, await connection.ExecuteScalarAsync<string>(
                "SELECT award_id FROM status_list_entries WHERE list_id = @StatusListId AND list_index = @StatusListIndex;", new { outcome.Award.StatusListId, outcome.Award.StatusListIndex }));
        }
    }

    private static string ListIdOf(JsonElement issued) =>
        new Uri(issued.GetProperty("award").GetProperty("statusListCredential").GetString()!).Segments[^2].TrimEnd('/');

    /// <summary>Takes every index of a 131,072-entry list except [<paramref name="freeFrom"/>, <paramref name="freeTo"/>), as other processes would.</summary>
    private static async Task FillAsync(AwardsTestApp awards, DatabaseProvider provider, string listId, long freeFrom, long freeTo)
    {
        await using var connection = await awards.App.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        var fill = provider is DatabaseProvider.Postgres
            ? "INSERT INTO status_list_entries (list_id, list_index, award_id, created_at) SELECT @listId, i, 'other-' || i, @now FROM generate_series(0, 131071) AS i WHERE i < @freeFrom OR i >= @freeTo ON CONFLICT DO NOTHING;"
            : "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 131071) INSERT INTO status_list_entries (list_id, list_index, award_id, created_at) SELECT @listId, i, 'other-' || i, @now FROM n WHERE i < @freeFrom OR i >= @freeTo ON CONFLICT DO NOTHING;";
        await connection.ExecuteAsync(fill, new { listId, freeFrom, freeTo, now = awards.App.Clock.GetUtcNow() });
    }
}
