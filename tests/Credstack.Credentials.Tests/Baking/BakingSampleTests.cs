using Credstack.Credentials.Baking;

namespace Credstack.Credentials.Tests.Baking;

public sealed class BakingSampleTests
{
    private const string Ob3Credential = "http://example.com/credentials/3527";
    private const string Ob3V1Credential = "http://example.edu/credentials/3732";

    [ConformanceTheory("openbadges", "validator-samples", "ob30", "simple-json.png")]
    [InlineData("simple-json.png", BakedPayloadKind.Json, Ob3Credential)]
    [InlineData("simple-jwt.png", BakedPayloadKind.CompactJws, Ob3Credential)]
    [InlineData("simple-jwt_v1.png", BakedPayloadKind.CompactJws, Ob3V1Credential)]
    public void The_1edtech_baked_png_samples_unbake_to_their_credential(string file, BakedPayloadKind kind, string id)
    {
        var result = PngBaker.Unbake(File.ReadAllBytes(Sample(file)));
        AssertCredential(result, kind, id);
    }

    [ConformanceTheory("openbadges", "validator-samples", "ob30", "simple-json.svg")]
    [InlineData("simple-json.svg", BakedPayloadKind.Json, Ob3Credential)]
    [InlineData("simple-jwt.svg", BakedPayloadKind.CompactJws, Ob3Credential)]
    [InlineData("simple-jwt_v1.svg", BakedPayloadKind.CompactJws, Ob3V1Credential)]
    public void The_1edtech_baked_svg_samples_unbake_to_their_credential(string file, BakedPayloadKind kind, string id)
    {
        var result = SvgBaker.Unbake(File.ReadAllBytes(Sample(file)));
        AssertCredential(result, kind, id);
    }

    [ConformanceTheory("openbadges", "validator-samples", "ob30", "simple-json.png")]
    [InlineData("simple-json.png")]
    [InlineData("simple-json.svg")]
    public void Re_baking_a_sample_with_a_jws_replaces_its_json_credential(string file)
    {
        var bytes = File.ReadAllBytes(Sample(file));
        const string Jws = "eyJhbGciOiJFZERTQSJ9.eyJpZCI6InVybjp4In0.c2ln";
        var isPng = file.EndsWith(".png", StringComparison.Ordinal);

        var baked = isPng ? PngBaker.Bake(bytes, Jws) : SvgBaker.Bake(bytes, Jws);
        Assert.True(baked.Succeeded, baked.Reason);
        var result = isPng ? PngBaker.Unbake(baked.Image) : SvgBaker.Unbake(baked.Image);

        Assert.Equal(BakedPayloadKind.CompactJws, result.PayloadKind);
        Assert.Equal(Jws, result.Payload);
        if (isPng)
        {
            Assert.Single(TestPng.ChunkTypes(baked.Image), t => t == "iTXt");
        }
        else
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.UTF8.GetString(baked.Image), "credential[ >]"));
        }
    }

    [ConformanceFact("openbadges", "validator-samples", "expected-results.json")]
    public void Every_baked_sample_listed_in_the_expected_results_is_covered()
    {
        var listed = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Conformance.PathOf("openbadges", "validator-samples", "expected-results.json")))
            .RootElement.GetProperty("samples").EnumerateArray()
            .Select(s => s.GetProperty("file").GetString()!)
            .Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["simple-json.png", "simple-json.svg", "simple-jwt.png", "simple-jwt.svg", "simple-jwt_v1.png", "simple-jwt_v1.svg"], listed);
    }

    private static void AssertCredential(UnbakeResult result, BakedPayloadKind kind, string id)
    {
        Assert.True(result.Status == UnbakeStatus.Found, result.Reason);
        Assert.Equal(BakedCredentialFormat.OpenBadge3, result.Format);
        Assert.Equal(kind, result.PayloadKind);
        var (actualId, types) = BakedSampleReader.IdAndTypes(result);
        Assert.Equal(id, actualId);
        Assert.Contains("OpenBadgeCredential", types);
    }

    private static string Sample(string file) => Conformance.PathOf("openbadges", "validator-samples", "ob30", file);
}
