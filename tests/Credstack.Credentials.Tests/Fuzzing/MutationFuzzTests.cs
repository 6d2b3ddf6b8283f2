using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Xunit.Abstractions;

namespace Credstack.Credentials.Tests.Fuzzing;

/// <summary>
/// Issue 3 acceptance: 10,000 randomly mutated signed credentials (eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019,
/// a VC-JWT and a baked PNG; bit flips, truncations, type swaps, huge numbers, 10,000-level nesting, duplicate keys,
/// unicode escapes, dropped and inserted members) each produce a report, never an exception or a hang, and no mutant
/// whose canonical form differs from the original's verifies. The mutants are a pure function of the seed (printed in
/// every failure; set CREDSTACK_FUZZ_SEED to replay or explore another seed).
/// </summary>
public sealed class MutationFuzzTests(ITestOutputHelper output)
{
    private const ulong DefaultSeed = 20_261_122;

    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(5);

    [ConformanceFact("contexts", "index.json")]
    public async Task Ten_thousand_mutated_credentials_each_get_a_report_and_none_with_a_changed_canonical_form_verifies()
    {
        var seed = Seed();
        var subjects = FuzzSubject.CreateAll();
        var verifier = new FuzzVerifier();
        Assert.Equal(10_000, subjects.Sum(s => s.Count));
        foreach (var subject in subjects)
        {
            var original = await verifier.VerifyAsync(subject.Original);
            Assert.True(original.Verified, $"The unmutated {subject} must verify, or the fuzz test proves nothing: {original.Report}");
        }

        var defects = KnownDefects();
        var defectHits = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();
        var stats = subjects.ToDictionary(s => s.Name, _ => new SubjectStats(), StringComparer.Ordinal);
        var work = subjects.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => (Subject: s, Index: i)));
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (item, _) =>
        {
            if (failures.Count >= 20)
            {
                return;
            }

            var (subject, index) = item;
            var mutant = subject.Mutate(seed, index);
            var where = $"seed {seed}, {subject} mutant #{index} ({mutant.Description})";
            var changed = !string.Equals(subject.CanonicalForm(mutant.Bytes), subject.OriginalCanonical, StringComparison.Ordinal);
            var started = Stopwatch.GetTimestamp();
            FuzzVerdict? verdict;
            try
            {
                // A task of its own, so that a verifier spinning without awaiting still lets the watchdog fire.
                verdict = await Task.Run(() => verifier.VerifyAsync(mutant.Bytes)).WaitAsync(Watchdog, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                failures.Enqueue($"{where}: verification did not finish within {Watchdog.TotalSeconds} s.");
                return;
            }
#pragma warning disable CA1031 // Any exception is the failure being looked for; it is reported with the seed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Enqueue($"{where}: {e.GetType().Name}: {e.Message}");
                return;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            stats[subject.Name].Add(changed, verdict?.Verified == true, elapsed);
            var knownDefect = verdict is { Complete: false } ? defects.FirstOrDefault(d => verdict.Report.Contains(d, StringComparison.Ordinal)) : null;
            if (knownDefect is not null)
            {
                defectHits.AddOrUpdate(knownDefect, 1, (_, n) => n + 1);
            }
            else if (verdict is null || !verdict.Complete)
            {
                failures.Enqueue($"{where}: no complete report: {verdict?.Report}");
            }
            else if (changed && verdict.Verified)
            {
                failures.Enqueue($"{where}: the canonical form changed but the credential verified: {verdict.Report}");
            }
        });

        output.WriteLine($"seed {seed}: {subjects.Sum(s => s.Count):N0} mutants in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var subject in subjects)
        {
            output.WriteLine($"  {subject.Name,-30} {stats[subject.Name]}");
        }

        foreach (var defect in defects)
        {
            output.WriteLine($"  known defect {defect}: {defectHits.GetValueOrDefault(defect)} mutants");
        }

        Assert.True(failures.IsEmpty, $"Fuzzing with seed {seed} (replay with CREDSTACK_FUZZ_SEED={seed}) found:\n" + string.Join("\n", failures.Take(20)));
        Assert.All(defects, defect => Assert.True(defectHits.ContainsKey(defect),
            $"seed {seed}: the known defect {defect} no longer occurs; remove it from known-verifier-defects.json."));
        foreach (var subject in subjects)
        {
            // A generator that never changes the canonical form, or never leaves it alone, would not test the property.
            Assert.True(stats[subject.Name].Changed > subject.Count / 4, $"seed {seed}: too few {subject} mutants changed the canonical form: {stats[subject.Name]}");
            Assert.True(stats[subject.Name].Unchanged > 0, $"seed {seed}: no {subject} mutant kept the canonical form: {stats[subject.Name]}");
        }
    }

    [ConformanceFact("vc-di-eddsa", "TestVectors", "keyPair.json")]
    public void The_originals_are_the_same_bytes_on_every_run_so_a_seed_replays_exactly()
    {
        var first = FuzzSubject.CreateAll();
        var second = FuzzSubject.CreateAll();

        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Original, pair.Second.Original));
    }

    [Fact]
    public void The_same_seed_gives_the_same_mutants_and_another_seed_different_ones()
    {
        var original = System.Text.Encoding.UTF8.GetBytes("""{"a":[1,2,{"b":"c"}],"d":"e"}""");

        var first = Enumerable.Range(0, 50).Select(i => Mutate(7, i)).ToList();
        var again = Enumerable.Range(0, 50).Select(i => Mutate(7, i)).ToList();
        var other = Enumerable.Range(0, 50).Select(i => Mutate(8, i)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);

        string Mutate(ulong seed, int index)
        {
            var random = FuzzRandom.For(seed, "test", index);
            var mutant = index % 2 == 0
                ? CredentialMutator.MutateBytes(original, random)
                : CredentialMutator.MutateJson(System.Text.Encoding.UTF8.GetString(original), random);
            return Convert.ToHexString(mutant.Bytes) + " " + mutant.Description;
        }
    }

    private static List<string> KnownDefects([CallerFilePath] string thisFile = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "known-verifier-defects.json")));
        return [.. document.RootElement.GetProperty("defects").EnumerateArray().Select(d => d.GetProperty("match").GetString()!)];
    }

    private static ulong Seed() =>
        ulong.TryParse(Environment.GetEnvironmentVariable("CREDSTACK_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    private sealed class SubjectStats
    {
        private readonly Lock _lock = new();
        private long _slowestTicks;

        public int Changed { get; private set; }

        public int Unchanged { get; private set; }

        public int UnchangedVerified { get; private set; }

        public void Add(bool changed, bool verified, TimeSpan elapsed)
        {
            lock (_lock)
            {
                if (changed)
                {
                    Changed++;
                }
                else
                {
                    Unchanged++;
                    UnchangedVerified += verified ? 1 : 0;
                }

                _slowestTicks = Math.Max(_slowestTicks, elapsed.Ticks);
            }
        }

        public override string ToString() =>
            $"{Changed} changed canonical form (none verified), {Unchanged} kept it ({UnchangedVerified} verified); slowest {TimeSpan.FromTicks(_slowestTicks).TotalMilliseconds:F0} ms";
    }
}
