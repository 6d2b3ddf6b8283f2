namespace Credstack.Server.Achievements;

/// <summary>An uploaded image: its id (for <c>imageId</c> in an achievement) and its public URL.</summary>
internal sealed record ImageResponse(string Id, string Url, string MediaType, long Size, string Sha256);
