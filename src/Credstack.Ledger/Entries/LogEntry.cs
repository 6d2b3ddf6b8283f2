using System.Globalization;
using System.Text.Json;

namespace Credstack.Ledger.Entries;

/// <summary>
/// One event in the transparency log. Its leaf bytes are its canonical (RFC 8785) JSON.
/// Entries carry identifiers, digests and public keys only: never personal data (recipients
/// appear only as the salted hashes already inside the credential whose digest is logged).
/// </summary>
/// <param name="LoggedAt">When the event was logged; kept to whole seconds, in UTC.</param>
public abstract record LogEntry(DateTimeOffset LoggedAt)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The entry's <c>type</c> member, e.g. <c>credentialIssued</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The entry as canonical JSON bytes: the exact bytes that become the Merkle leaf.</summary>
    public byte[] ToCanonicalJson()
    {
        var members = new List<KeyValuePair<string, object?>>
        {
            new("type", Type),
            new("loggedAt", FormatTime(LoggedAt)),
        };
        AddMembers(members);
        return CanonicalJsonWriter.WriteObject(members);
    }

    /// <summary>Reads an entry from its canonical JSON; anything else (unknown type, extra or missing members, non-canonical bytes) is a problem, not an exception.</summary>
    public static Outcome<LogEntry> Parse(ReadOnlySpan<byte> json)
    {
        LogEntry? entry;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Outcome<LogEntry>.Failure("the entry is not a JSON object");
            }

            var type = GetString(root, "type");
            var loggedAt = ParseTime(GetString(root, "loggedAt"));
            if (type is null || loggedAt is null)
            {
                return Outcome<LogEntry>.Failure("the entry has no valid 'type' or 'loggedAt' member");
            }

            entry = type switch
            {
                CredentialIssued.TypeName => CredentialIssued.From(root, loggedAt.Value),
                _ when CredentialStatusChanged.TryParseType(type, out var change) => CredentialStatusChanged.From(root, change, loggedAt.Value),
                _ when IssuerKeyEvent.TryParseType(type, out var kind) => IssuerKeyEvent.From(root, kind, loggedAt.Value),
                _ => null,
            };
            if (entry is null)
            {
                return Outcome<LogEntry>.Failure($"the entry of type '{type}' is unknown or misses a required member");
            }
        }
        catch (JsonException e)
        {
            return Outcome<LogEntry>.Failure($"the entry is not valid JSON ({e.Message})");
        }

        // Only the canonical form is a valid leaf: two spellings of one event must not both verify.
        return json.SequenceEqual(entry.ToCanonicalJson())
            ? Outcome<LogEntry>.Success(entry)
            : Outcome<LogEntry>.Failure("the entry is not in canonical form (members, order, escaping or extra members differ)");
    }

    /// <summary>Adds the type-specific members; null values are left out of the JSON.</summary>
    private protected abstract void AddMembers(List<KeyValuePair<string, object?>> members);

    internal static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static long? GetInteger(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    internal static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}
