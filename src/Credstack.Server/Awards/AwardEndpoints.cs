using System.Text.Json;
using Credstack.Server.Access;
using Credstack.Server.Accounts;
using Credstack.Server.ApiTokens;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Awards;

/// <summary>
/// Awards of an organization: <c>/api/v1/orgs/{orgId}/awards</c> — issue one or a batch, list,
/// read, and the lifecycle (revoke, suspend, reinstate, replace). Issuer staff and above, or API
/// tokens with <c>awards:write</c>, change; viewers and <c>read</c> tokens read.
/// </summary>
internal static class AwardEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapAwards(this IEndpointRouteBuilder app)
    {
        var group = app.MapOrgGroup("/awards", "Awards");
        group.MapGet("", ListAsync).WithName("ListAwards").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{awardId}", GetAsync).WithName("GetAward");

        var write = group.MapGroup("").RequireOrgRole(OrgRole.Issuer, ApiScopes.AwardsWrite);
        write.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        write.MapPost("", IssueAsync).WithName("IssueAward");
        write.MapPost("/batch", IssueBatchAsync).WithName("IssueAwardBatch").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        write.MapPost("/{awardId}/revoke", RevokeAsync).WithName("RevokeAward");
        write.MapPost("/{awardId}/suspend", SuspendAsync).WithName("SuspendAward");
        write.MapPost("/{awardId}/reinstate", ReinstateAsync).WithName("ReinstateAward");
        write.MapPost("/{awardId}/replace", ReplaceAsync).WithName("ReplaceAward");
        return group;
    }

    private static async Task<Results<Created<IssuedAwardResponse>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        AwardRequest request, OrgCaller caller, AwardIssuer issuer, AwardResponses responses, CancellationToken cancellationToken)
    {
        var outcome = await issuer.IssueAsync(caller.OrganizationId, request, IssuedBy(caller), cancellationToken);
        return ToResult(outcome, caller, responses);
    }

    private static async Task<Results<Ok<BatchAwardResponse>, ValidationProblem, ProblemHttpResult>> IssueBatchAsync(
        BatchAwardRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, OrgCaller caller,
        AwardBatchIssuer batches, IOptions<AwardOptions> options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(idempotencyKey) || idempotencyKey.Length > 255 || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            return Problem.Of(StatusCodes.Status400BadRequest, ProblemTypes.IdempotencyKeyRequired, "Idempotency-Key required",
                $"Send an {IdempotencyKeyHeader} header (1 to 255 visible ASCII characters, e.g. a UUID) so that a retry cannot issue twice.");
        }

        var max = options.Value.MaxBatchSize;
        if (request.Items is not { Count: > 0 } items || items.Count > max)
        {
            return Problem.Validation("items", $"Send between 1 and {max} award requests in 'items'.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (field, messages) in AwardValidation.Validate(items[i], $"items[{i}]."))
            {
                errors[field] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return Problem.Validation(errors);
        }

        var outcome = await batches.IssueAsync(caller.OrganizationId, idempotencyKey, request, IssuedBy(caller), cancellationToken);
        if (outcome.IsKeyReused)
        {
            return Problem.Of(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body; use a new key for a new batch.");
        }

        if (outcome.IsInProgress)
        {
            return Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.IdempotencyKeyInProgress, "Batch in progress",
                "A request with this Idempotency-Key is still issuing; retry later to get its result.");
        }

        return TypedResults.Ok(outcome.Response!);
    }

    private static async Task<Results<Ok<AwardListResponse>, ValidationProblem>> ListAsync(
        OrgCaller caller, AwardStore awards, AwardResponses responses, string? achievementId, string? recipient, string? status, string? cursor, int? limit,
        CancellationToken cancellationToken)
    {
        if (status is not (null or AwardStatuses.Active or AwardStatuses.Suspended or AwardStatuses.Revoked or AwardStatuses.Expired))
        {
            return Problem.Validation("status", "The status filter is one of active, suspended, revoked, expired.");
        }

        if (limit is < 1 or > 200)
        {
            return Problem.Validation("limit", "The page size is between 1 and 200.");
        }

        if (cursor is not null && (cursor.Length != 32 || !cursor.All(char.IsAsciiHexDigitLower)))
        {
            return Problem.Validation("cursor", "Pass the nextCursor of the previous page.");
        }

        var pageSize = limit ?? 50;
        var normalizedRecipient = recipient is null ? null : recipient.Contains('@', StringComparison.Ordinal) ? AccountStore.NormalizeEmail(recipient) : recipient.Trim();
        var rows = await awards.ListAsync(caller.OrganizationId, achievementId, normalizedRecipient, status, cursor, pageSize + 1, cancellationToken);
        var page = rows.Take(pageSize).Select(responses.From).ToArray();
        return TypedResults.Ok(new AwardListResponse(page, rows.Count > pageSize ? page[^1].Id : null));
    }

    private static async Task<Results<Ok<AwardResponse>, ProblemHttpResult>> GetAsync(
        string awardId, OrgCaller caller, AwardStore awards, AwardResponses responses, CancellationToken cancellationToken) =>
        await awards.FindAsync(caller.OrganizationId, awardId, cancellationToken) is { } award
            ? TypedResults.Ok(responses.From(award))
            : NoSuchAward();

    private static async Task<Results<Ok<AwardResponse>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string awardId, AwardLifecycleRequest? request, OrgCaller caller, AwardLifecycle lifecycle, AwardStore awards, AwardResponses responses, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
        {
            return Problem.Validation("reason", "Say why the credential is revoked; the reason is recorded.");
        }

        return await ChangeAsync(awardId, request.Reason, caller, awards, responses, "revoked",
            reason => lifecycle.RevokeAsync(caller.OrganizationId, awardId, reason!, cancellationToken), cancellationToken);
    }

    private static Task<Results<Ok<AwardResponse>, ValidationProblem, ProblemHttpResult>> SuspendAsync(
        string awardId, AwardLifecycleRequest? request, OrgCaller caller, AwardLifecycle lifecycle, AwardStore awards, AwardResponses responses, CancellationToken cancellationToken) =>
        ChangeAsync(awardId, request?.Reason, caller, awards, responses, "suspended (only active credentials can be)",
            reason => lifecycle.SuspendAsync(caller.OrganizationId, awardId, reason, cancellationToken), cancellationToken);

    private static Task<Results<Ok<AwardResponse>, ValidationProblem, ProblemHttpResult>> ReinstateAsync(
        string awardId, AwardLifecycleRequest? request, OrgCaller caller, AwardLifecycle lifecycle, AwardStore awards, AwardResponses responses, CancellationToken cancellationToken) =>
        ChangeAsync(awardId, request?.Reason, caller, awards, responses, "reinstated (only suspended credentials can be)",
            reason => lifecycle.ReinstateAsync(caller.OrganizationId, awardId, reason, cancellationToken), cancellationToken);

    private static async Task<Results<Created<IssuedAwardResponse>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string awardId, ReplaceAwardRequest? request, OrgCaller caller, AwardStore awards, AwardLifecycle lifecycle, AwardResponses responses,
        IOptions<AwardOptions> options, CancellationToken cancellationToken)
    {
        var old = await awards.FindAsync(caller.OrganizationId, awardId, cancellationToken);
        if (old is null)
        {
            return NoSuchAward();
        }

        if (old.Status is AwardStatuses.Revoked)
        {
            return Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.AwardStateConflict, "Award revoked",
                "A revoked credential cannot be replaced; issue a new award instead.");
        }

        var oldCredential = await awards.ReadCredentialAsync(old.Id, cancellationToken);
        var outcome = await lifecycle.ReplaceAsync(caller.OrganizationId, old, oldCredential!, request ?? new ReplaceAwardRequest(), IssuedBy(caller), options.Value.Cryptosuite, cancellationToken);
        return ToResult(outcome, caller, responses);
    }

    private static async Task<Results<Ok<AwardResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string awardId, string? reason, OrgCaller caller, AwardStore awards, AwardResponses responses, string what,
        Func<string?, Task<bool>> change, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > AwardLifecycle.MaxReason })
        {
            return Problem.Validation("reason", $"The reason has at most {AwardLifecycle.MaxReason} characters.");
        }

        if (await change(reason))
        {
            return TypedResults.Ok(responses.From((await awards.FindAsync(caller.OrganizationId, awardId, cancellationToken))!));
        }

        var award = await awards.FindAsync(caller.OrganizationId, awardId, cancellationToken);
        return award is null
            ? NoSuchAward()
            : Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.AwardStateConflict, "Wrong state",
                $"The award is {award.Status}; it cannot be {what}.");
    }

    private static Results<Created<IssuedAwardResponse>, ValidationProblem, ProblemHttpResult> ToResult(AwardIssueOutcome outcome, OrgCaller caller, AwardResponses responses) =>
        outcome.Result switch
        {
            AwardIssueResult.Issued => TypedResults.Created(
                $"/api/v1/orgs/{caller.OrganizationId}/awards/{outcome.Award!.Id}",
                new IssuedAwardResponse(responses.From(outcome.Award), JsonDocument.Parse(outcome.Credential).RootElement.Clone())),
            AwardIssueResult.Invalid => Problem.Validation(outcome.Errors!),
            AwardIssueResult.AchievementNotFound => Problem.NotFound(outcome.Detail!),
            AwardIssueResult.AchievementArchived => Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.AchievementArchived, "Achievement archived", outcome.Detail!),
            _ => Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.IssuerNotReady, "Issuer not ready", outcome.Detail!),
        };

    private static ProblemHttpResult NoSuchAward() => Problem.NotFound("The organization has no award with this id.");

    private static string IssuedBy(OrgCaller caller) => caller.AccountId ?? "token:" + caller.TokenId;
}
