namespace Credstack.Credentials.Jose;

/// <summary>One reason a JWT did not verify.</summary>
/// <param name="Code">A stable code from <see cref="JwtProblem"/>.</param>
/// <param name="Detail">A human-readable explanation.</param>
public sealed record JwtVerificationProblem(string Code, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Detail}";
}
