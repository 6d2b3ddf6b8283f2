namespace Credstack.Server.Achievements;

/// <summary>OB 3.0 Alignment: a node of a skills framework (ESCO, O*NET, a CASE framework) the achievement aligns to.</summary>
/// <param name="TargetType">An OB 3.0 AlignmentTargetType (<c>ceasn:Competency</c>, <c>CFItem</c>, …) or an <c>ext:</c> term.</param>
internal sealed record AlignmentDefinition(
    string? TargetName,
    string? TargetUrl,
    string? TargetDescription = null,
    string? TargetFramework = null,
    string? TargetCode = null,
    string? TargetType = null);
