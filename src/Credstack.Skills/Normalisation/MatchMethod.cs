namespace Credstack.Skills.Normalisation;

/// <summary>How a text was matched to a concept.</summary>
public enum MatchMethod
{
    /// <summary>The whole normalised text equals a normalised label.</summary>
    Exact,

    /// <summary>A label occurs inside the text (multi-pattern match on tokens).</summary>
    Contained,

    /// <summary>Character trigram TF-IDF cosine similarity (typos, word order, partial words).</summary>
    Fuzzy,
}
