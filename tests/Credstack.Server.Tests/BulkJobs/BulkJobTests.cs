using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Credstack.Server.Tests.Awards;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.BulkJobs;

public sealed class BulkJobTests
{
    private const string Problems = "https://credstack.dev/problems/";

    private static async Task<int> AwardCountAsync(HttpClient client, string orgId) =>
        (await Expect.JsonAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}/awards?limit=200"))).GetProperty("items").GetArrayLength();

    [ProviderTheory]
    public async Task A_dry_run_lists_each_bad_row_by_line_and_column_and_issues_nothing(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var csv = """
            row_key,email,did,achievement_id,evidence_url
            a,ada@example.org,,data-analysis,https://example.org/work
            b,not-an-address,,data-analysis,
            c,,,data-analysis,
            d,bob@example.org,,no-such-achievement,
            a,cy@example.org,,data-analysis,ftp://example.org/x
            f,dee@example.org,,data-analysis
            """;

        var report = await Expect.JsonAsync(HttpStatusCode.OK, await BulkJobClient.PostAsync(owner, orgId, csv, "?dryRun=true"));

        Assert.Equal(6, report.GetProperty("rows").GetInt32());
        Assert.Equal(1, report.GetProperty("valid").GetInt32());
        Assert.Equal(5, report.GetProperty("invalid").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt64(), e.GetProperty("column").GetString())).ToList();
        Assert.Contains((3L, "email"), errors);
        Assert.Contains((4L, "email"), errors);
        Assert.Contains((5L, "achievement_id"), errors);
        Assert.Contains((6L, "row_key"), errors);
        Assert.Contains((6L, "evidence_url"), errors);
        Assert.Contains((7L, (string?)null), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == 2);
        Assert.Equal(0, await AwardCountAsync(owner, orgId));
        var jobs = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs"));
        Assert.Equal(0, jobs.GetArrayLength());
    }

    [ProviderTheory]
    public async Task A_file_with_one_bad_row_is_refused_whole_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var csv = BulkJobClient.Csv(20) + "r21,broken,data-analysis\n";

        var problem = await Expect.ProblemAsync(HttpStatusCode.UnprocessableEntity, Problems + "csv-rows-invalid", await BulkJobClient.PostAsync(owner, orgId, csv));

        Assert.Equal(22, problem.GetProperty("rowErrors")[0].GetProperty("line").GetInt64());
        Assert.Equal(0, (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs"))).GetArrayLength());
        Assert.Equal(0, await AwardCountAsync(owner, orgId));
    }

    [ProviderTheory]
    public async Task A_job_issues_every_row_once_and_reports_its_progress(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:BulkJobs:BatchSize"] = "7" });
        var (orgId, owner) = await awards.OrganizationAsync();

        var response = await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(50), "?notify=false");
        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, response);
        var jobId = created.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/orgs/{orgId}/bulk-jobs/{jobId}", response.Headers.Location?.OriginalString);
        Assert.Equal(50, created.GetProperty("total").GetInt64());

        var job = await BulkJobClient.WaitAsync(owner, orgId, jobId);
        Assert.Equal("completed", job.GetProperty("state").GetString());
        Assert.Equal(50, job.GetProperty("issued").GetInt64());
        Assert.Equal(0, job.GetProperty("failed").GetInt64());
        Assert.Equal(0, job.GetProperty("pending").GetInt64());
        Assert.Equal(50, await AwardCountAsync(owner, orgId));
        var list = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards?limit=200"));
        var recipients = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("recipient").GetProperty("value").GetString()).ToHashSet();
        Assert.Equal(50, recipients.Count);
    }

    [ProviderTheory]
    public async Task Every_credential_of_a_job_verifies_as_served_and_carries_its_own_status_index(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:BulkJobs:BatchSize"] = "16" });
        var (orgId, owner) = await awards.OrganizationAsync();

        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(40), "?notify=false"));
        var job = await BulkJobClient.WaitAsync(owner, orgId, created.GetProperty("id").GetString()!);

        Assert.Equal(40, job.GetProperty("issued").GetInt64());
        var items = (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards?limit=200"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(40, items.Count);
        var indexes = new HashSet<long>();
        foreach (var award in items)
        {
            var credential = await owner.GetByteArrayAsync($"/credentials/{award.GetProperty("id").GetString()}");
            await TestVerifier.AssertVerifiesAsync(credential, awards.App.Clock);
            var index = award.GetProperty("statusListIndex").GetInt64();
            Assert.Equal(index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonDocument.Parse(credential).RootElement.GetProperty("credentialStatus").GetProperty("statusListIndex").GetString());
            Assert.True(indexes.Add(index), $"index {index} was used twice");
        }
    }

    [ProviderTheory]
    public async Task Rows_cancelled_while_their_batch_is_signed_are_skipped_and_their_awards_are_not_stored(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:BulkJobs:BatchSize"] = "50" });
        var (orgId, owner) = await awards.OrganizationAsync();
        var jobId = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        awards.Signer.BeforeNextBatch = async () =>
            await Expect.StatusAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs/{await jobId.Task}/cancel", null));

        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(30), "?notify=false"));
        jobId.SetResult(created.GetProperty("id").GetString()!);
        // The worker runs one job at a time: once a later job has completed, the cancelled job's batch is done.
        var later = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(1), "?notify=false"));
        Assert.Equal("completed", (await BulkJobClient.WaitAsync(owner, orgId, later.GetProperty("id").GetString()!)).GetProperty("state").GetString());

        var job = await BulkJobClient.WaitAsync(owner, orgId, await jobId.Task);
        Assert.Equal("cancelled", job.GetProperty("state").GetString());
        Assert.Equal(0, job.GetProperty("issued").GetInt64());
        Assert.Equal(30, job.GetProperty("skipped").GetInt64());
        Assert.Equal(1, await AwardCountAsync(owner, orgId));
    }

    [ProviderTheory]
    public async Task A_row_whose_issuing_throws_fails_alone_and_the_rest_of_its_batch_is_issued(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:BulkJobs:BatchSize"] = "10" });
        var (orgId, owner) = await awards.OrganizationAsync();
        awards.Signer.ThrowWhenContains = "Poisoned narrative";
        var csv = "row_key,email,achievement_id,narrative\n" + string.Concat(Enumerable.Range(1, 10).Select(i =>
            $"r{i},learner{i}@example.org,data-analysis,{(i == 4 ? "Poisoned narrative" : "Fine")}\n"));

        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, csv, "?notify=false"));
        var job = await BulkJobClient.WaitAsync(owner, orgId, created.GetProperty("id").GetString()!);

        Assert.Equal("completed", job.GetProperty("state").GetString());
        Assert.Equal(9, job.GetProperty("issued").GetInt64());
        Assert.Equal(1, job.GetProperty("failed").GetInt64());
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal("r4", error.GetProperty("rowKey").GetString());
        Assert.Contains("internal error", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(9, await AwardCountAsync(owner, orgId));
    }

    [ProviderTheory]
    public async Task Rows_that_fail_at_run_time_are_marked_failed_with_the_reason_and_the_job_completes(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        awards.Signer.WithoutKey[orgId] = true;

        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(5)));
        var job = await BulkJobClient.WaitAsync(owner, orgId, created.GetProperty("id").GetString()!);

        Assert.Equal("completed", job.GetProperty("state").GetString());
        Assert.Equal(5, job.GetProperty("failed").GetInt64());
        var errors = job.GetProperty("errors");
        Assert.Equal(5, errors.GetArrayLength());
        Assert.Equal(2, errors[0].GetProperty("line").GetInt64());
        Assert.Equal("r1", errors[0].GetProperty("rowKey").GetString());
        Assert.Contains("cannot issue", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        var page = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs/{job.GetProperty("id").GetString()}?errorsLimit=2&errorsAfter=2"));
        Assert.Equal([3L, 4L], page.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt64()));
        Assert.Equal(4, page.GetProperty("nextErrorsAfter").GetInt64());
    }

    [ProviderTheory]
    public async Task A_cancelled_job_stops_and_its_remaining_rows_are_skipped_never_issued(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Credstack:BulkJobs:BatchSize"] = "5",
            ["Credstack:BulkJobs:Parallelism"] = "1",
        });
        var (orgId, owner) = await awards.OrganizationAsync();
        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(1500), "?notify=false"));
        var jobId = created.GetProperty("id").GetString()!;

        var cancelled = await Expect.JsonAsync(HttpStatusCode.OK, await owner.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs/{jobId}/cancel", null));
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        await Task.Delay(500);

        var job = await BulkJobClient.WaitAsync(owner, orgId, jobId);
        var issued = job.GetProperty("issued").GetInt64();
        Assert.Equal(0, job.GetProperty("pending").GetInt64());
        Assert.True(job.GetProperty("skipped").GetInt64() > 0, job.ToString());
        Assert.Equal(1500, issued + job.GetProperty("skipped").GetInt64());
        var awardsIssued = await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards?limit=200"));
        Assert.Equal(Math.Min(issued, 200), awardsIssued.GetProperty("items").GetArrayLength());
        await Expect.ProblemAsync(HttpStatusCode.Conflict, Problems + "bulk-job-state-conflict", await owner.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs/{jobId}/cancel", null));
    }

    [ProviderTheory]
    public async Task One_achievement_for_the_whole_file_can_be_a_parameter_and_multipart_uploads_work(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("email,narrative,result:https://example.org/results/grade\nada@example.org,\"Built a pipeline, with tests\",A\n", Encoding.UTF8, "text/csv"), "file", "awards.csv");

        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await owner.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs?achievementId=data-analysis&notify=false", form));
        var job = await BulkJobClient.WaitAsync(owner, orgId, created.GetProperty("id").GetString()!);

        Assert.Equal(1, job.GetProperty("issued").GetInt64());
        var award = (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/awards"))).GetProperty("items")[0];
        var credential = await owner.GetStringAsync($"/credentials/{award.GetProperty("id").GetString()}");
        Assert.Contains("Built a pipeline, with tests", credential, StringComparison.Ordinal);
        Assert.Contains("https://example.org/results/grade", credential, StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task A_multipart_upload_cut_short_is_a_400_problem_and_no_job(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        using var content = new ByteArrayContent("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\nContent-Type: text/csv\r\n\r\nemail\r\nada@example.org\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=cut");

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Problems + "malformed-request", await owner.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs?achievementId=data-analysis", content));
        Assert.Equal(0, (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs"))).GetArrayLength());
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty", "", "csv-unreadable" },
        { "only whitespace", "\n\n  \n", "csv-unreadable" },
        { "semicolons", "email;achievement_id\nada@example.org;data-analysis\n", "csv-unreadable" },
        { "no header", "ada@example.org,data-analysis\nbob@example.org,data-analysis\n", "csv-unreadable" },
        { "no recipient column", "achievement_id,narrative\ndata-analysis,x\n", "csv-unreadable" },
        { "binary", "\u0000\u0001\u0002PK\u0003\u0004\u0000", "csv-unreadable" },
        { "header only", "email,achievement_id\n", "csv-rows-invalid" },
    };

    [ProviderTheory]
    public async Task Bad_files_get_a_problem_and_store_nothing(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        foreach (var (name, content, type) in BadFiles.Select(row => ((string)row[0], (string)row[1], (string)row[2])))
        {
            var status = type == "csv-rows-invalid" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.BadRequest;
            var problem = await Expect.ProblemAsync(status, Problems + type, await BulkJobClient.PostAsync(owner, orgId, content));
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), name);
        }

        var invalidUtf8 = new ByteArrayContent([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xff, 0xfe, 0xc3, 0x28]);
        invalidUtf8.Headers.ContentType = new("text/csv");
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Problems + "csv-unreadable", await owner.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs", invalidUtf8));
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, Problems + "unsupported-media-type",
            await owner.PostAsJsonAsync($"/api/v1/orgs/{orgId}/bulk-jobs", new { email = "ada@example.org" }));
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Problems + "validation", await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(1), "?cryptosuite=rot13"));
        Assert.Equal(0, (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs"))).GetArrayLength());
        Assert.Equal(0, await AwardCountAsync(owner, orgId));
    }

    [ProviderTheory]
    public async Task A_file_over_the_size_limit_gets_413_and_stores_nothing(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider, new Dictionary<string, string?> { ["Credstack:BulkJobs:MaxCsvBytes"] = "4096" });
        var (orgId, owner) = await awards.OrganizationAsync();

        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, Problems + "payload-too-large", await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(500)));

        Assert.Equal(0, (await Expect.JsonAsync(HttpStatusCode.OK, await owner.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs"))).GetArrayLength());
    }

    [ProviderTheory]
    public async Task Another_organization_cannot_see_or_cancel_a_job(DatabaseProvider provider)
    {
        await using var awards = await AwardsTestApp.StartAsync(provider);
        var (orgId, owner) = await awards.OrganizationAsync();
        var (otherOrgId, other) = await awards.OrganizationAsync();
        var created = await Expect.JsonAsync(HttpStatusCode.Accepted, await BulkJobClient.PostAsync(owner, orgId, BulkJobClient.Csv(2), "?notify=false"));
        var jobId = created.GetProperty("id").GetString()!;

        await Expect.ProblemAsync(HttpStatusCode.NotFound, Problems + "not-found", await other.GetAsync($"/api/v1/orgs/{otherOrgId}/bulk-jobs/{jobId}"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, Problems + "not-found", await other.PostAsync($"/api/v1/orgs/{otherOrgId}/bulk-jobs/{jobId}/cancel", null));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, Problems + "not-found", await other.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs/{jobId}"));
        await BulkJobClient.WaitAsync(owner, orgId, jobId);
    }
}
