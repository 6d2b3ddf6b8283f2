// W3C Bitstring Status List v1.0 (Recommendation, 2025), §2.1 "BitstringStatusListEntry";
// also reads the older W3C CCG StatusList2021Entry (same fields, no statusSize/statusMessage).
// Deviation for interoperability: statusListIndex is a base-10 string in the spec, but the
// 1EdTech validator's own sample uses a JSON number, so a non-negative JSON integer is accepted
// when reading; WriteTo always emits the string form.
using System.Globalization;
using System.Text.Json;

namespace Credstack.Credentials.Status;

/// <summary>A <c>credentialStatus</c> entry that points into a bitstring status list.</summary>
public sealed record BitstringStatusListEntry
{
    /// <summary>The <c>type</c> of a Bitstring Status List v1.0 entry.</summary>
    public const string EntryType = "BitstringStatusListEntry";

    /// <summary>The <c>type</c> of the older StatusList2021 entry.</summary>
    public const string StatusList2021EntryType = "StatusList2021Entry";

    /// <summary>Optional <c>id</c> of the entry (a URL, often the list URL plus <c>#index</c>).</summary>
    public string? Id { get; init; }

    /// <summary><see cref="EntryType"/> or <see cref="StatusList2021EntryType"/>.</summary>
    public string Type { get; init; } = EntryType;

    /// <summary>What a set entry means.</summary>
    public required StatusPurpose StatusPurpose { get; init; }

    /// <summary>The zero-based entry position in the list (<c>statusListIndex</c>).</summary>
    public required long StatusListIndex { get; init; }

    /// <summary>URL of the status list credential (<c>statusListCredential</c>).</summary>
    public required string StatusListCredential { get; init; }

    /// <summary>Bits per entry (<c>statusSize</c>); 1 when absent.</summary>
    public int StatusSize { get; init; } = 1;

    /// <summary>The meaning of each value (<c>statusMessage</c>); empty when absent.</summary>
    public IReadOnlyList<StatusMessage> StatusMessage { get; init; } = [];

    /// <summary>URLs documenting the status values (<c>statusReference</c>); empty when absent.</summary>
    public IReadOnlyList<string> StatusReference { get; init; } = [];

    /// <summary>True for a <c>StatusList2021Entry</c>, whose list credential is a <c>StatusList2021Credential</c>.</summary>
    public bool IsStatusList2021 => string.Equals(Type, StatusList2021EntryType, StringComparison.Ordinal);

