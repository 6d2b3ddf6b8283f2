using Credstack.Credentials.Model;
using Credstack.Server.Achievements;

namespace Credstack.Server.Awards;

/// <summary>One immutable version of an achievement, as a credential embeds it, and when credentials issued with it expire.</summary>
/// <param name="Id">The achievement's id in the organization (not the OB <c>Achievement.id</c> URL, which is in <paramref name="Achievement"/>).</param>
/// <param name="Archived">Archived achievements are not awarded any more.</param>
internal sealed record AwardableAchievement(string Id, long Version, Achievement Achievement, ExpiryPolicy? Expiry, bool Archived = false);
