using System.Net;
using System.Net.Mail;
using Credstack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Delivery;

/// <summary>Sends mail through the SMTP server of <c>Credstack:Smtp</c> (System.Net.Mail).</summary>
internal sealed class SmtpEmailSender(IOptions<CredstackOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.UseTls };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var mail = new MailMessage(smtp.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
