// W3C Verifiable Credentials Data Model v2.0 (Recommendation, 2025) §4.13 "Verifiable Presentations": @context (§4.3,
// first the base context), id (§4.4, one URL when present), type (§4.5, includes VerifiablePresentation), holder (a URL
// or an object whose id is a URL), verifiableCredential (one or more verifiable credential and/or enveloped verifiable
// credential objects, never strings, numbers or URLs), proof and termsOfUse (objects with a type). "Enveloped
// Verifiable Credentials": an EnvelopedVerifiableCredential has an @context with the base context, an id that is a
// data: URL (RFC 2397) and type EnvelopedVerifiableCredential. "Presentations Including Holder Claims": a credential
// secured only by the presentation's own proof (it has no proof of its own) is a holder claim, so the presentation
// MUST name a holder and the credential's issuer MUST be that holder.
// VC Data Model 1.1 §4.10 presentations (base context https://www.w3.org/2018/credentials/v1) follow the same rules,
// with VC 1.1 credentials inside.
using System.Text.Json;
using Credstack.Credentials.Model;

namespace Credstack.Credentials.Validation;

internal sealed class VcPresentationChecker(StructureChecker checker)
{
    public const string EnvelopedType = "EnvelopedVerifiableCredential";

    private const string Class = "A verifiable presentation";

