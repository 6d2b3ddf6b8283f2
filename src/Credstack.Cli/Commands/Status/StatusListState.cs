// The local state of one W3C Bitstring Status List v1.0 list, kept by `credstack status` in a JSON file
// (layout in docs/status-lists.md). The spec has no wire format for issuer-side state; this file is ours.
using System.Globalization;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Status;

namespace Credstack.Cli.Commands.Status;

/// <summary>One local status list: its bitstring, purpose, URL, issuer, allocated indexes and how to sign it.</summary>
internal sealed class StatusListState
{
    /// <summary>The <c>format</c> member of a state file; a file without it is not ours.</summary>
    public const string Format = "credstack-status-list/1";

    // Largest state file read: a 64 Mi-entry list's bitmaps, base64, plus slack.
    private const long MaxFileBytes = 32L * 1024 * 1024;

    public required string Url { get; init; }

    public required string Issuer { get; init; }

    public required StatusPurpose Purpose { get; init; }

    public required StatusList List { get; init; }

    public required StatusListAllocator Allocator { get; init; }

    public IReadOnlyList<StatusMessage> Messages { get; init; } = [];

    /// <summary>Where the signed list credential goes; null when the list is kept unsigned.</summary>
    public StatusListSigning? Signing { get; init; }

    /// <summary>The <c>credentialStatus</c> entry for <paramref name="index"/>, as a credential carries it.</summary>
    public BitstringStatusListEntry EntryFor(int index) => new()
    {
        Id = Url + "#" + index.ToString(CultureInfo.InvariantCulture),
        StatusPurpose = Purpose,
        StatusListIndex = index,
        StatusListCredential = Url,
        StatusSize = List.StatusSize,
        StatusMessage = Messages,
    };

    /// <summary>Reads a state file; the state, or a sentence saying why the file is not a usable state file.</summary>
    public static (StatusListState? State, string? Error) Read(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return (null, $"state file not found: {file.FullName}");
        }

        if (file.Length > MaxFileBytes)
        {
            return (null, $"{file.FullName} is {file.Length:N0} bytes, too large to be a status list state file");
        }

