namespace Credstack.Server.Organizations;

/// <summary>What adding, removing or re-roling a member came to; <see cref="Field"/> names the request field a validation failure is about.</summary>
internal sealed record MemberChange(MemberChangeResult Result, string? Detail = null, string? Field = null)
{
    public static readonly MemberChange Done = new(MemberChangeResult.Done);
}
