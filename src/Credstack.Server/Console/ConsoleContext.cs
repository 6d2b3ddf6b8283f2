using Credstack.Server.Access;
using Credstack.Server.Organizations;

namespace Credstack.Server.Console;

/// <summary>The organization a console page acts for and who is acting, resolved by <see cref="ConsoleAccessFilter"/>.</summary>
internal sealed record ConsoleContext(OrgCaller Caller, Organization Organization)
{
    public string OrganizationId => Organization.Id;

    public OrgRole Role => Caller.Role ?? throw new InvalidOperationException("console pages are for members, not API tokens");

    public string AccountId => Caller.AccountId!;

    public bool Can(OrgRole role) => Role >= role;
}
