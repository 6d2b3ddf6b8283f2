using System.Reflection;
using System.Security.Claims;
using Credstack.Server.Access;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>
/// Who calls an Open Badges API operation: the person who approved the access token, and through which client.
/// Bound from the principal <see cref="OpenBadgesAuthenticationHandler"/> made; on an endpoint without
/// <see cref="OpenBadgesAccess.RequireOpenBadgesScope{TBuilder}"/> there is none, and the placeholder's every
/// property throws, so a missing policy can never pass as an anonymous caller (the pattern of <see cref="OrgCaller"/>).
/// </summary>
internal sealed class OpenBadgesCaller
{
    private static readonly OpenBadgesCaller Unresolved = new();

    private readonly string? _accountId;
    private readonly string? _clientId;

    public OpenBadgesCaller(string accountId, string clientId)
    {
        _accountId = accountId;
        _clientId = clientId;
    }

    private OpenBadgesCaller()
    {
    }

    public string AccountId => _accountId ?? throw NotResolved();

    public string ClientId => _clientId ?? throw NotResolved();

    /// <summary>Minimal API binding, from the access token's principal.</summary>
    public static ValueTask<OpenBadgesCaller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var user = context.User;
        var caller = user.Identity?.AuthenticationType == OpenBadgesAuthenticationHandler.SchemeName
            && user.FindFirstValue(CredstackClaims.AccountId) is { } accountId
            && user.FindFirstValue(OpenBadgesAuthenticationHandler.ClientIdClaim) is { } clientId
                ? new OpenBadgesCaller(accountId, clientId)
                : Unresolved;
        return ValueTask.FromResult<OpenBadgesCaller?>(caller);
    }

    private static InvalidOperationException NotResolved() =>
        new("OpenBadgesCaller was not resolved: the endpoint does not require an access token (RequireOpenBadgesScope).");
}
