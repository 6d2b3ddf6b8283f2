// Ed25519 private keys (RFC 8032 §5.1.5: the 32-byte seed), JWK form per RFC 8037 §2 (d = seed).
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Credstack.Credentials.Keys;

/// <summary>An Ed25519 private key, signing through OpenSSL or the managed implementation.</summary>
public sealed class Ed25519SigningKey : SigningKey
{
    /// <summary>The size of an Ed25519 private key (seed) in bytes.</summary>
    public const int SeedSize = 32;

    /// <summary>Set to <c>managed</c> to make <see cref="Ed25519Implementation.Auto"/> use the managed implementation.</summary>
    public const string ImplementationVariable = "CREDSTACK_ED25519";

    private readonly byte[] _seed;
    private readonly IEd25519Signer _signer;
    private readonly Ed25519VerificationKey _publicKey;

    private Ed25519SigningKey(ReadOnlySpan<byte> seed, Ed25519Implementation implementation)
    {
        _seed = GC.AllocateArray<byte>(SeedSize, pinned: true);
        seed.CopyTo(_seed);
        Span<byte> publicKey = stackalloc byte[Ed25519VerificationKey.PublicKeySize];
        _signer = implementation == Ed25519Implementation.OpenSsl
            ? OpenSslEd25519.CreateSigner(seed, publicKey)
            : ManagedEd25519.CreateSigner(seed, publicKey);
        _publicKey = Ed25519VerificationKey.FromPublicKey(publicKey, implementation);
        Implementation = implementation;
    }

    /// <inheritdoc />
    public override VerificationKey PublicKey => _publicKey;

    /// <summary>The implementation this key signs with (never <see cref="Ed25519Implementation.Auto"/>).</summary>
    public Ed25519Implementation Implementation { get; }

    /// <summary>True when the platform OpenSSL Ed25519 is present and passed its self-test.</summary>
    public static bool IsOpenSslAvailable => OpenSslEd25519.IsAvailable;

    /// <summary>What <see cref="Ed25519Implementation.Auto"/> resolves to in this process.</summary>
    public static Ed25519Implementation DefaultImplementation => ResolveImplementation(Ed25519Implementation.Auto);

    /// <summary>Creates a new key from 32 bytes of <see cref="RandomNumberGenerator"/> output.</summary>
    public static Ed25519SigningKey Generate(Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        Span<byte> seed = stackalloc byte[SeedSize];
        RandomNumberGenerator.Fill(seed);
        try
        {
            return FromSeed(seed, implementation);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Creates the key for a 32-byte seed (the RFC 8032 private key).</summary>
    /// <exception cref="ArgumentException"><paramref name="seed"/> is not 32 bytes.</exception>
    public static Ed25519SigningKey FromSeed(ReadOnlySpan<byte> seed, Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed has {SeedSize} bytes.", nameof(seed));
        }

        return new Ed25519SigningKey(seed, ResolveImplementation(implementation));
    }

    internal static Ed25519Implementation ResolveImplementation(Ed25519Implementation requested) =>
        ResolveImplementation(requested, Environment.GetEnvironmentVariable(ImplementationVariable), OpenSslEd25519.IsAvailable);

    internal static Ed25519Implementation ResolveImplementation(Ed25519Implementation requested, string? variable, bool openSslAvailable) => requested switch
    {
        Ed25519Implementation.Managed => Ed25519Implementation.Managed,
        Ed25519Implementation.OpenSsl => openSslAvailable
            ? Ed25519Implementation.OpenSsl
            : throw new PlatformNotSupportedException("OpenSSL Ed25519 (libcrypto.so.3) is not available on this machine."),
        _ => string.Equals(variable, "managed", StringComparison.OrdinalIgnoreCase) || !openSslAvailable
            ? Ed25519Implementation.Managed
            : Ed25519Implementation.OpenSsl,
    };

    private protected override int SignCore(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        _signer.Sign(data, destination[..Ed25519VerificationKey.SignatureLength]);
        return Ed25519VerificationKey.SignatureLength;
    }

    private protected override JsonWebKey ExportPrivateJwkCore() => _publicKey.ExportJwk() with { D = Base64Url.EncodeToString(_seed) };

    private protected override byte[] ExportSecretBytesCore() => (byte[])_seed.Clone();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signer.Dispose();
            _publicKey.Dispose();
        }

        CryptographicOperations.ZeroMemory(_seed);
        base.Dispose(disposing);
    }
}
