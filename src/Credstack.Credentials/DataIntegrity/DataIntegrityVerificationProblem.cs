namespace Credstack.Credentials.DataIntegrity;

/// <summary>One reason a Data Integrity proof did not verify, or a warning about it.</summary>
/// <param name="Code">A stable code from <see cref="DataIntegrityProblem"/>.</param>
/// <param name="Detail">A human-readable explanation.</param>
/// <param name="IsWarning">True for a warning (the proof still verifies), e.g. <see cref="DataIntegrityProblem.CryptosuiteDeprecated"/>.</param>
public sealed record DataIntegrityVerificationProblem(string Code, string Detail, bool IsWarning = false)
{
    /// <inheritdoc />
    public override string ToString() => IsWarning ? $"warning {Code}: {Detail}" : $"{Code}: {Detail}";
}
