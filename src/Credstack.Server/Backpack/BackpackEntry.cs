namespace Credstack.Server.Backpack;

/// <summary>One item of a person's backpack, found for its detail page: a claimed award or an imported credential.</summary>
internal sealed record BackpackEntry(BackpackCard Card, byte[] Content, ClaimedCredential? Award, ImportedCredential? Imported);
