namespace Credstack.Server.Hosting;

/// <summary><c>Credstack:KeyProtection</c>: where the key ring that encrypts issuer keys at rest lives.</summary>
internal sealed class KeyProtectionOptions
{
    public string KeyRingPath { get; set; } = "data/keys";
}
