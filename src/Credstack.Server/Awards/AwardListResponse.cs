namespace Credstack.Server.Awards;

/// <summary>One page of awards, newest first; pass <paramref name="NextCursor"/> as <c>cursor</c> for the next page (null on the last).</summary>
internal sealed record AwardListResponse(IReadOnlyList<AwardResponse> Items, string? NextCursor);
