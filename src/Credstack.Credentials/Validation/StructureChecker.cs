// The primitive checks behind CredentialValidator: required properties, JSON kinds, arrays (with the
// single-value tolerance of ValidationMode.Lenient), `type` sets, derived-type syntax, vocabularies.
// Each check reports into one problem list with a JSONPath; nothing throws on bad input.
using System.Text.Json;
using Credstack.Credentials.Model;

namespace Credstack.Credentials.Validation;

internal sealed partial class StructureChecker(ValidationMode mode)
{
    // JsonDocument refuses more than 64 levels by default; callers may hand in deeper elements, so the
    // class-level recursion (endorsements, parentOrg, embedded CLR credentials) is bounded here as well.
    private const int MaxClassDepth = 64;

    private readonly List<ValidationProblem> _problems = [];
    private int _depth;

    public ValidationMode Mode => mode;

    public ValidationResult ToResult() => new(_problems.ToArray());

    public void Error(string code, string path, string message) => _problems.Add(new(code, path, message, ValidationSeverity.Error));

    public void Warn(string code, string path, string message) => _problems.Add(new(code, path, message, ValidationSeverity.Warning));

    /// <summary>A shape the OB prose or VC 1.1 allows but the 1EdTech JSON Schema rejects.</summary>
    public void Tolerated(string code, string path, string message)
    {
        if (mode == ValidationMode.Lenient)
        {
            Warn(code, path, message);
        }
        else
        {
            Error(code, path, message);
        }
    }

