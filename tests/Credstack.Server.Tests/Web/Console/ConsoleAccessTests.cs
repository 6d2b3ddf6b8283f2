using System.Net;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Web.Console;

/// <summary>
/// Tenant isolation of the console's pages, over every page in <see cref="ConsolePageMatrix"/>: anonymous visitors are
/// sent to sign in, outsiders (and unknown organizations) get 404, members below a page's role get 403 for opening it
/// or submitting its forms, and members with the role get the page.
/// </summary>
public sealed class ConsoleAccessTests
{
    private static readonly string[] Roles = ["viewer", "issuer", "admin", "owner"];

    [ProviderTheory]
    public async Task Every_console_page_answers_each_role_and_outsiders_as_the_console_matrix_says(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync("Home University");
        var (_, foreignOwner) = await app.CreateOrganizationAsync("Foreign Institute");
        var members = new Dictionary<string, HttpClient>(StringComparer.Ordinal) { ["owner"] = owner };
        foreach (var role in Roles.Where(r => r != "owner"))
        {
            members[role] = await app.MemberAsync(orgId, owner, role);
        }

        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{achievementId}"] = achievementId,
            ["{awardId}"] = await ConsoleSeed.AwardAsync(owner, orgId, achievementId),
            ["{jobId}"] = await ConsoleSeed.BulkJobAsync(owner, orgId, achievementId),
            ["{change}"] = "suspend",
        };
        string Url(string pattern, string org) => values.Aggregate(pattern.Replace("{orgId}", org, StringComparison.Ordinal), (url, v) => url.Replace(v.Key, v.Value, StringComparison.Ordinal));

        var failures = new List<string>();
        async Task ExpectAsync(string what, Task<HttpResponseMessage> send, Func<HttpResponseMessage, bool> expected, string expectation)
        {
            using var response = await send;
            if (!expected(response))
            {
                failures.Add($"{what}: expected {expectation}, got {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        foreach (var row in ConsolePageMatrix.Rows)
        {
            var url = Url(row.Pattern, orgId);
            await ExpectAsync($"GET {row.Pattern} anonymously", app.CreateClient().GetAsync(url),
                r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/sign-in?returnUrl=", StringComparison.Ordinal), "a redirect to /sign-in");
            await ExpectAsync($"GET {row.Pattern} as the owner of another organization", foreignOwner.GetAsync(url), r => r.StatusCode == HttpStatusCode.NotFound, "404");
            await ExpectAsync($"GET {row.Pattern} as an owner, for an organization that does not exist", owner.GetAsync(Url(row.Pattern, "no-such-org")), r => r.StatusCode == HttpStatusCode.NotFound, "404");
            for (var i = 0; i < Roles.Length; i++)
            {
                var allowed = i >= Array.IndexOf(Roles, row.ReadRole);
                await ExpectAsync($"GET {row.Pattern} as {Roles[i]}", members[Roles[i]].GetAsync(url),
                    r => r.StatusCode == (allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden), allowed ? "200" : "403");
            }

            if (row.ChangeRole is null)
            {
                continue;
            }

            // Submitting a form: outsiders get 404 and members below the role 403 before the page does anything.
            await ExpectAsync($"POST {row.Pattern} as the owner of another organization", ConsoleForms.PostAsync(app, foreignOwner, url + row.PostQuery, []),
                r => r.StatusCode == HttpStatusCode.NotFound, "404");
            for (var i = 0; i < Array.IndexOf(Roles, row.ChangeRole); i++)
            {
                await ExpectAsync($"POST {row.Pattern} as {Roles[i]}", ConsoleForms.PostAsync(app, members[Roles[i]], url + row.PostQuery, []),
                    r => r.StatusCode == HttpStatusCode.Forbidden, "403");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [ProviderTheory]
    public async Task An_API_token_cannot_open_a_console_page_even_of_its_own_organization(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var token = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "read", "awards:write", "achievements:write"));

        var response = await token.GetAsync($"/console/{orgId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [ProviderTheory]
    public async Task The_console_lists_the_organizations_of_the_signed_in_person_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, owner) = await app.CreateOrganizationAsync("Home University");
        await app.CreateOrganizationAsync("Foreign Institute");

        var html = await (await owner.GetAsync("/console")).Content.ReadAsStringAsync();

        Assert.Contains("Home University", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Foreign Institute", html, StringComparison.Ordinal);
    }
}
