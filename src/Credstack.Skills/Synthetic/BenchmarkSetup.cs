namespace Credstack.Skills.Synthetic;

/// <summary>What the benchmark ran on.</summary>
/// <param name="Seed">The seed.</param>
/// <param name="People">People indexed.</param>
/// <param name="Jobs">Jobs indexed.</param>
/// <param name="Skills">Skills in the taxonomy.</param>
/// <param name="Occupations">Occupations.</param>
/// <param name="Credentials">Credentials in the catalogue.</param>
/// <param name="Postings">(person, skill) postings in the candidate index.</param>
/// <param name="IndexBytes">Managed heap growth while building the candidate index (profiles excluded).</param>
/// <param name="ProfileBytes">Managed heap growth while building the profiles (with their evidence chains).</param>
public sealed record BenchmarkSetup(ulong Seed, int People, int Jobs, int Skills, int Occupations, int Credentials, long Postings, long IndexBytes, long ProfileBytes);
