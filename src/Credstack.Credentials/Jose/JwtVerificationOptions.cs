namespace Credstack.Credentials.Jose;

/// <summary>Policy for <see cref="JwtVerifier"/>.</summary>
public sealed record JwtVerificationOptions
{
    /// <summary>The default <see cref="MaxTokenLength"/>: 1 MiB of characters, far beyond any real credential.</summary>
    public const int DefaultMaxTokenLength = 1024 * 1024;

    /// <summary>Tokens longer than this are refused before any decoding (<see cref="JwtProblem.TooLarge"/>).</summary>
    public int MaxTokenLength { get; init; } = DefaultMaxTokenLength;

    /// <summary>How far <c>nbf</c> may be in the future and <c>exp</c> in the past before the token is refused. Default 60 s.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The <c>alg</c> values accepted (a subset of EdDSA, ES256, ES384, RS256). <c>none</c> and symmetric algorithms are
    /// never accepted, whatever this holds.
    /// </summary>
    public IReadOnlySet<string> AllowedAlgorithms { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "EdDSA", "ES256", "ES384", "RS256" };

    /// <summary>Whether <c>nbf</c> and <c>exp</c> are checked against the clock (off to check a token as of its issuance). Default true.</summary>
    public bool CheckTimes { get; init; } = true;
}
