using System.Reflection;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>
/// Who calls an Open Badges API operation: the person who approved the access token, through which client,
/// with which scopes. Bound as a placeholder and filled in by <see cref="OpenBadgesAccessFilter"/> (the pattern
/// of <see cref="Access.OrgCaller"/>): a handler outside the filtered group gets the placeholder, whose every
/// property throws, so a missing filter can never pass as an anonymous caller.
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

    /// <summary>Minimal API binding: a placeholder, replaced by <see cref="OpenBadgesAccessFilter"/>.</summary>
    public static ValueTask<OpenBadgesCaller?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<OpenBadgesCaller?>(Unresolved);

    private static InvalidOperationException NotResolved() =>
        new("OpenBadgesCaller was not resolved: the endpoint is not in the Open Badges API group (MapOpenBadgesApi).");
}
