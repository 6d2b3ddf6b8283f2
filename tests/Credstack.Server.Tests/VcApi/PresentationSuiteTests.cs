// Replays the 25 presentation inputs of the W3C VC Data Model 2.0 test suite (w3c/vc-data-model-2.0-test-suite
// tests/input/presentation-*, see ../shared/conformance/vc-data-model-2.0-test-suite/README.md) through the in-process
// server the way the upstream mocha suite does: createLocalVp issues each credential without a proof with the local
// holder's key and signs the presentation (eddsa-rdfc-2022, authentication, a challenge and the suite's domain), then
// POST { verifiablePresentation, options: { challenge, domain } } to /presentations/verify. Only status codes count: an
// -ok input answers 2xx, every other input 400, and none ever 401 or 5xx. The suite's holder key is replaced by the
// test's (its did:key is substituted wherever an input names it); presentation-self-asserted-* keep their credentials
// unsigned (holder claims, secured only by the presentation's proof). A presentation the holder cannot sign (JSON-LD
// safe mode refuses it) is sent unsigned, as upstream sends its malformed inputs.
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Keys;

namespace Credstack.Server.Tests.VcApi;

public sealed class PresentationSuiteTests(VcDataModelSuiteTests.Server server) : IClassFixture<VcDataModelSuiteTests.Server>
{
    private const string Suite = "vc-data-model-2.0-test-suite";
    private const string SuiteHolderDid = "did:key:z6MkpJySvETLnxhQG9DzEdmKJtysBDjuuTeDfUj1uNNCUqcj";
    private const string Challenge = "u9kPq2wZ0d3v7TxgA1sYbNw";
    private const string Domain = "github.com/w3c/vc-data-model-2.0-test-suite";

    private static readonly SigningKey Holder = Ed25519SigningKey.Generate();

    /// <summary>Inputs whose answer differs from the file name's, each with the reason; one that starts to behave as named fails the test.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        ["presentation-enveloped-vc-ok"] = "its enveloped credential uses the draft media type application/vc-ld+jwt and an ES256 key published nowhere, so it cannot be verified (see the library suite's expectations file)",
    };

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        if (!Conformance.Has(Suite, "tests", "input"))
        {
            data.Add("suite-missing");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(Conformance.PathOf(Suite, "tests", "input"), "presentation-*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [ConformanceTheory(Suite, "tests", "input")]
    [MemberData(nameof(Inputs))]
    public async Task Presentation_input_is_verified_or_refused_as_its_name_says(string input)
    {
        var name = Path.GetFileNameWithoutExtension(input);
        var holderDid = DidKey.CreateDid(Holder.PublicKey);
        var method = DidKey.VerificationMethodId(Holder.PublicKey);
        var text = (await File.ReadAllTextAsync(Conformance.PathOf(Suite, "tests", "input", input))).Replace(SuiteHolderDid, holderDid, StringComparison.Ordinal);
        var presentation = JsonNode.Parse(text)!.AsObject();
        var signer = new DataIntegritySigner(new FixedTime(server.Now.AddMinutes(-1)));
        if (!name.StartsWith("presentation-self-asserted-", StringComparison.Ordinal) && presentation["verifiableCredential"] is JsonArray credentials)
        {
            for (var i = 0; i < credentials.Count; i++)
            {
                if (credentials[i] is JsonObject credential && !credential.ContainsKey("proof")
                    && !(credential["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && idText.StartsWith("data:", StringComparison.Ordinal)))
                {
                    var copy = (JsonObject)credential.DeepClone();
                    copy["issuer"] = holderDid;
                    var issued = signer.Sign(Encoding.UTF8.GetBytes(copy.ToJsonString()), Holder, new DataIntegrityProofOptions { VerificationMethod = method });
                    if (issued.Succeeded)
                    {
                        credentials[i] = JsonNode.Parse(issued.SignedDocument!);
                    }
                }
            }
        }

        var signed = signer.Sign(Encoding.UTF8.GetBytes(presentation.ToJsonString()), Holder, new DataIntegrityProofOptions
        {
            VerificationMethod = method,
            ProofPurpose = "authentication",
            Challenge = Challenge,
            Domain = Domain,
        });
        var body = signed.Succeeded ? JsonNode.Parse(signed.SignedDocument!) : presentation;

        var response = await server.Client.PostAsJsonAsync("/presentations/verify", new { verifiablePresentation = body, options = new { challenge = Challenge, domain = Domain } });
        var status = (int)response.StatusCode;
        var answer = await response.Content.ReadAsStringAsync();

        Assert.True(status is not (401 or >= 500), $"{name}: {status} {answer}");
        var behavesAsNamed = name.EndsWith("-ok", StringComparison.Ordinal) ? status is >= 200 and < 300 : status == 400;
        if (KnownDifferences.TryGetValue(name, out var reason))
        {
            Assert.False(behavesAsNamed, $"{name} now behaves as its name says; remove it from KnownDifferences ({reason}).");
            return;
        }

        Assert.True(behavesAsNamed, $"{name} (signed: {signed.Succeeded}): {status} {answer}");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
