using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Status;
using Credstack.Server.Issuers;
using Credstack.Server.StatusLists;
using Credstack.Server.Storage;
using Credstack.Server.Tests.Infrastructure;
using Dapper;

namespace Credstack.Server.Tests.VcApi;

/// <summary>
/// Credentials signed through the VC-API carry a Bitstring Status List entry of their organization's lists, and
/// <c>POST /credentials/status</c> revokes or suspends them: the served list and the server's own verifier see it.
/// </summary>
public sealed class VcApiStatusTests
{
    private const string Conflict = "https://credstack.dev/problems/award-state-conflict";

    [ProviderTheory]
    public async Task An_issued_credential_carries_a_revocation_entry_of_the_organizations_published_status_list(DatabaseProvider provider)
    {
        await using var app = await VcApiTests.StartAsync(provider);
        var (client, did, orgId) = await IssuerAsync(app);

        var credential = await IssueAsync(client, did, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c1");

        var entry = credential.GetProperty("credentialStatus");
        Assert.Equal(JsonValueKind.Object, entry.ValueKind);
        Assert.Equal("BitstringStatusListEntry", entry.GetProperty("type").GetString());
        Assert.Equal("revocation", entry.GetProperty("statusPurpose").GetString());
        var list = entry.GetProperty("statusListCredential").GetString()!;
        Assert.Matches($"^https://credstack.test/status/{orgId}/[0-9a-f]{{32}}/revocation$", list);
        Assert.Equal($"{list}#{entry.GetProperty("statusListIndex").GetString()}", entry.GetProperty("id").GetString());
        var served = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync(new Uri(list).PathAndQuery));
        Assert.Equal(did, served.GetProperty("issuer").GetString());
        Assert.False(await BitAsync(app, entry));
    }

