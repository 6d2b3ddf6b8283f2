namespace Credstack.Server.VcApi;

/// <summary>A row of <c>vc_api_issuer_keys</c>. The seed is only ever stored encrypted; never sent on the wire.</summary>
internal sealed class VcApiIssuerKeyRow
{
    public required string OrganizationId { get; init; }

    public required string Did { get; init; }

    public required string ProtectedSeed { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
