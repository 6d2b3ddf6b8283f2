using System.Collections.Frozen;

namespace Credstack.Skills.Taxonomies;

/// <summary>An immutable, consistent taxonomy: every relation points at a skill or occupation it contains.</summary>
public sealed class SkillTaxonomy
{
    private readonly FrozenDictionary<string, Skill> _skills;
    private readonly FrozenDictionary<string, Occupation> _occupations;
    private readonly FrozenDictionary<string, string> _skillAliases;
    private readonly FrozenDictionary<string, string> _occupationAliases;

    /// <summary>Builds a taxonomy; callers (the importers) guarantee that relations are consistent.</summary>
    public SkillTaxonomy(IEnumerable<Skill> skills, IEnumerable<Occupation> occupations, IReadOnlyDictionary<string, string>? skillGroups = null)
    {
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(occupations);
        _skills = skills.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _occupations = occupations.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal);
        SkillGroups = (skillGroups ?? new Dictionary<string, string>()).ToFrozenDictionary(StringComparer.Ordinal);
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var skill in _skills.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            aliases.TryAdd(skill.Uri, skill.Id);
            if (skill.Code is { Length: > 0 } code)
            {
                aliases.TryAdd(code, skill.Id);
            }
        }

        _skillAliases = aliases.ToFrozenDictionary(StringComparer.Ordinal);
        var occupationAliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var occupation in _occupations.Values.OrderBy(o => o.Id, StringComparer.Ordinal))
        {
            occupationAliases.TryAdd(occupation.Uri, occupation.Id);
            if (occupation.Code is { Length: > 0 } code)
            {
                occupationAliases.TryAdd(code, occupation.Id);
            }
        }

        _occupationAliases = occupationAliases.ToFrozenDictionary(StringComparer.Ordinal);
        RelationCount = _occupations.Values.Sum(o => o.Requirements.Count);
    }

    /// <summary>An empty taxonomy.</summary>
    public static SkillTaxonomy Empty { get; } = new([], []);

    /// <summary>Skills by id.</summary>
    public IReadOnlyDictionary<string, Skill> Skills => _skills;

    /// <summary>Occupations by id.</summary>
    public IReadOnlyDictionary<string, Occupation> Occupations => _occupations;

    /// <summary>Skill group labels by group id.</summary>
    public IReadOnlyDictionary<string, string> SkillGroups { get; }

    /// <summary>The number of occupation-to-skill relations.</summary>
    public int RelationCount { get; }

    /// <summary>Finds a skill by id, URI or code (what a credential's alignment carries).</summary>
    public Skill? FindSkill(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_skills.TryGetValue(reference, out var skill))
        {
            return skill;
        }

        return _skillAliases.TryGetValue(reference, out var id) ? _skills[id] : null;
    }

    /// <summary>Finds an occupation by id, URI or code.</summary>
    public Occupation? FindOccupation(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_occupations.TryGetValue(reference, out var occupation))
        {
            return occupation;
        }

        return _occupationAliases.TryGetValue(reference, out var id) ? _occupations[id] : null;
    }

    /// <summary>
    /// The skills that can stand in for a required skill, with how they relate: the skill itself, its
    /// narrower skills, its broader skills and its related skills (one hop), in that order.
    /// </summary>
    public IEnumerable<(string SkillId, SkillRelation Relation)> StandIns(string requiredSkillId)
    {
        ArgumentNullException.ThrowIfNull(requiredSkillId);
        yield return (requiredSkillId, SkillRelation.Exact);
        if (!_skills.TryGetValue(requiredSkillId, out var skill))
        {
            yield break;
        }

        foreach (var id in skill.Narrower)
        {
            yield return (id, SkillRelation.Narrower);
        }

        foreach (var id in skill.Broader)
        {
            yield return (id, SkillRelation.Broader);
        }

        foreach (var id in skill.Related)
        {
            yield return (id, SkillRelation.Related);
        }
    }
}
