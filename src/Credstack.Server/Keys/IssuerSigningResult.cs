using System.Diagnostics.CodeAnalysis;

namespace Credstack.Server.Keys;

/// <summary>What <see cref="IssuerSigner.SignAsync"/> produced: the secured credential's exact bytes, or why not.</summary>
/// <param name="Credential">The secured credential as UTF-8: signed JSON for Data Integrity, the compact JWS for JWT suites. Store and serve these bytes as they are.</param>
/// <param name="MediaType"><c>application/vc+ld+json</c>, <c>application/vc+jwt</c> or (OB VC-JWT) <c>application/jwt</c>.</param>
/// <param name="VerificationMethod">The verification method id that signed (<c>{DID}#key-n</c>).</param>
/// <param name="Problem">An <see cref="IssuerSigningProblem"/> or library problem code when nothing was signed.</param>
internal sealed record IssuerSigningResult(byte[]? Credential, string? MediaType, string? VerificationMethod, string? Problem, string? Detail)
{
    [MemberNotNullWhen(true, nameof(Credential), nameof(MediaType), nameof(VerificationMethod))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Detail))]
    public bool Succeeded => Credential is not null;

    public static IssuerSigningResult Success(byte[] credential, string mediaType, string verificationMethod) => new(credential, mediaType, verificationMethod, null, null);

    public static IssuerSigningResult Failure(string problem, string detail) => new(null, null, null, problem, detail);
}
