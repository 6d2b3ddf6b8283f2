using Credstack.Skills.Matching;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Tests.Matching;

public sealed class MatchingTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SkillTaxonomy Taxonomy = TinyTaxonomy.Create();

    private static SkillProfile Person(string id, string? occupation, params SkillEvidence[] evidence) =>
        new ProfileBuilder(Taxonomy).Build(id, evidence, AsOf, occupation).Profile;

    private static SkillEvidence Verified(string skill, int level = 5) => SkillEvidence.FromCredential("cred-" + skill, "Acme", skill, true, level, issuedOn: AsOf.AddDays(-100));

    private static readonly JobPosting Job = JobPosting.FromOccupation(Taxonomy.Occupations["dev"]) with { Id = "job-1" };

    private static List<SkillProfile> People() =>
    [
        Person("p-full", "dev", Verified("python"), Verified("sql"), Verified("git")),
        Person("p-self", null, SkillEvidence.SelfDeclared("python", 5), SkillEvidence.SelfDeclared("sql", 5)),
        Person("p-django", null, Verified("django"), Verified("sql")),
        Person("p-twin-b", null, Verified("python")),
        Person("p-twin-a", null, Verified("python")),
        Person("p-care", null, Verified("care")),
    ];

    [Fact]
    public void Candidates_rank_by_verified_coverage_and_ties_break_by_id()
    {
        var index = new CandidateIndex(new MatchScorer(Taxonomy, AsOf), People());

        var ranked = index.Rank(Job, top: 10);

        Assert.Equal(["p-full", "p-django", "p-self", "p-twin-a", "p-twin-b"], ranked.Select(r => r.Id));
        Assert.Equal(ranked[3].Score, ranked[4].Score);
        Assert.DoesNotContain(ranked, r => r.Id == "p-care");
    }

    [Fact]
    public void Every_explanation_adds_up_to_the_ranked_score()
    {
        var scorer = new MatchScorer(Taxonomy, AsOf);
        var ranked = new CandidateIndex(scorer, People()).Rank(Job, top: 10, explain: 10);

        foreach (var result in ranked)
        {
            var explanation = result.Explanation!;
            Assert.Equal(result.Score, explanation.Score);
            Assert.Equal(result.Score, explanation.Features.Sum(f => f.Contribution), 1e-9);
            var title = explanation.Features.Single(f => f.Feature == "title").Contribution;
            Assert.Equal(result.Score, explanation.Requirements.Sum(r => r.Contribution) + title, 1e-9);
        }
    }

    [Fact]
    public void An_explanation_names_partial_matches_evidence_missing_must_haves_and_the_one_credential_that_closes_them()
    {
        var catalog = new CredentialCatalog([new CatalogCredential("sql-101", "SQL basics") { Price = 50, Hours = 20, Teaches = [new TaughtSkill("sql", 4)] }], []);
        var person = Person("p", null, Verified("django"));

        var explanation = new MatchScorer(Taxonomy, AsOf).Explain(person, Job, new PathwayPlanner(catalog));

        var partial = Assert.Single(explanation.PartialMatches);
        Assert.Equal("django", partial.MatchedSkillId);
        Assert.Equal(SkillRelation.Narrower, partial.Relation);
        Assert.Equal("cred-django", partial.Evidence[0].Evidence.CredentialId);
        Assert.Equal(["sql"], explanation.MissingMustHaves);
        Assert.True(explanation.OneCredentialAway);
        Assert.Equal("sql-101", explanation.PathToMissing!.Credentials[0].Id);
    }

    [Fact]
    public void Jobs_rank_for_a_person_with_the_same_scores_as_the_other_direction()
    {
        var scorer = new MatchScorer(Taxonomy, AsOf);
        var people = People();
        var other = new JobPosting("job-0-care", "nurse", [new SkillRequirement("care", true)]);
        var jobs = new JobIndex(scorer, [Job, other]);
        var candidates = new CandidateIndex(scorer, people);

        foreach (var person in people)
        {
            var forPerson = jobs.Rank(person, top: 5);
            var forJob = candidates.Rank(Job, top: 10).SingleOrDefault(r => r.Id == person.PersonId);
            var jobScore = forPerson.SingleOrDefault(r => r.Id == "job-1");
            Assert.Equal(forJob?.Score, jobScore?.Score);
            if (jobScore is not null)
            {
                Assert.Equal(jobScore.Score, jobScore.Explanation!.Features.Sum(f => f.Contribution), 1e-9);
            }
        }

        Assert.Equal(["job-0-care"], jobs.Rank(people[^1]).Select(r => r.Id));
    }

    [Fact]
    public void Ranking_is_the_same_whatever_the_input_order()
    {
        var scorer = new MatchScorer(Taxonomy, AsOf);
        var people = People();
        var forward = new CandidateIndex(scorer, people).Rank(Job).Select(r => (r.Id, r.Score));
        people.Reverse();
        var backward = new CandidateIndex(scorer, people).Rank(Job).Select(r => (r.Id, r.Score));
        Assert.Equal(forward, backward);
    }
}
