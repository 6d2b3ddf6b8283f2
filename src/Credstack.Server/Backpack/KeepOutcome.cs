namespace Credstack.Server.Backpack;

/// <summary>What "Keep in my backpack" did: kept the credential, found it already kept, or found the pending import gone.</summary>
internal sealed record KeepOutcome(string? CredentialId, bool WasAlreadyKept)
{
    public static KeepOutcome Gone { get; } = new(null, false);

    public static KeepOutcome Kept(string id) => new(id, false);

    public static KeepOutcome AlreadyKept(string id) => new(id, true);
}
