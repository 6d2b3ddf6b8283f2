// W3C vc-jose-cose-test-suite (tests/input + test-mapping), read from ../shared/conformance/vc-jose-cose.
// Every JOSE, SD-JWT and COSE case is accounted for in vc-jose-cose-cases.json: run, or unsupported with a reason.
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;
using Xunit.Abstractions;

namespace Credstack.Credentials.Tests.Jose;

public sealed class VcJoseCoseConformanceTests(ITestOutputHelper output)
{
    private const string Suite = "vc-jose-cose";

    public static TheoryData<string> RunCases() => CaseNames(run: true);

    public static TheoryData<string> UnsupportedCases() => CaseNames(run: false);

    [ConformanceTheory(Suite, "tests", "test-mapping.json")]
    [MemberData(nameof(RunCases))]
    public async Task Jose_case_gives_the_expected_result(string name)
    {
        var (mapping, plan) = Case(name);
        var expected = mapping.GetProperty("expected_result").GetString();
        var (outcome, problems) = string.Equals(mapping.GetProperty("fn").GetString(), "issue", StringComparison.Ordinal)
            ? await IssueAsync(mapping)
            : await VerifyAsync(mapping);

        output.WriteLine($"{name}: {outcome} [{string.Join("; ", problems)}]");
        if (plan.TryGetProperty("note", out var note))
        {
            output.WriteLine("Note: " + note.GetString());
        }

        Assert.Equal(expected, outcome);
        if (plan.TryGetProperty("expectedProblem", out var expectedProblem))
        {
            Assert.Contains(problems, p => p.StartsWith(expectedProblem.GetString() + ":", StringComparison.Ordinal));
        }
    }

    [ConformanceTheory(Suite, "tests", "test-mapping.json")]
    [MemberData(nameof(UnsupportedCases))]
    public async Task Unsupported_case_has_a_reason_and_its_input_is_refused_cleanly(string name)
    {
        var (mapping, plan) = Case(name);
        var reason = plan.GetProperty("reason").GetString();
        Assert.False(string.IsNullOrWhiteSpace(reason));
        output.WriteLine($"{name}: not supported: {reason}");

        if (string.Equals(mapping.GetProperty("fn").GetString(), "verify", StringComparison.Ordinal))
        {
            // SD-JWT and COSE inputs are not compact JWS: the verifier must say so as a value, not throw or accept.
            var (outcome, problems) = await VerifyAsync(mapping);
            output.WriteLine($"Credstack's verifier: {outcome} [{string.Join("; ", problems)}]");
            Assert.Equal("failure", outcome);
        }
        else if (Key(mapping).GetProperty("publicKeyJwk").GetProperty("crv").GetString() == "P-521")
        {
            var imported = JsonWebKey.Parse(Key(mapping).GetProperty("secretKeyJwk").GetRawText()).Key!.ToSigningKey();
            Assert.Equal(KeyProblem.UnsupportedKeyType, imported.Problem);
        }
    }