    public static string Child(string path, string name)
    {
        var simple = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_');
        foreach (var c in name)
        {
            simple &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return simple ? path + "." + name : path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    public static string Index(string path, int index) => path + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>Runs a class check one level deeper, refusing absurd nesting.</summary>
    public void Visit(JsonElement value, string path, Action<JsonElement, string> check)
    {
        if (_depth >= MaxClassDepth)
        {
            Error(ValidationCode.InvalidJson, path, $"The document nests more than {MaxClassDepth} objects deep.");
            return;
        }

        _depth++;
        try
        {
            check(value, path);
        }
        finally
        {
            _depth--;
        }
    }

    public bool IsObject(JsonElement value, string path, string className)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(ValidationCode.WrongKind, path, $"{className} must be a JSON object; found {Describe(value)}.");
        return false;
    }

    /// <summary>The property's value when present; reports it as missing when <paramref name="required"/>.</summary>
    public bool TryGet(JsonElement owner, string path, string className, string name, bool required, out JsonElement value)
    {
        if (owner.TryGetProperty(name, out value))
        {
            return true;
        }

        if (required)
        {
            Error(ValidationCode.MissingProperty, Child(path, name), $"{className} requires the property '{name}'.");
        }

        return false;
    }

    public bool String(JsonElement owner, string path, string className, string name, bool required, out string text)
    {
        text = "";
        if (!TryGet(owner, path, className, name, required, out var value))
        {
            return false;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(ValidationCode.WrongKind, Child(path, name), $"'{name}' must be a string; found {Describe(value)}.");
            return false;
        }

        text = value.GetString()!;
        return true;
    }

    public void String(JsonElement owner, string path, string className, string name, bool required = false) =>
        String(owner, path, className, name, required, out _);

    public void Strings(JsonElement owner, string path, string className, params string[] names)
    {
        foreach (var name in names)
        {
            String(owner, path, className, name, required: false, out _);
        }
    }

    public void Uri(JsonElement owner, string path, string className, string name, bool required = false)
    {
        if (String(owner, path, className, name, required, out var text))
        {
            CheckUri(text, Child(path, name), name);
        }
    }

    public void CheckUri(string text, string path, string name)
    {
        if (!DerivedTypes.IsUri(text))
        {
            Error(ValidationCode.InvalidUri, path, $"'{name}' must be an absolute URI; '{Truncate(text)}' is not.");
        }
    }

    public void DateTimeZ(JsonElement owner, string path, string className, string name, bool required = false)
    {
        if (String(owner, path, className, name, required, out var text) && !DerivedTypes.IsDateTimeZ(text))
        {
            Error(ValidationCode.InvalidDateTime, Child(path, name), $"'{name}' must be a DateTimeZ such as 2024-01-31T09:00:00Z (the time zone is required); found '{Truncate(text)}'.");
        }
    }

    public void DateTime(JsonElement owner, string path, string className, string name)
    {
        if (String(owner, path, className, name, required: false, out var text) && !DerivedTypes.IsDateTime(text))
        {
            Error(ValidationCode.InvalidDateTime, Child(path, name), $"'{name}' must be a DateTime such as 2024-01-31T09:00:00Z; found '{Truncate(text)}'.");
        }
    }

    public void Date(JsonElement owner, string path, string className, string name)
    {
        if (String(owner, path, className, name, required: false, out var text) && !DerivedTypes.IsDate(text))
        {
            Error(ValidationCode.InvalidDate, Child(path, name), $"'{name}' must be a date YYYY-MM-DD; found '{Truncate(text)}'.");
        }
    }

    public void Number(JsonElement owner, string path, string className, string name, bool required = false)
    {
        if (TryGet(owner, path, className, name, required, out var value) && value.ValueKind != JsonValueKind.Number)
        {
            Error(ValidationCode.WrongKind, Child(path, name), $"'{name}' must be a number; found {Describe(value)}.");
        }
    }

    public void Boolean(JsonElement owner, string path, string className, string name, bool required = false)
    {
        if (TryGet(owner, path, className, name, required, out var value) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(ValidationCode.WrongKind, Child(path, name), $"'{name}' must be true or false; found {Describe(value)}.");
        }
    }

    public void Vocabulary(JsonElement owner, string path, string className, string name, Func<string, bool> isValid, string vocabulary, bool extensible, bool required = false)
    {
        if (String(owner, path, className, name, required, out var text) && !isValid(text))
        {
            var hint = extensible ? " Extension values start with 'ext:'." : "";
            Error(ValidationCode.InvalidEnumValue, Child(path, name), $"'{Truncate(text)}' is not a {vocabulary} value.{hint}");
        }
    }

    public void Pattern(JsonElement owner, string path, string className, string name, Func<string, bool> matches, string expected)
    {
        if (String(owner, path, className, name, required: false, out var text) && !matches(text))
        {
            Error(ValidationCode.PatternMismatch, Child(path, name), $"'{name}' must be {expected}; found '{Truncate(text)}'.");
        }
    }

    /// <summary>
    /// The items of an array property. A single non-array value is one item, reported as
    /// <see cref="ValidationCode.SingleValue"/> (tolerated in lenient mode).
    /// </summary>
    public IReadOnlyList<(JsonElement Item, string Path)> Items(JsonElement owner, string path, string className, string name, bool required = false, bool nonEmpty = false)
    {
        if (!TryGet(owner, path, className, name, required, out var value))
        {
            return [];
        }

        var propertyPath = Child(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Tolerated(ValidationCode.SingleValue, propertyPath, $"'{name}' must be an array; found {Describe(value)}.");
            return [(value, propertyPath)];
        }

        var items = new List<(JsonElement, string)>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            items.Add((item, Index(propertyPath, index++)));
        }

        if (nonEmpty && items.Count == 0)
        {
            Error(ValidationCode.EmptyArray, propertyPath, $"'{name}' must hold at least one item.");
        }

        return items;
    }