        try
        {
            using var document = JsonDocument.Parse(Utf8Text.WithoutBom(File.ReadAllBytes(file.FullName)), new JsonDocumentOptions { MaxDepth = 16 });
            var (state, error) = FromJson(document.RootElement, file.DirectoryName!);
            return state is null ? (null, $"{file.FullName} is not a valid status list state file: {error}") : (state, null);
        }
        catch (JsonException e)
        {
            return (null, $"{file.FullName} is not a valid status list state file: it is not JSON ({e.Message})");
        }
    }

    /// <summary>True when <paramref name="root"/> looks like a state file (it names our format).</summary>
    public static bool IsStateDocument(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String
        && string.Equals(f.GetString(), Format, StringComparison.Ordinal);

    /// <summary>Reads the state from parsed JSON; relative paths in it are resolved against <paramref name="directory"/>.</summary>
    public static (StatusListState? State, string? Error) FromJson(JsonElement root, string directory)
    {
        if (!IsStateDocument(root))
        {
            return (null, $"\"format\" must be \"{Format}\"");
        }

        var url = String(root, "url");
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return (null, "\"url\" must be an absolute URL");
        }

        var issuer = String(root, "issuer");
        if (string.IsNullOrWhiteSpace(issuer))
        {
            return (null, "\"issuer\" is missing");
        }

        if (!StatusPurposeName.TryParse(String(root, "purpose"), out var purpose))
        {
            return (null, "\"purpose\" must be revocation, suspension, refresh or message");
        }

        if (!Int(root, "length", out var length) || length < StatusList.MinimumLength || length % 8 != 0)
        {
            return (null, $"\"length\" must be a multiple of 8, at least {StatusList.MinimumLength}");
        }

        if (!Int(root, "statusSize", out var statusSize) || statusSize is < 1 or > StatusList.MaximumStatusSize)
        {
            return (null, $"\"statusSize\" must be between 1 and {StatusList.MaximumStatusSize}");
        }

        var decoded = StatusList.Decode(String(root, "encodedList"), statusSize, StatusListDecodeOptions.Default with
        {
            MaxEncodedLength = int.MaxValue,
            MaxDecompressedBytes = (long)length * statusSize / 8,
        });
        if (!decoded.Succeeded)
        {
            return (null, "\"encodedList\": " + decoded.Reason);
        }

        if (decoded.List.Length != length)
        {
            return (null, $"\"encodedList\" holds {decoded.List.Length} entries, but \"length\" says {length}");
        }

        IReadOnlyList<StatusMessage> messages = [];
        if (root.TryGetProperty("statusMessage", out var messageArray))
        {
            var (read, messageError) = ReadMessages(url, purpose, statusSize, messageArray);
            if (read is null)
            {
                return (null, "\"statusMessage\": " + messageError);
            }

            messages = read;
        }

        // The allocation bitmap has the bit layout of a 1-bit status list, so it is stored the same way (GZIP, multibase).
        var allocated = StatusList.Decode(String(root, "allocated"), 1, StatusListDecodeOptions.Default with
        {
            MaxEncodedLength = int.MaxValue,
            MaxDecompressedBytes = length / 8,
        });
        if (!allocated.Succeeded || allocated.List.Length != length)
        {
            return (null, "\"allocated\" (the bitmap of handed-out indexes) is missing or damaged" + (allocated.Succeeded ? "" : ": " + allocated.Reason));
        }

        StatusListAllocator allocator;
        try
        {
            allocator = StatusListAllocator.Restore(new StatusListAllocatorState(length, Convert.ToBase64String(allocated.List.Bits)));
        }
        catch (FormatException e)
        {
            return (null, "\"allocated\": " + e.Message);
        }

        StatusListSigning? signing = null;
        if (root.TryGetProperty("signing", out var signingElement) && signingElement.ValueKind != JsonValueKind.Null)
        {
            var (readSigning, error) = StatusListSigning.FromJson(signingElement, directory);
            if (readSigning is null)
            {
                return (null, "\"signing\": " + error);
            }

            signing = readSigning;
        }

        return (new StatusListState
        {
            Url = url,
            Issuer = issuer,
            Purpose = purpose,
            List = decoded.List,
            Allocator = allocator,
            Messages = messages,
            Signing = signing,
        }, null);
    }

    /// <summary>The state file's bytes; paths are written relative to <paramref name="directory"/> (the state file's folder).</summary>
    public byte[] ToJson(string directory)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("url", Url);
            writer.WriteString("issuer", Issuer);
            writer.WriteString("purpose", StatusPurposeName.Format(Purpose));
            writer.WriteNumber("length", List.Length);
            writer.WriteNumber("statusSize", List.StatusSize);
            if (Messages.Count > 0)
            {
                writer.WriteStartArray("statusMessage");
                foreach (var message in Messages)
                {
                    writer.WriteStartObject();
                    writer.WriteString("status", message.StatusText);
                    writer.WriteString("message", message.Message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteString("encodedList", List.Encode());
            writer.WriteNumber("allocatedCount", Allocator.AllocatedCount);
            writer.WriteString("allocated", EncodeAllocated());
            if (Signing is not null)
            {
                writer.WritePropertyName("signing");
                Signing.WriteTo(writer, directory);
            }

            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The unsigned <c>BitstringStatusListCredential</c> publishing the list now.</summary>
    public byte[] BuildCredential(TimeProvider time)
    {
        var credential = new BitstringStatusListCredentialBuilder(time).Build(new Uri(Url), Issuer, Purpose, List);
        return Encoding.UTF8.GetBytes(credential.ToJsonString());
    }

    /// <summary>
    /// Checks <c>statusMessage</c> items exactly as a verifier reads them from an entry (hex values that fit
    /// <paramref name="statusSize"/>, no repeats, every value described when the size is above 1).
    /// </summary>
    public static (IReadOnlyList<StatusMessage>? Messages, string? Error) ReadMessages(string url, StatusPurpose purpose, int statusSize, JsonElement messages)
    {
        if (!BitstringStatusListEntry.TryParse(MessageProbe(url, purpose, statusSize, messages), out var entry, out var errors))
        {
            return (null, string.Join(" ", errors));
        }

        return (entry!.StatusMessage, null);
    }

    private string EncodeAllocated()
    {
        var used = Convert.FromBase64String(Allocator.ExportState().Used);
        var bitmap = new StatusList(Allocator.Capacity);
        for (var i = 0; i < used.Length; i++)
        {
            for (var bit = 0; used[i] != 0 && bit < 8; bit++)
            {
                if ((used[i] & (0x80 >> bit)) != 0)
                {
                    bitmap.Set((i * 8) + bit);
                }
            }
        }

        return bitmap.Encode();
    }

    private static JsonElement MessageProbe(string url, StatusPurpose purpose, int statusSize, JsonElement messages)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", BitstringStatusListEntry.EntryType);
            writer.WriteString("statusPurpose", StatusPurposeName.Format(purpose));
            writer.WriteString("statusListIndex", "0");
            writer.WriteString("statusListCredential", url);
            writer.WriteNumber("statusSize", statusSize);
            writer.WritePropertyName("statusMessage");
            messages.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Int(JsonElement root, string name, out int value)
    {
        value = 0;
        return root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }
}
