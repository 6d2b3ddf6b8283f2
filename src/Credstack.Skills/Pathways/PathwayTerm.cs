namespace Credstack.Skills.Pathways;

/// <summary>One term of a learning path.</summary>
/// <param name="Number">1-based term number.</param>
/// <param name="CredentialIds">Credentials taken in the term.</param>
/// <param name="Hours">Their hours.</param>
public sealed record PathwayTerm(int Number, IReadOnlyList<string> CredentialIds, double Hours);
