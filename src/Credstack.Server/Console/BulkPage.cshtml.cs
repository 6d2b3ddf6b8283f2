using System.Text;
using Credstack.Server.Achievements;
using Credstack.Server.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Credstack.Server.Console;

/// <summary>
/// <c>/console/{orgId}/bulk</c>: award many from a CSV file. Uploading checks the file (a dry run: every problem by
/// line and column, nothing stored); a clean file can then be issued, which queues a bulk job and opens its progress page.
/// The checked file travels back with the "issue" form, so no upload is kept on the server between the two steps.
/// </summary>
[Authorize]
[ConsoleRole(OrgRole.Issuer)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxRequestBytes)]
internal sealed class BulkPage(BulkUpload upload, AchievementStore achievements) : PageModel
{
    /// <summary>Room for the largest CSV file the bulk jobs accept (32 MiB by default) and the rest of the form.</summary>
    public const int MaxRequestBytes = 34 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? AchievementId { get; set; }

    [BindProperty]
    public bool Notify { get; set; } = true;

    /// <summary>The checked file's text, carried by the "issue" form.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    public string? FileName { get; private set; }

    public BulkUploadCheck? Check { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Achievements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The dry run of an uploaded file.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (file is null || file.Length == 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, "Choose a CSV file to check.");
        }

        if (file.Length > upload.MaxBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The file has {file.Length} bytes; a CSV file may have at most {upload.MaxBytes}. Split it into several files.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        FileName = Path.GetFileName(file.FileName);
        return await CheckAsync(buffer.ToArray(), cancellationToken);
    }

    /// <summary>Issues a file that passed the dry run; it is checked again, and with any problem nothing is stored.</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var console = HttpContext.Console();
        var check = await upload.CheckAsync(console.OrganizationId, Encoding.UTF8.GetBytes(Csv ?? ""), AchievementId, cancellationToken);
        if (!check.CanRun)
        {
            Check = check;
            return Refuse(check.Problem is null ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
                check.Problem ?? "The file has problems; nothing was issued. Fix them and check the file again.");
        }

        var job = await upload.StartAsync(console.OrganizationId, check, Notify, console.AccountId, cancellationToken);
        return Redirect($"/console/{console.OrganizationId}/bulk/{job.Id}");
    }

    private async Task<IActionResult> CheckAsync(byte[] content, CancellationToken cancellationToken)
    {
        Check = await upload.CheckAsync(HttpContext.Console().OrganizationId, content, AchievementId, cancellationToken);
        if (Check.Problem is { } problem)
        {
            return Refuse(StatusCodes.Status400BadRequest, "This file cannot be read as a bulk CSV: " + problem);
        }

        if (Check.ErrorCount > 0)
        {
            // The dry run itself succeeded, but what was sent cannot be issued as it is.
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else if (Check.Rows.Count == 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, "The file has a header but no rows.");
        }
        else
        {
            Csv = Encoding.UTF8.GetString(content);
        }

        return Page();
    }

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await achievements.ListAsync(HttpContext.Console().OrganizationId, false, cancellationToken);
        Achievements = [.. rows.Select(r => (r.Id, r.ReadDefinition().Name ?? r.Id))];
    }
}
