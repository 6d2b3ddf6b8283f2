using System.Text.Json;

namespace Credstack.Credentials.Tests.Keys;

/// <summary>Reads the Multikey key pairs the W3C Data Integrity test vectors publish.</summary>
internal static class ConformanceKeys
{
    public static (string Public, string Secret) Read(string path) => Read(JsonDocument.Parse(File.ReadAllText(path)).RootElement);

    public static (string Public, string Secret) Read(JsonElement pair)
    {
        // vc-di-eddsa calls the secret "privateKeyMultibase"; vc-di-ecdsa calls it "secretKeyMultibase".
        var secret = pair.TryGetProperty("secretKeyMultibase", out var s) ? s : pair.GetProperty("privateKeyMultibase");
        return (pair.GetProperty("publicKeyMultibase").GetString()!, secret.GetString()!);
    }

    public static IEnumerable<(string Name, string Public, string Secret)> All()
    {
        var eddsa = Conformance.PathOf("vc-di-eddsa", "TestVectors");
        var ecdsa = Conformance.PathOf("vc-di-ecdsa", "TestVectors");
        var single = Read(Path.Combine(eddsa, "keyPair.json"));
        yield return ("eddsa keyPair", single.Public, single.Secret);
        foreach (var property in JsonDocument.Parse(File.ReadAllText(Path.Combine(eddsa, "proof-set-chain", "multiKeyPairs.json"))).RootElement.EnumerateObject())
        {
            var pair = Read(property.Value);
            yield return ("eddsa " + property.Name, pair.Public, pair.Secret);
        }

        foreach (var file in new[] { "p256KeyPair.json", "p384KeyPair.json" })
        {
            var pair = Read(Path.Combine(ecdsa, file));
            yield return (file, pair.Public, pair.Secret);
        }
    }
}
