using Credstack.Skills.Normalisation;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Tests.Normalisation;

public sealed class LabelIndexTests
{
    private static readonly LabelIndex Index = LabelIndex.Build(
    [
        ("s-py", ConceptKind.Skill, "Python (computer programming)"),
        ("s-py", ConceptKind.Skill, "Python programming"),
        ("s-sql", ConceptKind.Skill, "SQL databases"),
        ("s-cpp", ConceptKind.Skill, "C++"),
        ("s-c", ConceptKind.Skill, "C"),
        ("s-care", ConceptKind.Skill, "Provide patient care"),
        ("s-resume", ConceptKind.Skill, "Résumé writing"),
        ("o-dev", ConceptKind.Occupation, "Software developer"),
    ]);

    [Fact]
    public void Case_accents_punctuation_and_plurals_do_not_prevent_an_exact_match()
    {
        var match = Assert.Single(Index.Find("  RESUME-writings ", top: 1));
        Assert.Equal("s-resume", match.ConceptId);
        Assert.Equal(MatchMethod.Exact, match.Method);
        Assert.Equal(1.0, match.Score);
    }

    [Fact]
    public void CPlusPlus_and_C_are_different_skills()
    {
        Assert.Equal("s-cpp", Index.Find("c++", top: 1)[0].ConceptId);
        Assert.Equal("s-c", Index.Find("C", top: 1)[0].ConceptId);
    }

    [Fact]
    public void A_typo_is_found_by_trigram_similarity_below_an_exact_score()
    {
        var match = Index.Find("pyhton programing", top: 3)[0];
        Assert.Equal("s-py", match.ConceptId);
        Assert.Equal(MatchMethod.Fuzzy, match.Method);
        Assert.InRange(match.Score, 0.3, 0.999);
    }

    [Fact]
    public void Every_label_inside_a_longer_text_is_extracted()
    {
        var found = Index.Extract("We want a software developer with Python programming and SQL databases.");
        Assert.Equal(["o-dev", "s-py", "s-sql"], found.Select(m => m.ConceptId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Text_that_resembles_nothing_returns_no_match_above_the_threshold()
    {
        Assert.Empty(Index.Find("zzzz qqqq", threshold: 0.3));
        Assert.Empty(Index.Find("   "));
    }

    [Fact]
    public void Kind_filters_skills_from_occupations()
    {
        Assert.All(Index.Find("software developer python", top: 10, threshold: 0.01, kind: ConceptKind.Occupation), m => Assert.Equal(ConceptKind.Occupation, m.Kind));
    }

    [SkillsDataFact("esco-sample")]
    public void ESCO_alternative_labels_and_typos_resolve_to_their_skill()
    {
        var taxonomy = EscoImporter.Import(SkillsData.PathOf("esco-sample")).Taxonomy!;
        var index = LabelIndex.Build(taxonomy);

        Assert.Equal("key_19422", index.Find("coordinate duties of musical staff", kind: ConceptKind.Skill)[0].ConceptId);
        Assert.Equal("key_19422", index.Find("manage musicall staf", kind: ConceptKind.Skill)[0].ConceptId);
        Assert.Contains(index.Find("head of technical department", kind: ConceptKind.Occupation), m => m.ConceptId == "key_20422" && m.Method == MatchMethod.Exact);
    }
}
