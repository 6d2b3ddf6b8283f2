using System.Text;
using System.Text.RegularExpressions;
using Credstack.Credentials.Baking;

namespace Credstack.Credentials.Tests.Baking;

public sealed class SvgBakerTests
{
    private const string Svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
          <circle cx="5" cy="5" r="4"/>
        </svg>
        """;

    [Theory]
    [InlineData(PngBakerTests.Json, BakedPayloadKind.Json)]
    [InlineData(PngBakerTests.Jws, BakedPayloadKind.CompactJws)]
    public void Bake_then_unbake_returns_the_exact_credential(string credential, BakedPayloadKind kind)
    {
        var baked = SvgBaker.Bake(Bytes(Svg), credential);
        Assert.True(baked.Succeeded, baked.Reason);

        var result = SvgBaker.Unbake(baked.Image);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(BakedCredentialFormat.OpenBadge3, result.Format);
        Assert.Equal(kind, result.PayloadKind);
        Assert.Equal(credential, result.Payload);
    }

    [Fact]
    public void Json_goes_in_cdata_in_the_first_child_of_svg_with_the_namespace_declared_on_svg()
    {
        var text = Encoding.UTF8.GetString(SvgBaker.Bake(Bytes(Svg), PngBakerTests.Json).Image!);
        Assert.Matches(new Regex("""<svg [^>]*xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"[^>]*><openbadges:credential><!\[CDATA\[\{"""), text);
        Assert.DoesNotContain("verify=", text, StringComparison.Ordinal);
        Assert.Contains("<circle", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jws_goes_in_the_verify_attribute_of_an_empty_element()
    {
        var text = Encoding.UTF8.GetString(SvgBaker.Bake(Bytes(Svg), PngBakerTests.Jws).Image!);
        Assert.Contains($"><openbadges:credential verify=\"{PngBakerTests.Jws}\" />", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clr_credential_uses_the_clr_namespace()
    {
        var baked = SvgBaker.Bake(Bytes(Svg), PngBakerTests.Json, BakedCredentialFormat.Clr2).Image!;
        Assert.Contains("xmlns:openbadges=\"https://purl.imsglobal.org/clr/v2p0\"", Encoding.UTF8.GetString(baked), StringComparison.Ordinal);
        Assert.Equal(BakedCredentialFormat.Clr2, SvgBaker.Unbake(baked).Format);
    }

    [Fact]
    public void Re_baking_replaces_the_earlier_credential_so_the_image_holds_one()
    {
        var first = SvgBaker.Bake(Bytes(Svg), PngBakerTests.Json).Image!;
        var second = SvgBaker.Bake(first, PngBakerTests.Jws, BakedCredentialFormat.Clr2).Image!;
        var text = Encoding.UTF8.GetString(second);

        Assert.Single(Regex.Matches(text, ":credential"));
        Assert.DoesNotContain("purl.imsglobal.org/ob/v3p0", text, StringComparison.Ordinal);
        Assert.Equal(PngBakerTests.Jws, SvgBaker.Unbake(second).Payload);
    }

    [Fact]
    public void Json_that_contains_the_cdata_terminator_survives_the_round_trip()
    {
        const string Tricky = """{"id":"urn:x","name":"a ]]> b"}""";
        var baked = SvgBaker.Bake(Bytes(Svg), Tricky);
        Assert.True(baked.Succeeded, baked.Reason);
        Assert.Equal(Tricky, SvgBaker.Unbake(baked.Image).Payload);
    }

    [Theory]
    [InlineData("""<openbadges:assertion verify="https://issuer.example/assertions/1"/>""", BakedPayloadKind.Url)]
    [InlineData("""<openbadges:assertion verify="eyJhbGciOiJSUzI1NiJ9.eyJ1aWQiOiIxIn0.c2ln"/>""", BakedPayloadKind.CompactJws)]
    [InlineData("""<openbadges:assertion><![CDATA[{"type":"Assertion"}]]></openbadges:assertion>""", BakedPayloadKind.Json)]
    public void An_open_badges_2_svg_is_read_for_import(string element, BakedPayloadKind kind)
    {
        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://openbadges.org">{element}</svg>""";
        var result = SvgBaker.Unbake(Bytes(svg));
        Assert.Equal(BakedCredentialFormat.OpenBadge2, result.Format);
        Assert.Equal(kind, result.PayloadKind);
    }

    [Fact]
    public void An_svg_without_a_credential_is_not_baked()
    {
        Assert.Equal(UnbakeStatus.NotBaked, SvgBaker.Unbake(Bytes(Svg)).Status);
    }

    [Fact]
    public void An_external_entity_is_refused_and_the_file_is_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), "credstack-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var svg = $"""
                <?xml version="1.0"?>
                <!DOCTYPE svg [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">
                <openbadges:credential>&xxe;</openbadges:credential></svg>
                """;
            var result = SvgBaker.Unbake(Bytes(svg));
            Assert.Equal(UnbakeStatus.Malformed, result.Status);
            Assert.Contains("XXE", result.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", result.Reason, StringComparison.Ordinal);
            Assert.False(SvgBaker.Bake(Bytes(svg), PngBakerTests.Json).Succeeded);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void An_internal_subset_without_entities_is_refused_too()
    {
        var svg = """<!DOCTYPE svg [ <!ATTLIST svg a CDATA "x"> ]><svg xmlns="http://www.w3.org/2000/svg"/>""";
        Assert.Contains("internal DTD subset", SvgBaker.Unbake(Bytes(svg)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_entity_reference_is_malformed_not_expanded()
    {
        var svg = """<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg">&ext;</svg>""";
        Assert.Equal(UnbakeStatus.Malformed, SvgBaker.Unbake(Bytes(svg)).Status);
    }

    [Fact]
    public void A_doctype_naming_only_an_external_dtd_is_ignored_and_dropped_on_baking()
    {
        var svg = """<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>""";
        var baked = SvgBaker.Bake(Bytes(svg), PngBakerTests.Json);
        Assert.True(baked.Succeeded, baked.Reason);
        Assert.DoesNotContain("DOCTYPE", Encoding.UTF8.GetString(baked.Image), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not xml at all", "Malformed SVG")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><g></svg>", "Malformed SVG")]
    [InlineData("<html><body/></html>", "root element is <html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:o=\"https://purl.imsglobal.org/ob/v3p0\"><o:credential>not json</o:credential></svg>", "neither")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:o=\"https://purl.imsglobal.org/ob/v3p0\"><o:credential verify=\"{&quot;a&quot;:1}\"/></svg>", "verify attribute")]
    public void Malformed_svg_input_gets_a_clear_reason(string svg, string expected)
    {
        var result = SvgBaker.Unbake(Bytes(svg));
        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_over_the_size_limit_is_refused()
    {
        Assert.Equal(UnbakeStatus.Malformed, SvgBaker.Unbake(Bytes(Svg), new BakingLimits { MaxImageBytes = 16 }).Status);
        Assert.False(SvgBaker.Bake(Bytes(Svg), PngBakerTests.Json, limits: new BakingLimits { MaxImageBytes = 16 }).Succeeded);
    }

    [Fact]
    public void Baking_refuses_text_that_is_neither_json_nor_a_jws()
    {
        var result = SvgBaker.Bake(Bytes(Svg), "hello");
        Assert.False(result.Succeeded);
        Assert.Contains("neither", result.Reason, StringComparison.Ordinal);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
