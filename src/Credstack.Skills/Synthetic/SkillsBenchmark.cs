using Credstack.Skills.Gaps;
using Credstack.Skills.Matching;
using Credstack.Skills.Normalisation;
using Credstack.Skills.Pathways;
using Credstack.Skills.Profiles;
using Credstack.Skills.Taxonomies;

namespace Credstack.Skills.Synthetic;

/// <summary>
/// Runs the planted-truth benchmark. Relevance (grade 0–3) of a person for a job comes from the latent
/// proficiencies only: fit = Σ weight × min(1, (latent level + 1) / (required level + 1)) / Σ weight over the
/// job's requirements (0 for a skill not held), grade 3 at fit ≥ 0.85, 2 at ≥ 0.7, 1 at ≥ 0.5.
/// </summary>
public static class SkillsBenchmark
{
    /// <summary>Generates the world from options and runs every measurement.</summary>
    public static BenchmarkReport Run(SyntheticOptions options, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        progress?.Invoke("generating world");
        var world = SyntheticWorld.Generate(options);
        return Run(world, progress);
    }

    /// <summary>Runs every measurement on a generated world.</summary>
    public static BenchmarkReport Run(SyntheticWorld world, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var options = world.Options;
        var taxonomy = world.Taxonomy;
        var labels = LabelIndex.Build(taxonomy, includeOccupations: false);
        progress?.Invoke("normalisation");
        var normalisation = Normalisation(labels, world.LabelQueries);

        progress?.Invoke("profiles");
        var builder = new ProfileBuilder(taxonomy, TrustPolicy.Default, labels);
        var before = GC.GetTotalMemory(true);
        var profiles = world.People.Select(p => builder.Build(p.Id, p.Evidence, options.AsOf, p.DeclaredOccupationId).Profile).ToList();
        var profileBytes = GC.GetTotalMemory(true) - before;

        progress?.Invoke("indexes");
        var scorer = new MatchScorer(taxonomy, options.AsOf);
        before = GC.GetTotalMemory(true);
        var candidates = new CandidateIndex(scorer, profiles);
        var indexBytes = GC.GetTotalMemory(true) - before;
        var jobs = new JobIndex(scorer, world.Jobs);

        // Latent inverted index: skill → (person, true level); the only input to relevance.
        var latent = new Dictionary<string, List<(int Person, int Level)>>(StringComparer.Ordinal);
        for (var i = 0; i < world.People.Count; i++)
        {
            foreach (var (skill, level) in world.People[i].TrueLevels)
            {
                (latent.TryGetValue(skill, out var list) ? list : latent[skill] = []).Add((i, level));
            }
        }

        var personIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < world.People.Count; i++)
        {
            personIndex[world.People[i].Id] = i;
        }

        progress?.Invoke("job → candidates");
        var maxError = 0.0;
        var explained = 0;
        void Check(MatchResult result)
        {
            if (result.Explanation is { } e)
            {
                var title = e.Features.Single(f => string.Equals(f.Feature, "title", StringComparison.Ordinal)).Contribution;
                maxError = Math.Max(maxError, Math.Abs(e.Features.Sum(f => f.Contribution) - result.Score));
                maxError = Math.Max(maxError, Math.Abs(e.Requirements.Sum(r => r.Contribution) + title - result.Score));
                explained++;
            }
        }

        var ours = new Accumulator();
        var jaccard = new Accumulator();
        var bm25 = new Accumulator();
        var baselines = new Baselines(world, taxonomy);
        var grades = new double[world.People.Count];
        foreach (var job in world.Jobs.Take(options.EvaluatedJobs))
        {
            var graded = GradeAll(job, latent, grades);
            var ranked = candidates.Rank(job, top: 100, explain: 20);
            foreach (var r in ranked)
            {
                Check(r);
            }

            double[] all = [.. graded.Select(i => grades[i])];
            ours.Add([.. ranked.Select(r => grades[personIndex[r.Id]])], all);
            jaccard.Add([.. baselines.Jaccard(job).Select(i => grades[i])], all);
            bm25.Add([.. baselines.Bm25(job).Select(i => grades[i])], all);
            foreach (var i in graded)
            {
                grades[i] = 0;
            }
        }

