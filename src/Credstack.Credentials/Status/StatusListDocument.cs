// W3C Bitstring Status List v1.0, §2.2 "BitstringStatusListCredential" (and the CCG
// StatusList2021Credential): the fields a verifier reads from a fetched list credential.
using System.Globalization;
using System.Text.Json;

namespace Credstack.Credentials.Status;

/// <summary>A fetched, parsed and proof-checked status list credential, ready to be cached.</summary>
internal sealed class StatusListDocument
{
    private readonly Dictionary<int, StatusListDecodeResult> _decoded = [];
    private readonly Lock _lock = new();

    private StatusListDocument(string credentialType, HashSet<string> purposes, string encodedList, DateTimeOffset? validFrom, DateTimeOffset? validUntil, TimeSpan? ttl)
    {
        CredentialType = credentialType;
        Purposes = purposes;
        EncodedList = encodedList;
        ValidFrom = validFrom;
        ValidUntil = validUntil;
        Ttl = ttl;
    }

    public string CredentialType { get; }

    public IReadOnlySet<string> Purposes { get; }

    public string EncodedList { get; }

    public DateTimeOffset? ValidFrom { get; }

    public DateTimeOffset? ValidUntil { get; }

    public TimeSpan? Ttl { get; }

    /// <summary>Decodes the list once per statusSize; entries of one list may use different sizes.</summary>
    public StatusListDecodeResult Decode(int statusSize, StatusListDecodeOptions options)
    {
        lock (_lock)
        {
            if (!_decoded.TryGetValue(statusSize, out var result))
            {
                result = StatusList.Decode(EncodedList, statusSize, options);
                _decoded[statusSize] = result;
            }

            return result;
        }
    }

    /// <summary>Reads the fields; returns a sentence saying what is wrong, or null.</summary>
    public static string? TryRead(JsonElement root, bool statusList2021, out StatusListDocument? document)
    {
        document = null;
        var credentialType = statusList2021 ? "StatusList2021Credential" : "BitstringStatusListCredential";
        var subjectType = statusList2021 ? "StatusList2021" : "BitstringStatusList";
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The status list credential is not a JSON object.";
        }

        if (!HasType(root, credentialType))
        {
            return $"The status list credential's type does not include \"{credentialType}\".";
        }

        if (!root.TryGetProperty("credentialSubject", out var subject))
        {
            return "The status list credential has no credentialSubject.";
        }

        if (subject.ValueKind == JsonValueKind.Array && subject.GetArrayLength() == 1)
        {
            subject = subject[0];
        }

        if (subject.ValueKind != JsonValueKind.Object)
        {
            return "The status list credential's credentialSubject must be one object.";
        }

        if (!HasType(subject, subjectType))
        {
            return $"The status list credential's credentialSubject type must be \"{subjectType}\".";
        }

        if (!subject.TryGetProperty("encodedList", out var encoded) || encoded.ValueKind != JsonValueKind.String)
        {
            return "The status list credential's credentialSubject.encodedList is missing or not a string.";
        }

        var purposes = new HashSet<string>(StringComparer.Ordinal);
        if (subject.TryGetProperty("statusPurpose", out var purpose))
        {
            if (purpose.ValueKind == JsonValueKind.String)
            {
                purposes.Add(purpose.GetString()!);
            }
            else if (purpose.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in purpose.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return "The status list credential's statusPurpose must be a string or an array of strings.";
                    }

                    purposes.Add(item.GetString()!);
                }
            }
            else
            {
                return "The status list credential's statusPurpose must be a string or an array of strings.";
            }
        }

        if (purposes.Count == 0)
        {
            return "The status list credential's credentialSubject.statusPurpose is missing.";
        }

        TimeSpan? ttl = null;
        if (subject.TryGetProperty("ttl", out var ttlElement))
        {
            if (ttlElement.ValueKind != JsonValueKind.Number || !ttlElement.TryGetInt64(out var milliseconds) || milliseconds < 0)
            {
                return "The status list credential's ttl must be a non-negative number of milliseconds.";
            }

            ttl = TimeSpan.FromMilliseconds(Math.Min(milliseconds, (long)TimeSpan.MaxValue.TotalMilliseconds - 1));
        }

        // VC 2.0 names first; VC 1.1 (StatusList2021 era) names as fallback.
        if (!TryReadDate(root, "validFrom", "issuanceDate", out var validFrom, out var fromError))
        {
            return fromError;
        }

        if (!TryReadDate(root, "validUntil", "expirationDate", out var validUntil, out var untilError))
        {
            return untilError;
        }

        document = new StatusListDocument(credentialType, purposes, encoded.GetString()!, validFrom, validUntil, ttl);
        return null;
    }

    private static bool HasType(JsonElement element, string type)
    {
        if (!element.TryGetProperty("type", out var types))
        {
            return false;
        }

        if (types.ValueKind == JsonValueKind.String)
        {
            return string.Equals(types.GetString(), type, StringComparison.Ordinal);
        }

        return types.ValueKind == JsonValueKind.Array
            && types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && string.Equals(t.GetString(), type, StringComparison.Ordinal));
    }

    private static bool TryReadDate(JsonElement root, string name, string legacyName, out DateTimeOffset? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) && !root.TryGetProperty(legacyName, out element))
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = $"The status list credential's {name} is not a date-time string.";
        return false;
    }
}