    /// <summary>
    /// Reads and validates an entry. Every problem found is reported, each as a sentence naming the field.
    /// </summary>
    /// <param name="element">The <c>credentialStatus</c> object.</param>
    /// <param name="entry">The entry when it is valid.</param>
    /// <param name="errors">What is wrong with it; empty when valid.</param>
    public static bool TryParse(JsonElement element, out BitstringStatusListEntry? entry, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        entry = null;
        errors = problems;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"credentialStatus must be a JSON object, not {element.ValueKind}.");
            return false;
        }

        string? id = null;
        if (element.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind == JsonValueKind.String && IsAbsoluteUri(idElement.GetString()))
            {
                id = idElement.GetString();
            }
            else
            {
                problems.Add("id must be an absolute URL string when present.");
            }
        }

        var type = ReadType(element, problems);
        var isLegacy = string.Equals(type, StatusList2021EntryType, StringComparison.Ordinal);
        var purpose = ReadPurpose(element, isLegacy, problems);
        var index = ReadIndex(element, problems);

        string? listUrl = null;
        if (!element.TryGetProperty("statusListCredential", out var listElement))
        {
            problems.Add("statusListCredential is required.");
        }
        else if (listElement.ValueKind != JsonValueKind.String || !IsAbsoluteUri(listElement.GetString()))
        {
            problems.Add("statusListCredential must be an absolute URL string.");
        }
        else
        {
            listUrl = listElement.GetString();
        }

        var statusSize = 1;
        if (element.TryGetProperty("statusSize", out var sizeElement))
        {
            if (isLegacy)
            {
                problems.Add("statusSize is not part of StatusList2021Entry.");
            }
            else if (sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt32(out statusSize) || statusSize < 1)
            {
                problems.Add("statusSize must be a positive integer.");
                statusSize = 1;
            }
            else if (statusSize > StatusList.MaximumStatusSize)
            {
                problems.Add($"statusSize {statusSize} is larger than the supported maximum of {StatusList.MaximumStatusSize}.");
                statusSize = 1;
            }
        }

        var messages = ReadMessages(element, statusSize, problems);
        var references = ReadReferences(element, problems);

        if (problems.Count > 0 || type is null || purpose is null || index is null || listUrl is null)
        {
            return false;
        }

        entry = new BitstringStatusListEntry
        {
            Id = id,
            Type = type,
            StatusPurpose = purpose.Value,
            StatusListIndex = index.Value,
            StatusListCredential = listUrl,
            StatusSize = statusSize,
            StatusMessage = messages,
            StatusReference = references,
        };
        return true;
    }

    /// <summary>Writes the entry as a <c>credentialStatus</c> JSON object (index as a string, as the spec requires).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        if (Id is not null)
        {
            writer.WriteString("id", Id);
        }

        writer.WriteString("type", Type);
        writer.WriteString("statusPurpose", StatusPurposeText.Format(StatusPurpose));
        writer.WriteString("statusListIndex", StatusListIndex.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("statusListCredential", StatusListCredential);
        if (StatusSize != 1)
        {
            writer.WriteNumber("statusSize", StatusSize);
        }

        if (StatusMessage.Count > 0)
        {
            writer.WriteStartArray("statusMessage");
            foreach (var message in StatusMessage)
            {
                writer.WriteStartObject();
                writer.WriteString("status", message.StatusText);
                writer.WriteString("message", message.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (StatusReference.Count == 1)
        {
            writer.WriteString("statusReference", StatusReference[0]);
        }
        else if (StatusReference.Count > 1)
        {
            writer.WriteStartArray("statusReference");
            foreach (var reference in StatusReference)
            {
                writer.WriteStringValue(reference);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static string? ReadType(JsonElement element, List<string> problems)
    {
        if (!element.TryGetProperty("type", out var typeElement))
        {
            problems.Add("type is required.");
            return null;
        }

        // A single-item array is the same JSON-LD value as the string.
        if (typeElement.ValueKind == JsonValueKind.Array && typeElement.GetArrayLength() == 1)
        {
            typeElement = typeElement[0];
        }

        var type = typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (type is EntryType or StatusList2021EntryType)
        {
            return type;
        }

        problems.Add($"type must be \"{EntryType}\" (or \"{StatusList2021EntryType}\"), not {typeElement.GetRawText()}.");
        return null;
    }

    private static StatusPurpose? ReadPurpose(JsonElement element, bool isLegacy, List<string> problems)
    {
        if (!element.TryGetProperty("statusPurpose", out var purposeElement))
        {
            problems.Add("statusPurpose is required.");
            return null;
        }

        var text = purposeElement.ValueKind == JsonValueKind.String ? purposeElement.GetString() : null;
        if (!StatusPurposeText.TryParse(text, out var purpose))
        {
            problems.Add($"statusPurpose must be one of \"revocation\", \"suspension\", \"refresh\", \"message\", not {purposeElement.GetRawText()}.");
            return null;
        }

        if (isLegacy && purpose is not (StatusPurpose.Revocation or StatusPurpose.Suspension))
        {
            problems.Add($"statusPurpose of a StatusList2021Entry must be \"revocation\" or \"suspension\", not \"{text}\".");
            return null;
        }

        return purpose;
    }

    private static long? ReadIndex(JsonElement element, List<string> problems)
    {
        if (!element.TryGetProperty("statusListIndex", out var indexElement))
        {
            problems.Add("statusListIndex is required.");
            return null;
        }

        if (indexElement.ValueKind == JsonValueKind.String)
        {
            var text = indexElement.GetString()!;
            // Digits only: no sign, spaces, exponent or hex, which long.TryParse would otherwise allow in part.
            if (text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit)
                && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            problems.Add($"statusListIndex must be a string of decimal digits (a non-negative integer), not \"{text}\".");
            return null;
        }

        if (indexElement.ValueKind == JsonValueKind.Number && indexElement.TryGetInt64(out var number) && number >= 0)
        {
            return number;
        }

        problems.Add($"statusListIndex must be a string holding a non-negative integer, not {indexElement.GetRawText()}.");
        return null;
    }

    private static List<StatusMessage> ReadMessages(JsonElement element, int statusSize, List<string> problems)
    {
        var messages = new List<StatusMessage>();
        if (!element.TryGetProperty("statusMessage", out var messagesElement))
        {
            if (statusSize > 1)
            {
                problems.Add($"statusMessage is required when statusSize is greater than 1 (statusSize is {statusSize}).");
            }

            return messages;
        }

        if (messagesElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add("statusMessage must be an array of {status, message} objects.");
            return messages;
        }

        var maximum = (1 << statusSize) - 1;
        var seen = new HashSet<int>();
        var position = 0;
        foreach (var item in messagesElement.EnumerateArray())
        {
            var where = $"statusMessage[{position++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where} must be an object with status and message.");
                continue;
            }

            var statusText = item.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : null;
            var message = item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (statusText is null || !statusText.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || statusText.Length is < 3 or > 10
                || !int.TryParse(statusText.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                problems.Add($"{where}.status must be a hexadecimal string such as \"0x1\".");
                continue;
            }

            if (message is null)
            {
                problems.Add($"{where}.message must be a string.");
                continue;
            }

            if (value > maximum)
            {
                problems.Add($"{where}.status {statusText} does not fit in statusSize {statusSize} (maximum 0x{maximum:x}).");
                continue;
            }

            if (!seen.Add(value))
            {
                problems.Add($"{where}.status {statusText} appears more than once.");
                continue;
            }

            messages.Add(new StatusMessage(value, message));
        }

        if (statusSize > 1 && messages.Count != maximum + 1 && problems.Count == 0)
        {
            problems.Add($"statusMessage must describe all {maximum + 1} values of a {statusSize}-bit entry; it describes {messages.Count}.");
        }

        return messages;
    }

    private static List<string> ReadReferences(JsonElement element, List<string> problems)
    {
        var references = new List<string>();
        if (!element.TryGetProperty("statusReference", out var referenceElement))
        {
            return references;
        }

        if (referenceElement.ValueKind == JsonValueKind.String && IsAbsoluteUri(referenceElement.GetString()))
        {
            references.Add(referenceElement.GetString()!);
            return references;
        }

        if (referenceElement.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in referenceElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String && IsAbsoluteUri(item.GetString()))
                {
                    references.Add(item.GetString()!);
                }
                else
                {
                    problems.Add("statusReference must hold absolute URL strings.");
                    return references;
                }
            }

            return references;
        }

        problems.Add("statusReference must be an absolute URL string or an array of them.");
        return references;
    }

    private static bool IsAbsoluteUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out _);
}
