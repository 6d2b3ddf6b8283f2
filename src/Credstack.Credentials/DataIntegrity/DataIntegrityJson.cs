using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>The JSON handling shared by the signer and the verifier: parsing, reading proofs, removing them.</summary>
internal static class DataIntegrityJson
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    public static bool TryParseObject(ReadOnlyMemory<byte> utf8, out JsonObject root, out string detail)
    {
        root = null!;
        if (!HasReadableStrings(utf8.Span))
        {
            detail = "The document is not valid JSON text: a string or member name is not well-formed UTF-8 or holds an unpaired surrogate escape (RFC 8259 §8.1).";
            return false;
        }

        try
        {
            if (JsonNode.Parse(utf8.Span, documentOptions: ParseOptions) is JsonObject parsed)
            {
                root = parsed;
                detail = string.Empty;
                return true;
            }

            detail = "The document is not a JSON object.";
            return false;
        }
        catch (JsonException e)
        {
            detail = "The document is not valid JSON: " + e.Message;
            return false;
        }
    }

    /// <summary>
    /// True when every string and member name decodes to UTF-16. System.Text.Json checks string contents only when a
    /// string is read, so without this pass invalid UTF-8 or a lone <c>\ud800</c> escape surfaces later as an exception.
    /// Syntax errors are left to the parser, which reports them.
    /// </summary>
    internal static bool HasReadableStrings(ReadOnlySpan<byte> utf8)
    {
        // Fast path, same answer: when the whole text is well-formed UTF-8 and holds no \u escape, no string can fail to
        // decode (the only other escapes are single characters), so the token-by-token pass below is skipped. It
        // allocated every string of the document once more, on every sign and verify.
        if (Utf8.IsValid(utf8) && utf8.IndexOf("\\u"u8) < 0)
        {
            return true;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = ParseOptions.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        return true;
    }

    /// <summary>The proofs on the document (none when <c>proof</c> is absent); false when <c>proof</c> is neither an object nor an array of objects.</summary>
    public static bool TryGetProofs(JsonObject root, out List<JsonObject> proofs, out string detail)
    {
        proofs = [];
        detail = string.Empty;
        if (!root.TryGetPropertyValue("proof", out var proof) || proof is null)
        {
            return true;
        }

        switch (proof)
        {
            case JsonObject single:
                proofs.Add(single);
                return true;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not JsonObject entry)
                    {
                        detail = "Each entry of 'proof' must be an object.";
                        return false;
                    }

                    proofs.Add(entry);
                }

                return true;
            default:
                detail = "'proof' must be an object or an array of objects.";
                return false;
        }
    }

    /// <summary>
    /// The document without its proofs, serialized; with <paramref name="previousProofs"/>, <c>proof</c> is set to them
    /// (Data Integrity 1.0 §4.2 / §4.5: a chained proof covers the proofs it names).
    /// </summary>
    public static byte[] UnsecuredDocument(JsonObject root, List<JsonObject>? previousProofs, JsonNode? contextOverride = null) =>
        ProofHasher.Write(writer =>
        {
            // Written member by member from the parsed document: the same bytes as serializing a copy without the
            // proof, without deep-cloning every node first.
            writer.WriteStartObject();
            foreach (var (name, value) in root)
            {
                if (string.Equals(name, "proof", StringComparison.Ordinal))
                {
                    continue;
                }

                writer.WritePropertyName(name);
                WriteValue(writer, string.Equals(name, "@context", StringComparison.Ordinal) && contextOverride is not null ? contextOverride : value);
            }

            if (previousProofs is { Count: > 0 })
            {
                writer.WritePropertyName("proof");
                writer.WriteStartArray();
                foreach (var previous in previousProofs)
                {
                    previous.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });

    /// <summary>
    /// A proof configuration written from <paramref name="proof"/> without <c>proofValue</c> and <c>@context</c>, with
    /// <paramref name="context"/> as its <c>@context</c> when given (the members in the proof's order, <c>@context</c> last).
    /// </summary>
    public static byte[] ProofConfiguration(JsonObject proof, JsonNode? context) =>
        ProofHasher.Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var (name, value) in proof)
            {
                if (!string.Equals(name, "proofValue", StringComparison.Ordinal) && !string.Equals(name, "@context", StringComparison.Ordinal))
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, value);
                }
            }

            if (context is not null)
            {
                writer.WritePropertyName("@context");
                context.WriteTo(writer);
            }

            writer.WriteEndObject();
        });

    private static void WriteValue(Utf8JsonWriter writer, JsonNode? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    public static string? GetString(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : null;

    /// <summary>The credential's issuer id: <c>issuer</c> when it is a string, <c>issuer.id</c> when it is an object.</summary>
    public static string? IssuerId(JsonObject root) => root.TryGetPropertyValue("issuer", out var issuer) switch
    {
        true when issuer is JsonValue => GetString(root, "issuer"),
        true when issuer is JsonObject profile => GetString(profile, "id"),
        _ => null,
    };

    /// <summary>
    /// Who must control a proof's key: for a verifiable presentation (its <c>type</c> includes <c>VerifiablePresentation</c>)
    /// the <c>holder</c> (or <c>holder.id</c>), for anything else the issuer (VC Data Model 2.0 §4.13, §4.7). A document
    /// that calls itself both a credential and a presentation is held to its issuer: a holder must not stand in for one.
    /// </summary>
    public static (string? Id, string Role) Signatory(JsonObject root)
    {
        var types = root.TryGetPropertyValue("type", out var type)
            ? AsList(type).Where(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(t => t!.GetValue<string>()).ToList()
            : [];
        if (!types.Contains("VerifiablePresentation") || types.Contains("VerifiableCredential"))
        {
            return (IssuerId(root), "issuer");
        }

        return root.TryGetPropertyValue("holder", out var holder) switch
        {
            true when holder is JsonValue => (GetString(root, "holder"), "holder"),
            true when holder is JsonObject entity => (GetString(entity, "id"), "holder"),
            _ => (null, "holder"),
        };
    }

    /// <summary>A JSON value as a list: an array's items, or the value itself.</summary>
    public static List<JsonNode?> AsList(JsonNode? node) => node is JsonArray array ? [.. array] : [node];

    internal static string Shorten(string? text) => text is null ? "(null)" : text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
