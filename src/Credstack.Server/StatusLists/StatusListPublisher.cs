using System.Text.Json;
using Credstack.Credentials.Status;
using Credstack.Server.Awards;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Builds and signs the two <c>BitstringStatusListCredential</c>s of a list from the current state
/// of its credentials (Bitstring Status List v1.0 §4.1), and stores the signed bytes for serving.
/// </summary>
internal sealed partial class StatusListPublisher(
    StatusListStore store,
    StatusListUrls urls,
    IAwardSigner signer,
    IOptions<StatusListOptions> options,
    TimeProvider time,
    ILogger<StatusListPublisher> logger)
{
    /// <summary>The suite status lists are signed with: the OB 3.0 default, which every verifier of the credentials also has.</summary>
    public const string Cryptosuite = "eddsa-rdfc-2022";

    /// <summary>Re-signs <paramref name="list"/>; false (logged) when the issuer cannot sign now.</summary>
    public async Task<bool> PublishAsync(StatusListRecord list, CancellationToken cancellationToken)
    {
        var issuer = await signer.FindIssuerAsync(list.OrganizationId, cancellationToken);
        if (issuer is null)
        {
            LogNoIssuer(logger, list.Id, list.OrganizationId);
            return false;
        }

        var (version, revoked, suspended) = await store.ReadBitsAsync(list.Id, cancellationToken);
        var signedRevocation = await SignAsync(list, issuer.Id, StatusPurpose.Revocation, revoked, cancellationToken);
        var signedSuspension = await SignAsync(list, issuer.Id, StatusPurpose.Suspension, suspended, cancellationToken);
        if (signedRevocation is null || signedSuspension is null)
        {
            return false;
        }

        await store.SavePublishedAsync(list.Id, version, signedRevocation, signedSuspension, cancellationToken);
        return true;
    }

    private async Task<byte[]?> SignAsync(StatusListRecord list, string issuerId, StatusPurpose purpose, IReadOnlyList<long> set, CancellationToken cancellationToken)
    {
        var bits = new StatusList(checked((int)list.Capacity));
        foreach (var index in set)
        {
            bits.Set(checked((int)index));
        }

        var refresh = options.Value.RefreshInterval;
        var credential = new BitstringStatusListCredentialBuilder(time)
            .Build(urls.For(list.OrganizationId, list.Id, purpose), issuerId, purpose, bits, ttl: refresh > TimeSpan.Zero ? refresh : null);
        var signature = await signer.SignAsync(list.OrganizationId, JsonSerializer.SerializeToUtf8Bytes(credential), Cryptosuite, cancellationToken);
        if (!signature.Succeeded)
        {
            LogSigningFailed(logger, list.Id, signature.Problem);
            return null;
        }

        return signature.SignedCredential;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status list {ListId} not published: organization {OrganizationId} has no issuer key")]
    private static partial void LogNoIssuer(ILogger logger, string listId, string organizationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status list {ListId} could not be signed: {Problem}")]
    private static partial void LogSigningFailed(ILogger logger, string listId, string? problem);
}
