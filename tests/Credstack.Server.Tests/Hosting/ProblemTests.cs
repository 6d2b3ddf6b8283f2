using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Hosting;

public sealed class ProblemTests
{
    [ProviderTheory]
    public async Task Malformed_JSON_is_a_400_problem_that_points_at_the_error(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.Client.PostAsync("/api/v1/accounts", new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", response);
        Assert.Contains("not valid JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_JSON_value_of_the_wrong_type_is_a_400_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.Client.PostAsync("/api/v1/accounts", new StringContent("{\"email\": 42}", Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", response);
    }

    [ProviderTheory]
    public async Task A_missing_body_is_a_400_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.Client.PostAsync("/api/v1/accounts", new StringContent("", Encoding.UTF8, "application/json"));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/malformed-request", response);
    }

    [ProviderTheory]
    public async Task A_body_that_is_not_JSON_is_a_415_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.Client.PostAsync("/api/v1/accounts", new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", response);
    }

    [ProviderTheory]
    public async Task A_body_over_the_limit_is_a_413_problem_before_it_is_read(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:Limits:MaxRequestBodyBytes"] = "1000" });
        var body = "{\"email\":\"" + new string('a', 2000) + "\"}";
        var response = await app.Client.PostAsync("/api/v1/accounts", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", response);
        Assert.Contains("at most 1000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_body_in_a_charset_the_server_cannot_decode_is_a_415_problem_not_a_500(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var content = new ByteArrayContent("{\"email\": \"a@example.org\"}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense");
        var problem = await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await app.Client.PostAsync("/api/v1/accounts", content));
        Assert.Contains("nonsense", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Text_with_a_NUL_character_is_a_400_problem_on_both_databases_and_nothing_is_created(DatabaseProvider provider)
    {
        // PostgreSQL text cannot hold a NUL (the insert failed: 500) while SQLite stored it: refused where text enters.
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var malformed = "https://credstack.dev/problems/malformed-request";
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, malformed,
            await owner.PostAsync("/api/v1/orgs", new StringContent("{\"name\": \"a\\u0000b\", \"kind\": \"issuer\"}", Encoding.UTF8, "application/json")));
        Assert.Contains("NUL", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, malformed, await app.Client.PostAsync("/api/v1/accounts",
            new StringContent($"{{\"email\": \"nul@example.org\", \"password\": \"{TestApp.Password}\", \"displayName\": \"\\u0000\"}}", Encoding.UTF8, "application/json")));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, malformed, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards?recipient=a%00b"));

        var organizations = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync("/api/v1/accounts/me"));
        Assert.Equal(1, organizations.GetProperty("memberships").GetArrayLength());
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, await app.Client.PostAsJsonAsync("/api/v1/sessions", new { email = "nul@example.org", password = TestApp.Password }));
    }

    [ProviderTheory]
    public async Task An_OpenAPI_document_that_does_not_exist_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync("/openapi/v2.json"));
        await Expect.StatusAsync(HttpStatusCode.OK, await app.Client.GetAsync("/openapi/v1.json"));
    }

    [ProviderTheory]
    public async Task An_unknown_route_is_a_404_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync("/api/v1/nothing-here"));
    }

    [ProviderTheory]
    public async Task A_wrong_method_is_a_405_problem(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await Expect.ProblemAsync(HttpStatusCode.MethodNotAllowed, "https://credstack.dev/problems/method-not-allowed", await app.Client.PutAsync("/api/v1/accounts", null));
    }

    [ProviderTheory]
    public async Task An_unexpected_exception_is_a_500_problem_without_its_message_or_stack(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.FailWith = "secret detail from inside the server";
        var response = await app.Client.PostAsJsonAsync("/api/v1/accounts", new { email = "a@example.org", password = TestApp.Password, displayName = "A" });
        var problem = await Expect.ProblemAsync(HttpStatusCode.InternalServerError, "https://credstack.dev/problems/internal", response);
        var text = problem.GetRawText();
        Assert.DoesNotContain("secret detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task Health_reports_the_storage_provider(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var health = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync("/healthz"));
        Assert.Equal(provider.ToString().ToLowerInvariant(), health.GetProperty("storage").GetString());
    }
}
