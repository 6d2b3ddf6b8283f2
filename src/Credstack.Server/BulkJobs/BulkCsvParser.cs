using System.Globalization;
using System.Text;
using Credstack.Server.Awards;
using CsvHelper;
using CsvHelper.Configuration;

namespace Credstack.Server.BulkJobs;

/// <summary>
/// Reads a bulk issuance CSV (RFC 4180, UTF-8, comma-separated, header first) into award requests,
/// checking every row with the same rules as a single award (<see cref="AwardValidation"/>) and
/// naming the line and column of each problem. Needs no database.
/// </summary>
internal static class BulkCsvParser
{
    public const int MaxListedErrors = 1_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="achievementId">The achievement for every row, when the file has no achievement_id column (or to fill its empty cells).</param>
    public static BulkCsv Parse(ReadOnlySpan<byte> content, string? achievementId, int maxRows)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return BulkCsv.Unreadable("The file is not UTF-8 text; send a comma-separated CSV file encoded in UTF-8.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return BulkCsv.Unreadable("The file holds binary data (NUL bytes); send a comma-separated CSV text file.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return BulkCsv.Unreadable("The CSV file is empty; the first line must be a header such as 'email,achievement_id'.");
        }

        var badData = new List<(long Line, string Field)>();
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ",",
            MissingFieldFound = null,
            HeaderValidated = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => badData.Add((args.Context.Parser?.Row ?? 0, args.Field)),
        };

        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        if (!csv.Read())
        {
            return BulkCsv.Unreadable("The CSV file is empty; the first line must be a header such as 'email,achievement_id'.");
        }

        var header = csv.Parser.Record!.Select(NormalizeColumn).ToArray();
        if (HeaderProblem(header, achievementId) is { } problem)
        {
            return BulkCsv.Unreadable(problem);
        }

        var index = header.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var rows = new List<BulkRow>();
        var errors = new List<BulkRowError>();
        var errorCount = 0;
        var rowCount = 0;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        void Fail(long line, string? key, string? column, string message)
        {
            errorCount++;
            if (errors.Count < MaxListedErrors)
            {
                errors.Add(new BulkRowError(line, key, column, message));
            }
        }

        while (csv.Read())
        {
            var record = csv.Parser.Record!;
            var line = csv.Parser.Row;
            if (++rowCount > maxRows)
            {
                return BulkCsv.Unreadable($"The file has more than {maxRows} rows; split it into several jobs.");
            }

            string? Cell(string column) =>
                index.TryGetValue(column, out var i) && i < record.Length && record[i].Length > 0 ? record[i] : null;
            var rowKey = Cell(BulkCsvColumns.RowKey);
            var before = errorCount;
            if (badData.Count > 0 && badData[^1].Line == line)
            {
                Fail(line, rowKey, null, "A quote is misplaced: quote a whole field (\"...\") and double quotes inside it (\"\").");
            }

            if (record.Length != header.Length)
            {
                Fail(line, rowKey, null, $"The row has {record.Length} fields; the header has {header.Length}.");
                continue;
            }

            if (rowKey is { Length: > 200 })
            {
                Fail(line, rowKey[..20], BulkCsvColumns.RowKey, "A row key has at most 200 characters.");
            }
            else if (rowKey is not null && !rowKeys.Add(rowKey))
            {
                Fail(line, rowKey, BulkCsvColumns.RowKey, $"The row key '{rowKey}' appears on an earlier row; row keys are unique in a file.");
            }

            var request = ToRequest(header, Cell, achievementId, line, rowKey, Fail);
            foreach (var (field, messages) in AwardValidation.Validate(request))
            {
                foreach (var message in messages)
                {
                    Fail(line, rowKey, ColumnOf(field), message);
                }
            }

            if (errorCount == before)
            {
                rows.Add(new BulkRow(line, rowKey, request));
            }
        }

        return new BulkCsv(null, rows, errors, errorCount, rowCount);
    }

    private static string? HeaderProblem(string[] header, string? achievementId)
    {
        if (header.Length == 1 && header[0].IndexOfAny([';', '\t', '|']) is var at and >= 0)
        {
            return $"The header '{header[0]}' is one column: the file must be comma-separated (it seems to use '{(header[0][at] == '\t' ? "\\t" : header[0][at])}').";
        }

        var unknown = header.Where(h => !BulkCsvColumns.Known.Contains(h) && !(h.StartsWith(BulkCsvColumns.ResultPrefix, StringComparison.Ordinal) && h.Length > BulkCsvColumns.ResultPrefix.Length)).ToArray();
        if (unknown.Length > 0)
        {
            return $"Unknown column{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))} in the header (line 1). " +
                $"The columns are {string.Join(", ", BulkCsvColumns.Known)} and result:<resultDescription id>; the first line must be the header.";
        }

        if (header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            return $"The column '{duplicate.Key}' appears twice in the header.";
        }

        if (!header.Contains(BulkCsvColumns.Email) && !header.Contains(BulkCsvColumns.Did))
        {
            return "The header needs an 'email' or a 'did' column for the recipients (the first line must be the header).";
        }

        if (!header.Contains(BulkCsvColumns.AchievementId) && string.IsNullOrWhiteSpace(achievementId))
        {
            return "Name the achievement: an 'achievement_id' column, or the achievementId parameter for the whole file.";
        }

        return null;
    }

    // Result columns keep the case of the resultDescription id they name; other names are case-insensitive.
    private static string NormalizeColumn(string name)
    {
        var trimmed = name.Trim();
        return trimmed.StartsWith(BulkCsvColumns.ResultPrefix, StringComparison.OrdinalIgnoreCase)
            ? BulkCsvColumns.ResultPrefix + trimmed[BulkCsvColumns.ResultPrefix.Length..].Trim()
            : trimmed.ToLowerInvariant();
    }

    private static AwardRequest ToRequest(string[] header, Func<string, string?> cell, string? achievementId, long line, string? rowKey, Action<long, string?, string?, string> fail)
    {
        long? version = null;
        if (cell(BulkCsvColumns.AchievementVersion) is { } v)
        {
            if (long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                version = parsed;
            }
            else
            {
                fail(line, rowKey, BulkCsvColumns.AchievementVersion, $"'{Shorten(v)}' is not a version number.");
            }
        }

        var email = cell(BulkCsvColumns.Email);
        var did = cell(BulkCsvColumns.Did);
        if (email is not null && did is not null)
        {
            fail(line, rowKey, BulkCsvColumns.Email, "Give an e-mail address or a DID, not both.");
        }

        if (cell(BulkCsvColumns.Name) is { Length: > 200 })
        {
            fail(line, rowKey, BulkCsvColumns.Name, "A name has at most 200 characters.");
        }

        var evidenceUrl = cell(BulkCsvColumns.EvidenceUrl);
        if (evidenceUrl is not null && !(Uri.TryCreate(evidenceUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            fail(line, rowKey, BulkCsvColumns.EvidenceUrl, $"'{Shorten(evidenceUrl)}' is not an absolute http(s) URL.");
            evidenceUrl = null;
        }

        var evidenceNarrative = cell(BulkCsvColumns.EvidenceNarrative);
        var evidence = evidenceUrl is null && evidenceNarrative is null
            ? null
            : new[] { new AwardEvidenceRequest(Id: evidenceUrl, Narrative: evidenceNarrative) };
        return new AwardRequest(
            cell(BulkCsvColumns.AchievementId) ?? achievementId,
            version,
            new AwardRecipientRequest(email, did),
            cell(BulkCsvColumns.Narrative),
            evidence,
            Results(header, cell));
    }

    private static AwardResultRequest[]? Results(string[] header, Func<string, string?> cell)
    {
        var results = header
            .Where(h => h.StartsWith(BulkCsvColumns.ResultPrefix, StringComparison.Ordinal))
            .Select(h => (Id: h[BulkCsvColumns.ResultPrefix.Length..], Value: cell(h)))
            .Where(r => r.Value is not null)
            .Select(r => new AwardResultRequest(ResultDescription: r.Id, Value: r.Value))
            .ToArray();
        return results.Length > 0 ? results : null;
    }

    private static string ColumnOf(string field) => field switch
    {
        _ when field.StartsWith("recipient.did", StringComparison.Ordinal) => BulkCsvColumns.Did,
        _ when field.StartsWith("recipient", StringComparison.Ordinal) => BulkCsvColumns.Email,
        "achievementId" => BulkCsvColumns.AchievementId,
        "achievementVersion" => BulkCsvColumns.AchievementVersion,
        _ when field.StartsWith("evidence", StringComparison.Ordinal) => BulkCsvColumns.EvidenceUrl,
        _ when field.StartsWith("results", StringComparison.Ordinal) => "result:",
        _ => field,
    };

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
