namespace Credstack.Credentials.Keys;

/// <summary>One Ed25519 private key inside one implementation (OpenSSL or managed).</summary>
internal interface IEd25519Signer : IDisposable
{
    /// <summary>Writes the 64-byte RFC 8032 signature of <paramref name="data"/>.</summary>
    void Sign(ReadOnlySpan<byte> data, Span<byte> signature);
}
