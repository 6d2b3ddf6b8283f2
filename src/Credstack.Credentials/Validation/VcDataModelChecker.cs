// W3C Verifiable Credentials Data Model v2.0 (Recommendation, 2025) §4 "Basic Concepts": the MUSTs an issuer
// checks on any verifiable credential, Open Badges or not. §4.3 contexts (first the base context, then URLs or
// objects), §4.4 identifiers (a single URL), §4.5 types (VerifiableCredential; strings), §4.6 names and
// descriptions (a string or language value objects), §4.7 issuer (a URL or an object with a URL id), §4.8
// credentialSubject (objects with at least one claim; a single URL id), §4.9 validity period (dateTimeStamp,
// validFrom not after validUntil), §4.10–§4.12 status, schemas, securing mechanisms, §5.4–§5.6 refreshService,
// termsOfUse, evidence (objects with a type). Whether a type or term maps to an IRI is a JSON-LD question,
// answered by the signer's and verifier's safe-mode canonicalization, not here.
// VC Data Model 1.1 (for credentials inside a VC 1.1 presentation): the base context is
// https://www.w3.org/2018/credentials/v1 and §4.6 issuanceDate (an XML Schema dateTime) is required.
using System.Text.Json;
using Credstack.Credentials.Model;

namespace Credstack.Credentials.Validation;

internal sealed class VcDataModelChecker(StructureChecker checker, bool dataModel11 = false)
{
    public const string BaseContext = "https://www.w3.org/ns/credentials/v2";

    public const string BaseContext11 = "https://www.w3.org/2018/credentials/v1";

    private const string Class = "A verifiable credential";

    public void Credential(JsonElement credential, string path)
    {
        if (!checker.IsObject(credential, path, Class))
        {
            return;
        }

        Contexts(credential, path);
        Identifier(credential, path, "id");
        Types(credential, path);
        LanguageValue(credential, path, "name");
        LanguageValue(credential, path, "description");
        Issuer(credential, path);
        Subjects(credential, path);
        if (dataModel11)
        {
            IssuanceDate(credential, path);
        }
        else
        {
            ValidityPeriod(credential, path);
        }

        foreach (var name in (ReadOnlySpan<string>)["credentialStatus", "refreshService", "termsOfUse", "evidence", "proof"])
        {
            TypedObjects(credential, path, name, idRequired: false);
        }

        TypedObjects(credential, path, "credentialSchema", idRequired: true);
    }

    private void Contexts(JsonElement credential, string path)
    {
        var at = StructureChecker.Child(path, "@context");
        if (!credential.TryGetProperty("@context", out var context))
        {
            checker.Error(ValidationCode.MissingProperty, at, $"{Class} requires '@context', whose first item is {BaseContext}.");
            return;
        }

        var baseContext = dataModel11 ? BaseContext11 : BaseContext;
        var items = context.ValueKind == JsonValueKind.Array ? [.. context.EnumerateArray()] : new List<JsonElement> { context };
        if (items.Count == 0 || items[0].ValueKind != JsonValueKind.String || items[0].GetString() != baseContext)
        {
            checker.Error(ValidationCode.ContextOrder, StructureChecker.Index(at, 0), $"The first '@context' item must be {baseContext}; found {(items.Count == 0 ? "an empty array" : items[0].ValueKind == JsonValueKind.String ? "'" + StructureChecker.Truncate(items[0].GetString()!) + "'" : StructureChecker.Describe(items[0]))}.");
        }

        for (var i = 1; i < items.Count; i++)
        {
            var item = items[i];
            if (item.ValueKind == JsonValueKind.Object)
            {
                continue;
            }

            if (item.ValueKind != JsonValueKind.String)
            {
                checker.Error(ValidationCode.InvalidContext, StructureChecker.Index(at, i), $"Each '@context' item must be a URL or an object; found {StructureChecker.Describe(item)}.");
            }
            else if (!DerivedTypes.IsUri(item.GetString()!))
            {
                checker.Error(ValidationCode.InvalidContext, StructureChecker.Index(at, i), $"'@context' item '{StructureChecker.Truncate(item.GetString()!)}' is not a URL.");
            }
        }
    }

    /// <summary>§4.4: an <c>id</c>, when present, is one URL (not null, not an array).</summary>
    private void Identifier(JsonElement owner, string path, string name, bool required = false)
    {
        var at = StructureChecker.Child(path, name);
        if (!owner.TryGetProperty(name, out var id))
        {
            if (required)
            {
                checker.Error(ValidationCode.MissingProperty, at, $"'{name}' is required here and must be a URL.");
            }

            return;
        }

        if (id.ValueKind != JsonValueKind.String)
        {
            checker.Error(ValidationCode.WrongKind, at, $"'{name}' must be a single URL string; found {StructureChecker.Describe(id)}.");
        }
        else if (!DerivedTypes.IsUri(id.GetString()!))
        {
            checker.Error(ValidationCode.InvalidUri, at, $"'{name}' must be a URL; '{StructureChecker.Truncate(id.GetString()!)}' is not.");
        }
    }

