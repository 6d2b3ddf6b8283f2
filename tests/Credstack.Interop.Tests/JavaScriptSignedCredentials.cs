using System.Text.Json.Nodes;
using Credstack.Credentials.Keys;

namespace Credstack.Interop.Tests;

/// <summary>
/// Credentials the JavaScript stack (@digitalbazaar/vc with each cryptosuite) signed, one per
/// <see cref="InteropCase"/>, all in one node process, with keys Credstack generated. Computed once, on first use.
/// </summary>
public sealed class JavaScriptSignedCredentials : IDisposable
{
    private readonly Lazy<Task<IReadOnlyDictionary<string, string>>> _signed;
    private readonly string _folder = Directory.CreateTempSubdirectory("credstack-interop-").FullName;

    public JavaScriptSignedCredentials() => _signed = new(RunAsync);

    /// <summary>The signed credential (JSON) by case name.</summary>
    internal Task<IReadOnlyDictionary<string, string>> ByCase => _signed.Value;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<IReadOnlyDictionary<string, string>> RunAsync()
    {
        var lines = new List<string>();
        var serial = 100;
        foreach (var c in InteropCase.All)
        {
            using var key = SigningKey.Generate(c.KeyType);
            var keyFile = InteropCredentials.WriteKeyFile(_folder, key, $"key-{serial}");
            lines.Add(new JsonObject
            {
                ["suite"] = c.SuiteName,
                ["key"] = keyFile,
                ["credential"] = JsonNode.Parse(InteropCredentials.Unsigned(key.PublicKey, ++serial)),
            }.ToJsonString());
        }

        var results = await JavaScriptStack.RunAsync("sign", lines);
        return InteropCase.All.Select((c, i) => (c.Name, Json: results[i].ToJsonString()))
            .ToDictionary(p => p.Name, p => p.Json, StringComparer.Ordinal);
    }
}
