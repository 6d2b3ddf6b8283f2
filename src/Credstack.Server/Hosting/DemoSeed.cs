using Credstack.Server.Achievements;
using Credstack.Server.Awards;
using Credstack.Server.Issuers;
using Credstack.Server.Organizations;

namespace Credstack.Server.Hosting;

/// <summary>
/// What <c>--demo</c> puts in an empty database, as an ordered list of steps. A feature adds its
/// demonstration data by appending one step here (issuer keys and achievements after the
/// organizations, awards after the achievements); each step finds what earlier steps made in the
/// <see cref="DemoSeedContext"/>. The whole list runs once: when the demo organization already
/// exists, nothing runs.
/// </summary>
internal static class DemoSeed
{
    public static IReadOnlyList<DemoSeedStep> Steps { get; } =
    [
        new("organization, staff and learner accounts", OrganizationDemoSeed.RunAsync),
        new("issuer profile and signing key", IssuerDemoSeed.RunAsync),
        new("achievements with ESCO alignments", AchievementDemoSeed.RunAsync),
        new("learners and issued credentials", AwardDemoSeed.RunAsync),
    ];
}
