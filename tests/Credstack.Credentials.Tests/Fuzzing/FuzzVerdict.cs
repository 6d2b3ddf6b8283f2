namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>What the verifier said about one input.</summary>
/// <param name="Verified">Whether the credential verified.</param>
/// <param name="Report">The report as text.</param>
/// <param name="Complete">False when the report has no checks, or says the verifier itself failed (an exception it caught).</param>
internal sealed record FuzzVerdict(bool Verified, string Report, bool Complete);
