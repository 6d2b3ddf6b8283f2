namespace Credstack.Server.Tests.Access;

/// <summary>
/// Who may call which organization endpoint. A feature that maps an endpoint under
/// <c>/api/v1/orgs/{orgId}</c> adds its row here (a catalogue test fails until it does);
/// <see cref="AuthorizationMatrixTests"/> then checks it for anonymous callers, every role,
/// members and tokens of another organization, and tokens with and without the scope.
/// </summary>
public static class AuthorizationMatrix
{
    public static IReadOnlyList<AuthorizationRow> Rows { get; } =
    [
        // Organizations
        new("GET", "/api/v1/orgs/{orgId}", "viewer", "read"),

        // Members: managed by people only.
        new("GET", "/api/v1/orgs/{orgId}/members", "viewer", "read"),
        new("POST", "/api/v1/orgs/{orgId}/members", "admin", null, new { email = "nobody@example.org", role = "viewer" }),
        new("DELETE", "/api/v1/orgs/{orgId}/members/{accountId}", "admin", null),

        // API tokens: a token cannot mint or see tokens.
        new("GET", "/api/v1/orgs/{orgId}/tokens", "admin", null),
        new("POST", "/api/v1/orgs/{orgId}/tokens", "admin", null, new { name = "matrix", scopes = new[] { "read" } }),
        new("DELETE", "/api/v1/orgs/{orgId}/tokens/{tokenId}", "admin", null),

        // Issuer identity: the profile details are edited by admins (people only).
        new("GET", "/api/v1/orgs/{orgId}/issuer", "viewer", "read"),
        new("PUT", "/api/v1/orgs/{orgId}/issuer", "admin", null, new { description = "matrix" }),

        // Signing keys: public parts for everyone in the organization; rotation by admins (people only).
        new("GET", "/api/v1/orgs/{orgId}/keys", "viewer", "read"),
        new("POST", "/api/v1/orgs/{orgId}/keys/rotate", "admin", null, new { keyType = "Ed25519" }),

        // Achievements: issuer staff and tokens with achievements:write change them.
        new("GET", "/api/v1/orgs/{orgId}/achievements", "viewer", "read"),
        new("POST", "/api/v1/orgs/{orgId}/achievements", "issuer", "achievements:write", new { name = "Matrix", description = "Matrix row", criteria = new { narrative = "Exist." } }),
        new("GET", "/api/v1/orgs/{orgId}/achievements/{achievementId}", "viewer", "read"),
        new("PUT", "/api/v1/orgs/{orgId}/achievements/{achievementId}", "issuer", "achievements:write", new { name = "Matrix", description = "Matrix row", criteria = new { narrative = "Exist." } }),
        new("GET", "/api/v1/orgs/{orgId}/achievements/{achievementId}/versions", "viewer", "read"),
        new("GET", "/api/v1/orgs/{orgId}/achievements/{achievementId}/versions/{version}", "viewer", "read"),
        new("POST", "/api/v1/orgs/{orgId}/achievements/{achievementId}/archive", "issuer", "achievements:write"),
        new("POST", "/api/v1/orgs/{orgId}/achievements/{achievementId}/unarchive", "issuer", "achievements:write"),
        new("POST", "/api/v1/orgs/{orgId}/images", "issuer", "achievements:write"),

        // Awards: issuer staff (or awards:write tokens) issue and change; viewers (read tokens) read.
        new("GET", "/api/v1/orgs/{orgId}/awards", "viewer", "read"),
        new("GET", "/api/v1/orgs/{orgId}/awards/{awardId}", "viewer", "read"),
        new("POST", "/api/v1/orgs/{orgId}/awards", "issuer", "awards:write", new { achievementId = "none", recipient = new { email = "nobody@example.org" } }),
        new("POST", "/api/v1/orgs/{orgId}/awards/batch", "issuer", "awards:write", new { items = new[] { new { achievementId = "none", recipient = new { email = "nobody@example.org" } } } }),
        new("POST", "/api/v1/orgs/{orgId}/awards/{awardId}/revoke", "issuer", "awards:write", new { reason = "matrix" }),
        new("POST", "/api/v1/orgs/{orgId}/awards/{awardId}/suspend", "issuer", "awards:write", new { reason = "matrix" }),
        new("POST", "/api/v1/orgs/{orgId}/awards/{awardId}/reinstate", "issuer", "awards:write", new { reason = "matrix" }),
        new("POST", "/api/v1/orgs/{orgId}/awards/{awardId}/replace", "issuer", "awards:write", new { }),

        // The development outbox: admins only, people only.
        new("GET", "/api/v1/orgs/{orgId}/outbox", "admin", null),

        // Bulk jobs: issuer staff (or awards:write tokens) upload and cancel; viewers (read tokens) follow progress.
        // The upload's JSON body is answered 415 when allowed: the matrix checks who gets past the filter.
        new("GET", "/api/v1/orgs/{orgId}/bulk-jobs", "viewer", "read"),
        new("GET", "/api/v1/orgs/{orgId}/bulk-jobs/{jobId}", "viewer", "read"),
        new("POST", "/api/v1/orgs/{orgId}/bulk-jobs", "issuer", "awards:write", new { }),
        new("POST", "/api/v1/orgs/{orgId}/bulk-jobs/{jobId}/cancel", "issuer", "awards:write"),
    ];
}