    [ProviderTheory]
    public async Task Revoking_through_the_status_endpoint_reaches_the_served_list_and_POST_verify_reports_it_revoked(DatabaseProvider provider)
    {
        await using var app = await VcApiTests.StartAsync(provider);
        var (client, did, _) = await IssuerAsync(app);
        var credential = await IssueAsync(client, did, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c2");
        var before = await VerifyAsync(app, credential);
        Assert.True(before.GetProperty("verified").GetBoolean(), before.ToString());
        Assert.Equal("valid", before.GetProperty("credential").GetProperty("status").GetString());

        // The shape the W3C Bitstring Status List test suite sends: no "status" member means "set".
        var answer = await Expect.JsonAsync(HttpStatusCode.OK, await client.PostAsJsonAsync("/credentials/status", new
        {
            credentialId = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c2",
            credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = "revocation" },
        }));
        Assert.Equal("revoked", answer.GetProperty("status").GetString());

        // Batched like awards: once the change is as old as the refresh interval, serving re-signs (and the verifier's cached copy has expired).
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await BitAsync(app, credential.GetProperty("credentialStatus")));
        var after = await VerifyAsync(app, credential);
        Assert.False(after.GetProperty("verified").GetBoolean(), after.ToString());
        Assert.Equal("revoked", after.GetProperty("credential").GetProperty("status").GetString());
        Assert.Contains(after.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "status.revoked");
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/credential-not-verified",
            await app.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = credential }));

        // Revoking again changes nothing; revocation cannot be undone, nor a revoked credential suspended.
        Assert.Equal("revoked", (await Expect.JsonAsync(HttpStatusCode.OK, await client.PostAsJsonAsync("/credentials/status", Change(credential, "revocation", true)))).GetProperty("status").GetString());
        await Expect.ProblemAsync(HttpStatusCode.Conflict, Conflict, await client.PostAsJsonAsync("/credentials/status", Change(credential, "revocation", false)));
        await Expect.ProblemAsync(HttpStatusCode.Conflict, Conflict, await client.PostAsJsonAsync("/credentials/status", Change(credential, "suspension", true)));
    }

    [ProviderTheory]
    public async Task Suspension_is_set_in_either_request_shape_and_cleared_again(DatabaseProvider provider)
    {
        await using var app = await VcApiTests.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:StatusLists:EmitSuspensionEntry"] = "true" });
        var (client, did, _) = await IssuerAsync(app);
        // The OB 3.0 schema allows one status object: an Open Badge keeps the revocation entry only, a plain VC gets both.
        Assert.Equal(JsonValueKind.Object, (await IssueAsync(client, did, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000d3")).GetProperty("credentialStatus").ValueKind);
        var credential = await IssueAsync(client, did, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c3", plain: true);
        var entries = credential.GetProperty("credentialStatus");
        Assert.Equal(new[] { "revocation", "suspension" }, entries.EnumerateArray().Select(e => e.GetProperty("statusPurpose").GetString()));
        var refresher = app.Service<StatusListRefresher>();

        // The earlier VC-API shape: an array of { type, status }.
        var suspended = await Expect.JsonAsync(HttpStatusCode.OK, await client.PostAsJsonAsync("/credentials/status", new
        {
            credentialId = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c3",
            credentialStatus = new[] { new { type = "BitstringStatusListEntry", status = "suspended" } },
        }));
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        await refresher.FlushAsync(CancellationToken.None);
        Assert.Equal(new[] { false, true }, new[] { await BitAsync(app, entries[0]), await BitAsync(app, entries[1]) });
        var report = await VerifyAsync(app, credential);
        Assert.Equal("suspended", report.GetProperty("credential").GetProperty("status").GetString());

        // The VC-API shape with "status": false clears the bit; the entry may be named by its id.
        var entry = entries[1];
        var cleared = await Expect.JsonAsync(HttpStatusCode.OK, await client.PostAsJsonAsync("/credentials/status", new
        {
            credentialId = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c3",
            credentialStatus = new { id = entry.GetProperty("id").GetString(), type = "BitstringStatusListEntry", statusPurpose = "suspension" },
            status = false,
        }));
        Assert.Equal("active", cleared.GetProperty("status").GetString());
        await refresher.FlushAsync(CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new[] { false, false }, new[] { await BitAsync(app, entries[0]), await BitAsync(app, entries[1]) });
        Assert.True((await VerifyAsync(app, credential)).GetProperty("verified").GetBoolean());

        // An entry the credential does not have is not found.
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await client.PostAsJsonAsync("/credentials/status", new
        {
            credentialId = "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c3",
            credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = "suspension", statusListIndex = "-1" },
        }));
    }

    [ProviderTheory]
    public async Task An_organization_cannot_change_the_status_of_another_organizations_credential(DatabaseProvider provider)
    {
        await using var app = await VcApiTests.StartAsync(provider);
        var (clientA, didA, _) = await IssuerAsync(app);
        var (clientB, _, _) = await IssuerAsync(app);
        var credential = await IssueAsync(clientA, didA, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c4");

        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await clientB.PostAsJsonAsync("/credentials/status", Change(credential, "revocation", true)));

        await app.Service<StatusListRefresher>().FlushAsync(CancellationToken.None);
        Assert.False(await BitAsync(app, credential.GetProperty("credentialStatus")));
        Assert.True((await VerifyAsync(app, credential)).GetProperty("verified").GetBoolean());
    }

    [ProviderTheory]
    public async Task A_credential_without_an_id_is_named_by_its_revocation_entry_and_one_with_its_own_status_is_left_alone(DatabaseProvider provider)
    {
        await using var app = await VcApiTests.StartAsync(provider);
        var (client, did, _) = await IssuerAsync(app);
        var anonymous = await IssueAsync(client, did, id: null, plain: true);
        var entryId = anonymous.GetProperty("credentialStatus").GetProperty("id").GetString()!;
        var revoked = await Expect.JsonAsync(HttpStatusCode.OK, await client.PostAsJsonAsync("/credentials/status", new
        {
            credentialId = entryId,
            credentialStatus = new[] { new { type = "BitstringStatusListEntry", status = "revoked" } },
        }));
        Assert.Equal("revoked", revoked.GetProperty("status").GetString());

        var own = Credential(did, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c5");
        own["credentialStatus"] = new JsonObject
        {
            ["id"] = "https://status.example/lists/1#5",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "5",
            ["statusListCredential"] = "https://status.example/lists/1",
        };
        var issued = (await Expect.JsonAsync(HttpStatusCode.Created, await client.PostAsJsonAsync("/credentials/issue", new { credential = own }))).GetProperty("verifiableCredential");
        Assert.Equal("https://status.example/lists/1", issued.GetProperty("credentialStatus").GetProperty("statusListCredential").GetString());
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found",
            await client.PostAsJsonAsync("/credentials/status", Change(issued, "revocation", true)));
    }

    [ProviderTheory]
    public async Task A_refused_credential_reserves_no_status_index_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await VcApiTests.StartAsync(provider);
        var (client, did, _) = await IssuerAsync(app);
        var undefinedTerm = Credential(did, "urn:uuid:0193f1a2-7c00-7000-8000-0000000000c6");
        undefinedTerm["notInAnyContext"] = "x";

        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, "https://credstack.dev/problems/credential-rejected",
            await client.PostAsJsonAsync("/credentials/issue", new { credential = undefinedTerm }));
        // An id too long to index (PostgreSQL B-tree entries hold ~2.7 kB).
        var longId = Credential(did, "https://credentials.example/" + string.Concat(Enumerable.Range(0, 500).Select(i => i.ToString("x8", CultureInfo.InvariantCulture))));
        await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, "https://credstack.dev/problems/credential-rejected",
            await client.PostAsJsonAsync("/credentials/issue", new { credential = longId }));

        await using var connection = await app.Service<IConnectionFactory>().OpenAsync(CancellationToken.None);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM status_list_entries;"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM vc_api_credentials;"));
    }

    [Fact]
    public async Task Status_requests_that_name_no_change_are_400_problems()
    {
        await using var app = await VcApiTests.StartAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await IssuerAsync(app);
        object[] bodies =
        [
            new { credentialId = "urn:uuid:1", credentialStatus = new { type = "StatusList2021Entry", statusPurpose = "revocation" } },
            new { credentialId = "urn:uuid:1", credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = "refresh" } },
            new { credentialId = "urn:uuid:1", credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = "revocation" }, status = "yes" },
            new { credentialId = "urn:uuid:1", credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = "revocation", statusListIndex = 5 } },
            new { credentialId = "urn:uuid:1", credentialStatus = Array.Empty<object>() },
            new { credentialId = "urn:uuid:1", credentialStatus = "revoked" },
            new { credentialId = new string('x', 3000), credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = "revocation" } },
        ];
        foreach (var body in bodies)
        {
            await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await client.PostAsJsonAsync("/credentials/status", body));
        }
    }

    private static object Change(JsonElement credential, string purpose, bool set) => new
    {
        credentialId = credential.GetProperty("id").GetString(),
        credentialStatus = new { type = "BitstringStatusListEntry", statusPurpose = purpose },
        status = set,
    };

    /// <summary>An issuer organization's <c>awards:write</c> client, its DID and id.</summary>
    private static async Task<(HttpClient Client, string Did, string OrgId)> IssuerAsync(TestApp app)
    {
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var client = app.TokenClient(await app.CreateTokenAsync(orgId, owner, "awards:write"));
        return (client, app.Service<IssuerIdentity>().Did(orgId), orgId);
    }

    private static JsonObject Credential(string issuer, string? id)
    {
        var credential = Verification.TestCredentials.Unsigned(issuer);
        credential.Remove("id");
        if (id is not null)
        {
            credential["id"] = id;
        }

        return credential;
    }

    /// <summary>A VC 2.0 credential that is no Open Badge (its schema does not ask for an id or one status object).</summary>
    private static JsonObject PlainCredential(string issuer, string? id)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential"),
            ["issuer"] = issuer,
            ["validFrom"] = "2026-01-10T09:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "did:example:learner", ["name"] = "A. Learner" },
        };
        if (id is not null)
        {
            credential["id"] = id;
        }

        return credential;
    }

    private static async Task<JsonElement> IssueAsync(HttpClient client, string did, string? id, bool plain = false)
    {
        var credential = plain ? PlainCredential(did, id) : Credential(did, id);
        var issued = await Expect.JsonAsync(HttpStatusCode.Created, await client.PostAsJsonAsync("/credentials/issue", new { credential }));
        return issued.GetProperty("verifiableCredential");
    }

    /// <summary>POST /verify: the verifier reads this server's did:web document and status lists in-process.</summary>
    private static async Task<JsonElement> VerifyAsync(TestApp app, JsonElement credential)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(credential.GetRawText()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsync("/verify", content));
    }

    /// <summary>The entry's bit in the list the server serves now.</summary>
    private static async Task<bool> BitAsync(TestApp app, JsonElement entry)
    {
        var list = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync(new Uri(entry.GetProperty("statusListCredential").GetString()!).PathAndQuery));
        var decoded = StatusList.Decode(list.GetProperty("credentialSubject").GetProperty("encodedList").GetString());
        Assert.True(decoded.Succeeded);
        return decoded.List!.IsSet(int.Parse(entry.GetProperty("statusListIndex").GetString()!, CultureInfo.InvariantCulture));
    }
}
