using System.Text.Json;
using System.Text.Json.Nodes;

namespace Credstack.Interop.Tests;

/// <summary>
/// The Digital Bazaar verifier (<c>@digitalbazaar/vc</c>, with the DCC Bitstring Status List library for status) accepts
/// a credential fetched from the running demo server, given nothing but what the server publishes: the issuer's did.json
/// and the status lists, fetched from the server and handed to the harness's offline document loader. A credential the
/// demo revoked is refused for its status.
/// </summary>
public sealed class DemoServerTests
{
    [InteropFact]
    public async Task Digital_Bazaar_vc_accepts_a_credential_fetched_from_the_running_demo_server_and_refuses_a_revoked_one()
    {
        await using var server = await DemoServer.StartAsync();
        var awards = await server.AwardsAsync();
        var active = awards.First(a => a.GetProperty("status").GetString() == "active" && !a.GetProperty("expired").GetBoolean());
        var revoked = awards.First(a => a.GetProperty("status").GetString() == "revoked");
        var credentials = new[]
        {
            await server.GetJsonAsync(active.GetProperty("credentialId").GetString()!),
            await server.GetJsonAsync(revoked.GetProperty("credentialId").GetString()!),
        };

        // Everything a verifier on the network would fetch, fetched from the server once: the did:web document, the status lists.
        var did = credentials[0].GetProperty("issuer").GetProperty("id").GetString()!;
        Assert.StartsWith("did:web:127.0.0.1%3A", did, StringComparison.Ordinal);
        var documents = new JsonObject { [did] = JsonNode.Parse((await server.GetJsonAsync($"{server.Address.AbsoluteUri}issuers/{DemoServer.OrganizationId}/did.json")).GetRawText()) };
        foreach (var entry in credentials.SelectMany(StatusEntries))
        {
            var list = entry.GetProperty("statusListCredential").GetString()!;
            documents[list] ??= JsonNode.Parse((await server.GetJsonAsync(list)).GetRawText());
        }

        var file = Path.Combine(Directory.CreateTempSubdirectory("credstack-demo-documents-").FullName, "documents.json");
        try
        {
            await File.WriteAllTextAsync(file, documents.ToJsonString());
            var results = await JavaScriptStack.RunAsync("verify", [.. credentials.Select(c => c.GetRawText().ReplaceLineEndings(""))], "--documents", file);

            Assert.True(results[0]["verified"]?.GetValue<bool>() == true, results[0].ToJsonString());
            Assert.Empty(results[0]["errors"]!.AsArray());
            Assert.True(results[0]["status"]?.GetValue<bool>() == true, results[0].ToJsonString());

            Assert.False(results[1]["verified"]?.GetValue<bool>() == true, results[1].ToJsonString());
            Assert.True(results[1]["status"]?.GetValue<bool>() == false, results[1].ToJsonString());
            Assert.Contains(results[1]["errors"]!.AsArray(), e => ((string?)e)?.Contains("revocation bit is set", StringComparison.Ordinal) == true);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static IEnumerable<JsonElement> StatusEntries(JsonElement credential)
    {
        var status = credential.GetProperty("credentialStatus");
        return status.ValueKind == JsonValueKind.Array ? status.EnumerateArray() : [status];
    }
}
