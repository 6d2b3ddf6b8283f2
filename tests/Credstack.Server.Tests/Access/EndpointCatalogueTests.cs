using Credstack.Server.Access;
using Credstack.Server.Console;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Web.Console;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Credstack.Server.Tests.Access;

/// <summary>
/// Rules every endpoint follows, checked over the live endpoint list, so endpoints added later are
/// covered without anyone remembering to add a test.
/// </summary>
public sealed class EndpointCatalogueTests
{
    // The only endpoints anyone may call without signing in. Adding one is a decision made here, in review.
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "GET /healthz",
        "GET /openapi/{documentName:regex(^v1$)}.json",
        "POST /api/v1/accounts",
        "POST /api/v1/sessions",
        "DELETE /api/v1/sessions",
        // An issuer's public identity and what its credentials point at: verifiers and wallets fetch these.
        "GET /issuers/{issuerId}",
        "GET /issuers/{issuerId}/did.json",
        "GET /issuers/{issuerId}/achievements/{achievementId}/versions/{version}",
        "GET /issuers/{issuerId}/images/{imageId}",

        // OAuth 2.0 authorization server: clients authenticate in the handlers (client_secret_basic), the
        // authorization endpoint reads the session itself (a visitor without one gets a sign-in page, not a 401).
        "POST /oauth/register",
        "POST /oauth/token",
        "POST /oauth/revoke",
        "GET /oauth/authorize",
        "POST /oauth/authorize",
        "POST /oauth/sign-in",

        // OB 3.0 §6.3: the Service Description Document MUST NOT be protected.
        "GET /ims/ob/v3p0/discovery",
        // Issued credentials (their id URL, the exact signed bytes) and status lists.
        "GET /credentials/{awardId}",
        "GET /status/{issuerId}/{listId}/{purpose}",
        // Verification is public by design (rate-limited per client address).
        "POST /verify",
        "POST /credentials/verify",
        "POST /presentations/verify",

        // Pages (any method: GET shows, POST submits with an antiforgery token).
        "* /",
        "* /sign-in",
        "* /sign-up",
        "* /sign-out",
        // The claim link of an e-mail: shows what is claimed and asks a visitor to sign in; the claim itself needs a person.
        "* /claim/{token}",
        // A person's public profile, shown only while they opt in.
        "* /people/{handle}",
        // A credential's public page (the page applies the learner's visibility choice) and the verify page.
        "* /badges/{awardId}",
        "* /verify",
    };

    private const string ConsolePrefix = "/console/{orgId}";

    [Fact]
    public async Task Every_endpoint_states_its_authorization_or_explicitly_allows_anonymous_callers()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = EndpointCatalogue.Read(app.App.Services);
        Assert.NotEmpty(endpoints);

        var unstated = endpoints
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null && e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => $"{e.Method} {e.Pattern}")
            .ToList();
        Assert.True(unstated.Count == 0, "Endpoints with neither RequireAuthorization nor AllowAnonymous: " + string.Join(", ", unstated));
    }

    [Fact]
    public async Task Only_the_listed_endpoints_allow_anonymous_callers()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var anonymous = EndpointCatalogue.Read(app.App.Services)
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => $"{e.Method} {e.Pattern}")
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Anonymous.Order(StringComparer.Ordinal), anonymous.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_endpoint_under_an_organization_goes_through_the_organization_access_filter()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var orgEndpoints = EndpointCatalogue.Read(app.App.Services).Where(e => e.Pattern.Contains("{orgId}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(orgEndpoints);
        Assert.Contains(orgEndpoints, e => e.Pattern.StartsWith(ConsolePrefix, StringComparison.Ordinal));
        foreach (var (method, pattern, endpoint) in orgEndpoints)
        {
            Assert.True(endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null, $"{method} {pattern} does not require authentication");
            if (pattern.StartsWith(ConsolePrefix, StringComparison.Ordinal))
            {
                // Console pages: the page filter with the API's rules, and a stated role.
                Assert.True(endpoint.Metadata.GetMetadata<ConsolePageAccess>() is not null, $"{method} {pattern} is not under ConsoleAccessConvention");
                Assert.True(endpoint.Metadata.GetMetadata<ConsoleRoleAttribute>() is not null, $"{method} {pattern} has no [ConsoleRole]");
                continue;
            }

            Assert.True(pattern.StartsWith(OrgAccess.Prefix, StringComparison.Ordinal), $"{method} {pattern} takes an orgId outside {OrgAccess.Prefix} and {ConsolePrefix}");
            Assert.True(endpoint.Metadata.GetMetadata<OrgAccessRequirement>() is not null, $"{method} {pattern} is not mapped through MapOrgGroup");
        }
    }

    [Fact]
    public async Task Every_console_page_has_a_row_in_the_console_page_matrix()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var pages = EndpointCatalogue.Read(app.App.Services)
            .Where(e => e.Pattern.StartsWith(ConsolePrefix, StringComparison.Ordinal))
            .Select(e => e.Pattern)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(ConsolePageMatrix.Rows.Select(r => r.Pattern).Order(StringComparer.Ordinal), pages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_API_endpoint_has_a_name_for_its_OpenAPI_operation_id()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var unnamed = EndpointCatalogue.Read(app.App.Services)
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && e.Endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is null)
            .Select(e => $"{e.Method} {e.Pattern}")
            .ToList();
        Assert.True(unnamed.Count == 0, "API endpoints without WithName: " + string.Join(", ", unnamed));
    }

    [Fact]
    public async Task Every_organization_endpoint_has_a_row_in_the_authorization_matrix()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var missing = EndpointCatalogue.Read(app.App.Services)
            .Where(e => e.Pattern.Contains("{orgId}", StringComparison.Ordinal) && !e.Pattern.StartsWith(ConsolePrefix, StringComparison.Ordinal))
            .Select(e => $"{e.Method} {e.Pattern}")
            .Except(AuthorizationMatrix.Rows.Select(r => $"{r.Method} {r.Pattern}"), StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Add rows to AuthorizationMatrix.Rows for: " + string.Join(", ", missing));
    }
}
