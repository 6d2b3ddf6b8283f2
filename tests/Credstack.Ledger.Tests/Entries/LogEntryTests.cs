using System.Text;
using Credstack.Ledger.Entries;

namespace Credstack.Ledger.Tests.Entries;

public sealed class LogEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 30, 5, TimeSpan.FromHours(2));

    [Fact]
    public void An_issuance_entry_is_canonical_json_with_sorted_members_and_a_utc_time()
    {
        var entry = CredentialIssued.ForCredential("urn:uuid:1", "did:web:example.edu", "signed"u8, "https://example.edu/status/1", 42, At);
        var json = Encoding.UTF8.GetString(entry.ToCanonicalJson());
        Assert.Equal(
            "{\"credentialDigest\":\"" + CredentialIssued.DigestOf("signed"u8) + "\",\"credentialId\":\"urn:uuid:1\",\"issuer\":\"did:web:example.edu\","
            + "\"loggedAt\":\"2026-03-01T10:30:05Z\",\"statusListCredential\":\"https://example.edu/status/1\",\"statusListIndex\":42,\"type\":\"credentialIssued\"}",
            json);
    }

    [Fact]
    public void Strings_are_escaped_as_rfc_8785_requires()
    {
        var entry = new CredentialStatusChanged("a\"b\\c\n\u0001é€😀", "i", StatusChange.Revoked, "x\ty", At);
        var json = Encoding.UTF8.GetString(entry.ToCanonicalJson());
        Assert.Contains("\"credentialId\":\"a\\\"b\\\\c\\n\\u0001é€😀\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reasonCode\":\"x\\ty\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_entry_type_reads_back_equal_from_its_canonical_json()
    {
        var at = new DateTimeOffset(2026, 3, 1, 10, 30, 5, TimeSpan.Zero);
        LogEntry[] entries =
        [
            new CredentialIssued("urn:uuid:1", "did:web:a", new string('a', 64), null, null, at),
            new CredentialIssued("urn:uuid:1", "did:web:a", new string('a', 64), "https://s", 7, at),
            new CredentialStatusChanged("urn:uuid:1", "did:web:a", StatusChange.Revoked, "keyCompromise", at),
            new CredentialStatusChanged("urn:uuid:1", "did:web:a", StatusChange.Suspended, "review", at),
            new CredentialStatusChanged("urn:uuid:1", "did:web:a", StatusChange.Reinstated, "cleared", at),
            new IssuerKeyEvent("did:web:a", "did:web:a#k1", "z6Mk", KeyEventKind.Added, null, at),
            new IssuerKeyEvent("did:web:a", "did:web:a#k2", "z6Mk2", KeyEventKind.Rotated, "did:web:a#k1", at),
            new IssuerKeyEvent("did:web:a", "did:web:a#k2", "z6Mk2", KeyEventKind.Retired, null, at),
        ];
        foreach (var entry in entries)
        {
            var parsed = LogEntry.Parse(entry.ToCanonicalJson());
            Assert.True(parsed.Succeeded, parsed.Problem);
            Assert.Equal(entry, parsed.Value);
        }
    }

    [Theory]
    [InlineData("{\"type\":\"credentialRevoked\", \"loggedAt\":\"2026-03-01T10:30:05Z\",\"credentialId\":\"c\",\"issuer\":\"i\",\"reasonCode\":\"r\"}", "not in canonical form")]
    [InlineData("{\"credentialId\":\"c\",\"issuer\":\"i\",\"loggedAt\":\"2026-03-01T10:30:05Z\",\"reasonCode\":\"r\",\"type\":\"credentialRevoked\",\"x\":1}", "not in canonical form")]
    [InlineData("{\"credentialId\":\"c\",\"issuer\":\"i\",\"loggedAt\":\"2026-03-01T10:30:05Z\",\"type\":\"credentialRevoked\"}", "misses a required member")]
    [InlineData("{\"loggedAt\":\"2026-03-01T10:30:05Z\",\"type\":\"somethingElse\"}", "unknown")]
    [InlineData("{\"loggedAt\":\"yesterday\",\"type\":\"credentialRevoked\"}", "no valid 'type' or 'loggedAt'")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"type\":", "not valid JSON")]
    public void Entries_that_are_not_canonical_or_not_known_are_refused_with_a_reason(string json, string expected)
    {
        var parsed = LogEntry.Parse(Encoding.UTF8.GetBytes(json));
        Assert.False(parsed.Succeeded);
        Assert.Contains(expected, parsed.Problem, StringComparison.Ordinal);
    }
}
