using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Baking;

namespace Credstack.Server.Backpack;

/// <summary>
/// What a backpack shows of a credential on a card: the achievement's name, description and image, the issuer and the
/// dates, read from the stored bytes (JSON, a compact JWS's payload, or the credential baked into a PNG or SVG). For
/// display only: nothing here is trusted until the verifier has checked the same bytes. Open Badges 3.0
/// (<c>credentialSubject.achievement</c>), VC 1.1 date names and Open Badges 2.0 assertions (<c>badge</c>) are read.
/// </summary>
internal sealed record CredentialFacts
{
    private const int MaxImageUrlLength = 512 * 1024;

    public static CredentialFacts Empty { get; } = new();

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? CriteriaNarrative { get; init; }

    /// <summary>The achievement image's URL (may be a <c>data:</c> URL); the page decides whether to load it.</summary>
    public string? ImageUrl { get; init; }

    public string? IssuerName { get; init; }

    public string? IssuerId { get; init; }

    public string? IssuerUrl { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>Reads the facts from a stored credential; <see cref="Empty"/> when nothing can be read.</summary>
    public static CredentialFacts Read(ReadOnlySpan<byte> stored)
    {
        var payload = Payload(stored);
        if (payload is null)
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? FromJson(document.RootElement) : Empty;
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    /// <summary>The credential JSON inside <paramref name="stored"/>: itself, a JWS payload, or the text baked in an image.</summary>
    private static byte[]? Payload(ReadOnlySpan<byte> stored)
    {
        if (stored.StartsWith(CredentialInput.PngSignature) || StartsWithMarkup(stored))
        {
            var unbaked = stored.StartsWith(CredentialInput.PngSignature) ? PngBaker.Unbake(stored) : SvgBaker.Unbake(stored);
            return unbaked is { Status: UnbakeStatus.Found, Payload: { } baked } ? Payload(Encoding.UTF8.GetBytes(baked)) : null;
        }

        var trimmed = Trim(stored);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
        {
            return trimmed.ToArray();
        }

        // A compact JWS (a JWT, or a JSON string holding one): header.payload.signature.
        var text = Encoding.UTF8.GetString(trimmed).Trim('"');
        var parts = text.Split('.');
        if (parts.Length == 3 && parts[1].Length > 0)
        {
            try
            {
                var json = Base64Url.DecodeFromChars(parts[1]);
                using var claims = JsonDocument.Parse(json);
                // VC-JWT (VC DM 1.1 JWT): the credential is the "vc" claim; VC-JOSE and OB 3.0 JWTs carry it as the payload.
                return claims.RootElement.ValueKind == JsonValueKind.Object && claims.RootElement.TryGetProperty("vc", out var vc) && vc.ValueKind == JsonValueKind.Object
                    ? Encoding.UTF8.GetBytes(vc.GetRawText())
                    : json;
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                return null;
            }
        }

        return null;
    }

    private static CredentialFacts FromJson(JsonElement root)
    {
        var subject = root.TryGetProperty("credentialSubject", out var s) ? (s.ValueKind == JsonValueKind.Array && s.GetArrayLength() > 0 ? s[0] : s) : default;
        var achievement = subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("achievement", out var a) && a.ValueKind == JsonValueKind.Object ? a
            : root.TryGetProperty("badge", out var badge) && badge.ValueKind == JsonValueKind.Object ? badge
            : default;
        var issuer = root.TryGetProperty("issuer", out var i) ? i
            : achievement.ValueKind == JsonValueKind.Object && achievement.TryGetProperty("issuer", out var badgeIssuer) ? badgeIssuer
            : default;
        var criteria = achievement.ValueKind == JsonValueKind.Object && achievement.TryGetProperty("criteria", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var image = Text(achievement, "image") ?? Id(achievement, "image") ?? Text(root, "image") ?? Id(root, "image");
        return new CredentialFacts
        {
            Name = Text(achievement, "name") ?? Text(root, "name"),
            Description = Text(achievement, "description") ?? Text(root, "description"),
            CriteriaNarrative = Text(criteria, "narrative"),
            ImageUrl = image is { Length: <= MaxImageUrlLength } ? image : null,
            IssuerName = Text(issuer, "name"),
            IssuerId = issuer.ValueKind == JsonValueKind.String ? issuer.GetString() : Text(issuer, "id"),
            IssuerUrl = Text(issuer, "url"),
            ValidFrom = Date(root, "validFrom") ?? Date(root, "issuanceDate") ?? Date(root, "issuedOn"),
            ValidUntil = Date(root, "validUntil") ?? Date(root, "expirationDate") ?? Date(root, "expires"),
        };
    }

    private static string? Text(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            // A language map or an array of language values: the first string.
            JsonValueKind.Array => value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : Text(v, "@value")).FirstOrDefault(v => v is { Length: > 0 }),
            JsonValueKind.Object when value.TryGetProperty("@value", out var literal) && literal.ValueKind == JsonValueKind.String => literal.GetString(),
            _ => null,
        };
    }

    private static string? Id(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Text(value, "id") : null;

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        return bytes.Trim(" \t\r\n"u8);
    }

    private static bool StartsWithMarkup(ReadOnlySpan<byte> bytes)
    {
        var trimmed = Trim(bytes);
        return trimmed.Length > 0 && trimmed[0] == (byte)'<';
    }
}