    private void Types(JsonElement credential, string path)
    {
        var at = StructureChecker.Child(path, "type");
        if (!credential.TryGetProperty("type", out var type))
        {
            checker.Error(ValidationCode.MissingProperty, at, $"{Class} requires 'type', including \"VerifiableCredential\".");
            return;
        }

        var values = TypeStrings(type, at);
        if (values is not null && !values.Contains("VerifiableCredential"))
        {
            checker.Error(ValidationCode.MissingType, at, $"'type' must include \"VerifiableCredential\"; found [{string.Join(", ", values.Select(v => "\"" + StructureChecker.Truncate(v) + "\""))}].");
        }
    }

    /// <summary>A <c>type</c> value: one string or an array of strings. Null when it is neither (reported).</summary>
    private List<string>? TypeStrings(JsonElement type, string at)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return [type.GetString()!];
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            checker.Error(ValidationCode.InvalidType, at, $"'type' must be a string or an array of strings; found {StructureChecker.Describe(type)}.");
            return null;
        }

        var values = new List<string>();
        var index = 0;
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                values.Add(item.GetString()!);
            }
            else
            {
                checker.Error(ValidationCode.InvalidType, StructureChecker.Index(at, index), $"Each 'type' value must be a string; found {StructureChecker.Describe(item)}.");
            }

            index++;
        }

        if (values.Count == 0 && index == 0)
        {
            checker.Error(ValidationCode.EmptyArray, at, "'type' must not be empty.");
            return null;
        }

        return values;
    }

    /// <summary>§4.6: a string, a language value object (<c>@value</c>, optional <c>@language</c>/<c>@direction</c>), or an array of them.</summary>
    private void LanguageValue(JsonElement owner, string path, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return;
        }

        var at = StructureChecker.Child(path, name);
        var items = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : new List<JsonElement> { value };
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemPath = value.ValueKind == JsonValueKind.Array ? StructureChecker.Index(at, i) : at;
            if (item.ValueKind == JsonValueKind.String)
            {
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                checker.Error(ValidationCode.WrongKind, itemPath, $"'{name}' must be a string or a language value object {{\"@value\", \"@language\", \"@direction\"}}; found {StructureChecker.Describe(item)}.");
                continue;
            }

            if (!item.TryGetProperty("@value", out var text) || text.ValueKind != JsonValueKind.String)
            {
                checker.Error(ValidationCode.MissingProperty, StructureChecker.Child(itemPath, "@value"), $"A language value object in '{name}' requires '@value' as a string.");
            }

            foreach (var member in item.EnumerateObject())
            {
                if (member.Name is not ("@value" or "@language" or "@direction"))
                {
                    checker.Error(ValidationCode.PropertyNotAllowed, StructureChecker.Child(itemPath, member.Name),
                        $"A language value object in '{name}' may hold only '@value', '@language' and '@direction'; '{StructureChecker.Truncate(member.Name)}' is not allowed.");
                }
                else if (member.Name is "@language" && (member.Value.ValueKind != JsonValueKind.String || !DerivedTypes.IsLanguageCode(member.Value.GetString()!)))
                {
                    checker.Error(ValidationCode.PatternMismatch, StructureChecker.Child(itemPath, member.Name), $"'@language' must be a BCP 47 language tag such as \"en\"; found {StructureChecker.Describe(member.Value)}.");
                }
                else if (member.Name is "@direction" && member.Value.ValueKind == JsonValueKind.String && member.Value.GetString() is not ("ltr" or "rtl"))
                {
                    checker.Error(ValidationCode.InvalidEnumValue, StructureChecker.Child(itemPath, member.Name), $"'@direction' must be \"ltr\" or \"rtl\"; found '{StructureChecker.Truncate(member.Value.GetString()!)}'.");
                }
            }
        }
    }

    private void Issuer(JsonElement credential, string path)
    {
        var at = StructureChecker.Child(path, "issuer");
        if (!credential.TryGetProperty("issuer", out var issuer))
        {
            checker.Error(ValidationCode.MissingProperty, at, $"{Class} requires 'issuer': a URL, or an object whose 'id' is a URL.");
            return;
        }

        switch (issuer.ValueKind)
        {
            case JsonValueKind.String:
                if (!DerivedTypes.IsUri(issuer.GetString()!))
                {
                    checker.Error(ValidationCode.InvalidUri, at, $"'issuer' must be a URL; '{StructureChecker.Truncate(issuer.GetString()!)}' is not.");
                }

                break;
            case JsonValueKind.Object:
                Identifier(issuer, at, "id", required: true);
                LanguageValue(issuer, at, "name");
                LanguageValue(issuer, at, "description");
                break;
            default:
                checker.Error(ValidationCode.WrongKind, at, $"'issuer' must be a URL or an object whose 'id' is a URL; found {StructureChecker.Describe(issuer)}.");
                break;
        }
    }

    private void Subjects(JsonElement credential, string path)
    {
        var at = StructureChecker.Child(path, "credentialSubject");
        if (!credential.TryGetProperty("credentialSubject", out var subject))
        {
            checker.Error(ValidationCode.MissingProperty, at, $"{Class} requires 'credentialSubject'.");
            return;
        }

        var items = subject.ValueKind == JsonValueKind.Array ? [.. subject.EnumerateArray()] : new List<JsonElement> { subject };
        if (items.Count == 0)
        {
            checker.Error(ValidationCode.EmptyArray, at, "'credentialSubject' must hold at least one subject.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = subject.ValueKind == JsonValueKind.Array ? StructureChecker.Index(at, i) : at;
            if (!checker.IsObject(items[i], itemPath, "A credential subject"))
            {
                continue;
            }

            // §4.8: each subject states at least one claim; an id alone names the subject of the claims.
            if (!items[i].EnumerateObject().Any())
            {
                checker.Error(ValidationCode.SubjectWithoutClaims, itemPath, "A credential subject must hold at least one property (claim); this one is empty.");
            }

            Identifier(items[i], itemPath, "id");
        }
    }

    private void ValidityPeriod(JsonElement credential, string path)
    {
        var from = Instant(credential, path, "validFrom");
        var until = Instant(credential, path, "validUntil");
        if (from is { } start && until is { } end && start.Instant > end.Instant)
        {
            checker.Error(ValidationCode.ValidityPeriodReversed, StructureChecker.Child(path, "validUntil"),
                $"'validUntil' ({end.Text}) is earlier than 'validFrom' ({start.Text}); validFrom must be the same or earlier.");
        }
    }

    /// <summary>VC DM 1.1 §4.6: <c>issuanceDate</c> is required, an XML Schema dateTime; <c>expirationDate</c> likewise when present.</summary>
    private void IssuanceDate(JsonElement credential, string path)
    {
        foreach (var (name, required) in (ReadOnlySpan<(string, bool)>)[("issuanceDate", true), ("expirationDate", false)])
        {
            if (checker.String(credential, path, Class + " (VC Data Model 1.1)", name, required, out var text)
                && !DerivedTypes.TryParseDateTime(text, requireZone: false, out _))
            {
                checker.Error(ValidationCode.InvalidDateTime, StructureChecker.Child(path, name), $"'{name}' must be an XML Schema dateTime such as 2024-01-31T09:00:00Z; found '{StructureChecker.Truncate(text)}'.");
            }
        }
    }

    private (DateTimeOffset Instant, string Text)? Instant(JsonElement credential, string path, string name)
    {
        if (!checker.String(credential, path, Class, name, required: false, out var text))
        {
            return null;
        }

        if (!DerivedTypes.TryParseDateTime(text, requireZone: true, out var instant))
        {
            checker.Error(ValidationCode.InvalidDateTime, StructureChecker.Child(path, name),
                $"'{name}' must be an XML Schema dateTimeStamp such as 2024-01-31T09:00:00Z (a time zone is required); found '{StructureChecker.Truncate(text)}'.");
            return null;
        }

        return (instant, text);
    }

    /// <summary>§4.10–§4.12, §5.4–§5.6: each item is an object with a <c>type</c>; an <c>id</c>, when present (or required), is one URL.</summary>
    private void TypedObjects(JsonElement credential, string path, string name, bool idRequired)
    {
        if (!credential.TryGetProperty(name, out var value))
        {
            return;
        }

        var at = StructureChecker.Child(path, name);
        var items = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : new List<JsonElement> { value };
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = value.ValueKind == JsonValueKind.Array ? StructureChecker.Index(at, i) : at;
            if (!checker.IsObject(items[i], itemPath, $"Each '{name}' item"))
            {
                continue;
            }

            var typePath = StructureChecker.Child(itemPath, "type");
            if (!items[i].TryGetProperty("type", out var type))
            {
                checker.Error(ValidationCode.MissingProperty, typePath, $"Each '{name}' item requires a 'type'.");
            }
            else
            {
                TypeStrings(type, typePath);
            }

            Identifier(items[i], itemPath, "id", idRequired);
        }
    }
}