    public void StringItems(JsonElement owner, string path, string className, string name, Func<string, bool>? matches = null, string? expected = null)
    {
        foreach (var (item, itemPath) in Items(owner, path, className, name))
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                Error(ValidationCode.WrongKind, itemPath, $"Items of '{name}' must be strings; found {Describe(item)}.");
            }
            else if (matches is not null && !matches(item.GetString()!))
            {
                Error(ValidationCode.PatternMismatch, itemPath, $"Items of '{name}' must be {expected}; found '{Truncate(item.GetString()!)}'.");
            }
        }
    }

    public void ObjectItems(JsonElement owner, string path, string className, string name, Action<JsonElement, string> check, bool required = false, bool nonEmpty = false)
    {
        foreach (var (item, itemPath) in Items(owner, path, className, name, required, nonEmpty))
        {
            Visit(item, itemPath, check);
        }
    }

    public void Object(JsonElement owner, string path, string className, string name, Action<JsonElement, string> check, bool required = false)
    {
        if (TryGet(owner, path, className, name, required, out var value))
        {
            Visit(value, Child(path, name), check);
        }
    }

    /// <summary>The <c>type</c> values (array of strings, or a tolerated single string); null when absent or malformed.</summary>
    public IReadOnlyList<string>? TypeValues(JsonElement owner, string path, string className)
    {
        var values = new List<string>();
        foreach (var (item, itemPath) in Items(owner, path, className, "type", required: true))
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                values.Add(item.GetString()!);
            }
            else
            {
                Error(ValidationCode.InvalidType, itemPath, $"'type' values must be strings; found {Describe(item)}.");
            }
        }

        return owner.TryGetProperty("type", out _) ? values : null;
    }

    /// <summary>
    /// Checks that <c>type</c> is a set of strings containing each required value; a requirement
    /// "A|B" is met by either.
    /// </summary>
    public void Types(JsonElement owner, string path, string className, params string[] requirements)
    {
        var values = TypeValues(owner, path, className);
        if (values is null)
        {
            return;
        }

        foreach (var requirement in requirements)
        {
            var alternatives = requirement.Split('|');
            if (!alternatives.Any(values.Contains))
            {
                var wanted = string.Join(" or ", alternatives.Select(a => "'" + a + "'"));
                Error(ValidationCode.MissingType, Child(path, "type"), $"{className} 'type' must contain {wanted}; found [{string.Join(", ", values.Select(v => "'" + Truncate(v) + "'"))}].");
            }
        }
    }

    /// <summary>Checks a <c>type</c> that the schema defines as one string with one allowed value (Image, IdentityObject…).</summary>
    public void TypeIs(JsonElement owner, string path, string className, string expected)
    {
        if (!TryGet(owner, path, className, "type", required: true, out var value))
        {
            return;
        }

        var typePath = Child(path, "type");
        if (value.ValueKind == JsonValueKind.String)
        {
            if (!string.Equals(value.GetString(), expected, StringComparison.Ordinal))
            {
                Error(ValidationCode.MissingType, typePath, $"{className} 'type' must be '{expected}'; found '{Truncate(value.GetString()!)}'.");
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 1 && value[0].ValueKind == JsonValueKind.String
            && string.Equals(value[0].GetString(), expected, StringComparison.Ordinal))
        {
            Tolerated(ValidationCode.WrongKind, typePath, $"{className} 'type' must be the string '{expected}', not an array.");
        }
        else
        {
            Error(ValidationCode.MissingType, typePath, $"{className} 'type' must be the string '{expected}'; found {Describe(value)}.");
        }
    }

    /// <summary>Checks a free <c>type</c> (CredentialStatus, Proof, TermsOfUse…): one string, or a tolerated array of strings.</summary>
    public void TypeString(JsonElement owner, string path, string className)
    {
        if (!TryGet(owner, path, className, "type", required: true, out var value))
        {
            return;
        }

        var typePath = Child(path, "type");
        if (value.ValueKind == JsonValueKind.String)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            Tolerated(ValidationCode.WrongKind, typePath, $"{className} 'type' must be a string, not an array.");
            return;
        }

        Error(ValidationCode.InvalidType, typePath, $"{className} 'type' must be a string; found {Describe(value)}.");
    }

    /// <summary>Reports properties outside <paramref name="allowed"/> (classes with <c>additionalProperties: false</c>).</summary>
    public void Closed(JsonElement owner, string path, string className, params string[] allowed)
    {
        foreach (var property in owner.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                Error(ValidationCode.PropertyNotAllowed, Child(path, property.Name), $"{className} allows only {string.Join(", ", allowed)}; '{Truncate(property.Name)}' is not allowed.");
            }
        }
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
