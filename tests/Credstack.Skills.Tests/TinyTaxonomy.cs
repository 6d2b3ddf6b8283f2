using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Tests;

/// <summary>A hand-made taxonomy small enough to reason about: programming ⊃ python ⊃ django, python ~ sql.</summary>
internal static class TinyTaxonomy
{
    public static SkillTaxonomy Create() => new(
        [
            new Skill("programming", "urn:s:programming", "computer programming") { Narrower = ["python"] },
            new Skill("python", "urn:s:python", "Python") { Broader = ["programming"], Narrower = ["django"], Related = ["sql"], Code = "PY" },
            new Skill("django", "urn:s:django", "Django") { Broader = ["python"] },
            new Skill("sql", "urn:s:sql", "SQL") { Related = ["python"] },
            new Skill("git", "urn:s:git", "Git"),
            new Skill("care", "urn:s:care", "patient care"),
        ],
        [
            new Occupation("dev", "urn:o:dev", "software developer")
            {
                Requirements =
                [
                    new SkillRequirement("python", true, Level: 4),
                    new SkillRequirement("sql", true),
                    new SkillRequirement("git", false),
                    new SkillRequirement("programming", false),
                ],
            },
        ]);
}
