using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Credstack.Credentials.Keys;
using Microsoft.AspNetCore.DataProtection;

namespace Credstack.Server.Keys;

/// <summary>
/// Encrypts issuer private keys at rest with ASP.NET Core Data Protection (the key ring lives at
/// <c>Credstack:KeyProtection:KeyRingPath</c>): a database dump alone never yields a signing key.
/// The plaintext is the private JWK; the byte buffers that hold it are cleared after use. (The
/// library's JWK export is made of strings, which cannot be cleared; they live only as long as
/// one call.)
/// </summary>
internal sealed class SigningKeyProtector(IDataProtectionProvider provider)
{
    // Part of the encryption: changing it makes every stored key unreadable.
    public const string Purpose = "Credstack.Keys.IssuerSigningKey.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(SigningKey key)
    {
        var plaintext = Encoding.UTF8.GetBytes(key.ExportPrivateJwk().ToJson());
        try
        {
            return Base64Url.EncodeToString(_protector.Protect(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The signing key; the caller disposes it (which clears it). A key that cannot be read is a broken environment (wrong key ring), so it throws.</summary>
    public SigningKey Unprotect(IssuerKey stored)
    {
        var plaintext = _protector.Unprotect(Base64Url.DecodeFromChars(stored.ProtectedPrivateKey));
        try
        {
            var jwk = JsonWebKey.Parse(Encoding.UTF8.GetString(plaintext));
            var key = jwk.Succeeded ? jwk.Key.ToSigningKey() : null;
            return key is { Succeeded: true }
                ? key.Key
                : throw new InvalidOperationException($"the stored private key of {stored} cannot be imported");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
