// Reading the credential properties that JWT claims mirror: VC Data Model 2.0 §4.7 (issuer), §4.4 (id),
// §4.8 (credentialSubject), §4.9 (validFrom/validUntil) and their VC 1.1 names (issuanceDate/expirationDate).
using System.Globalization;
using System.Text.Json;

namespace Credstack.Credentials.Jose;

internal static class CredentialProperties
{
    public const string Vc11Context = "https://www.w3.org/2018/credentials/v1";

    /// <summary>The issuer (or holder) id: the string itself, or the object's <c>id</c>.</summary>
    public static string? EntityId(JsonElement document, string property)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            _ => null,
        };
    }

    public static string? String(JsonElement document, string property) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The credentialSubject's id, when there is exactly one subject.</summary>
    public static string? SubjectId(JsonElement credential)
    {
        if (!credential.TryGetProperty("credentialSubject", out var subject))
        {
            return null;
        }

        if (subject.ValueKind == JsonValueKind.Array && subject.GetArrayLength() == 1)
        {
            subject = subject[0];
        }

        return String(subject, "id");
    }

    public static bool IsVc11(JsonElement credential) =>
        credential.TryGetProperty("@context", out var context)
        && ((context.ValueKind == JsonValueKind.Array && context.GetArrayLength() > 0 && context[0].ValueKind == JsonValueKind.String && context[0].ValueEquals(Vc11Context))
            || (context.ValueKind == JsonValueKind.String && context.ValueEquals(Vc11Context)));

    /// <summary>Reads a date-time property (VC 2.0 name first, then the VC 1.1 name). Null when absent; false when not a date-time.</summary>
    public static bool TryDate(JsonElement credential, string name, string vc11Name, out DateTimeOffset? value, out string? foundName)
    {
        value = null;
        foundName = credential.TryGetProperty(name, out var element) ? name
            : credential.TryGetProperty(vc11Name, out element) ? vc11Name
            : null;
        if (foundName is null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static string FormatDate(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
