using System.Buffers;
using System.Text;
using System.Text.Json;
using Credstack.JsonLd.Jcs;

namespace Credstack.JsonLd.Tests.Jcs;

public sealed class JsonCanonicalizerTests
{
    private static string Canonical(string json) => JsonCanonicalizer.CanonicalizeToString(Encoding.UTF8.GetBytes(json));

    private static string CanonicalFromElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonCanonicalizer.CanonicalizeToString(document.RootElement);
    }

    [Theory]
    [InlineData("{ \"b\" : 1, \"a\" : [ true , false, null ] }", "{\"a\":[true,false,null],\"b\":1}")]
    [InlineData("\"\\u00e9\\/\\u001f\\u007f\"", "\"é/\\u001f\u007f\"")]
    [InlineData("[1.0, -0, -0.0, 1e2, 1E-7, 123456789012345678901234567890]", "[1,0,0,100,1e-7,1.2345678901234568e+29]")]
    [InlineData("{\"\\ud83d\\ude02\":1,\"\\ufb33\":2,\"a\":3}", "{\"a\":3,\"\U0001F602\":1,\"\uFB33\":2}")]
    [InlineData("{\"a\\\"b\":\"\\b\\f\\n\\r\\t\\u0001\"}", "{\"a\\\"b\":\"\\b\\f\\n\\r\\t\\u0001\"}")]
    public void Text_and_element_inputs_give_the_same_canonical_form(string json, string expected)
    {
        Assert.Equal(expected, Canonical(json));
        Assert.Equal(expected, CanonicalFromElement(json));
    }

    [Fact]
    public void Members_sort_by_utf16_code_units_so_a_surrogate_pair_sorts_before_u_e000()
    {
        // U+1F600 is D83D DE00 in UTF-16 (below E000) but F0 9F 98 80 in UTF-8 (above EE 80 80).
        var json = "{\"\uE000\":1,\"\U0001F600\":2}";

        Assert.Equal("{\"\U0001F600\":2,\"\uE000\":1}", Canonical(json));
    }

    [Fact]
    public void Escaped_and_unescaped_spellings_of_one_name_are_duplicates()
    {
        var error = Assert.Throws<JsonLdException>(() => Canonical("{\"a\":1,\"\\u0061\":2}"));

        Assert.Equal(JsonLdErrorCode.InvalidJson, error.Code);
        Assert.Contains("\"a\" more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_member_names_in_a_parsed_element_are_rejected()
    {
        using var document = JsonDocument.Parse("{\"x\":{\"k\":1,\"k\":2}}");

        var error = Assert.Throws<JsonLdException>(() => JsonCanonicalizer.Canonicalize(document.RootElement));
        Assert.Contains("\"k\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    [InlineData("\"\\ud800\\u0041\"")]
    [InlineData("{\"\\ud83d\":1}")]
    public void Lone_surrogates_are_rejected(string json)
    {
        var error = Assert.Throws<JsonLdException>(() => Canonical(json));

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e309")]
    public void Numbers_beyond_the_double_range_are_rejected(string json)
    {
        var error = Assert.Throws<JsonLdException>(() => Canonical(json));

        Assert.Contains("outside the range of an IEEE-754 double", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1] [2]")]
    [InlineData("{'a':1}")]
    [InlineData("[NaN]")]
    [InlineData("// comment\n1")]
    public void Invalid_json_is_rejected_with_the_reader_position(string json)
    {
        var error = Assert.Throws<JsonLdException>(() => Canonical(json));

        Assert.Equal(JsonLdErrorCode.InvalidJson, error.Code);
        Assert.StartsWith("The input is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_rejected()
    {
        byte[] json = [(byte)'"', 0xC3, 0x28, (byte)'"'];

        Assert.Throws<JsonLdException>(() => JsonCanonicalizer.Canonicalize(json));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected_without_overflowing_the_stack()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        Assert.Throws<JsonLdException>(() => Canonical(json));
    }

    [Fact]
    public void Output_can_be_appended_to_a_caller_buffer()
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix:"u8);

        JsonCanonicalizer.Canonicalize("{\"z\":1,\"y\":2}"u8, buffer);

        Assert.Equal("prefix:{\"y\":2,\"z\":1}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Large_objects_sort_correctly()
    {
        var names = Enumerable.Range(0, 2_000).Select(i => "k" + (i * 7919 % 2_000).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var json = "{" + string.Join(',', names.Select(n => $"\"{n}\":0")) + "}";

        var canonical = Canonical(json);

        var expected = "{" + string.Join(',', names.Order(StringComparer.Ordinal).Select(n => $"\"{n}\":0")) + "}";
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000001, "1e-7")]
    [InlineData(-1.5e-300, "-1.5e-300")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.Epsilon, "5e-324")]
    public void Numbers_use_ecmascript_thresholds_for_exponents(double value, string expected)
    {
        Assert.Equal(expected, EcmaScriptNumberFormatter.Format(value));
    }

    [Fact]
    public void Negative_zero_formats_as_zero()
    {
        Assert.Equal("0", EcmaScriptNumberFormatter.Format(-0.0));
    }

    [Fact]
    public void NaN_cannot_be_formatted()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EcmaScriptNumberFormatter.Format(double.NaN));
    }
}
