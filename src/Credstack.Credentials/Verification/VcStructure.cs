// W3C VC Data Model 2.0 §4 (and 1.1 §4) core properties, for credentials that are not Open Badges / CLR classes (those
// go through CredentialValidator): @context (§4.3, first entry the base context), type (§4.5, includes
// VerifiableCredential), issuer (§4.7, a URL or an object with one), credentialSubject (§4.8), id (§4.4, a URL),
// validFrom / validUntil (§4.9, dateTimeStamp), credentialStatus / credentialSchema / refreshService / termsOfUse /
// evidence (§4.10–§4.14: objects with a type), and VC 1.1's required issuanceDate.
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Verification;

internal static class VcStructure
{
    public static void Check(JsonElement credential, ReportBuilder builder)
    {
        var failures = 0;
        void Fail(string path, string problem, string message)
        {
            failures++;
            builder.Add(VerificationCode.StructureSchema, CheckStatus.Failed, message, path, problem);
        }

        var model = JsonRead.DataModel(credential);
        var contexts = JsonRead.Items(JsonRead.Property(credential, "@context"));
        if (contexts.Count == 0)
        {
            Fail("$['@context']", ValidationCode.MissingProperty, "A verifiable credential needs an @context.");
        }
        else if (model is null)
        {
            Fail("$['@context'][0]", ValidationCode.ContextOrder, $"The first @context must be {JsonRead.Vc2Context} (or, for VC 1.1, {JsonRead.Vc11Context}).");
        }
        else if (contexts.Any(c => c.ValueKind is not (JsonValueKind.String or JsonValueKind.Object)))
        {
            Fail("$['@context']", ValidationCode.InvalidContext, "Every @context entry must be a URL or an object.");
        }

        var typeValue = JsonRead.Property(credential, "type");
        if (typeValue is null)
        {
            Fail("$.type", ValidationCode.MissingProperty, "A verifiable credential needs a type.");
        }
        else if (JsonRead.Items(typeValue).Any(t => t.ValueKind != JsonValueKind.String))
        {
            Fail("$.type", ValidationCode.InvalidType, "Every type value must be a string.");
        }
        else if (!JsonRead.HasType(credential, "VerifiableCredential"))
        {
            Fail("$.type", ValidationCode.MissingType, "type must include VerifiableCredential.");
        }

        if (JsonRead.Property(credential, "id") is { } id && (id.ValueKind != JsonValueKind.String || !IsUrl(id.GetString())))
        {
            Fail("$.id", ValidationCode.InvalidUri, "id must be a URL.");
        }

        switch (JsonRead.Property(credential, "issuer"))
        {
            case null:
                Fail("$.issuer", ValidationCode.MissingProperty, "A verifiable credential needs an issuer.");
                break;
            case { ValueKind: JsonValueKind.String } issuer when !IsUrl(issuer.GetString()):
                Fail("$.issuer", ValidationCode.InvalidUri, "issuer must be a URL.");
                break;
            case { ValueKind: JsonValueKind.Object } issuer when !IsUrl(JsonRead.String(issuer, "id")):
                Fail("$.issuer.id", ValidationCode.InvalidUri, "issuer.id must be a URL.");
                break;
            case { ValueKind: not (JsonValueKind.String or JsonValueKind.Object) }:
                Fail("$.issuer", ValidationCode.WrongKind, "issuer must be a URL or an object with an id.");
                break;
        }

        var subjects = JsonRead.Property(credential, "credentialSubject");
        if (subjects is null)
        {
            Fail("$.credentialSubject", ValidationCode.MissingProperty, "A verifiable credential needs a credentialSubject.");
        }
        else if (JsonRead.Items(subjects) is var items && (items.Count == 0 || items.Any(s => s.ValueKind != JsonValueKind.Object)))
        {
            Fail("$.credentialSubject", ValidationCode.WrongKind, "credentialSubject must be an object or a non-empty array of objects.");
        }
        else if (items.Any(s => JsonRead.Property(s, "id") is { } subjectId && (subjectId.ValueKind != JsonValueKind.String || !IsUrl(subjectId.GetString()))))
        {
            Fail("$.credentialSubject.id", ValidationCode.InvalidUri, "credentialSubject.id must be a URL.");
        }
        else if (items.Any(s => !s.EnumerateObject().Any()))
        {
            // VC DM 2.0 §4.8: a credential subject states at least one claim; an empty object says nothing about anyone.
            Fail("$.credentialSubject", ValidationCode.SubjectWithoutClaims, "Each credentialSubject must state at least one claim; an empty object says nothing.");
        }

        foreach (var name in (ReadOnlySpan<string>)["validFrom", "validUntil"])
        {
            if (JsonRead.Property(credential, name) is { } value && (value.ValueKind != JsonValueKind.String || !DateTimeStamp.TryParse(value.GetString(), out _)))
            {
                Fail("$." + name, ValidationCode.InvalidDateTime, $"{name} must be an XML Schema dateTimeStamp (a date-time with a time zone).");
            }
        }

        if (model == "1.1" && JsonRead.Property(credential, "issuanceDate") is null)
        {
            Fail("$.issuanceDate", ValidationCode.MissingProperty, "A VC 1.1 credential needs an issuanceDate.");
        }

        if (model == "2.0" && JsonRead.Date(credential, "validFrom").Value is { } from && JsonRead.Date(credential, "validUntil").Value is { } until && until < from)
        {
            Fail("$.validUntil", ValidationCode.InvalidDateTime, "validUntil is before validFrom.");
        }

        foreach (var name in (ReadOnlySpan<string>)["credentialStatus", "credentialSchema", "refreshService", "termsOfUse", "evidence"])
        {
            var property = JsonRead.Property(credential, name);
            var entries = JsonRead.Items(property);
            for (var i = 0; i < entries.Count; i++)
            {
                var path = property is { ValueKind: JsonValueKind.Array } ? JsonRead.Index("$." + name, i) : "$." + name;
                if (entries[i].ValueKind != JsonValueKind.Object)
                {
                    Fail(path, ValidationCode.WrongKind, $"{name} entries must be objects.");
                }
                else if (JsonRead.Types(entries[i]).Count == 0)
                {
                    Fail(JsonRead.Child(path, "type"), ValidationCode.MissingProperty, $"{name} entries need a type.");
                }
                else if (name == "credentialSchema" && JsonRead.String(entries[i], "id") is null)
                {
                    Fail(JsonRead.Child(path, "id"), ValidationCode.MissingProperty, "credentialSchema entries need an id.");
                }
            }
        }

        if (failures == 0)
        {
            builder.Add(VerificationCode.StructureSchema, CheckStatus.Passed, $"The credential has the core properties of a VC Data Model {model ?? "2.0"} credential.");
        }
    }

    private static bool IsUrl(string? text) =>
        text is not null && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme.Length > 0 && !text.Contains(' ', StringComparison.Ordinal);
}
