// Inputs of the canonicalization benchmarks: the typical OB 3.0 credential in Data/ and the
// canonical N-Quads of the 1EdTech proof test vectors from ../shared/conformance.
using System.Text;

namespace Credstack.Benchmarks.Canonicalization;

internal static class CanonicalizationInputs
{
    public static byte[] Ob3CredentialJson() =>
        File.ReadAllBytes(Path.Combine(RepositoryRoot(), "bench", "Credstack.Benchmarks", "Data", "ob3-credential.json"));

    /// <summary>100 variants of the credential that differ in their identifiers, so nothing is cached across them.</summary>
    public static byte[][] Ob3CredentialBatch()
    {
        var text = Encoding.UTF8.GetString(Ob3CredentialJson());
        return [.. Enumerable.Range(0, 100).Select(i => Encoding.UTF8.GetBytes(text.Replace("8c1f5a2e", "8c1f" + i.ToString("x4", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)))];
    }

    /// <summary>The canonical document of a 1EdTech proof test vector: "obv3p0" (16 quads, 1 blank node) or "clrv2p0" (49 quads, 3 blank nodes).</summary>
    public static string ProofVectorNQuads(string vector) =>
        File.ReadAllText(Path.Combine(ConformanceRoot(), "openbadges", "proof-test-vectors", vector, "canonDoc.txt"));

    /// <summary>100 variants of a vector with distinct IRIs and shuffled lines.</summary>
    public static string[] ProofVectorBatch(string vector)
    {
        var text = ProofVectorNQuads(vector);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. Enumerable.Range(0, 100).Select(i =>
        {
            var shuffled = lines.Select((line, n) => (line, key: (n * 7919 + i * 104729) % 1_000_003)).OrderBy(x => x.key).Select(x => x.line);
            return string.Join('\n', shuffled).Replace("https://", "https://v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".", StringComparison.Ordinal) + "\n";
        })];
    }

    public static string ConformanceRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CREDSTACK_CONFORMANCE");
        return !string.IsNullOrEmpty(configured) ? configured : Path.Combine(RepositoryRoot(), "..", "shared", "conformance");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Credstack.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository: Credstack.slnx was not found above " + AppContext.BaseDirectory);
    }
}
