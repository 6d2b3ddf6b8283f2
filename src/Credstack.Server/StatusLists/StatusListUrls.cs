using Credstack.Credentials.Status;
using Credstack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>The stable public URLs of status list credentials: <c>{base}/status/{orgId}/{listId}/{revocation|suspension}</c>.</summary>
internal sealed class StatusListUrls(IOptions<CredstackOptions> options)
{
    public Uri For(string organizationId, string listId, StatusPurpose purpose) =>
        new($"{options.Value.PublicBaseUrl.TrimEnd('/')}/status/{Uri.EscapeDataString(organizationId)}/{Uri.EscapeDataString(listId)}/{StatusListPurposes.Segment(purpose)}");
}
