using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Keys;

namespace Credstack.Interop.Tests;

/// <summary>One cryptosuite with one key type, as both stacks name it.</summary>
internal sealed record InteropCase(string Name, string SuiteName, DataIntegrityCryptosuite Suite, KeyType KeyType)
{
    /// <summary>The suites both stacks sign and verify: the JavaScript stack has no ecdsa-jcs-2019.</summary>
    public static IReadOnlyList<InteropCase> All { get; } =
    [
        new("eddsa-rdfc-2022 Ed25519", "eddsa-rdfc-2022", DataIntegrityCryptosuite.EddsaRdfc2022, KeyType.Ed25519),
        new("eddsa-jcs-2022 Ed25519", "eddsa-jcs-2022", DataIntegrityCryptosuite.EddsaJcs2022, KeyType.Ed25519),
        new("ecdsa-rdfc-2019 P-256", "ecdsa-rdfc-2019", DataIntegrityCryptosuite.EcdsaRdfc2019, KeyType.P256),
        new("ecdsa-rdfc-2019 P-384", "ecdsa-rdfc-2019", DataIntegrityCryptosuite.EcdsaRdfc2019, KeyType.P384),
    ];

    /// <summary>The case names, for theories.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }

    public static InteropCase Named(string name) => All.Single(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
