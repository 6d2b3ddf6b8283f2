using System.Net;
using System.Text;
using Credstack.Server.Storage;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Web.Console;

/// <summary>Bad input on the console's forms: a clear message on the page, the right status, and nothing half-saved.</summary>
public sealed class ConsoleInputTests
{
    private const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>""";

    private static readonly KeyValuePair<string, string>[] ValidAchievement =
    [
        new("name", "Data Analysis Fundamentals"),
        new("description", "Cleans, explores and explains data."),
        new("criteriaNarrative", "Pass the final project."),
        new("expiryKind", "none"),
    ];

    [ProviderTheory]
    public async Task An_oversized_badge_image_is_refused_with_413_and_a_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var huge = new byte[(2 * 1024 * 1024) + 10];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(huge, 0);

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/achievements/new", ValidAchievement, [("image", "huge.png", huge, "image/png")]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 2 MiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "achievement_images"));
        Assert.Equal(0, await CountAsync(app, "achievements"));
    }

    [ProviderTheory]
    public async Task A_file_that_is_not_an_image_is_refused_with_415_and_a_message_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/achievements/new", ValidAchievement,
            [("image", "badge.png", Encoding.UTF8.GetBytes("%PDF-1.7 not an image"), "image/png")]);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("not a PNG, JPEG or SVG image", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "achievement_images"));
        Assert.Equal(0, await CountAsync(app, "achievements"));
    }

    [ProviderTheory]
    public async Task A_good_image_with_a_missing_name_stores_neither_the_image_nor_the_achievement(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/achievements/new", ValidAchievement.Where(f => f.Key != "name"),
            [("image", "badge.svg", Encoding.UTF8.GetBytes(Svg), "image/svg+xml")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A name is required.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "achievement_images"));
        Assert.Equal(0, await CountAsync(app, "achievements"));
    }

    [ProviderTheory]
    public async Task A_valid_achievement_form_with_an_image_creates_the_achievement_with_that_image(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/achievements/new",
            [.. ValidAchievement, new("creditsAvailable", "2.5"), new("alignments[0].targetName", "Analyse data"), new("alignments[0].targetUrl", "https://esco.example.org/s/1")],
            [("image", "badge.svg", Encoding.UTF8.GetBytes(Svg), "image/svg+xml")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/achievements"));
        var definition = Assert.Single(list.EnumerateArray()).GetProperty("definition");
        Assert.Equal("Data Analysis Fundamentals", definition.GetProperty("name").GetString());
        Assert.Equal(2.5, definition.GetProperty("creditsAvailable").GetDouble());
        Assert.Equal("Analyse data", definition.GetProperty("alignments")[0].GetProperty("targetName").GetString());
        Assert.False(string.IsNullOrEmpty(definition.GetProperty("imageId").GetString()));
        Assert.Equal(1, await CountAsync(app, "achievement_images"));
    }

    [ProviderTheory]
    public async Task A_malformed_csv_file_gets_a_clear_message_and_no_job(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId);

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/bulk", [new("achievementId", achievementId)],
            [("file", "cohort.csv", [0x65, 0x6D, 0x61, 0x69, 0x6C, 0x0A, 0xFF, 0xFE, 0x00, 0x41], "text/csv")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("This file cannot be read as a bulk CSV", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "bulk_jobs"));
    }

    [ProviderTheory]
    public async Task Running_a_bulk_file_with_a_bad_row_is_refused_with_422_and_stores_no_job(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var achievementId = await ConsoleSeed.AchievementAsync(owner, orgId);

        // The "issue" step re-checks the file it is sent, whatever the dry run showed.
        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/bulk?handler=run",
            [new("achievementId", achievementId), new("csv", "email\nada@example.org\nnot-an-address\n")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, await CountAsync(app, "bulk_jobs"));
        Assert.Equal(0, await CountAsync(app, "awards"));
    }

    [ProviderTheory]
    public async Task Revoking_without_a_reason_is_refused_and_the_credential_stays_active(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var awardId = await ConsoleSeed.AwardAsync(owner, orgId, await ConsoleSeed.AchievementAsync(owner, orgId));

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/credentials/{awardId}/revoke", [new("reason", "  ")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Say why the credential is revoked", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var award = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards/{awardId}"));
        Assert.Equal("active", award.GetProperty("status").GetString());
    }

    [ProviderTheory]
    public async Task Renewing_a_credential_issues_a_replacement_and_revokes_the_old_one_as_superseded(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var awardId = await ConsoleSeed.AwardAsync(owner, orgId, await ConsoleSeed.AchievementAsync(owner, orgId));

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/credentials/{awardId}/renew", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var old = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards/{awardId}"));
        Assert.Equal("revoked", old.GetProperty("status").GetString());
        Assert.Contains(old.GetProperty("replacedByAwardId").GetString()!, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task The_last_owner_cannot_be_demoted_from_the_members_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var members = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/members"));
        var ownerId = members[0].GetProperty("accountId").GetString()!;

        var response = await ConsoleForms.PostAsync(app, owner, $"/console/{orgId}/members?handler=role", [new("accountId", ownerId), new("role", "viewer")]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("last owner", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        members = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/members"));
        Assert.Equal("owner", members[0].GetProperty("role").GetString());
    }

    private static async Task<long> CountAsync(TestApp app, string table)
    {
        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        // table is one of the constants above, never input.
#pragma warning disable CA2100
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
