namespace Credstack.Server.Tests.Web.Console;

/// <summary>
/// Every console page under <c>/console/{orgId}</c>: the least role that opens it (GET) and the least role that
/// submits its forms (POST). <see cref="ConsoleAccessTests"/> checks each against every role and outsiders;
/// <c>EndpointCatalogueTests</c> fails when a console page has no row here.
/// </summary>
internal static class ConsolePageMatrix
{
    public static readonly ConsolePageRow[] Rows =
    [
        new("/console/{orgId}", "viewer", null),
        new("/console/{orgId}/achievements", "viewer", "issuer"),
        new("/console/{orgId}/achievements/{achievementId}", "viewer", "issuer"),
        new("/console/{orgId}/award", "issuer", "issuer"),
        new("/console/{orgId}/bulk", "issuer", "issuer"),
        new("/console/{orgId}/bulk/{jobId}", "viewer", "issuer", "?handler=cancel"),
        new("/console/{orgId}/credentials", "viewer", null),
        new("/console/{orgId}/credentials/{awardId}", "viewer", null),
        new("/console/{orgId}/credentials/{awardId}/{change}", "issuer", "issuer"),
        new("/console/{orgId}/issuer", "viewer", "admin"),
        new("/console/{orgId}/issuer/rotate", "admin", "admin"),
        new("/console/{orgId}/members", "viewer", "admin"),
    ];
}
