using System.Text;
using Credstack.Credentials.DataIntegrity;

namespace Credstack.Credentials.Tests.DataIntegrity;

public sealed class DataIntegrityJsonTests
{
    [Theory]
    [InlineData("""{"a":"plain"}""")]
    [InlineData("""{"a":"caf\u00e9 \n \" \\ \/"}""")]
    [InlineData("""{"\u0061":"emoji \ud83d\ude00"}""")]
    [InlineData("""{"a":"text \\u not an escape"}""")]
    [InlineData("""{"a": [1, 2, }""")]
    public void Readable_strings_are_accepted_and_syntax_errors_are_left_to_the_parser(string json)
    {
        Assert.True(DataIntegrityJson.HasReadableStrings(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("""{"a":"lone \ud800"}""")]
    [InlineData("""{"lone \udc00":"b"}""")]
    [InlineData("""{"a":"caf\u00e9 then lone \ud800 x"}""")]
    public void A_lone_surrogate_escape_is_not_readable(string json)
    {
        Assert.False(DataIntegrityJson.HasReadableStrings(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_inside_a_string_are_not_readable()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":"x?y"}""");
        json[7] = 0xFF;

        Assert.False(DataIntegrityJson.HasReadableStrings(json));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_outside_strings_are_left_to_the_parser()
    {
        var json = Encoding.UTF8.GetBytes("""{"a":"x" ?}""");
        json[9] = 0xFF;

        Assert.True(DataIntegrityJson.HasReadableStrings(json));
    }
}
