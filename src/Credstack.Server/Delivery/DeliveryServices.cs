using Credstack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Delivery;

/// <summary>Registers mail delivery (SMTP or the development outbox) and claim links.</summary>
internal static class DeliveryServices
{
    public static WebApplicationBuilder AddDelivery(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxEmailSender>();
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<IEmailSender>(services => string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<CredstackOptions>>().Value.Smtp.Host)
            ? services.GetRequiredService<OutboxEmailSender>()
            : services.GetRequiredService<SmtpEmailSender>());
        builder.Services.AddSingleton<ClaimLinks>();
        return builder;
    }
}
