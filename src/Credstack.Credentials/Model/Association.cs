// CLR 2.0, Association: a closed class relating two achievements of a CLR.
namespace Credstack.Credentials.Model;

/// <summary>How one achievement in a CLR relates to another.</summary>
public sealed record Association
{
    /// <summary>Always <c>Association</c>.</summary>
    public string Type { get; init; } = "Association";

    /// <summary>An <see cref="Model.AssociationType"/> value.</summary>
    public required string AssociationType { get; init; }

    /// <summary>The id of the source achievement.</summary>
    public required string SourceId { get; init; }

    /// <summary>The id of the target achievement.</summary>
    public required string TargetId { get; init; }
}
