using BenchmarkDotNet.Attributes;
using Credstack.Credentials.Status;

namespace Credstack.Benchmarks.Status;

/// <summary>
/// A minimum-size (131,072-entry) bitstring status list: encoding runs every time an issuer
/// republishes a list after a revocation, decoding on every status check that misses the cache.
/// RevokedPercent sweeps an empty list (compresses to ~100 bytes) and a realistic 1% revoked.
/// </summary>
[MemoryDiagnoser]
public class StatusListBenchmarks
{
    private StatusList _list = null!;
    private string _encoded = "";
    private int _index;

    [Params(0, 1)]
    public int RevokedPercent { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _list = new StatusList();
        var random = new Random(42);
        for (var i = 0; i < _list.Length * RevokedPercent / 100; i++)
        {
            _list.Set(random.Next(_list.Length));
        }

        _encoded = _list.Encode();
        _index = 94_567;
    }

    [Benchmark]
    public string Encode() => _list.Encode();

    [Benchmark]
    public StatusList? Decode() => StatusList.Decode(_encoded).List;

    [Benchmark]
    public int SetAndGet()
    {
        _list.Set(_index);
        var value = _list.Get(_index);
        _list.Clear(_index);
        return value;
    }
}
