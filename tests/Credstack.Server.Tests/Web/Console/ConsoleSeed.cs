using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Web.Console;

/// <summary>Seeds an organization's data for console tests through the public API, as an issuer would.</summary>
internal static class ConsoleSeed
{
    public static async Task<string> AchievementAsync(HttpClient admin, string orgId, string name = "Data Analysis Fundamentals")
    {
        var body = await Expect.JsonAsync(HttpStatusCode.Created, await admin.PostAsJsonAsync(
            $"/api/v1/orgs/{orgId}/achievements",
            new { name, description = "Cleans, explores and explains data sets.", criteria = new { narrative = "Pass the **final project**." } }));
        return body.GetProperty("id").GetString()!;
    }

    public static async Task<string> AwardAsync(HttpClient issuer, string orgId, string achievementId, string email = "learner@example.org")
    {
        var body = await Expect.JsonAsync(HttpStatusCode.Created, await issuer.PostAsJsonAsync(
            $"/api/v1/orgs/{orgId}/awards", new { achievementId, recipient = new { email }, notify = false }));
        return body.GetProperty("award").GetProperty("id").GetString()!;
    }

    public static async Task<string> BulkJobAsync(HttpClient issuer, string orgId, string achievementId)
    {
        var body = await Expect.JsonAsync(HttpStatusCode.Accepted, await issuer.PostAsync(
            $"/api/v1/orgs/{orgId}/bulk-jobs?achievementId={achievementId}&notify=false",
            new StringContent("email\nbulk1@example.org\n", Encoding.UTF8, "text/csv")));
        return body.GetProperty("id").GetString()!;
    }
}
