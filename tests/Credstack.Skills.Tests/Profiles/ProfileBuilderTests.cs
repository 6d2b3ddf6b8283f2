using Credstack.Skills.Normalisation;
using Credstack.Skills.Profiles;

namespace Credstack.Skills.Tests.Profiles;

public sealed class ProfileBuilderTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Verified_evidence_outweighs_a_self_declaration_and_the_chain_names_the_credential()
    {
        var builder = new ProfileBuilder(TinyTaxonomy.Create());
        var result = builder.Build("p1", [SkillEvidence.SelfDeclared("python", 7), SkillEvidence.FromCredential("urn:cred:1", "Acme U", "urn:s:python", verified: true, level: 4)], AsOf);

        var python = result.Profile.Skills["python"];
        Assert.Empty(result.Problems);
        Assert.Equal(4, python.Level);
        Assert.Equal(1.0, python.Trust);
        Assert.True(python.Verified);
        Assert.Equal("urn:cred:1", python.Evidence[0].Evidence.CredentialId);
        Assert.Equal("uri/code", python.Evidence[0].ResolvedBy);
        Assert.Equal(1 - ((1 - 1.0) * (1 - 0.3)), python.Confidence, 12);
    }

    [Fact]
    public void Recency_decay_halves_the_weight_after_one_half_life()
    {
        var builder = new ProfileBuilder(TinyTaxonomy.Create(), TrustPolicy.Default with { HalfLife = TimeSpan.FromDays(365) });
        var result = builder.Build("p1", [SkillEvidence.FromCredential("c", "i", "git", true, issuedOn: AsOf.AddDays(-365))], AsOf);
        Assert.Equal(0.5, result.Profile.Skills["git"].Trust, 12);
    }

    [Fact]
    public void Unknown_skills_bad_levels_and_contradictions_are_reported_not_thrown()
    {
        var builder = new ProfileBuilder(TinyTaxonomy.Create());
        var result = builder.Build("p1",
        [
            SkillEvidence.SelfDeclared("underwater basket weaving"),
            SkillEvidence.FromCredential("c1", "i", "python", true, level: 9),
            SkillEvidence.FromCredential("c2", "i", "sql", true, level: 1),
            SkillEvidence.FromCredential("c3", "i", "sql", true, level: 6),
            SkillEvidence.FromCredential("c4", "i", "git", true, result: 1.5),
        ], AsOf);

        Assert.Contains(result.Problems, p => p.EvidenceIndex == 0 && p.Message.StartsWith("unknown skill", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.EvidenceIndex == 1 && p.Message.Contains("outside 0–7", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.SkillRef == "sql" && p.Message.StartsWith("contradictory", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.EvidenceIndex == 4);
        Assert.Equal(["sql"], result.Profile.Skills.Keys);
        Assert.Equal(6, result.Profile.Skills["sql"].Level);
    }

    [Fact]
    public void Free_text_evidence_is_resolved_through_the_label_index()
    {
        var taxonomy = TinyTaxonomy.Create();
        var builder = new ProfileBuilder(taxonomy, labels: LabelIndex.Build(taxonomy));
        var result = builder.Build("p1", [SkillEvidence.SelfDeclared("Pythn"), SkillEvidence.SelfDeclared("Patient Care")], AsOf);
        Assert.Equal(["care", "python"], result.Profile.Skills.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("exact label", result.Profile.Skills["care"].Evidence[0].ResolvedBy);
    }
}
