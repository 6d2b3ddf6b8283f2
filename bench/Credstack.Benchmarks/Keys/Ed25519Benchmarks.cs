using BenchmarkDotNet.Attributes;
using Credstack.Credentials.Keys;

namespace Credstack.Benchmarks.Keys;

/// <summary>Raw Ed25519 sign and verify, OpenSSL (P/Invoke) beside the managed fallback, on Data Integrity-sized messages.</summary>
[MemoryDiagnoser]
public class Ed25519Benchmarks
{
    private Ed25519SigningKey _key = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;
    private byte[] _destination = null!;

    [Params(Ed25519Implementation.OpenSsl, Ed25519Implementation.Managed)]
    public Ed25519Implementation Implementation { get; set; }

    // 32 bytes: one SHA-256; 64 bytes: the eddsa-rdfc-2022 hashData (proof hash || document hash).
    [Params(32, 64)]
    public int MessageLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8032);
        var seed = new byte[32];
        random.NextBytes(seed);
        _message = new byte[MessageLength];
        random.NextBytes(_message);
        _key = Ed25519SigningKey.FromSeed(seed, Implementation);
        _signature = _key.Sign(_message);
        _destination = new byte[64];
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public int Sign() => _key.Sign(_message, _destination);

    [Benchmark]
    public bool Verify() => _key.PublicKey.Verify(_message, _signature);
}
