namespace Credstack.Server.Organizations;

/// <summary>A member as the API shows it.</summary>
internal sealed record MemberResponse(string AccountId, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt)
{
    public static MemberResponse From(Membership membership) =>
        new(membership.AccountId, membership.Email, membership.DisplayName, membership.Role, membership.CreatedAt);
}
