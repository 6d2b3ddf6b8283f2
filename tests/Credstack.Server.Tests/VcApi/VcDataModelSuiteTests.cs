// Replays the W3C VC Data Model 2.0 test suite's inputs (w3c/vc-data-model-2.0-test-suite tests/input, see
// ../shared/conformance/vc-data-model-2.0-test-suite/README.md) through the in-process server the way the upstream
// mocha suite drives an implementation: POST { credential, options } to /credentials/issue with the issuer set to the
// implementation's issuer id, then POST { verifiableCredential } to /credentials/verify. Only status codes count:
// an -ok input is issued (2xx, proof an object) and verifies (2xx); a -fail input is refused by the issuer (400/422)
// or by the verifier (400); no input ever gets a 401 or a 5xx. Presentations are replayed by PresentationSuiteTests.
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.VcApi;

public sealed class VcDataModelSuiteTests(VcDataModelSuiteTests.Server server) : IClassFixture<VcDataModelSuiteTests.Server>
{
    private const string Suite = "vc-data-model-2.0-test-suite";

    /// <summary>
    /// Inputs whose outcome here differs from the file name's, each with the reason; a listed input that starts to
    /// behave as named fails the test, so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["credential-proof-ok"] = "the issuer refuses (422) a credential that already carries a proof: signing it would answer a proof set (an array), and the suite requires the issued proof to be an object",
        ["credential-validuntil-ok"] = "issued, but the verifier refuses it: its validUntil (2023) has passed, and a verifier checks the validity period (VC Data Model 2.0 §4.9)",
        ["credential-validuntil-ms-ok"] = "issued, but its validUntil (2023) has passed, so it does not verify",
        ["credential-validuntil-tz-ok"] = "issued, but its validUntil (2023) has passed, so it does not verify",
        ["credential-validfrom-far-future-ok"] = "issued, but its validFrom (year 4023) has not come, so it does not verify",
    };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        if (!Conformance.Has(Suite, "tests", "input"))
        {
            data.Add("suite-missing");
            return data;
        }

        var root = Conformance.PathOf(Suite, "tests", "input");
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith("presentation-", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [ConformanceTheory(Suite, "tests", "input")]
    [MemberData(nameof(Inputs))]
    public async Task Input_is_issued_and_verified_or_refused_as_its_name_says(string input)
    {
        var name = Path.GetFileNameWithoutExtension(input);
        var credential = JsonNode.Parse(await File.ReadAllTextAsync(Conformance.PathOf(Suite, "tests", "input", input)))!.AsObject();
        SetIssuer(credential, name, server.IssuerId);
        SetDates(credential, server.Now);

        var issue = await server.Client.PostAsJsonAsync("/credentials/issue", new { credential, options = new { } });
        var issueStatus = (int)issue.StatusCode;
        Assert.True(issueStatus is not (401 or >= 500), $"issue answered {issueStatus}: {await issue.Content.ReadAsStringAsync()}");

        var verifyStatus = 0;
        var verifyBody = "";
        if (issue.IsSuccessStatusCode)
        {
            var issued = await issue.Content.ReadFromJsonAsync<JsonElement>();
            var signed = issued.GetProperty("verifiableCredential");
            Assert.Equal(JsonValueKind.Object, signed.GetProperty("proof").ValueKind);
            var verify = await server.Client.PostAsJsonAsync("/credentials/verify", new { verifiableCredential = signed });
            verifyStatus = (int)verify.StatusCode;
            verifyBody = await verify.Content.ReadAsStringAsync();
            Assert.True(verifyStatus is not (401 or >= 500), $"verify answered {verifyStatus}: {verifyBody}");
        }

        var accepted = issue.IsSuccessStatusCode && verifyStatus is >= 200 and < 300;
        var refused = issueStatus is 400 or 422 || verifyStatus == 400;
        var outcome = $"issue {issueStatus}: {(issue.IsSuccessStatusCode ? "" : await issue.Content.ReadAsStringAsync())}; verify {verifyStatus}: {verifyBody}";
        var behavesAsNamed = name.EndsWith("-fail-or-inject", StringComparison.Ordinal) ? accepted || refused
            : name.EndsWith("-fail", StringComparison.Ordinal) ? refused
            : accepted;
        if (KnownDifferences.TryGetValue(name, out var reason))
        {
            Assert.False(behavesAsNamed, $"{name} now behaves as its name says; remove it from KnownDifferences ({reason}).");
            return;
        }

        Assert.True(behavesAsNamed, $"{name}: {outcome}");
    }

    /// <summary>
    /// The upstream suite sets the issuer to the implementation's issuer id. Inputs that test the issuer property itself
    /// (credential-issuer-*, credential-no-issuer-*) keep their issuer unless it is a URL, which stands for "the issuer";
    /// issuer objects without an id member (<c>{}</c>, the names-and-descriptions issuer-* inputs) get the id.
    /// </summary>
    private static void SetIssuer(JsonObject credential, string name, string issuerId)
    {
        if (!credential.TryGetPropertyValue("issuer", out var issuer))
        {
            if (!name.Contains("no-issuer", StringComparison.Ordinal))
            {
                credential["issuer"] = issuerId;
            }

            return;
        }

        switch (issuer)
        {
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains(':', StringComparison.Ordinal):
                credential["issuer"] = issuerId;
                break;
            case JsonObject profile when profile["id"] is JsonValue id && id.TryGetValue<string>(out var text) && text.Contains(':', StringComparison.Ordinal):
                profile["id"] = issuerId;
                break;
            case JsonObject profile when !profile.ContainsKey("id"):
                profile["id"] = issuerId;
                break;
        }
    }

    /// <summary>The upstream suite fills the placeholders "PAST DATE" and "FUTURE DATE" with dates around now.</summary>
    private static void SetDates(JsonObject credential, DateTimeOffset now)
    {
        foreach (var property in new[] { "validFrom", "validUntil" })
        {
            var placeholder = credential[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            var date = placeholder switch
            {
                "PAST DATE" => now.AddYears(-1),
                "FUTURE DATE" => now.AddYears(1),
                _ => (DateTimeOffset?)null,
            };
            if (date is { } replacement)
            {
                credential[property] = replacement.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>One server for the whole suite (SQLite; the rate limit off), with an organization's issuing token.</summary>
    public sealed class Server : IAsyncLifetime
    {
        private TestApp? _app;

        public HttpClient Client { get; private set; } = null!;

        public string IssuerId { get; private set; } = "";

        public DateTimeOffset Now => _app!.Clock.GetUtcNow();

        public async Task InitializeAsync()
        {
            _app = await VcApiTests.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Credstack:Verification:RateLimit:PermitLimit"] = "0" });
            (Client, IssuerId) = await VcApiTests.IssuerClientAsync(_app);
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
