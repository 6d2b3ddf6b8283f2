using Credstack.Server.Access;
using Credstack.Server.ApiTokens;
using Credstack.Server.Awards;
using Credstack.Server.Hosting;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.BulkJobs;

/// <summary>
/// Bulk issuance from CSV: <c>/api/v1/orgs/{orgId}/bulk-jobs</c>. <c>POST ?dryRun=true</c> checks a
/// file and lists its problems by line and column without issuing; <c>POST</c> stores every row as a
/// job (or, when any row is bad, nothing) for <see cref="BulkJobWorker"/>; <c>GET …/{jobId}</c> shows
/// progress and failed rows; <c>POST …/{jobId}/cancel</c> stops it. Issuer staff and above, or
/// <c>awards:write</c> tokens, upload and cancel; viewers and <c>read</c> tokens follow progress.
/// </summary>
internal static class BulkJobEndpoints
{
    public static RouteGroupBuilder MapBulkJobs(this IEndpointRouteBuilder app)
    {
        var limit = app.ServiceProvider.GetRequiredService<IOptions<BulkJobOptions>>().Value.MaxCsvBytes;
        var group = app.MapOrgGroup("/bulk-jobs", "Bulk jobs");
        group.MapGet("", ListAsync).WithName("ListBulkJobs");
        group.MapGet("/{jobId}", GetAsync).WithName("GetBulkJob").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("", CreateAsync).WithName("CreateBulkJob")
            .RequireOrgRole(OrgRole.Issuer, ApiScopes.AwardsWrite)
            .WithMetadata(new CsvSizeLimit(limit + (64 * 1024)))
            .WithDescription("The body is a UTF-8, comma-separated CSV file with a header row (Content-Type text/csv), or multipart/form-data with the file as its first file part. " +
                "Columns: row_key, email or did, achievement_id (or the achievementId parameter), achievement_version, name, narrative, evidence_url, evidence_narrative, result:<resultDescription id>.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{jobId}/cancel", CancelAsync).WithName("CancelBulkJob")
            .RequireOrgRole(OrgRole.Issuer, ApiScopes.AwardsWrite)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<BulkDryRunResponse>, Accepted<BulkJobResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, OrgCaller caller, BulkJobStore store, BulkJobSignal signal, IAchievementCatalog achievements, IOptions<BulkJobOptions> options,
        CancellationToken cancellationToken,
        [FromQuery] bool? dryRun = null, [FromQuery] string? achievementId = null, [FromQuery] bool? notify = null, [FromQuery] string? cryptosuite = null)
    {
        if (cryptosuite is not null && !AwardValidation.Cryptosuites.Contains(cryptosuite))
        {
            return Problem.Validation("cryptosuite", $"The cryptosuite is one of {string.Join(", ", AwardValidation.Cryptosuites.Order(StringComparer.Ordinal))}.");
        }

        var body = await ReadCsvAsync(request, options.Value.MaxCsvBytes, cancellationToken);
        if (body.Problem is { } refused)
        {
            return refused;
        }

        var csv = BulkCsvParser.Parse(body.Content, string.IsNullOrWhiteSpace(achievementId) ? null : achievementId.Trim(), options.Value.MaxRows);
        if (csv.Problem is { } unreadable)
        {
            return Problem.Of(StatusCodes.Status400BadRequest, ProblemTypes.CsvUnreadable, "Unreadable CSV", unreadable);
        }

        var (rows, errors, errorCount) = await BulkAchievementCheck.CheckAsync(caller.OrganizationId, csv, achievements, cancellationToken);
        var summary = new BulkDryRunResponse(csv.RowCount, rows.Count, csv.RowCount - rows.Count, errorCount, errors);
        if (dryRun is true)
        {
            return TypedResults.Ok(summary);
        }

        if (errorCount > 0 || rows.Count == 0)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Type = ProblemTypes.CsvRowsInvalid,
                Title = "Rows are invalid",
                Detail = rows.Count == 0 && errorCount == 0
                    ? "The file has a header but no rows; nothing was stored."
                    : $"{summary.Invalid} of {summary.Rows} rows are invalid ({errorCount} problems); nothing was stored. Fix them (a dry run lists them) and send the file again.",
            };
            problem.Extensions["rows"] = summary.Rows;
            problem.Extensions["invalid"] = summary.Invalid;
            problem.Extensions["errorCount"] = errorCount;
            problem.Extensions["rowErrors"] = errors;
            return TypedResults.Problem(problem);
        }

        var job = await store.CreateAsync(caller.OrganizationId, rows, notify ?? true, cryptosuite, caller.AccountId ?? "token:" + caller.TokenId, cancellationToken);
        signal.Wake();
        var response = await ToResponseAsync(job, store, 0, 100, cancellationToken);
        return TypedResults.Accepted($"/api/v1/orgs/{caller.OrganizationId}/bulk-jobs/{job.Id}", response);
    }

    private static async Task<Ok<BulkJobResponse[]>> ListAsync(OrgCaller caller, BulkJobStore store, CancellationToken cancellationToken)
    {
        var jobs = await store.ListAsync(caller.OrganizationId, cancellationToken);
        var responses = new List<BulkJobResponse>(jobs.Count);
        foreach (var job in jobs)
        {
            responses.Add(await ToResponseAsync(job, store, 0, 0, cancellationToken));
        }

        return TypedResults.Ok(responses.ToArray());
    }

    private static async Task<Results<Ok<BulkJobResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string jobId, OrgCaller caller, BulkJobStore store, CancellationToken cancellationToken,
        [FromQuery] long? errorsAfter = null, [FromQuery] int? errorsLimit = null)
    {
        if (errorsLimit is < 0 or > 1000)
        {
            return Problem.Validation("errorsLimit", "errorsLimit is between 0 and 1000.");
        }

        var job = await store.FindAsync(caller.OrganizationId, jobId, cancellationToken);
        return job is null
            ? Problem.NotFound($"The organization has no bulk job '{jobId}'.")
            : TypedResults.Ok(await ToResponseAsync(job, store, errorsAfter ?? 0, errorsLimit ?? 100, cancellationToken));
    }

    private static async Task<Results<Ok<BulkJobResponse>, ProblemHttpResult>> CancelAsync(
        string jobId, OrgCaller caller, BulkJobStore store, CancellationToken cancellationToken)
    {
        var job = await store.FindAsync(caller.OrganizationId, jobId, cancellationToken);
        if (job is null)
        {
            return Problem.NotFound($"The organization has no bulk job '{jobId}'.");
        }

        if (!await store.CancelAsync(caller.OrganizationId, jobId, cancellationToken))
        {
            return Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.BulkJobStateConflict, "Job already finished", $"The bulk job is {job.State}; only queued or running jobs can be cancelled.");
        }

        job = await store.FindAsync(caller.OrganizationId, jobId, cancellationToken);
        return TypedResults.Ok(await ToResponseAsync(job!, store, 0, 100, cancellationToken));
    }

    private static async Task<BulkJobResponse> ToResponseAsync(BulkJob job, BulkJobStore store, long errorsAfter, int errorsLimit, CancellationToken cancellationToken)
    {
        var counts = await store.CountAsync(job.Id, cancellationToken);
        var errors = errorsLimit > 0 ? await store.FailuresAsync(job.Id, errorsAfter, errorsLimit + 1, cancellationToken) : [];
        var next = errors.Count > errorsLimit ? errors[errorsLimit - 1].Line : (long?)null;
        return new BulkJobResponse(
            job.Id, job.State, job.Total, counts.Pending, counts.Issued, counts.Failed, counts.Skipped, job.CreatedAt, job.StartedAt, job.CompletedAt,
            [.. errors.Take(errorsLimit)], next);
    }

    private static async Task<(byte[] Content, ProblemHttpResult? Problem)> ReadCsvAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        Stream source;
        if (mediaType is "multipart/form-data")
        {
            var (form, _) = await FormBody.ReadAsync(request, cancellationToken);
            if (form is null)
            {
                return ([], Problem.Of(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "Malformed form", "The multipart/form-data body could not be read."));
            }

            if (form.Files.Count == 0)
            {
                return ([], Problem.Of(StatusCodes.Status400BadRequest, ProblemTypes.CsvUnreadable, "No file", "The form has no file part; send the CSV as a file field."));
            }

            source = form.Files[0].OpenReadStream();
        }
        else if (mediaType is "text/csv" or "application/csv" or "text/plain")
        {
            source = request.Body;
        }
        else
        {
            return ([], Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type",
                $"Send the CSV file with Content-Type text/csv, or as multipart/form-data (not {mediaType ?? "no Content-Type"})."));
        }

        // Kestrel stops a body over the endpoint limit; the count here also covers hosts (and form files) that do not.
        await using (source)
        {
            using var body = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return ([], Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "CSV file too large", $"A CSV file may have at most {maxBytes} bytes; split it into several jobs."));
                }

                body.Write(chunk, 0, read);
            }

            return (body.ToArray(), null);
        }
    }

    /// <summary>The upload's body limit, read by the request limit middleware.</summary>
    private sealed class CsvSizeLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