        progress?.Invoke("person → jobs");
        var personToJobs = new Accumulator();
        foreach (var i in Enumerable.Range(0, Math.Min(options.EvaluatedPeople, world.People.Count)))
        {
            var person = world.People[i];
            var jobGrades = world.Jobs.ToDictionary(j => j.Id, j => Grade(j, person.TrueLevels), StringComparer.Ordinal);
            var ranked = jobs.Rank(profiles[i], top: 100, explain: 10);
            foreach (var r in ranked)
            {
                Check(r);
            }

            personToJobs.Add([.. ranked.Select(r => (double)jobGrades[r.Id])], [.. jobGrades.Values.Where(g => g > 0).Select(g => (double)g)]);
        }

        progress?.Invoke("gap analysis");
        var analyzer = new GapAnalyzer(taxonomy);
        var verifiedGap = GapF1(world.VerifiedCohort, builder, analyzer, taxonomy, options.AsOf);
        var mixedGap = GapF1(world.People.Take(world.VerifiedCohort.Count), builder, analyzer, taxonomy, options.AsOf);

        progress?.Invoke("pathways");
        var pathways = Pathways(new SplitMix64(options.Seed ^ 0x5EED), options.PathwayInstances);

        return new BenchmarkReport(
            new BenchmarkSetup(options.Seed, world.People.Count, world.Jobs.Count, taxonomy.Skills.Count, taxonomy.Occupations.Count, world.Catalog.Credentials.Count, candidates.PostingCount, indexBytes, profileBytes),
            ours.Result(),
            personToJobs.Result(),
            new GapMetrics(verifiedGap.F1, verifiedGap.Precision, verifiedGap.Recall, mixedGap.F1, verifiedGap.Count),
            pathways,
            new BaselineMetrics(jaccard.Result(), bm25.Result()),
            new ExplanationMetrics(maxError, explained),
            normalisation);
    }

    /// <summary>The planted relevance grade of a person (latent levels) for a job.</summary>
    public static int Grade(JobPosting job, IReadOnlyDictionary<string, int> trueLevels)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(trueLevels);
        double met = 0, total = 0;
        foreach (var r in job.Requirements)
        {
            total += r.Weight;
            if (trueLevels.TryGetValue(r.SkillId, out var level))
            {
                met += r.Weight * LevelCredit(level, r.Level);
            }
        }

        return GradeOf(total > 0 ? met / total : 0);
    }

    private static double LevelCredit(int level, int? required) => required is { } n && n > 0 ? Math.Min(1.0, (level + 1.0) / (n + 1.0)) : 1.0;

    private static int GradeOf(double fit) => fit >= 0.85 ? 3 : fit >= 0.7 ? 2 : fit >= 0.5 ? 1 : 0;

    // Grades every person for a job through the latent index; returns the people with grade > 0.
    private static List<int> GradeAll(JobPosting job, Dictionary<string, List<(int Person, int Level)>> latent, double[] grades)
    {
        var fit = new Dictionary<int, double>();
        var total = job.Requirements.Sum(r => r.Weight);
        foreach (var r in job.Requirements)
        {
            if (latent.TryGetValue(r.SkillId, out var holders))
            {
                foreach (var (person, level) in holders)
                {
                    fit[person] = fit.GetValueOrDefault(person) + (r.Weight * LevelCredit(level, r.Level));
                }
            }
        }

        var graded = new List<int>();
        foreach (var (person, value) in fit)
        {
            var grade = GradeOf(value / total);
            if (grade > 0)
            {
                grades[person] = grade;
                graded.Add(person);
            }
        }

        return graded;
    }

    private static (double F1, double Precision, double Recall, int Count) GapF1(IEnumerable<SyntheticPerson> people, ProfileBuilder builder, GapAnalyzer analyzer, SkillTaxonomy taxonomy, DateTimeOffset asOf)
    {
        long tp = 0, fp = 0, fn = 0, count = 0;
        foreach (var person in people)
        {
            var profile = builder.Build(person.Id, person.Evidence, asOf).Profile;
            var report = analyzer.Analyze(profile, taxonomy.Occupations[person.TrueOccupationId]);
            foreach (var line in report.Requirements)
            {
                var predicted = line.Status != RequirementStatus.Met;
                var truth = !person.TrueLevels.TryGetValue(line.Requirement.SkillId, out var level) || level < (line.Requirement.Level ?? 0);
                tp += predicted && truth ? 1 : 0;
                fp += predicted && !truth ? 1 : 0;
                fn += !predicted && truth ? 1 : 0;
                count++;
            }
        }

        var precision = tp + fp > 0 ? (double)tp / (tp + fp) : 1;
        var recall = tp + fn > 0 ? (double)tp / (tp + fn) : 1;
        return (precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0, precision, recall, (int)count);
    }

    private static PathwayMetrics Pathways(SplitMix64 random, int instances)
    {
        var gaps = new List<double>();
        int feasible = 0, exactFeasible = 0, optimal = 0;
        for (var i = 0; i < instances; i++)
        {
            var (catalog, request) = PathwayInstances.Create(random);
            var exact = ExactPathwaySolver.Solve(catalog, request);
            if (!exact.Feasible)
            {
                continue;
            }

            exactFeasible++;
            var plan = new PathwayPlanner(catalog).Plan(request);
            if (!plan.Feasible)
            {
                continue;
            }

            feasible++;
            var gap = exact.TotalPrice > 0 ? (plan.TotalPrice - exact.TotalPrice) / exact.TotalPrice : 0;
            gaps.Add(gap);
            optimal += gap <= 1e-12 ? 1 : 0;
        }

        gaps.Sort();
        return new PathwayMetrics(instances, exactFeasible > 0 ? (double)feasible / exactFeasible : 0, gaps.Count > 0 ? gaps.Average() : 0, gaps.Count > 0 ? gaps[Math.Min(gaps.Count - 1, (int)Math.Ceiling(0.95 * gaps.Count) - 1)] : 0, gaps.Count > 0 ? (double)optimal / gaps.Count : 0);
    }

    private static NormalisationMetrics Normalisation(LabelIndex labels, IReadOnlyList<(string Text, string SkillId)> queries)
    {
        double sum = 0;
        var top1 = 0;
        foreach (var (text, skillId) in queries)
        {
            var found = labels.Find(text, top: 10, threshold: 0.05, kind: ConceptKind.Skill);
            var rank = found.Select((m, i) => (m, i)).FirstOrDefault(x => string.Equals(x.m.ConceptId, skillId, StringComparison.Ordinal), (null!, -1)).Item2;
            sum += rank >= 0 ? 1.0 / (rank + 1) : 0;
            top1 += rank == 0 ? 1 : 0;
        }

        return new NormalisationMetrics(queries.Count > 0 ? sum / queries.Count : 0, queries.Count > 0 ? (double)top1 / queries.Count : 0, queries.Count);
    }

    private sealed class Accumulator
    {
        private double _ndcg;
        private double _recall;
        private double _mrr;
        private int _queries;

        // `ranked` holds the grades of the ranking (best first); `gradesOfAll` those of everyone with grade > 0.
        public void Add(double[] ranked, IEnumerable<double> gradesOfAll)
        {
            var ideal = gradesOfAll.OrderByDescending(g => g).ToList();
            var relevant = ideal.Count(g => g >= 2);
            if (relevant == 0)
            {
                return;
            }

            _queries++;
            _ndcg += Dcg(ranked.Take(10)) / Dcg(ideal.Take(10));
            _recall += (double)ranked.Take(100).Count(g => g >= 2) / Math.Min(relevant, 100);
            var first = Array.FindIndex(ranked, g => g >= 2);
            _mrr += first >= 0 ? 1.0 / (first + 1) : 0;
        }

        public RankingMetrics Result() => _queries == 0 ? new RankingMetrics(0, 0, 0, 0) : new RankingMetrics(_ndcg / _queries, _recall / _queries, _mrr / _queries, _queries);

        private static double Dcg(IEnumerable<double> grades) => grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
    }
}
