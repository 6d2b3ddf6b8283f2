using System.Text;
using System.Text.Json;
using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class BitstringStatusListEntryTests
{
    private const string Valid = """
        {"id":"https://example.com/credentials/status/8#492847","type":"BitstringStatusListEntry","statusPurpose":"message",
         "statusListIndex":"492847","statusSize":2,"statusListCredential":"https://example.com/credentials/status/8",
         "statusMessage":[{"status":"0x0","message":"pending_review"},{"status":"0x1","message":"accepted"},
                          {"status":"0x2","message":"rejected"},{"status":"0x3","message":"undefined"}],
         "statusReference":"https://example.org/status-dictionary/"}
        """;

    [Fact]
    public void A_multi_bit_message_entry_parses_every_field()
    {
        var entry = Parse(Valid);
        Assert.Equal("https://example.com/credentials/status/8#492847", entry.Id);
        Assert.Equal(StatusPurpose.Message, entry.StatusPurpose);
        Assert.Equal(492847, entry.StatusListIndex);
        Assert.Equal(2, entry.StatusSize);
        Assert.Equal(new StatusMessage(2, "rejected"), entry.StatusMessage[2]);
        Assert.Equal(["https://example.org/status-dictionary/"], entry.StatusReference);
    }

    [Fact]
    public void WriteTo_then_parse_gives_the_same_entry_with_the_index_as_a_string()
    {
        var entry = Parse(Valid);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            entry.WriteTo(writer);
        }

        var json = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Contains("\"statusListIndex\":\"492847\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"0x3\"", json, StringComparison.Ordinal);
        var again = Parse(json);
        Assert.Equal(entry.StatusMessage, again.StatusMessage);
        Assert.Equal(entry with { StatusMessage = again.StatusMessage, StatusReference = again.StatusReference }, again);
    }

    [Fact]
    public void A_numeric_index_is_accepted_for_interoperability()
    {
        var entry = Parse("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":23,"statusListCredential":"https://x.example/list"}""");
        Assert.Equal(23, entry.StatusListIndex);
        Assert.Equal(1, entry.StatusSize);
    }

    [Theory]
    [InlineData("""{"statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"https://x.example/l"}""", "type is required.")]
    [InlineData("""{"type":"StatusListEntry","statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"https://x.example/l"}""", "type must be \"BitstringStatusListEntry\"")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusListIndex":"1","statusListCredential":"https://x.example/l"}""", "statusPurpose is required.")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"Revocation","statusListIndex":"1","statusListCredential":"https://x.example/l"}""", "statusPurpose must be one of")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListCredential":"https://x.example/l"}""", "statusListIndex is required.")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"-1","statusListCredential":"https://x.example/l"}""", "string of decimal digits")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1e3","statusListCredential":"https://x.example/l"}""", "string of decimal digits")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":1.5,"statusListCredential":"https://x.example/l"}""", "non-negative integer")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1"}""", "statusListCredential is required.")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"list/3"}""", "statusListCredential must be an absolute URL")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"1","statusListCredential":"https://x.example/l","statusSize":0}""", "statusSize must be a positive integer.")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/l","statusSize":2}""", "statusMessage is required when statusSize is greater than 1")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/l","statusSize":2,"statusMessage":[{"status":"0x0","message":"a"},{"status":"0x1","message":"b"}]}""", "must describe all 4 values")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/l","statusMessage":[{"status":"0x2","message":"a"}]}""", "does not fit in statusSize 1")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/l","statusMessage":[{"status":"2","message":"a"}]}""", "statusMessage[0].status must be a hexadecimal string")]
    [InlineData("""{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/l","statusMessage":[{"status":"0x0","message":"a"},{"status":"0x0","message":"b"}]}""", "appears more than once")]
    [InlineData("""{"type":"StatusList2021Entry","statusPurpose":"message","statusListIndex":"1","statusListCredential":"https://x.example/l"}""", "StatusList2021Entry must be \"revocation\" or \"suspension\"")]
    [InlineData("""["not an object"]""", "must be a JSON object")]
    public void Each_invalid_field_gets_a_precise_message(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.False(BitstringStatusListEntry.TryParse(document.RootElement, out var entry, out var errors));
        Assert.Null(entry);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void All_problems_of_an_entry_are_reported_together()
    {
        using var document = JsonDocument.Parse("""{"type":"BitstringStatusListEntry","statusPurpose":"x","statusListIndex":"a"}""");
        Assert.False(BitstringStatusListEntry.TryParse(document.RootElement, out _, out var errors));
        Assert.Equal(3, errors.Count);
    }

    private static BitstringStatusListEntry Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.True(BitstringStatusListEntry.TryParse(document.RootElement, out var entry, out var errors), string.Join(" ", errors));
        return entry!;
    }
}
