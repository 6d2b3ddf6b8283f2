using Credstack.Skills.Gaps;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Tests.Gaps;

public sealed class GapAnalyzerTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_requirement_is_met_partial_or_missing_with_the_stand_in_that_explains_it()
    {
        var taxonomy = TinyTaxonomy.Create();
        var profile = new ProfileBuilder(taxonomy).Build("p",
        [
            SkillEvidence.FromCredential("c-django", "Acme", "django", true, level: 5),
            SkillEvidence.SelfDeclared("git"),
        ], AsOf).Profile;

        var report = new GapAnalyzer(taxonomy).Analyze(profile, taxonomy.Occupations["dev"]);

        var python = report.Requirements[0];
        Assert.Equal(RequirementStatus.Met, python.Status);
        Assert.Equal(SkillRelation.Narrower, python.Relation);
        Assert.Equal("c-django", python.Evidence[0].Evidence.CredentialId);
        Assert.Equal(0.8, python.Credit, 12);
        var sql = report.Requirements[1];
        Assert.Equal(RequirementStatus.Missing, sql.Status);
        Assert.Equal(RequirementStatus.Partial, report.Requirements[2].Status);
        Assert.Contains("self-declaration", report.Requirements[2].Reason, StringComparison.Ordinal);
        Assert.Equal(RequirementStatus.Missing, report.Requirements[3].Status);
        Assert.Equal(["sql"], report.MissingMustHaves.Select(r => r.Requirement.SkillId));
    }

    [Fact]
    public void Contributions_add_up_to_the_readiness_and_the_must_have_share_is_separate()
    {
        var taxonomy = TinyTaxonomy.Create();
        var profile = new ProfileBuilder(taxonomy).Build("p",
        [
            SkillEvidence.FromCredential("c1", "Acme", "python", true, level: 2),
            SkillEvidence.FromCredential("c2", "Acme", "sql", true),
            SkillEvidence.FromAssessment("a1", "Proctor", "programming"),
        ], AsOf).Profile;

        var report = new GapAnalyzer(taxonomy).Analyze(profile, taxonomy.Occupations["dev"]);

        Assert.Equal(8.0, report.TotalWeight);
        Assert.Equal(report.Readiness, report.Requirements.Sum(r => r.Contribution), 12);
        var python = report.Requirements[0];
        Assert.Equal(RequirementStatus.Partial, python.Status);
        Assert.Equal(3.0 / 5.0, python.LevelFactor, 12);
        Assert.Equal(((3 * 0.6) + 3) / 6.0, report.MustHaveReadiness, 12);
        Assert.Equal(0.8 / 2.0, report.NiceToHaveReadiness, 12);
        Assert.Equal(((3 * 0.6) + 3 + 0.8) / 8.0, report.Readiness, 12);
    }
}
