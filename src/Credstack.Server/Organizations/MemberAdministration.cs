using Credstack.Server.Accounts;

namespace Credstack.Server.Organizations;

/// <summary>
/// The rules for changing an organization's members, for the API (<see cref="MemberEndpoints"/>) and the console:
/// people are added by the e-mail address of an existing account; only owners make, demote or remove owners; the
/// last owner stays. The caller has already been checked to be an admin or owner of the organization.
/// </summary>
internal sealed class MemberAdministration(AccountStore accounts, MembershipStore memberships)
{
    public async Task<(MemberChange Change, string? AccountId)> AddAsync(string organizationId, OrgRole? callerRole, string? email, string? roleName, CancellationToken cancellationToken)
    {
        if (!OrgRoles.TryParse(roleName, out var role))
        {
            return (new MemberChange(MemberChangeResult.Invalid, "The role is one of owner, admin, issuer, viewer.", "role"), null);
        }

        if (AccountValidation.Email(email) is { } emailError)
        {
            return (new MemberChange(MemberChangeResult.Invalid, emailError, "email"), null);
        }

        if (role == OrgRole.Owner && callerRole != OrgRole.Owner)
        {
            return (new MemberChange(MemberChangeResult.Forbidden, "Only an owner can make someone an owner."), null);
        }

        var account = await accounts.FindByEmailAsync(email!, cancellationToken);
        if (account is null)
        {
            return (new MemberChange(MemberChangeResult.Invalid, "No account has this e-mail address; the person signs up first.", "email"), null);
        }

        return await memberships.AddAsync(organizationId, account.Id, role.Value, cancellationToken)
            ? (MemberChange.Done, account.Id)
            : (new MemberChange(MemberChangeResult.Conflict, "This account is already a member of the organization."), account.Id);
    }

    public async Task<MemberChange> RemoveAsync(string organizationId, OrgRole? callerRole, string accountId, CancellationToken cancellationToken)
    {
        var target = await memberships.FindRoleAsync(organizationId, accountId, cancellationToken);
        if (target is null)
        {
            return new MemberChange(MemberChangeResult.NotAMember, "This account is not a member of the organization.");
        }

        if (target == OrgRole.Owner && callerRole != OrgRole.Owner)
        {
            return new MemberChange(MemberChangeResult.Forbidden, "Only an owner can remove an owner.");
        }

        return await memberships.RemoveAsync(organizationId, accountId, cancellationToken) switch
        {
            MemberRemoval.Removed => MemberChange.Done,
            MemberRemoval.LastOwner => new MemberChange(MemberChangeResult.Conflict, "This is the organization's last owner; make someone else an owner first."),
            _ => new MemberChange(MemberChangeResult.NotAMember, "This account is not a member of the organization."),
        };
    }

    public async Task<MemberChange> ChangeRoleAsync(string organizationId, OrgRole? callerRole, string accountId, string? roleName, CancellationToken cancellationToken)
    {
        if (!OrgRoles.TryParse(roleName, out var role))
        {
            return new MemberChange(MemberChangeResult.Invalid, "The role is one of owner, admin, issuer, viewer.", "role");
        }

        var target = await memberships.FindRoleAsync(organizationId, accountId, cancellationToken);
        if (target is null)
        {
            return new MemberChange(MemberChangeResult.NotAMember, "This account is not a member of the organization.");
        }

        if ((target == OrgRole.Owner || role == OrgRole.Owner) && callerRole != OrgRole.Owner)
        {
            return new MemberChange(MemberChangeResult.Forbidden, "Only an owner can make someone an owner or change an owner's role.");
        }

        return await memberships.ChangeRoleAsync(organizationId, accountId, role.Value, cancellationToken) switch
        {
            MemberRemoval.Removed => MemberChange.Done,
            MemberRemoval.LastOwner => new MemberChange(MemberChangeResult.Conflict, "This is the organization's last owner; make someone else an owner first."),
            _ => new MemberChange(MemberChangeResult.NotAMember, "This account is not a member of the organization."),
        };
    }
}
