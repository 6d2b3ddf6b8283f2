namespace Credstack.Server.Organizations;

/// <summary>The outcomes of a change to an organization's members (HTTP: 2xx, 400, 403, 404, 409).</summary>
internal enum MemberChangeResult
{
    Done,
    Invalid,
    Forbidden,
    NotAMember,
    Conflict,
}