    [ConformanceFact(Suite, "tests", "input", "presentation-multiple.json")]
    public async Task The_case_4_presentation_issues_and_verifies_with_a_P384_key_in_place_of_P521()
    {
        var secret = JsonWebKey.Parse(JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Suite, "tests", "input", "vm-p384.json"))).RootElement
            .GetProperty("secretKeyJwk").GetRawText()).Key!.ToSigningKey();
        using var key = secret.Key!;
        var signed = JwtCredentialSigner.SignPresentation(File.ReadAllBytes(Conformance.PathOf(Suite, "tests", "input", "presentation-multiple.json")), key, "k");
        Assert.True(signed.Succeeded, signed.ToString());

        var result = await new JwtVerifier(new StaticJwtKeyResolver().Add("k", key.PublicKey)).VerifyAsync(signed.Token);
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(["application/vc+jwt", "application/vc+sd-jwt", "application/vc+cose"], result.EnvelopedCredentials.Select(c => c.MediaType));
    }

    [ConformanceFact(Suite, "tests", "test-mapping.json")]
    public void Every_mapping_case_is_listed_in_the_plan_and_nothing_else_is()
    {
        var numbers = AllMappingCases().Select(c => c.Mapping.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var planned = Plan().EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(35, numbers.Count);
        Assert.Equal(numbers, planned);
    }

    private static async Task<(string Outcome, List<string> Problems)> IssueAsync(JsonElement mapping)
    {
        var key = Key(mapping);
        var secret = JsonWebKey.Parse(key.GetProperty("secretKeyJwk").GetRawText()).Key!.ToSigningKey();
        if (!secret.Succeeded)
        {
            return ("failure", [$"{secret.Problem}: {secret.Detail}"]);
        }

        using var signingKey = secret.Key;
        var kid = key.GetProperty("publicKeyJwk").GetProperty("kid").GetString()!;
        var document = File.ReadAllBytes(Input(mapping));
        var presentation = IsPresentation(mapping);
        var signed = presentation
            ? JwtCredentialSigner.SignPresentation(document, signingKey, kid)
            : JwtCredentialSigner.SignCredential(document, signingKey, kid);
        if (!signed.Succeeded)
        {
            return ("failure", [$"{signed.Problem}: {signed.Detail}"]);
        }

        // The payload is the document's exact bytes, and the issuer can verify its own output.
        Assert.Equal(document, JoseTokens.PayloadBytes(signed.Token));
        var header = JoseTokens.Part(signed.Token, 0);
        Assert.Equal(presentation ? "vp+jwt" : "vc+jwt", header.GetProperty("typ").GetString());
        Assert.Equal(kid, header.GetProperty("kid").GetString());

        var verifier = new JwtVerifier(new StaticJwtKeyResolver().Add(kid, signingKey.PublicKey));
        var verified = await verifier.VerifyAsync(signed.Token, presentation ? JwtProfile.VcJosePresentation : JwtProfile.VcJoseCredential);
        return (verified.Succeeded ? "success" : "failure", verified.Problems.Select(p => p.ToString()).ToList());
    }

    private static async Task<(string Outcome, List<string> Problems)> VerifyAsync(JsonElement mapping)
    {
        var publicJwk = JsonWebKey.Parse(Key(mapping).GetProperty("publicKeyJwk").GetRawText()).Key!;
        using var publicKey = publicJwk.ToVerificationKey().Key;
        var resolver = new StaticJwtKeyResolver();
        if (publicKey is not null)
        {
            // The suite's kid is the RFC 7638 thumbprint of the key.
            Assert.Equal(publicJwk.Kid, publicKey.ComputeJwkThumbprint());
            resolver.Add(publicJwk.Kid!, publicKey);
        }

        var token = await File.ReadAllTextAsync(Input(mapping));
        var verifier = new JwtVerifier(resolver, new FixedTimeProvider(IssuedAt(token)));
        var result = await verifier.VerifyAsync(token, IsPresentation(mapping) ? JwtProfile.VcJosePresentation : JwtProfile.VcJoseCredential);
        return (result.Succeeded ? "success" : "failure", result.Problems.Select(p => p.ToString()).ToList());
    }

    // The suite's presentations expired in December 2024; check each token as of the moment it was issued.
    private static DateTimeOffset IssuedAt(string token)
    {
        try
        {
            if (JoseTokens.Part(token.Trim(), 1).TryGetProperty("iat", out var iat) && iat.ValueKind == JsonValueKind.Number)
            {
                return DateTimeOffset.FromUnixTimeSeconds(iat.GetInt64() + 1);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or IndexOutOfRangeException)
        {
            // Not a JWS with a JSON payload: no issuance time to use; the verifier reports the real problem.
        }

        return new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    private static bool IsPresentation(JsonElement mapping) => mapping.GetProperty("feature").GetString()!.StartsWith("presentation", StringComparison.Ordinal);

    private static string Input(JsonElement mapping) => Conformance.PathOf(Suite, "tests", "input", mapping.GetProperty("input_file").GetString()!);

    private static JsonElement Key(JsonElement mapping) =>
        JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Suite, "tests", "input", mapping.GetProperty("key_file").GetString()!))).RootElement;

    private static (JsonElement Mapping, JsonElement Plan) Case(string name)
    {
        var mapping = AllMappingCases().Single(c => c.Name == name).Mapping;
        var number = mapping.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (mapping, Plan().GetProperty(number));
    }

    private static TheoryData<string> CaseNames(bool run)
    {
        var data = new TheoryData<string>();
        if (!Conformance.Has(Suite, "tests", "test-mapping.json"))
        {
            // Keeps the theory discoverable; the ConformanceTheory attribute skips it (or fails it under CI).
            data.Add("(conformance suite missing)");
            return data;
        }

        var plan = Plan();
        foreach (var (name, mapping) in AllMappingCases())
        {
            var number = mapping.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var isRun = plan.TryGetProperty(number, out var entry) && string.Equals(entry.GetProperty("status").GetString(), "run", StringComparison.Ordinal);
            if (isRun == run)
            {
                data.Add(name);
            }
        }

        return data;
    }

    private static List<(string Name, JsonElement Mapping)> AllMappingCases()
    {
        var root = JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Suite, "tests", "test-mapping.json"))).RootElement;
        return root.EnumerateObject().SelectMany(group => group.Value.EnumerateObject().Select(c => (c.Name, c.Value))).ToList();
    }

    private static JsonElement Plan()
    {
        // The plan lives beside this file in the repository (not copied to the output directory).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "Credstack.Credentials.Tests", "Jose", "vc-jose-cose-cases.json");
            if (File.Exists(path))
            {
                return JsonDocument.Parse(File.ReadAllText(path, Encoding.UTF8)).RootElement.GetProperty("cases");
            }
        }

        throw new FileNotFoundException("vc-jose-cose-cases.json was not found above " + AppContext.BaseDirectory);
    }
}
