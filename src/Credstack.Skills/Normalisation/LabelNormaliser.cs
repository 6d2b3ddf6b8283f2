using System.Globalization;
using System.Text;

namespace Credstack.Skills.Normalisation;

/// <summary>Turns a label or free text into comparable tokens: Unicode NFKD without accents, case folding, punctuation as spaces, light stemming.</summary>
public static class LabelNormaliser
{
    private static readonly string?[] LatinFold = ["a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", null, "o", "u", "u", "u", "u", "y", "th", "ss", "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", null, "o", "u", "u", "u", "u", "y", "th", "y", "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g", "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i", "i", "i", null, null, "j", "j", "k", "k", null, "l", "l", "l", "l", "l", "l", null, null, "l", "l", "n", "n", "n", "n", "n", "n", null, null, null, "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", null, null, "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "o", "o", null, null, null, null, null, null, null, null, null, null, null, null, null, "u", "u", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "a", "a", "i", "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", null, "a", "a", "a", "a", null, null, null, null, "g", "g", "k", "k", "o", "o", "o", "o", null, null, "j", null, null, null, "g", "g", null, null, "n", "n", "a", "a", null, null, null, null, "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", null, null, "h", "h", null, null, null, null, null, null, "a", "a", "e", "e", "o", "o", "o", "o", "o", "o", "o", "o", "y", "y", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null];

    /// <summary>The normalised tokens of a text.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            // Invariant globalization leaves string.Normalize a no-op for non-ASCII text, so Latin
            // letters with diacritics are folded from a table (U+00C0–U+024F, generated from NFKD).
            if (ch is >= '\u00C0' and <= '\u024F' && LatinFold[ch - '\u00C0'] is { } folded)
            {
                current.Append(folded);
            }
            else if (char.IsLetterOrDigit(ch) || ch is '+' or '#')
            {
                // '+' and '#' keep C++ and C# apart from C.
                current.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                Flush(current, tokens);
            }
        }

        Flush(current, tokens);
        return tokens;
    }

    /// <summary>The normalised text: tokens joined by single spaces.</summary>
    public static string Normalise(string text) => string.Join(' ', Tokens(text));

    /// <summary>A light English stemmer: plural and common verb endings, nothing aggressive.</summary>
    internal static string Stem(string token)
    {
        if (token.Length <= 3 || !char.IsLetter(token[^1]))
        {
            return token;
        }

        // Plural first, then a verb ending, so "writings" and "writing" meet at "writ".
        if (token.EndsWith("ies", StringComparison.Ordinal) && token.Length > 4)
        {
            token = token[..^3] + "y";
        }
        else if (token.EndsWith("sses", StringComparison.Ordinal))
        {
            token = token[..^2];
        }
        else if (token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal) && !token.EndsWith("us", StringComparison.Ordinal) && !token.EndsWith("is", StringComparison.Ordinal))
        {
            token = token[..^1];
        }

        if (token.EndsWith("ing", StringComparison.Ordinal) && token.Length > 5)
        {
            return token[..^3];
        }

        if (token.EndsWith("ed", StringComparison.Ordinal) && token.Length > 4 && !token.EndsWith("eed", StringComparison.Ordinal))
        {
            return token[..^2];
        }

        return token;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(Stem(current.ToString()));
            current.Clear();
        }
    }
}
