namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// The outcome of verifying the Data Integrity proofs of a document: one <see cref="DataIntegrityVerificationResult"/> per
/// proof (proof sets and chains, Data Integrity 1.0 §4.5), plus problems of the document itself (not JSON, no proof).
/// </summary>
public sealed record DataIntegrityVerificationReport
{
    /// <summary>One result per proof, in document order.</summary>
    public IReadOnlyList<DataIntegrityVerificationResult> Proofs { get; init; } = [];

    /// <summary>Problems of the document as a whole (<see cref="DataIntegrityProblem.DocumentMalformed"/>, <see cref="DataIntegrityProblem.ProofMissing"/>, ...).</summary>
    public IReadOnlyList<DataIntegrityVerificationProblem> Problems { get; init; } = [];

    /// <summary>True when the document has at least one proof and every proof verified (warnings allowed).</summary>
    public bool Succeeded => Proofs.Count > 0 && Problems.All(p => p.IsWarning) && Proofs.All(p => p.Succeeded);

    /// <summary>All problems: the document's and every proof's.</summary>
    public IEnumerable<DataIntegrityVerificationProblem> AllProblems => Problems.Concat(Proofs.SelectMany(p => p.Problems));

    /// <summary>True when the document or any proof reported <paramref name="code"/>.</summary>
    public bool HasProblem(string code) => AllProblems.Any(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        Succeeded ? $"{Proofs.Count} proof(s) verified" : "not verified: " + string.Join("; ", AllProblems);
}