    /// <summary>
    /// Checks the presentation. With <paramref name="credentials"/> each embedded credential is validated as a credential
    /// and holder claims are checked (what a holder checks before signing); without, only the presentation's own members and
    /// the kind of each entry (what the verifier adds to the nested report of each credential).
    /// </summary>
    public void Presentation(JsonElement presentation, string path, bool credentials)
    {
        if (!checker.IsObject(presentation, path, Class))
        {
            return;
        }

        var dataModel11 = Contexts(presentation, path);
        Identifier(presentation, StructureChecker.Child(path, "id"), "id");
        Types(presentation, path);
        Holder(presentation, path);
        foreach (var name in (ReadOnlySpan<string>)["proof", "termsOfUse"])
        {
            TypedObjects(presentation, path, name);
        }

        if (!presentation.TryGetProperty("verifiableCredential", out var value))
        {
            return;
        }

        var at = StructureChecker.Child(path, "verifiableCredential");
        var items = value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : new List<JsonElement> { value };
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var itemPath = value.ValueKind == JsonValueKind.Array ? StructureChecker.Index(at, i) : at;
            if (item.ValueKind != JsonValueKind.Object)
            {
                checker.Error(ValidationCode.WrongKind, itemPath,
                    $"Each 'verifiableCredential' entry must be a verifiable credential or an EnvelopedVerifiableCredential object, not a string, number or URL; found {StructureChecker.Describe(item)}.");
                continue;
            }

            if (StructureChecker.ReadTypes(item).Contains("VerifiablePresentation"))
            {
                checker.Error(ValidationCode.WrongKind, itemPath, "Each 'verifiableCredential' entry must be a credential; a verifiable presentation cannot be carried inside another.");
                continue;
            }

            if (IsEnvelope(item))
            {
                Envelope(item, itemPath);
                continue;
            }

            if (!credentials)
            {
                continue;
            }

            new VcDataModelChecker(checker, dataModel11).Credential(item, itemPath);
            if (!item.TryGetProperty("proof", out _))
            {
                HolderClaim(presentation, item, itemPath);
            }
        }
    }

    /// <summary>
    /// An entry is read as an envelope when its type says so, or when it has no type, no credentialSubject and a
    /// <c>data:</c> id (an envelope that lost its type, reported as such rather than as a credential missing everything).
    /// </summary>
    public static bool IsEnvelope(JsonElement entry) =>
        StructureChecker.ReadTypes(entry).Contains(EnvelopedType)
        || (!entry.TryGetProperty("type", out _) && !entry.TryGetProperty("credentialSubject", out _)
            && entry.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.StartsWith("data:", StringComparison.OrdinalIgnoreCase));

    /// <summary>The id of <c>holder</c> (a URL string or an object's <c>id</c>), or null.</summary>
    public static string? HolderId(JsonElement presentation) => EntityId(presentation, "holder");

    /// <summary>The id of <c>issuer</c> (a URL string or an object's <c>id</c>), or null.</summary>
    public static string? IssuerId(JsonElement credential) => EntityId(credential, "issuer");

    /// <summary>
    /// "Presentations Including Holder Claims": the problem with an embedded credential that has no proof of its own (so
    /// only the presentation secures it), or null when the presentation names a holder and the credential's issuer is it.
    /// </summary>
    public static string? HolderClaimProblem(JsonElement presentation, JsonElement credential)
    {
        var holder = HolderId(presentation);
        var issuer = IssuerId(credential);
        if (holder is null)
        {
            return "The credential has no proof of its own, so only the presentation's proof secures it (a holder claim); the presentation must then name its 'holder', and it names none.";
        }

        return string.Equals(holder, issuer, StringComparison.Ordinal)
            ? null
            : $"The credential has no proof of its own, so only the presentation's proof secures it (a holder claim); its issuer must then be the holder '{StructureChecker.Truncate(holder)}', but it is {(issuer is null ? "missing" : "'" + StructureChecker.Truncate(issuer) + "'")}.";
    }

    private void HolderClaim(JsonElement presentation, JsonElement credential, string path)
    {
        if (HolderClaimProblem(presentation, credential) is { } problem)
        {
            checker.Error(ValidationCode.HolderClaimMismatch, path, problem);
        }
    }

    private static string? EntityId(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) switch
        {
            true when value.ValueKind == JsonValueKind.String => value.GetString(),
            true when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            _ => null,
        };

    /// <summary>§4.3: returns true when the presentation is a VC 1.1 one (its first context is the 1.1 base context).</summary>
    private bool Contexts(JsonElement presentation, string path)
    {
        var at = StructureChecker.Child(path, "@context");
        if (!presentation.TryGetProperty("@context", out var context))
        {
            checker.Error(ValidationCode.MissingProperty, at, $"{Class} requires '@context', whose first item is {VcDataModelChecker.BaseContext}.");
            return false;
        }

        var items = context.ValueKind == JsonValueKind.Array ? [.. context.EnumerateArray()] : new List<JsonElement> { context };
        var first = items.Count > 0 && items[0].ValueKind == JsonValueKind.String ? items[0].GetString() : null;
        var dataModel11 = first == VcDataModelChecker.BaseContext11;
        if (first != VcDataModelChecker.BaseContext && !dataModel11)
        {
            var found = items.Count == 0 ? "an empty array" : first is not null ? "'" + StructureChecker.Truncate(first) + "'" : StructureChecker.Describe(items[0]);
            checker.Error(ValidationCode.ContextOrder, StructureChecker.Index(at, 0), $"The first '@context' item of a presentation must be {VcDataModelChecker.BaseContext} (or, for VC Data Model 1.1, {VcDataModelChecker.BaseContext11}); found {found}.");
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
            else if (!DerivedTypes.IsUri(item.GetString()!) || item.GetString()!.Contains(' ', StringComparison.Ordinal))
            {
                checker.Error(ValidationCode.InvalidContext, StructureChecker.Index(at, i), $"'@context' item '{StructureChecker.Truncate(item.GetString()!)}' is not a URL.");
            }
        }

        return dataModel11;
    }

    /// <summary>§4.4: an <c>id</c>, when present, is one URL.</summary>
    private void Identifier(JsonElement owner, string at, string name, bool required = false)
    {
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

    private void Types(JsonElement presentation, string path)
    {
        var at = StructureChecker.Child(path, "type");
        if (!presentation.TryGetProperty("type", out var type))
        {
            checker.Error(ValidationCode.MissingProperty, at, $"{Class} requires 'type', including \"VerifiablePresentation\".");
            return;
        }

        var values = TypeStrings(type, at);
        if (values is not null && !values.Contains("VerifiablePresentation"))
        {
            checker.Error(ValidationCode.MissingType, at, $"'type' must include \"VerifiablePresentation\"; found [{string.Join(", ", values.Select(v => "\"" + StructureChecker.Truncate(v) + "\""))}].");
        }
        else if (values is not null && values.Contains("VerifiableCredential"))
        {
            checker.Error(ValidationCode.InvalidType, at, "'type' names both \"VerifiablePresentation\" and \"VerifiableCredential\": a document is one or the other (a presentation carries credentials in 'verifiableCredential').");
        }
    }

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

        return values;
    }

    /// <summary>§4.13: <c>holder</c>, when present, is a URL or an object whose <c>id</c> is a URL.</summary>
    private void Holder(JsonElement presentation, string path)
    {
        if (!presentation.TryGetProperty("holder", out var holder))
        {
            return;
        }

        var at = StructureChecker.Child(path, "holder");
        switch (holder.ValueKind)
        {
            case JsonValueKind.String:
                if (!DerivedTypes.IsUri(holder.GetString()!))
                {
                    checker.Error(ValidationCode.InvalidUri, at, $"'holder' must be a URL; '{StructureChecker.Truncate(holder.GetString()!)}' is not.");
                }

                break;
            case JsonValueKind.Object:
                Identifier(holder, StructureChecker.Child(at, "id"), "id", required: true);
                break;
            default:
                checker.Error(ValidationCode.WrongKind, at, $"'holder' must be a URL or an object whose 'id' is a URL; found {StructureChecker.Describe(holder)}.");
                break;
        }
    }

    /// <summary>"Enveloped Verifiable Credentials": @context with the base context, a data: URL id, type EnvelopedVerifiableCredential.</summary>
    private void Envelope(JsonElement envelope, string path)
    {
        const string EnvelopeClass = "An EnvelopedVerifiableCredential";
        var contextPath = StructureChecker.Child(path, "@context");
        if (!envelope.TryGetProperty("@context", out var context))
        {
            checker.Error(ValidationCode.MissingProperty, contextPath, $"{EnvelopeClass} requires '@context' with {VcDataModelChecker.BaseContext}.");
        }
        else
        {
            var items = context.ValueKind == JsonValueKind.Array ? [.. context.EnumerateArray()] : new List<JsonElement> { context };
            if (!items.Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == VcDataModelChecker.BaseContext))
            {
                checker.Error(ValidationCode.InvalidContext, contextPath, $"{EnvelopeClass} needs the base context {VcDataModelChecker.BaseContext} in '@context' (it defines id, type and EnvelopedVerifiableCredential).");
            }
        }

        var idPath = StructureChecker.Child(path, "id");
        if (!envelope.TryGetProperty("id", out var id))
        {
            checker.Error(ValidationCode.MissingProperty, idPath, $"{EnvelopeClass} requires 'id': a data: URL holding the secured credential.");
        }
        else if (id.ValueKind != JsonValueKind.String || !id.GetString()!.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || !id.GetString()!.Contains(',', StringComparison.Ordinal))
        {
            checker.Error(ValidationCode.InvalidUri, idPath, $"The 'id' of {EnvelopeClass} must be a data: URL (RFC 2397) holding the secured credential; found {(id.ValueKind == JsonValueKind.String ? "'" + StructureChecker.Truncate(id.GetString()!) + "'" : StructureChecker.Describe(id))}.");
        }

        var typePath = StructureChecker.Child(path, "type");
        if (!envelope.TryGetProperty("type", out var type))
        {
            checker.Error(ValidationCode.MissingProperty, typePath, $"{EnvelopeClass} requires 'type' \"{EnvelopedType}\".");
        }
        else if (TypeStrings(type, typePath) is { } values && !values.Contains(EnvelopedType))
        {
            checker.Error(ValidationCode.MissingType, typePath, $"'type' must be \"{EnvelopedType}\".");
        }
    }

    /// <summary>§4.12, §5.5: each item is an object with a <c>type</c>.</summary>
    private void TypedObjects(JsonElement owner, string path, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
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
        }
    }
}
