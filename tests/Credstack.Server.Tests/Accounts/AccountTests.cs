using System.Net;
using System.Net.Http.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Accounts;

public sealed class AccountTests
{
    [ProviderTheory]
    public async Task Sign_up_then_sign_in_gives_a_session_that_knows_the_account(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var account = await app.SignUpAsync("Ada@Example.org");
        var client = await app.SignInAsync(account with { Email = "ada@example.org" });

        var me = await Expect.JsonAsync(HttpStatusCode.OK, await client.GetAsync("/api/v1/accounts/me"));
        Assert.Equal(account.Id, me.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal("ada@example.org", me.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(0, me.GetProperty("memberships").GetArrayLength());
        Assert.False(me.GetProperty("account").TryGetProperty("passwordHash", out _));
    }

    [ProviderTheory]
    public async Task Signing_up_twice_with_one_address_is_a_conflict(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await app.SignUpAsync("twice@example.org");
        var response = await app.Client.PostAsJsonAsync("/api/v1/accounts", new { email = " TWICE@example.org ", password = TestApp.Password, displayName = "Again" });
        await Expect.ProblemAsync(HttpStatusCode.Conflict, "https://credstack.dev/problems/conflict", response);
    }

    [ProviderTheory]
    public async Task Sign_up_names_every_invalid_field(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.Client.PostAsJsonAsync("/api/v1/accounts", new { email = "not an address", password = "short", displayName = "" });
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", response);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
    }

    [ProviderTheory]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var account = await app.SignUpAsync();
        var wrong = await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = "not the password" });
        var unknown = await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = "nobody@example.org", password = "not the password" });
        var a = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/invalid-credentials", wrong);
        var b = await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/invalid-credentials", unknown);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
    }

    [ProviderTheory]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password_until_the_lockout_ends(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Credstack:SignIn:MaxFailedAttempts"] = "5",
            ["Credstack:SignIn:LockoutDuration"] = "00:15:00",
        });
        var account = await app.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = "wrong password" }));
        }

        var fifth = await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = "wrong password" });
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, "https://credstack.dev/problems/locked-out", fifth);
        Assert.True(fifth.Headers.Contains("Retry-After"));

        var right = await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = account.Password });
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, "https://credstack.dev/problems/locked-out", right);

        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        await Expect.StatusAsync(HttpStatusCode.OK, await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = account.Password }));
    }

    [ProviderTheory]
    public async Task A_successful_sign_in_resets_the_failure_count(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:SignIn:MaxFailedAttempts"] = "3" });
        var account = await app.SignUpAsync();
        async Task FailAsync() => await Expect.StatusAsync(HttpStatusCode.Unauthorized, await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = account.Email, password = "wrong password" }));
        await FailAsync();
        await FailAsync();
        await app.SignInAsync(account);
        await FailAsync();
        await FailAsync();
        await app.SignInAsync(account);
    }

    [ProviderTheory]
    public async Task Signing_out_ends_the_session(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, client) = await app.SignedInAsync();
        var signOut = await client.DeleteAsync("/api/v1/sessions");
        await Expect.StatusAsync(HttpStatusCode.NoContent, signOut);
        var cleared = signOut.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
    }

    [ProviderTheory]
    public async Task Me_without_a_session_is_a_401_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await app.Client.GetAsync("/api/v1/accounts/me"));
    }

    [ProviderTheory]
    public async Task A_tampered_session_cookie_is_not_a_session(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "credstack_session=CfDJ8forged");
        await Expect.ProblemAsync(HttpStatusCode.Unauthorized, "https://credstack.dev/problems/unauthorized", await client.GetAsync("/api/v1/accounts/me"));
    }
}
