using Credstack.Skills.Pathways;
using Credstack.Skills.Synthetic;

namespace Credstack.Skills.Tests.Pathways;

public sealed class PathwayPlannerTests
{
    private static CatalogCredential Credential(string id, double price, double hours, Prerequisite? prerequisites = null, params string[] skills) =>
        new(id, id) { Price = price, Hours = hours, Credits = 5, Prerequisites = prerequisites, Teaches = [.. skills.Select(s => new TaughtSkill(s, 4))] };

    [Fact]
    public void One_credential_that_teaches_both_skills_beats_two_cheaper_ones_that_cost_more_together()
    {
        var catalog = new CredentialCatalog([Credential("A", 100, 10, null, "a"), Credential("B", 100, 10, null, "b"), Credential("AB", 150, 20, null, "a", "b")], []);

        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("a"), new GapSkill("b")]));

        Assert.True(plan.Feasible);
        Assert.Equal(["AB"], plan.Credentials.Select(c => c.Id));
        Assert.Equal(150, plan.TotalPrice);
        Assert.Equal(["a", "b"], plan.Coverage.Select(c => c.SkillId));
    }

    [Fact]
    public void The_cheapest_OR_prerequisite_is_taken_in_an_earlier_term()
    {
        var catalog = new CredentialCatalog(
        [
            Credential("P1", 80, 10),
            Credential("P2", 20, 10),
            Credential("C", 100, 10, Prerequisite.AnyOf(Prerequisite.Credential("P1"), Prerequisite.Credential("P2")), "c"),
        ], []);

        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("c", 3)]) { HoursPerWeek = 10, WeeksPerTerm = 10 });

        Assert.True(plan.Feasible);
        Assert.Equal(["P2", "C"], plan.Credentials.Select(c => c.Id));
        Assert.Equal([["P2"], ["C"]], plan.Terms.Select(t => t.CredentialIds));
        Assert.Equal(120, plan.TotalPrice);
    }

    [Fact]
    public void A_held_prerequisite_costs_nothing()
    {
        var catalog = new CredentialCatalog([Credential("P", 500, 10), Credential("C", 100, 10, Prerequisite.Credential("P"), "c")], []);
        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("c")]) { Held = ["P"] });
        Assert.Equal(["C"], plan.Credentials.Select(c => c.Id));
    }

    [Fact]
    public void Terms_respect_the_hours_budget()
    {
        var catalog = new CredentialCatalog([Credential("A", 1, 60, null, "a"), Credential("B", 1, 60, null, "b"), Credential("C", 1, 60, null, "c")], []);
        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("a"), new GapSkill("b"), new GapSkill("c")]) { HoursPerWeek = 10, WeeksPerTerm = 12 });
        Assert.Equal([2, 1], plan.Terms.Select(t => t.CredentialIds.Count));
        Assert.All(plan.Terms, t => Assert.True(t.Hours <= 120));
    }

    [Fact]
    public void A_skill_no_credential_teaches_makes_the_request_infeasible_and_is_named()
    {
        var catalog = new CredentialCatalog([Credential("A", 1, 1, null, "a")], []);
        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("a"), new GapSkill("quantum")]));
        Assert.False(plan.Feasible);
        Assert.Equal(["quantum"], plan.UntaughtSkills);
        Assert.Contains(plan.Problems, p => p.Contains("no credential in the catalogue teaches quantum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_share_of_the_gap_can_be_closed_when_the_rest_is_not_taught()
    {
        var catalog = new CredentialCatalog([Credential("A", 10, 1, null, "a"), Credential("B", 20, 1, null, "b")], []);
        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("a"), new GapSkill("b"), new GapSkill("quantum")]) { Share = 0.3 });
        Assert.True(plan.Feasible);
        Assert.Equal(["A"], plan.Credentials.Select(c => c.Id));
    }

    [Fact]
    public void Cyclic_prerequisites_are_reported_with_the_cycle_and_never_loop()
    {
        var catalog = new CredentialCatalog([Credential("X", 1, 1, Prerequisite.Credential("Y"), "x"), Credential("Y", 1, 1, Prerequisite.Credential("X"), "y")], []);
        var plan = new PathwayPlanner(catalog).Plan(new PathwayRequest([new GapSkill("x")]));
        Assert.False(plan.Feasible);
        Assert.Contains(plan.Problems, p => p.Contains("cycle: X → Y → X", StringComparison.Ordinal));
        Assert.Contains(plan.Problems, p => p.StartsWith("infeasible because the credentials that teach x", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_catalogue_and_bad_settings_are_answers_not_exceptions()
    {
        var empty = new PathwayPlanner(new CredentialCatalog([], [])).Plan(new PathwayRequest([new GapSkill("a")]));
        Assert.False(empty.Feasible);
        Assert.Contains(empty.Problems, p => p.Contains("catalogue is empty", StringComparison.Ordinal));

        var bad = new PathwayPlanner(new CredentialCatalog([Credential("A", 1, 1, null, "a")], [])).Plan(new PathwayRequest([new GapSkill("a", 9)]) { Share = 0, HoursPerWeek = -1 });
        Assert.Equal(3, bad.Problems.Count);
    }

    [Fact]
    public void An_empty_gap_needs_no_credential_even_from_an_empty_catalogue()
    {
        var plan = new PathwayPlanner(new CredentialCatalog([], [])).Plan(new PathwayRequest([]));
        Assert.True(plan.Feasible);
        Assert.Empty(plan.Credentials);
    }

    [Fact]
    public void A_qualification_within_the_premium_is_completed_and_reported()
    {
        var rule = QualificationRule.Combined(QualificationRule.AllOf("A", "B"), QualificationRule.AtLeast(2, "C", "D", "E", "F"));
        var catalog = new CredentialCatalog(
            [Credential("A", 10, 1, null, "a"), Credential("B", 10, 1, null, "b"), Credential("C", 5, 1), Credential("D", 6, 1), Credential("E", 50, 1), Credential("F", 50, 1)],
            [new Qualification("cert", "Certificate", rule), new Qualification("credits", "30 credits", QualificationRule.MinCredits(30))]);
        var request = new PathwayRequest([new GapSkill("a"), new GapSkill("b")]);

        var cheapest = new PathwayPlanner(catalog).Plan(request);
        var stacked = new PathwayPlanner(catalog).Plan(request with { QualificationPremium = 11 });

        Assert.Equal(["A", "B"], cheapest.Credentials.Select(c => c.Id));
        Assert.Empty(cheapest.CompletedQualifications);
        Assert.Equal(["A", "B", "C", "D"], stacked.Credentials.Select(c => c.Id));
        Assert.Equal(["cert"], stacked.CompletedQualifications);
    }

    [Fact]
    public void The_planner_stays_within_a_few_percent_of_the_exact_optimum_on_random_small_instances()
    {
        var random = new SplitMix64(20261122);
        var gaps = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            var (catalog, request) = PathwayInstances.Create(random);
            var exact = ExactPathwaySolver.Solve(catalog, request);
            var plan = new PathwayPlanner(catalog).Plan(request);
            Assert.True(exact.Feasible, string.Join("; ", exact.Problems));
            Assert.True(plan.Feasible, string.Join("; ", plan.Problems));
            Assert.True(plan.TotalPrice >= exact.TotalPrice - 1e-9, "the exact solver must be optimal");
            gaps.Add((plan.TotalPrice - exact.TotalPrice) / exact.TotalPrice);
        }

        Assert.True(gaps.Average() <= 0.03, $"mean gap {gaps.Average():P2}");
        Assert.True(gaps.Order().ElementAt((int)(0.95 * gaps.Count)) <= 0.10);
    }
}
