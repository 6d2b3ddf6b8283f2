namespace Credstack.Skills.Matching;

// Keeps the k best (score descending, index ascending) of a stream in a bounded heap; the index order is
// the id order, so equal scores rank by id and the ranking is deterministic.
internal static class TopK
{
    public static List<(int Index, double Score)> Select(IEnumerable<int> candidates, double[] scores, int k)
    {
        var heap = new PriorityQueue<int, (double Score, int Index)>(k + 1, WorstFirst.Instance);
        foreach (var i in candidates)
        {
            if (heap.Count < k)
            {
                heap.Enqueue(i, (scores[i], i));
            }
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((scores[i], i), worst) > 0)
            {
                heap.DequeueEnqueue(i, (scores[i], i));
            }
        }

        var result = new List<(int, double)>(heap.Count);
        while (heap.TryDequeue(out var index, out var key))
        {
            result.Add((index, key.Score));
        }

        result.Reverse();
        return result;
    }

    private sealed class WorstFirst : IComparer<(double Score, int Index)>
    {
        public static readonly WorstFirst Instance = new();

        // Negative when x is worse than y: lower score, or equal score and larger index.
        public int Compare((double Score, int Index) x, (double Score, int Index) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Index.CompareTo(x.Index);
        }
    }
}
