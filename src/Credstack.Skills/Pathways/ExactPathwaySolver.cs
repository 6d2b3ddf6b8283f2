using System.Numerics;

namespace Credstack.Skills.Pathways;

/// <summary>
/// The exact cheapest path by branch and bound over the credentials that matter (those that teach a gap
/// skill and everything their prerequisites mention). Exponential: for tests and small catalogues only.
/// </summary>
public static class ExactPathwaySolver
{
    /// <summary>Solves a request exactly, or says why not (infeasible, or more than <paramref name="maxCredentials"/> credentials matter).</summary>
    public static PathwayPlan Solve(CredentialCatalog catalog, PathwayRequest request, int maxCredentials = 24)
    {
        var planner = new PathwayPlanner(catalog);
        if (!planner.TryPrepare(request, out var prepared, out var failure))
        {
            return failure!;
        }

        var relevant = new SortedSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(prepared.Masks.Keys.Where(id => !prepared.Held.Contains(id)));
        while (queue.TryDequeue(out var id))
        {
            if (prepared.Held.Contains(id) || !planner.Credentials.TryGetValue(id, out var credential) || !relevant.Add(id))
            {
                continue;
            }

            foreach (var next in credential.Prerequisites?.CredentialIds() ?? [])
            {
                queue.Enqueue(next);
            }
        }

        if (relevant.Count > maxCredentials)
        {
            return PathwayPlan.Infeasible([$"{relevant.Count} credentials matter; the exact solver handles at most {maxCredentials}"]);
        }

        var ids = relevant.ToArray();
        var prices = ids.Select(id => planner.Credentials[id].Price).ToArray();
        var masks = ids.Select(id => prepared.Masks.GetValueOrDefault(id)).ToArray();
        var suffix = new ulong[ids.Length + 1];
        for (var i = ids.Length - 1; i >= 0; i--)
        {
            suffix[i] = suffix[i + 1] | masks[i];
        }

        var best = double.PositiveInfinity;
        List<string>? bestSet = null;
        var current = new List<string>();
        void Search(int i, double cost, ulong covered)
        {
            if (cost >= best - 1e-12 || BitOperations.PopCount(covered | suffix[i]) < prepared.Target)
            {
                return;
            }

            if (BitOperations.PopCount(covered) >= prepared.Target && planner.PrerequisitesHold(current, prepared.Held))
            {
                (best, bestSet) = (cost, [.. current]);
                return;
            }

            if (i == ids.Length)
            {
                return;
            }

            current.Add(ids[i]);
            Search(i + 1, cost + prices[i], covered | masks[i]);
            current.RemoveAt(current.Count - 1);
            Search(i + 1, cost, covered);
        }

        Search(0, 0, prepared.HeldCoverage);
        return bestSet is null
            ? PathwayPlan.Infeasible(["infeasible: no set of credentials closes the requested share of the gap with its prerequisites met"])
            : planner.Finish(prepared, bestSet);
    }
}
