using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Credstack.Cli.Commands.Issue;

/// <summary>
/// <c>credstack issue-bulk</c>: uploads a CSV file as a bulk job (<c>POST /api/v1/orgs/{org}/bulk-jobs</c>),
/// follows its progress and prints a summary (issued, failed, skipped, elapsed). With <c>--dry-run</c>
/// the server only checks the file. Exit codes: 0 every row issued (or, in a dry run, every row
/// valid); 3 the file was refused (the problems are listed); 5 rows failed or were skipped (or a dry run found bad rows).
/// </summary>
internal static class IssueBulkCommand
{
    private const int ListedFailures = 20;

    public static Command Create()
    {
        var api = new ServerApi();
        var csv = new Option<FileInfo>("--csv") { Description = "The CSV file (UTF-8, comma-separated, header row; see docs/server.md for the columns).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the file and list its problems; issue nothing." };
        var achievement = new Option<string?>("--achievement") { Description = "The achievement for every row (when the file has no achievement_id column)." };
        var noNotify = new Option<bool>("--no-notify") { Description = "Do not e-mail recipients claim links." };
        var json = new Option<bool>("--json") { Description = "Print the final job (or dry-run report) as JSON instead of the table." };
        var command = new Command("issue-bulk", "Issue awards from a CSV file on a Credstack server as a bulk job, with progress and a summary.")
        {
            csv, dryRun, achievement, noNotify, json,
        };
        api.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult, "issue-bulk", json);
            var file = parseResult.GetValue(csv)!;
            if (!file.Exists)
            {
                return output.Fail(ExitCodes.InvalidInput, "input", $"no such file: {file.FullName}");
            }

            using var client = api.CreateClient(parseResult, out var missing);
            if (client is null)
            {
                return output.Fail(ExitCodes.UsageError, "usage", missing!);
            }

            var query = new List<string>();
            if (parseResult.GetValue(dryRun))
            {
                query.Add("dryRun=true");
            }

            if (parseResult.GetValue(achievement) is { } id)
            {
                query.Add("achievementId=" + Uri.EscapeDataString(id));
            }

            if (parseResult.GetValue(noNotify))
            {
                query.Add("notify=false");
            }

            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                await using var stream = file.OpenRead();
                using var content = new StreamContent(stream);
                content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
                var path = api.OrgPath(parseResult, "bulk-jobs") + (query.Count > 0 ? "?" + string.Join('&', query) : "");
                response = await client.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                return output.Fail(ExitCodes.ProcessingFailed, "connection", $"could not reach {client.BaseAddress}: {e.Message}");
            }
            catch (IOException e)
            {
                return output.Fail(ExitCodes.InvalidInput, "input", e.Message);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await ReportDryRunAsync(output, body).ConfigureAwait(false);
                }

                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
                    {
                        ListRowErrors(output, body);
                    }

                    var failure = await ServerApi.FailureOfAsync(response, cancellationToken).ConfigureAwait(false);
                    return output.Fail(failure.ExitCode, failure.Code, failure.Message);
                }

                using var created = JsonDocument.Parse(body);
                var jobPath = api.OrgPath(parseResult, "bulk-jobs/" + Uri.EscapeDataString(created.RootElement.GetProperty("id").GetString()!));
                return await FollowAsync(output, client, jobPath, started, cancellationToken).ConfigureAwait(false);
            }
        });
        return command;
    }

    private static async Task<int> FollowAsync(CliOutput output, HttpClient client, string jobPath, long started, CancellationToken cancellationToken)
    {
        // A redrawn bar only on a terminal; redirected output gets the summary alone.
        var interactive = ReferenceEquals(output.Out, Console.Out) && !Console.IsOutputRedirected && !output.Json;
        while (true)
        {
            using var response = await client.GetAsync(jobPath + "?errorsLimit=" + ListedFailures, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var failure = await ServerApi.FailureOfAsync(response, cancellationToken).ConfigureAwait(false);
                return output.Fail(failure.ExitCode, failure.Code, failure.Message);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var job = JsonDocument.Parse(body);
            var root = job.RootElement;
            long Count(string name) => root.GetProperty(name).GetInt64();
            var state = root.GetProperty("state").GetString();
            var total = Count("total");
            var done = Count("issued") + Count("failed") + Count("skipped");
            if (interactive)
            {
                const int width = 30;
                var filled = total == 0 ? width : (int)(width * done / total);
                await output.Out.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"\r[{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}  issued {Count("issued")}  failed {Count("failed")}  ")).ConfigureAwait(false);
            }

            if (state is not ("queued" or "running"))
            {
                if (interactive)
                {
                    await output.Out.WriteLineAsync().ConfigureAwait(false);
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                if (output.Json)
                {
                    await output.Out.WriteLineAsync(body).ConfigureAwait(false);
                }
                else
                {
                    var lines = new[]
                    {
                        ("job", root.GetProperty("id").GetString()!),
                        ("state", state ?? "?"),
                        ("issued", Count("issued").ToString(CultureInfo.InvariantCulture)),
                        ("failed", Count("failed").ToString(CultureInfo.InvariantCulture)),
                        ("skipped", Count("skipped").ToString(CultureInfo.InvariantCulture)),
                        ("elapsed", elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"),
                    };
                    foreach (var (name, value) in lines)
                    {
                        await output.Out.WriteLineAsync($"{name,-8} {value}").ConfigureAwait(false);
                    }
                }

                foreach (var error in root.GetProperty("errors").EnumerateArray())
                {
                    await output.Error.WriteLineAsync($"credstack issue-bulk: line {error.GetProperty("line").GetInt64()}: {error.GetProperty("message").GetString()}").ConfigureAwait(false);
                }

                if (Count("failed") > ListedFailures)
                {
                    await output.Error.WriteLineAsync($"credstack issue-bulk: … and {Count("failed") - ListedFailures} more failed rows (GET {jobPath}?errorsAfter=…).").ConfigureAwait(false);
                }

                return Count("failed") + Count("skipped") + Count("pending") > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> ReportDryRunAsync(CliOutput output, string body)
    {
        using var report = JsonDocument.Parse(body);
        var root = report.RootElement;
        var invalid = root.GetProperty("invalid").GetInt32();
        if (output.Json)
        {
            await output.Out.WriteLineAsync(body).ConfigureAwait(false);
        }
        else
        {
            await output.Out.WriteLineAsync($"rows     {root.GetProperty("rows").GetInt32()}").ConfigureAwait(false);
            await output.Out.WriteLineAsync($"valid    {root.GetProperty("valid").GetInt32()}").ConfigureAwait(false);
            await output.Out.WriteLineAsync($"invalid  {invalid}").ConfigureAwait(false);
        }

        ListRowErrors(output, body, "errors");
        return invalid > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
    }

    private static void ListRowErrors(CliOutput output, string body, string property = "rowErrors")
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty(property, out var errors) || errors.ValueKind is not JsonValueKind.Array)
        {
            return;
        }

        foreach (var error in errors.EnumerateArray())
        {
            var column = error.TryGetProperty("column", out var c) && c.GetString() is { } name ? $" ({name})" : "";
            output.Error.WriteLine($"credstack issue-bulk: line {error.GetProperty("line").GetInt64()}{column}: {error.GetProperty("message").GetString()}");
        }
    }
}
