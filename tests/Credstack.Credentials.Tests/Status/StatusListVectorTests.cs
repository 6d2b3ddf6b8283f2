using System.Globalization;
using System.Text.Json;
using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class StatusListVectorTests
{
    private const string Folder = "vc-bitstring-status-list";

    public static TheoryData<string> VectorDescriptions()
    {
        var data = new TheoryData<string>();
        if (Conformance.Has(Folder, "vectors", "bitstring-vectors.json"))
        {
            foreach (var vector in LoadVectors())
            {
                data.Add(vector.GetProperty("description").GetString()!);
            }
        }
        else
        {
            data.Add("(vectors missing)");
        }

        return data;
    }

    [ConformanceTheory(Folder, "vectors", "bitstring-vectors.json")]
    [MemberData(nameof(VectorDescriptions))]
    public void Decode_reproduces_every_check_of_the_bitstring_vector(string description)
    {
        var vector = LoadVectors().Single(v => v.GetProperty("description").GetString() == description);
        var statusSize = vector.GetProperty("statusSize").GetInt32();
        var result = StatusList.Decode(vector.GetProperty("encodedList").GetString(), statusSize);

        if (description.StartsWith("too short", StringComparison.Ordinal))
        {
            Assert.False(result.Succeeded);
            Assert.Equal(StatusProblem.ListTooShort, result.Problem);
            Assert.Contains("STATUS_LIST_LENGTH_ERROR", result.Reason, StringComparison.Ordinal);
            return;
        }

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(vector.GetProperty("uncompressedBytes").GetInt32(), result.List.Bits.Length);
        Assert.Equal(vector.GetProperty("firstBytesHex").GetString(), Convert.ToHexStringLower(result.List.Bits[..8]));
        foreach (var check in vector.GetProperty("checks").EnumerateArray())
        {
            var index = int.Parse(check.GetProperty("statusListIndex").GetString()!, CultureInfo.InvariantCulture);
            Assert.Equal(check.GetProperty("expectedStatus").GetInt32(), result.List.Get(index));
        }

        // Re-encoding with our compressor must give back the same bits (compressed bytes may differ).
        var again = StatusList.Decode(result.List.Encode(), statusSize);
        Assert.Equal(result.List.Bits.ToArray(), again.List!.Bits.ToArray());
    }

    [ConformanceFact(Folder, "spec-examples", "bitstring-status-list-credential.json")]
    public void The_spec_example_list_decodes_to_16384_zero_bytes()
    {
        foreach (var file in new[] { "bitstring-status-list-credential.json", "status-list-credential-unsigned.json" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Folder, "spec-examples", file)));
            var encoded = json.RootElement.GetProperty("credentialSubject").GetProperty("encodedList").GetString();
            var result = StatusList.Decode(encoded);
            Assert.True(result.Succeeded, result.Reason);
            Assert.Equal(16_384, result.List.Bits.Length);
            Assert.All(result.List.Bits.ToArray(), b => Assert.Equal(0, b));
        }
    }

    [ConformanceFact(Folder, "spec-examples", "credential-with-two-status-entries.json")]
    public void The_spec_example_entries_parse_with_their_purposes_and_indexes()
    {
        using var revocable = JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Folder, "spec-examples", "revocable-credential.json")));
        Assert.True(BitstringStatusListEntry.TryParse(revocable.RootElement.GetProperty("credentialStatus"), out var single, out var errors), string.Join(" ", errors));
        Assert.Equal(94567, single!.StatusListIndex);
        Assert.Equal(StatusPurpose.Revocation, single.StatusPurpose);
        Assert.Equal("https://example.com/credentials/status/3", single.StatusListCredential);

        using var two = JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Folder, "spec-examples", "credential-with-two-status-entries.json")));
        var entries = two.RootElement.GetProperty("credentialStatus").EnumerateArray().Select(e =>
        {
            Assert.True(BitstringStatusListEntry.TryParse(e, out var entry, out var problems), string.Join(" ", problems));
            return entry!;
        }).ToList();
        Assert.Equal([StatusPurpose.Revocation, StatusPurpose.Suspension], entries.Select(e => e.StatusPurpose));
        Assert.Equal([94567L, 23452L], entries.Select(e => e.StatusListIndex));
    }

    private static List<JsonElement> LoadVectors()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Conformance.PathOf(Folder, "vectors", "bitstring-vectors.json")));
        return json.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone()).ToList();
    }
}
