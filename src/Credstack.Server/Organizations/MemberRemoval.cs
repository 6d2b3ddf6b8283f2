namespace Credstack.Server.Organizations;

/// <summary>The outcome of removing a member.</summary>
internal enum MemberRemoval
{
    Removed,
    NotAMember,
    LastOwner,
}
