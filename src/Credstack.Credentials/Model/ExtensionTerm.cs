// Open Badges 3.0 §B (data model), "EnumExt" vocabularies: a value outside the defined list is an
// extension term named with the "ext:" prefix. Deviation: the 1EdTech JSON Schema tests the unanchored
// pattern "(ext:)[a-z|A-Z|0-9|.|-|_]+" (so "fooext:x-" passes and '-' is not in its class); this check is
// anchored and accepts letters, digits, '.', '-' and '_' after the prefix.
namespace Credstack.Credentials.Model;

/// <summary>The naming rule for extension values of the extensible OB 3.0 vocabularies.</summary>
public static class ExtensionTerm
{
    /// <summary>The prefix that marks an extension value.</summary>
    public const string Prefix = "ext:";

    /// <summary>True when <paramref name="value"/> is <c>ext:</c> followed by one or more letters, digits, '.', '-' or '_'.</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= Prefix.Length || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
