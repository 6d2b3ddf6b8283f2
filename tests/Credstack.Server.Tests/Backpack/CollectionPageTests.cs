using System.Net;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Verification;

namespace Credstack.Server.Tests.Backpack;

/// <summary>Collections (named groups of a person's badges) over HTTP on both databases.</summary>
public sealed class CollectionPageTests
{
    [ProviderTheory]
    public async Task A_person_groups_badges_into_a_named_collection_and_takes_them_out_again(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        var itemId = await ImportAsync(ada);

        var created = await ada.PostFormAsync("/backpack/collections", "/backpack/collections", new Dictionary<string, string> { ["name"] = "Data skills" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var collection = created.Headers.Location!.OriginalString;
        Assert.Contains("This collection is empty", await ada.GetPageAsync(collection), StringComparison.Ordinal);

        var added = await ada.PostFormAsync(collection, collection + "?handler=Add", new Dictionary<string, string> { ["itemId"] = itemId });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await ada.GetPageAsync(collection);
        Assert.Contains($"href=\"/backpack/credentials/{itemId}\"", page, StringComparison.Ordinal);
        Assert.Contains("1 badge", await ada.GetPageAsync("/backpack/collections"), StringComparison.Ordinal);

        await ada.PostFormAsync(collection, collection + "?handler=Remove", new Dictionary<string, string> { ["itemId"] = itemId });
        Assert.Contains("This collection is empty", await ada.GetPageAsync(collection), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync($"/backpack/credentials/{itemId}")).StatusCode);

        var deleted = await ada.PostFormAsync(collection, collection + "?handler=Delete", new Dictionary<string, string>());
        Assert.Equal("/backpack/collections?deleted=1", deleted.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.GetAsync(collection)).StatusCode);
    }

    [ProviderTheory]
    public async Task A_collection_needs_a_name_of_its_own_and_a_refused_one_creates_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await ada.PostFormAsync("/backpack/collections", "/backpack/collections", new Dictionary<string, string> { ["name"] = "Teaching" })).StatusCode);

        var duplicate = await ada.PostFormAsync("/backpack/collections", "/backpack/collections", new Dictionary<string, string> { ["name"] = " Teaching " });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Matches("role=\"alert\">You already have a collection called", await duplicate.Content.ReadAsStringAsync());
        var empty = await ada.PostFormAsync("/backpack/collections", "/backpack/collections", new Dictionary<string, string> { ["name"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var tooLong = await ada.PostFormAsync("/backpack/collections", "/backpack/collections", new Dictionary<string, string> { ["name"] = new string('x', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(await ada.GetPageAsync("/backpack/collections"), "href=\"/backpack/collections/[0-9a-f]{32}\""));
    }

    [ProviderTheory]
    public async Task Another_person_cannot_see_or_change_a_collection_nor_add_someone_elses_badge(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (_, ada) = await PageClient.SignedInAsync(app);
        var (_, bo) = await PageClient.SignedInAsync(app);
        var adasItem = await ImportAsync(ada);
        var bosItem = await ImportAsync(bo);
        var collection = (await ada.PostFormAsync("/backpack/collections", "/backpack/collections", new Dictionary<string, string> { ["name"] = "Mine" })).Headers.Location!.OriginalString;
        await ada.PostFormAsync(collection, collection + "?handler=Add", new Dictionary<string, string> { ["itemId"] = adasItem });

        Assert.Equal(HttpStatusCode.NotFound, (await bo.GetAsync(collection)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostFormAsync("/backpack", collection + "?handler=Add", new Dictionary<string, string> { ["itemId"] = bosItem })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostFormAsync("/backpack", collection + "?handler=Remove", new Dictionary<string, string> { ["itemId"] = adasItem })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bo.PostFormAsync("/backpack", collection + "?handler=Delete", new Dictionary<string, string>())).StatusCode);
        Assert.DoesNotContain("Mine", await bo.GetPageAsync("/backpack/collections"), StringComparison.Ordinal);

        // Ada cannot put Bo's badge in her collection either.
        Assert.Equal(HttpStatusCode.NotFound, (await ada.PostFormAsync(collection, collection + "?handler=Add", new Dictionary<string, string> { ["itemId"] = bosItem })).StatusCode);
        var page = await ada.GetPageAsync(collection);
        Assert.Contains($"href=\"/backpack/credentials/{adasItem}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(bosItem, page, StringComparison.Ordinal);
    }

    private static async Task<string> ImportAsync(PageClient client)
    {
        var check = await client.UploadAsync("/backpack/import", "/backpack/import", TestCredentials.Signed(), "credential.json");
        await Expect.StatusAsync(HttpStatusCode.OK, check);
        var kept = await client.PostFormAsync("/backpack/import", "/backpack/import?handler=Keep",
            new Dictionary<string, string> { ["pendingId"] = PageClient.Hidden(await check.Content.ReadAsStringAsync(), "pendingId") });
        await Expect.StatusAsync(HttpStatusCode.Redirect, kept);
        return kept.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1];
    }
}
