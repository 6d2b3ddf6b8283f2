namespace Credstack.Credentials.Keys;

/// <summary>One Ed25519 public key inside one implementation (OpenSSL or managed).</summary>
internal interface IEd25519Verifier : IDisposable
{
    /// <summary>True when the 64-byte <paramref name="signature"/> is valid for <paramref name="data"/>; never throws.</summary>
    bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);
}
