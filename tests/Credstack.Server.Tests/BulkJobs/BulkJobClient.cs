using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.BulkJobs;

/// <summary>Uploading CSV files and following bulk jobs through the API.</summary>
internal static class BulkJobClient
{
    public static string Csv(int rows, string achievementId = "data-analysis") =>
        "row_key,email,achievement_id\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"r{i},learner{i}@example.org,{achievementId}\n"));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string orgId, string csv, string query = "") =>
        client.PostAsync($"/api/v1/orgs/{orgId}/bulk-jobs{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Polls the job until it is no longer queued or running (at most a minute).</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, string orgId, string jobId, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var job = await Expect.JsonAsync(HttpStatusCode.OK, await client.GetAsync($"/api/v1/orgs/{orgId}/bulk-jobs/{jobId}"));
            if (job.GetProperty("state").GetString() is not ("queued" or "running"))
            {
                return job;
            }

            Assert.True(Stopwatch.GetElapsedTime(started) < (timeout ?? TimeSpan.FromSeconds(60)), $"bulk job {jobId} did not finish: {job}");
            await Task.Delay(100);
        }
    }
}
