using BenchmarkDotNet.Attributes;
using Credstack.Credentials.Keys;

namespace Credstack.Benchmarks.Keys;

/// <summary>ECDSA sign and verify (IEEE P1363) over the 64-byte ecdsa-rdfc-2019 P-256 hashData.</summary>
[MemoryDiagnoser]
public class EcdsaBenchmarks
{
    private EcdsaSigningKey _key = null!;
    private byte[] _message = null!;
    private byte[] _signature = null!;
    private byte[] _destination = null!;

    [Params(KeyType.P256)]
    public KeyType Curve { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _message = new byte[64];
        new Random(2019).NextBytes(_message);
        _key = EcdsaSigningKey.Generate(Curve);
        _signature = _key.Sign(_message);
        _destination = new byte[_key.SignatureSize];
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    [Benchmark]
    public int Sign() => _key.Sign(_message, _destination);

    [Benchmark]
    public bool Verify() => _key.PublicKey.Verify(_message, _signature);
}
