using Credstack.Server.BulkJobs;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/bulk/{jobId}</c>: a bulk job's progress, rendered from the counts the worker stores, so it
/// survives a reload or a restart; while the job runs the page refreshes itself (a meta refresh, no script needed).
/// Issuer staff cancel a job that has not finished.
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Viewer, Change = OrgRole.Issuer)]
internal sealed class BulkJobPage(BulkJobStore jobs) : PageModel
{
    public const int ListedFailures = 200;

    public BulkJob Job { get; private set; } = null!;

    public BulkJobCounts Counts { get; private set; } = new(0, 0, 0, 0);

    public IReadOnlyList<BulkRowError> Failures { get; private set; } = [];

    public bool Running => Job.State is BulkJobStates.Queued or BulkJobStates.Running;

    public long Done => Counts.Issued + Counts.Failed + Counts.Skipped;

    public int Percent => Job.Total == 0 ? 100 : (int)(Done * 100 / Job.Total);

    public async Task<IActionResult> OnGetAsync(string jobId, CancellationToken cancellationToken) =>
        await LoadAsync(jobId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var organizationId = HttpContext.Console().OrganizationId;
        if (!await LoadAsync(jobId, cancellationToken))
        {
            return NotFound();
        }

        if (!await jobs.CancelAsync(organizationId, jobId, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/console/{organizationId}/bulk/{jobId}");
    }

    private async Task<bool> LoadAsync(string jobId, CancellationToken cancellationToken)
    {
        if (await jobs.FindAsync(HttpContext.Console().OrganizationId, jobId, cancellationToken) is not { } job)
        {
            return false;
        }

        Job = job;
        Counts = await jobs.CountAsync(job.Id, cancellationToken);
        Failures = await jobs.FailuresAsync(job.Id, 0, ListedFailures, cancellationToken);
        return true;
    }
}
