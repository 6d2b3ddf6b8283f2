using Credstack.Server.Storage;
using Dapper;

namespace Credstack.Server.Delivery;

/// <summary>
/// Development delivery when no SMTP server is configured: mail is kept in the database (shown to
/// the organization's admins at <c>GET /api/v1/orgs/{orgId}/outbox</c>) and logged. Award mail
/// carries no secret beyond its claim link, which is what a developer needs to follow.
/// </summary>
internal sealed partial class OutboxEmailSender(IConnectionFactory connections, TimeProvider time, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO outbox_messages (id, organization_id, recipient, subject, body, created_at) VALUES (@id, @OrganizationId, @To, @Subject, @Body, @now);",
            new { id = EntityId.New(time), message.OrganizationId, message.To, message.Subject, message.Body, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        LogOutbox(logger, message.To, message.Subject, message.Body);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(string organizationId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            "SELECT id, organization_id, recipient, subject, body, created_at FROM outbox_messages WHERE organization_id = @organizationId ORDER BY id DESC LIMIT @limit;",
            new { organizationId, limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox (no SMTP configured): mail to {Recipient}: {Subject}\n{Body}")]
    private static partial void LogOutbox(ILogger logger, string recipient, string subject, string body);
}
