using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Accounts;

public sealed class ConcurrencyTests
{
    [ProviderTheory]
    public async Task Parallel_sign_ups_all_succeed_and_parallel_duplicates_produce_exactly_one_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var distinct = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            app.Client.PostAsJsonAsync("/api/v1/accounts", new { email = $"p{i}@example.org", password = TestApp.Password, displayName = $"P{i}" })));
        Assert.All(distinct, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var same = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            app.Client.PostAsJsonAsync("/api/v1/accounts", new { email = "same@example.org", password = TestApp.Password, displayName = "Same" })));
        Assert.Equal(1, same.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, same.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }
}
