namespace Credstack.Skills.Taxonomies;

// Reads one CSV file with a header row, streaming record by record: checks the required columns,
// reports records with the wrong number of fields (with their line), and hands good rows on.
internal static class CsvTable
{
    public static void Read(string file, TextReader reader, IReadOnlyList<string> requiredColumns, List<ImportProblem> problems, Action<long, Func<string, string>> row, CancellationToken cancellationToken)
    {
        var csv = new CsvRecordReader(reader);
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            problems.Add(new ImportProblem(file, 1, csv.Error ?? "the file is empty (a header row is required)"));
            return;
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
        }

        var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(file, 1, "missing column(s) " + string.Join(", ", missing)));
            return;
        }

        var width = fields.Count;
        string[] current = [];
        string Get(string column) => columns.TryGetValue(column, out var index) && index < current.Length ? current[index] : "";
        while (csv.TryRead(fields, out var line))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != width)
            {
                problems.Add(new ImportProblem(file, line, $"expected {width} fields, found {fields.Count}"));
                continue;
            }

            current = [.. fields];
            row(line, Get);
        }

        if (csv.Error is { } error)
        {
            problems.Add(new ImportProblem(file, 0, error));
        }
    }
}
