namespace Credstack.Server.Delivery;

/// <summary>The one seam for outbound mail: SMTP when <c>Credstack:Smtp:Host</c> is set, else the development outbox.</summary>
internal interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
