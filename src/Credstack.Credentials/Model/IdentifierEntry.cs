// Open Badges 3.0 §B, IdentifierEntry: a closed class.
namespace Credstack.Credentials.Model;

/// <summary>Another identifier of a profile or achievement (a sourcedId, an ISBN…).</summary>
public sealed record IdentifierEntry
{
    /// <summary>Always <c>IdentifierEntry</c>.</summary>
    public string Type { get; init; } = "IdentifierEntry";

    /// <summary>The identifier.</summary>
    public required string Identifier { get; init; }

    /// <summary>An <see cref="Model.IdentifierType"/> value or an <c>ext:</c> term.</summary>
    public required string IdentifierType { get; init; }
}
