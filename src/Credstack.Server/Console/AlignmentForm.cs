namespace Credstack.Server.Console;

/// <summary>One alignment row of the achievement form; a row left empty is ignored.</summary>
internal sealed class AlignmentForm
{
    public string? TargetName { get; set; }

    public string? TargetUrl { get; set; }

    public string? TargetFramework { get; set; }

    public string? TargetCode { get; set; }

    public string? TargetDescription { get; set; }

    public string? TargetType { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(TargetName) && string.IsNullOrWhiteSpace(TargetUrl) && string.IsNullOrWhiteSpace(TargetFramework)
        && string.IsNullOrWhiteSpace(TargetCode) && string.IsNullOrWhiteSpace(TargetDescription) && string.IsNullOrWhiteSpace(TargetType);
}
