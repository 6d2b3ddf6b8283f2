using BenchmarkDotNet.Attributes;
using Credstack.Credentials.Validation;

namespace Credstack.Benchmarks.Model;

/// <summary>
/// Structural validation of a typical AchievementCredential from UTF-8 bytes (parse + every class check):
/// the verifier runs it on every credential before canonicalizing, so it must stay far below proof cost.
/// </summary>
[MemoryDiagnoser]
public class CredentialValidationBenchmark
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() => _json = SampleCredential.Create().ToUtf8Json();

    [Benchmark]
    public bool ValidateStrict() => CredentialValidator.Validate(_json, ValidationMode.Strict).IsValid;
}
