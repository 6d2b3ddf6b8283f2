using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Credstack.Server.Awards;
using Credstack.Server.Hosting;
using Credstack.Server.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Delivery;

/// <summary>
/// Single-use claim links for credentials issued to an e-mail address: a 256-bit random token,
/// sent by mail and stored only as its SHA-256, that lets a signed-in learner attach the credential
/// to their account once.
/// </summary>
internal sealed class ClaimLinks(
    IConnectionFactory connections,
    IEmailSender email,
    IOptions<CredstackOptions> options,
    IOptions<AwardOptions> awardOptions,
    TimeProvider time)
{
    private const int TokenBytes = 32;

    /// <summary>Creates a claim token for <paramref name="award"/> and mails its link to the recipient.</summary>
    public async Task SendAsync(Award award, string achievementName, string issuerName, CancellationToken cancellationToken)
    {
        var token = await CreateAsync(award.Id, cancellationToken);
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/claim/{token}";
        var body = new StringBuilder()
            .AppendLine($"{issuerName} has awarded you \"{achievementName}\".")
            .AppendLine()
            .AppendLine("Sign in (or create an account with this e-mail address) and claim it here:")
            .AppendLine(link)
            .AppendLine()
            .AppendLine($"The link works once, until {(award.CreatedAt + awardOptions.Value.ClaimLinkLifetime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.")
            .AppendLine($"The credential itself: {award.CredentialId}")
            .ToString();
        await email.SendAsync(new EmailMessage(award.OrganizationId, award.Recipient, $"Your credential: {achievementName}", body), cancellationToken);
    }

    /// <summary>A new claim token for an award; only its hash is stored.</summary>
    public async Task<string> CreateAsync(string awardId, CancellationToken cancellationToken)
    {
        var secret = RandomNumberGenerator.GetBytes(TokenBytes);
        var token = Base64Url.EncodeToString(secret);
        CryptographicOperations.ZeroMemory(secret);
        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO award_claims (token_hash, award_id, created_at, expires_at) VALUES (@hash, @awardId, @now, @expires);",
            new { hash = Hash(token), awardId, now, expires = now + awardOptions.Value.ClaimLinkLifetime }, cancellationToken: cancellationToken));
        return token;
    }

    /// <summary>
    /// Looks a claim token up without using it (the claim page shows what is being claimed first): its award and whether,
    /// and by whom, it was used; null when the token is unknown. Expiry is for the caller to judge against its clock.
    /// </summary>
    public async Task<ClaimLinkState?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > 100)
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ClaimLinkState>(new CommandDefinition(
            "SELECT award_id, expires_at, used_at, used_by FROM award_claims WHERE token_hash = @hash;",
            new { hash = Hash(token) }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Uses a claim token for <paramref name="accountId"/>: the award id when the token is known,
    /// unused and unexpired (it is used up atomically, so two requests cannot both claim); else null.
    /// </summary>
    public async Task<string?> RedeemAsync(string token, string accountId, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > 100)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var awardId = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "UPDATE award_claims SET used_at = @now, used_by = @accountId WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now RETURNING award_id;",
            new { hash = Hash(token), accountId, now }, transaction, cancellationToken: cancellationToken));
        if (awardId is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE awards SET claimed_by_account_id = @accountId, claimed_at = @now WHERE id = @awardId;",
                new { awardId, accountId, now }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return awardId;
    }

    // The token has 256 bits of entropy, so a plain SHA-256 (no salt, no stretching) cannot be reversed.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
