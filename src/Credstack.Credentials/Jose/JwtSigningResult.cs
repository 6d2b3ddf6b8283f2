using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Jose;

/// <summary>The outcome of securing a document as a JWT: the compact token, or a <see cref="JwtProblem"/> code.</summary>
public sealed record JwtSigningResult
{
    private JwtSigningResult(string? token, string? problem, string? detail)
    {
        Token = token;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The compact JWS (<c>header.payload.signature</c>), when <see cref="Succeeded"/>.</summary>
    public string? Token { get; }

    /// <summary>The problem code when signing was refused.</summary>
    public string? Problem { get; }

    /// <summary>Why signing was refused.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Token"/> holds the signed token.</summary>
    [MemberNotNullWhen(true, nameof(Token))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Detail))]
    public bool Succeeded => Token is not null;

    internal static JwtSigningResult Success(string token) => new(token, null, null);

    internal static JwtSigningResult Failure(string problem, string detail) => new(null, problem, detail);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Signed JWT ({Token.Length} characters)" : $"{Problem}: {Detail}";
}
