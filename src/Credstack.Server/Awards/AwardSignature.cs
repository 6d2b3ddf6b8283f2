namespace Credstack.Server.Awards;

/// <summary>The outcome of <see cref="IAwardSigner.SignAsync"/>: the exact signed bytes, or why there are none.</summary>
internal sealed record AwardSignature(byte[]? SignedCredential, string? Problem)
{
    public bool Succeeded => SignedCredential is not null;

    public static AwardSignature Signed(byte[] signedCredential) => new(signedCredential, null);

    public static AwardSignature Failed(string problem) => new(null, problem);
}
