namespace Credstack.Server.StatusLists;

/// <summary>An index reserved for one credential in one status list.</summary>
internal sealed record StatusListSlot(string OrganizationId, string ListId, int Index);
