using Credstack.Skills.Pathways;

namespace Credstack.Skills.Matching;

/// <summary>Why a person and a job score what they score: features and requirements that add up to the score.</summary>
/// <param name="JobId">The job.</param>
/// <param name="PersonId">The person.</param>
/// <param name="Score">Σ requirement contributions + the title contribution.</param>
/// <param name="Features">The six feature lines; their contributions sum to the score.</param>
/// <param name="Requirements">One line per requirement.</param>
/// <param name="MissingMustHaves">Must-have skills with no match at all.</param>
/// <param name="PathToMissing">The cheapest learning path to the missing must-haves, when a catalogue was given and some are missing.</param>
public sealed record MatchExplanation(string JobId, string PersonId, double Score, IReadOnlyList<FeatureContribution> Features, IReadOnlyList<RequirementMatch> Requirements, IReadOnlyList<string> MissingMustHaves, PathwayPlan? PathToMissing = null)
{
    /// <summary>Requirements matched through a broader, narrower or related skill.</summary>
    public IEnumerable<RequirementMatch> PartialMatches => Requirements.Where(r => r.Relation is not null and not Taxonomies.SkillRelation.Exact);

    /// <summary>True when a single credential closes every missing must-have.</summary>
    public bool OneCredentialAway => PathToMissing is { Feasible: true, Credentials.Count: 1 };
}
