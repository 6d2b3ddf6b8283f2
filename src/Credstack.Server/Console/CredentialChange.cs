namespace Credstack.Server.Console;

/// <summary>The lifecycle changes the console offers on a credential, by their route segment.</summary>
internal static class CredentialChange
{
    public const string Revoke = "revoke";
    public const string Suspend = "suspend";
    public const string Reinstate = "reinstate";
    public const string Renew = "renew";

    public static readonly string[] All = [Revoke, Suspend, Reinstate, Renew];

    /// <summary>Which changes a credential in <paramref name="status"/> can take (revoked is final; renewing replaces it with a new credential).</summary>
    public static IEnumerable<string> AllowedFrom(string status) => status switch
    {
        Awards.AwardStatuses.Active => [Renew, Suspend, Revoke],
        Awards.AwardStatuses.Suspended => [Reinstate, Renew, Revoke],
        _ => [],
    };
}
