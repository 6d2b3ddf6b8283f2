namespace Credstack.Ledger.Notes;

/// <summary>The result of verifying a signed note against known keys.</summary>
/// <param name="Verdict">Whether the note verifies, and why not.</param>
/// <param name="VerifiedBy">The known keys whose signatures verified.</param>
/// <param name="Signatures">The verified signatures, in the same order as <paramref name="VerifiedBy"/>.</param>
public sealed record NoteVerification(Verdict Verdict, IReadOnlyList<NoteKey> VerifiedBy, IReadOnlyList<NoteSignature> Signatures);
