using System.Globalization;
using System.Text.Json.Nodes;
using Credstack.Credentials.Status;
using Microsoft.Extensions.Options;

namespace Credstack.Server.StatusLists;

/// <summary>
/// The <c>credentialStatus</c> a credential with a reserved index carries (Bitstring Status List v1.0 §2.1): one
/// <c>BitstringStatusListEntry</c> for revocation, and with <see cref="StatusListOptions.EmitSuspensionEntry"/> a second
/// one for suspension at the same index (then <c>credentialStatus</c> is an array).
/// </summary>
internal sealed class StatusListEntries(StatusListUrls urls, IOptions<StatusListOptions> options)
{
    /// <param name="singleObject">The credential's schema allows one status object only (OB 3.0, CLR 2.0): revocation only.</param>
    public JsonNode For(StatusListSlot slot, bool singleObject = false)
    {
        var revocation = Entry(slot, StatusPurpose.Revocation);
        return options.Value.EmitSuspensionEntry && !singleObject ? new JsonArray(revocation, Entry(slot, StatusPurpose.Suspension)) : revocation;
    }

    public JsonObject Entry(StatusListSlot slot, StatusPurpose purpose)
    {
        var list = urls.For(slot.OrganizationId, slot.ListId, purpose).AbsoluteUri;
        return new JsonObject
        {
            ["id"] = $"{list}#{slot.Index.ToString(CultureInfo.InvariantCulture)}",
            ["type"] = BitstringStatusListEntry.EntryType,
            ["statusPurpose"] = StatusListPurposes.Segment(purpose),
            ["statusListIndex"] = slot.Index.ToString(CultureInfo.InvariantCulture),
            ["statusListCredential"] = list,
        };
    }
}
