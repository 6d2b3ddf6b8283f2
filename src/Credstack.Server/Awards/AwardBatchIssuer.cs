using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Credstack.Server.Problems;
using Credstack.Server.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Awards;

/// <summary>
/// <c>POST /awards/batch</c> with an <c>Idempotency-Key</c>: the first request with a key claims it
/// in the database (a primary key, so two simultaneous requests cannot both claim it), issues every
/// item through <see cref="AwardIssuer"/>, and stores the response; a retry with the same key and
/// body gets that response without issuing again, one with a different body is refused.
/// </summary>
internal sealed class AwardBatchIssuer(IConnectionFactory connections, AwardIssuer issuer, IOptions<AwardOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<AwardBatchOutcome> IssueAsync(string organizationId, string idempotencyKey, BatchAwardRequest request, string? issuedBy, CancellationToken cancellationToken)
    {
        // The bound request, serialised again: the same JSON in different whitespace or member order is the same body.
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Json)));
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO award_batches (organization_id, idempotency_key, request_hash, state, created_at) VALUES (@organizationId, @idempotencyKey, @requestHash, 'pending', @now)
                ON CONFLICT (organization_id, idempotency_key) DO NOTHING;
                """,
                new { organizationId, idempotencyKey, requestHash, now = time.GetUtcNow() }, cancellationToken: cancellationToken));
            if (claimed == 0)
            {
                return await AwaitEarlierAsync(organizationId, idempotencyKey, requestHash, cancellationToken);
            }
        }

        var results = new List<BatchAwardResult>(request.Items!.Count);
        for (var i = 0; i < request.Items.Count; i++)
        {
            // Not the request's token: a batch issues even if the client gives up waiting, so that its retry finds the stored answer.
            var outcome = await issuer.IssueAsync(organizationId, request.Items[i], issuedBy, CancellationToken.None);
            results.Add(outcome.Result is AwardIssueResult.Issued
                ? new BatchAwardResult(i, "issued", outcome.Award!.Id, outcome.Award.CredentialId, null, null)
                : new BatchAwardResult(i, "failed", null, null, ProblemTypeOf(outcome.Result), outcome.Detail ?? string.Join(" ", outcome.Errors?.SelectMany(e => e.Value) ?? [])));
        }

        var response = new BatchAwardResponse(idempotencyKey, results.Count(r => r.AwardId is not null), results.Count(r => r.AwardId is null), results);
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE award_batches SET state = 'done', response = @response, completed_at = @now WHERE organization_id = @organizationId AND idempotency_key = @idempotencyKey;",
                new { organizationId, idempotencyKey, response = JsonSerializer.SerializeToUtf8Bytes(response, Json), now = time.GetUtcNow() }));
        }

        return AwardBatchOutcome.Done(response);
    }

    private async Task<AwardBatchOutcome> AwaitEarlierAsync(string organizationId, string idempotencyKey, string requestHash, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            await using (var connection = await connections.OpenAsync(cancellationToken))
            {
                var row = await connection.QuerySingleAsync<(string RequestHash, string State, byte[]? Response)>(new CommandDefinition(
                    "SELECT request_hash, state, response FROM award_batches WHERE organization_id = @organizationId AND idempotency_key = @idempotencyKey;",
                    new { organizationId, idempotencyKey }, cancellationToken: cancellationToken));
                if (!string.Equals(row.RequestHash, requestHash, StringComparison.Ordinal))
                {
                    return AwardBatchOutcome.KeyReused();
                }

                if (row.State == "done" && row.Response is { } stored)
                {
                    return AwardBatchOutcome.Done(JsonSerializer.Deserialize<BatchAwardResponse>(stored, Json)!);
                }
            }

            // Real time, not the TimeProvider: this waits for another request to finish, it does not measure the domain's time.
            if (Stopwatch.GetElapsedTime(started) >= options.Value.IdempotencyWait)
            {
                return AwardBatchOutcome.InProgress();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static string ProblemTypeOf(AwardIssueResult result) => result switch
    {
        AwardIssueResult.Invalid => ProblemTypes.Validation,
        AwardIssueResult.AchievementNotFound => ProblemTypes.NotFound,
        _ => ProblemTypes.Conflict,
    };
}
