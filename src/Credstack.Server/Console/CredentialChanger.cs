using Credstack.Server.Awards;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Console;

/// <summary>
/// Applies a confirmed lifecycle change from the console through <see cref="AwardLifecycle"/>, with the API's
/// rules: a revocation needs a reason, reasons have at most <see cref="AwardLifecycle.MaxReason"/> characters,
/// a change from the wrong state is a conflict. Renewing replaces the credential with a new one that names it.
/// </summary>
internal sealed class CredentialChanger(AwardLifecycle lifecycle, AwardStore awards, IOptions<AwardOptions> options)
{
    public async Task<CredentialChangeOutcome> ApplyAsync(string organizationId, Award award, string change, string? reason, string accountId, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (change == CredentialChange.Revoke && reason is null)
        {
            return CredentialChangeOutcome.Refused(StatusCodes.Status400BadRequest, "Say why the credential is revoked; the reason is recorded.");
        }

        if (reason is { Length: > AwardLifecycle.MaxReason })
        {
            return CredentialChangeOutcome.Refused(StatusCodes.Status400BadRequest, $"The reason has at most {AwardLifecycle.MaxReason} characters.");
        }

        if (!CredentialChange.AllowedFrom(award.Status).Contains(change, StringComparer.Ordinal))
        {
            return CredentialChangeOutcome.Refused(StatusCodes.Status409Conflict, $"The credential is {award.Status}; it cannot be {Past(change)}.");
        }

        if (change == CredentialChange.Renew)
        {
            var credential = await awards.ReadCredentialAsync(award.Id, cancellationToken);
            var outcome = await lifecycle.ReplaceAsync(organizationId, award, credential!, new ReplaceAwardRequest(), accountId, options.Value.Cryptosuite, cancellationToken);
            return outcome.Result is AwardIssueResult.Issued
                ? CredentialChangeOutcome.Done(outcome.Award!.Id)
                : CredentialChangeOutcome.Refused(StatusCodes.Status409Conflict, outcome.Detail ?? string.Join(" ", outcome.Errors?.Values.Select(v => v[0]) ?? []));
        }

        var changed = change switch
        {
            CredentialChange.Revoke => await lifecycle.RevokeAsync(organizationId, award.Id, reason!, cancellationToken),
            CredentialChange.Suspend => await lifecycle.SuspendAsync(organizationId, award.Id, reason, cancellationToken),
            _ => await lifecycle.ReinstateAsync(organizationId, award.Id, reason, cancellationToken),
        };
        return changed
            ? CredentialChangeOutcome.Done(award.Id)
            : CredentialChangeOutcome.Refused(StatusCodes.Status409Conflict, $"The credential changed meanwhile; it can no longer be {Past(change)}.");
    }

    public static string Past(string change) => change switch
    {
        CredentialChange.Revoke => "revoked",
        CredentialChange.Suspend => "suspended",
        CredentialChange.Reinstate => "reinstated",
        _ => "renewed",
    };
}
