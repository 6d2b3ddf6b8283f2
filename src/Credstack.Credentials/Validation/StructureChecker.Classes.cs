// Open Badges 3.0 §B (data model) and CLR 2.0: one check per class, mirroring the 1EdTech JSON Schemas
// (json-schema/achievementcredential.json, endorsementcredential.json, profile.json, gh-pages 2025-03-27)
// plus the prose MUSTs the schemas leave out (URI and DateTimeZ syntax, subject id-or-identifier,
// vocabularies). Where this code is deliberately more lenient or stricter than the schema, the
// difference is named in docs/credential-validation.md.
using System.Text.Json;
using Credstack.Credentials.Model;

namespace Credstack.Credentials.Validation;

internal sealed partial class StructureChecker
{
    private enum ContextFamily
    {
        OpenBadges,
        Clr,
        Credential,
    }

    public void AchievementCredential(JsonElement credential, string path)
    {
        const string Class = "AchievementCredential";
        if (!IsObject(credential, path, Class))
        {
            return;
        }

        var legacy = Context(credential, path, ContextFamily.OpenBadges);
        Uri(credential, path, Class, "id", required: true);
        Types(credential, path, Class, "VerifiableCredential", "AchievementCredential|OpenBadgeCredential");
        Strings(credential, path, Class, "name", "description");
        Object(credential, path, Class, "image", Image);
        DateTimeZ(credential, path, Class, "awardedDate");
        Object(credential, path, Class, "credentialSubject", AchievementSubject, required: true);
        ObjectItems(credential, path, Class, "endorsement", EndorsementCredential);
        StringItems(credential, path, Class, "endorsementJwt", DerivedTypes.IsCompactJws, "a compact JWS");
        ObjectItems(credential, path, Class, "evidence", Evidence);
        Issuer(credential, path, Class);
        Validity(credential, path, Class, legacy);
        CredentialMetadata(credential, path, Class);
    }

    public void EndorsementCredential(JsonElement credential, string path)
    {
        const string Class = "EndorsementCredential";
        if (!IsObject(credential, path, Class))
        {
            return;
        }

        var legacy = Context(credential, path, ContextFamily.OpenBadges);
        Uri(credential, path, Class, "id", required: true);
        Types(credential, path, Class, "VerifiableCredential", "EndorsementCredential");
        String(credential, path, Class, "name", required: true);
        String(credential, path, Class, "description");
        Object(credential, path, Class, "credentialSubject", EndorsementSubject, required: true);
        DateTimeZ(credential, path, Class, "awardedDate");
        Issuer(credential, path, Class);
        Validity(credential, path, Class, legacy);
        CredentialMetadata(credential, path, Class);
    }

    public void ClrCredential(JsonElement credential, string path)
    {
        const string Class = "ClrCredential";
        if (!IsObject(credential, path, Class))
        {
            return;
        }

        var legacy = Context(credential, path, ContextFamily.Clr);
        Uri(credential, path, Class, "id", required: true);
        Types(credential, path, Class, "VerifiableCredential", "ClrCredential");
        String(credential, path, Class, "name", required: true);
        String(credential, path, Class, "description");
        Object(credential, path, Class, "image", Image);
        Boolean(credential, path, Class, "partial");
        DateTimeZ(credential, path, Class, "awardedDate");
        ObjectItems(credential, path, Class, "endorsement", EndorsementCredential);
        StringItems(credential, path, Class, "endorsementJwt", DerivedTypes.IsCompactJws, "a compact JWS");
        Object(credential, path, Class, "credentialSubject", ClrSubject, required: true);
        Issuer(credential, path, Class);
        Validity(credential, path, Class, legacy);
        CredentialMetadata(credential, path, Class);
    }

    /// <summary>A credential inside a ClrSubject: checked as its own class when known, else as a plain VC.</summary>
    public void EmbeddedCredential(JsonElement credential, string path)
    {
        if (!IsObject(credential, path, "An embedded verifiable credential"))
        {
            return;
        }

        var types = ReadTypes(credential);
        if (types.Contains("ClrCredential"))
        {
            ClrCredential(credential, path);
        }
        else if (types.Contains("AchievementCredential") || types.Contains("OpenBadgeCredential"))
        {
            AchievementCredential(credential, path);
        }
        else if (types.Contains("EndorsementCredential"))
        {
            EndorsementCredential(credential, path);
        }
        else if (types.Contains("EnvelopedVerifiableCredential"))
        {
            // VC 2.0 §4.13: the credential travels as a data: URL in `id` (e.g. a VC-JOSE token).
            if (String(credential, path, "EnvelopedVerifiableCredential", "id", required: true, out var id)
                && !id.StartsWith("data:", StringComparison.Ordinal))
            {
                Error(ValidationCode.InvalidUri, Child(path, "id"), "An EnvelopedVerifiableCredential 'id' must be a data: URL holding the credential.");
            }
        }
        else
        {
            const string Class = "VerifiableCredential";
            var legacy = Context(credential, path, ContextFamily.Credential);
            Uri(credential, path, Class, "id");
            Types(credential, path, Class, "VerifiableCredential");
            if (TryGet(credential, path, Class, "credentialSubject", required: true, out var subject)
                && subject.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                Error(ValidationCode.WrongKind, Child(path, "credentialSubject"), $"'credentialSubject' must be an object or an array of objects; found {Describe(subject)}.");
            }

            Issuer(credential, path, Class);
            Validity(credential, path, Class, legacy);
            CredentialMetadata(credential, path, Class);
        }
    }

    public void Profile(JsonElement profile, string path)
    {
        const string Class = "Profile";
        if (!IsObject(profile, path, Class))
        {
            return;
        }

        Uri(profile, path, Class, "id", required: true);
        Types(profile, path, Class, "Profile");
        Strings(profile, path, Class, "name", "phone", "description", "email", "official", "familyName", "givenName", "additionalName", "patronymicName", "honorificPrefix", "honorificSuffix", "familyNamePrefix");
        Uri(profile, path, Class, "url");
        ObjectItems(profile, path, Class, "endorsement", EndorsementCredential);
        StringItems(profile, path, Class, "endorsementJwt", DerivedTypes.IsCompactJws, "a compact JWS");
        Object(profile, path, Class, "image", Image);
        Object(profile, path, Class, "address", Address);
        ObjectItems(profile, path, Class, "otherIdentifier", IdentifierEntry);
        Object(profile, path, Class, "parentOrg", Profile);
        Date(profile, path, Class, "dateOfBirth");
    }

    private void AchievementSubject(JsonElement subject, string path)
    {
        const string Class = "AchievementSubject";
        if (!IsObject(subject, path, Class))
        {
            return;
        }

        Uri(subject, path, Class, "id");
        Types(subject, path, Class, "AchievementSubject");
        DateTime(subject, path, Class, "activityStartDate");
        DateTime(subject, path, Class, "activityEndDate");
        Number(subject, path, Class, "creditsEarned");
        Object(subject, path, Class, "achievement", Achievement, required: true);
        var identifiers = Items(subject, path, Class, "identifier");
        foreach (var (item, itemPath) in identifiers)
        {
            Visit(item, itemPath, IdentityObject);
        }

        // OB 3.0 §B.1.2 AchievementSubject: "either id or at least one identifier MUST be supplied".
        if (!subject.TryGetProperty("id", out _) && identifiers.Count == 0)
        {
            Error(ValidationCode.UnidentifiedSubject, path, "AchievementSubject must have an 'id' or at least one 'identifier'.");
        }

        Object(subject, path, Class, "image", Image);
        Strings(subject, path, Class, "licenseNumber", "narrative", "role", "term");
        ObjectItems(subject, path, Class, "result", Result);
        Object(subject, path, Class, "source", Profile);
    }

    private void Achievement(JsonElement achievement, string path)
    {
        const string Class = "Achievement";
        if (!IsObject(achievement, path, Class))
        {
            return;
        }

        Uri(achievement, path, Class, "id", required: true);
        Types(achievement, path, Class, "Achievement");
        ObjectItems(achievement, path, Class, "alignment", Alignment);
        Vocabulary(achievement, path, Class, "achievementType", Model.AchievementType.IsValid, "AchievementType", extensible: true);
        Object(achievement, path, Class, "creator", Profile);
        Number(achievement, path, Class, "creditsAvailable");
        Object(achievement, path, Class, "criteria", Criteria, required: true);
        String(achievement, path, Class, "description", required: true);
        ObjectItems(achievement, path, Class, "endorsement", EndorsementCredential);
        StringItems(achievement, path, Class, "endorsementJwt", DerivedTypes.IsCompactJws, "a compact JWS");
        Strings(achievement, path, Class, "fieldOfStudy", "humanCode", "specialization", "version");
        Object(achievement, path, Class, "image", Image);
        Pattern(achievement, path, Class, "inLanguage", DerivedTypes.IsLanguageCode, "a language code such as en or en-US");
        String(achievement, path, Class, "name", required: true);
        ObjectItems(achievement, path, Class, "otherIdentifier", IdentifierEntry);
        ObjectItems(achievement, path, Class, "related", Related);
        ObjectItems(achievement, path, Class, "resultDescription", ResultDescription);
        StringItems(achievement, path, Class, "tag");
    }

    private void Criteria(JsonElement criteria, string path)
    {
        const string Class = "Criteria";
        if (!IsObject(criteria, path, Class))
        {
            return;
        }

        Uri(criteria, path, Class, "id");
        String(criteria, path, Class, "narrative");
        if (!criteria.TryGetProperty("id", out _) && !criteria.TryGetProperty("narrative", out _))
        {
            Warn(ValidationCode.EmptyCriteria, path, "Criteria should have an 'id' (a criteria page) or a 'narrative'.");
        }
    }

    private void Alignment(JsonElement alignment, string path)
    {
        const string Class = "Alignment";
        if (!IsObject(alignment, path, Class))
        {
            return;
        }

        Types(alignment, path, Class, "Alignment");
        Strings(alignment, path, Class, "targetCode", "targetDescription", "targetFramework");
        String(alignment, path, Class, "targetName", required: true);
        Uri(alignment, path, Class, "targetUrl", required: true);
        Vocabulary(alignment, path, Class, "targetType", Model.AlignmentTargetType.IsValid, "AlignmentTargetType", extensible: true);
    }

    private void Image(JsonElement image, string path)
    {
        const string Class = "Image";
        if (!IsObject(image, path, Class))
        {
            return;
        }

        Closed(image, path, Class, "id", "type", "caption");
        Uri(image, path, Class, "id", required: true);
        TypeIs(image, path, Class, "Image");
        String(image, path, Class, "caption");
    }

    private void IdentityObject(JsonElement identity, string path)
    {
        const string Class = "IdentityObject";
        if (!IsObject(identity, path, Class))
        {
            return;
        }

        Closed(identity, path, Class, "type", "hashed", "identityHash", "identityType", "salt");
        TypeIs(identity, path, Class, "IdentityObject");
        Boolean(identity, path, Class, "hashed", required: true);
        Vocabulary(identity, path, Class, "identityType", IdentifierType.IsValid, "IdentifierTypeEnum", extensible: true, required: true);
        String(identity, path, Class, "salt");
        if (String(identity, path, Class, "identityHash", required: true, out var hash)
            && identity.TryGetProperty("hashed", out var hashed) && hashed.ValueKind == JsonValueKind.True
            && !Model.IdentityObject.IsIdentityHash(hash))
        {
            Warn(ValidationCode.InvalidIdentityHash, Child(path, "identityHash"), "A hashed 'identityHash' must be 'sha256$' or 'md5$' followed by the hexadecimal digest; this one can never match.");
        }
    }

    private void IdentifierEntry(JsonElement entry, string path)
    {
        const string Class = "IdentifierEntry";
        if (!IsObject(entry, path, Class))
        {
            return;
        }

        Closed(entry, path, Class, "type", "identifier", "identifierType");
        TypeIs(entry, path, Class, "IdentifierEntry");
        String(entry, path, Class, "identifier", required: true);
        Vocabulary(entry, path, Class, "identifierType", IdentifierType.IsValid, "IdentifierTypeEnum", extensible: true, required: true);
    }

    private void Evidence(JsonElement evidence, string path)
    {
        const string Class = "Evidence";
        if (!IsObject(evidence, path, Class))
        {
            return;
        }

        Uri(evidence, path, Class, "id");
        Types(evidence, path, Class, "Evidence");
        Strings(evidence, path, Class, "narrative", "name", "description", "genre", "audience");
    }

    private void Result(JsonElement result, string path)
    {
        const string Class = "Result";
        if (!IsObject(result, path, Class))
        {
            return;
        }

        Types(result, path, Class, "Result");
        Uri(result, path, Class, "achievedLevel");
        ObjectItems(result, path, Class, "alignment", Alignment);
        Uri(result, path, Class, "resultDescription");
        Vocabulary(result, path, Class, "status", ResultStatusType.IsValid, "ResultStatusType", extensible: false);
        String(result, path, Class, "value");
    }

    private void ResultDescription(JsonElement description, string path)
    {
        const string Class = "ResultDescription";
        if (!IsObject(description, path, Class))
        {
            return;
        }

        Uri(description, path, Class, "id", required: true);
        Types(description, path, Class, "ResultDescription");
        ObjectItems(description, path, Class, "alignment", Alignment);
        StringItems(description, path, Class, "allowedValue");
        String(description, path, Class, "name", required: true);
        Uri(description, path, Class, "requiredLevel");
        Strings(description, path, Class, "requiredValue", "valueMax", "valueMin");
        Vocabulary(description, path, Class, "resultType", Model.ResultType.IsValid, "ResultType", extensible: true, required: true);
        ObjectItems(description, path, Class, "rubricCriterionLevel", RubricCriterionLevel);
    }

    private void RubricCriterionLevel(JsonElement level, string path)
    {
        const string Class = "RubricCriterionLevel";
        if (!IsObject(level, path, Class))
        {
            return;
        }

        Uri(level, path, Class, "id", required: true);
        Types(level, path, Class, "RubricCriterionLevel");
        ObjectItems(level, path, Class, "alignment", Alignment);
        Strings(level, path, Class, "description", "level", "points");
        String(level, path, Class, "name", required: true);
    }

    private void Related(JsonElement related, string path)
    {
        const string Class = "Related";
        if (!IsObject(related, path, Class))
        {
            return;
        }

        Uri(related, path, Class, "id", required: true);
        Types(related, path, Class, "Related");
        Pattern(related, path, Class, "inLanguage", DerivedTypes.IsLanguageCode, "a language code such as en or en-US");
        String(related, path, Class, "version");
    }

    private void Address(JsonElement address, string path)
    {
        const string Class = "Address";
        if (!IsObject(address, path, Class))
        {
            return;
        }

        Types(address, path, Class, "Address");
        Strings(address, path, Class, "addressCountry", "addressCountryCode", "addressRegion", "addressLocality", "streetAddress", "postOfficeBoxNumber", "postalCode");
        Object(address, path, Class, "geo", GeoCoordinates);
    }

    private void GeoCoordinates(JsonElement geo, string path)
    {
        const string Class = "GeoCoordinates";
        if (!IsObject(geo, path, Class))
        {
            return;
        }

        TypeIs(geo, path, Class, "GeoCoordinates");
        Number(geo, path, Class, "latitude", required: true);
        Number(geo, path, Class, "longitude", required: true);
    }

    private void EndorsementSubject(JsonElement subject, string path)
    {
        const string Class = "EndorsementSubject";
        if (!IsObject(subject, path, Class))
        {
            return;
        }

        Uri(subject, path, Class, "id", required: true);
        Types(subject, path, Class, "EndorsementSubject");
        String(subject, path, Class, "endorsementComment");
    }

    private void ClrSubject(JsonElement subject, string path)
    {
        const string Class = "ClrSubject";
        if (!IsObject(subject, path, Class))
        {
            return;
        }

        Uri(subject, path, Class, "id");
        Types(subject, path, Class, "ClrSubject");
        ObjectItems(subject, path, Class, "identifier", IdentityObject);
        ObjectItems(subject, path, Class, "achievement", Achievement);
        ObjectItems(subject, path, Class, "verifiableCredential", EmbeddedCredential, required: true, nonEmpty: true);
        ObjectItems(subject, path, Class, "association", Association);
    }

    private void Association(JsonElement association, string path)
    {
        const string Class = "Association";
        if (!IsObject(association, path, Class))
        {
            return;
        }

        Closed(association, path, Class, "type", "associationType", "sourceId", "targetId");
        TypeIs(association, path, Class, "Association");
        Vocabulary(association, path, Class, "associationType", AssociationType.IsValid, "AssociationType", extensible: false, required: true);
        Uri(association, path, Class, "sourceId", required: true);
        Uri(association, path, Class, "targetId", required: true);
    }

    private void Proof(JsonElement proof, string path)
    {
        const string Class = "Proof";
        if (!IsObject(proof, path, Class))
        {
            return;
        }

        // Only the shape: whether the proof verifies, and whether verificationMethod resolves, is the proof verifier's report.
        TypeString(proof, path, Class);
        DateTime(proof, path, Class, "created");
        Strings(proof, path, Class, "cryptosuite", "challenge", "domain", "nonce", "proofPurpose", "proofValue", "verificationMethod");
    }

    private void CredentialStatus(JsonElement status, string path)
    {
        const string Class = "CredentialStatus";
        if (!IsObject(status, path, Class))
        {
            return;
        }

        if (status.TryGetProperty("id", out _))
        {
            Uri(status, path, Class, "id");
        }
        else
        {
            // VC 2.0 §4.10 makes the status entry's id optional; the OB schema still requires it.
            Tolerated(ValidationCode.MissingProperty, Child(path, "id"), "CredentialStatus requires the property 'id' in the OB 3.0 schema (VC 2.0 makes it optional).");
        }

        TypeString(status, path, Class);
    }

    private void IdentifiedResource(JsonElement resource, string path, string className)
    {
        if (!IsObject(resource, path, className))
        {
            return;
        }

        Uri(resource, path, className, "id", required: true);
        TypeString(resource, path, className);
    }

    private void TermsOfUse(JsonElement terms, string path)
    {
        const string Class = "TermsOfUse";
        if (!IsObject(terms, path, Class))
        {
            return;
        }

        Uri(terms, path, Class, "id");
        TypeString(terms, path, Class);
    }

    /// <summary>Checks <c>@context</c>; returns true when the credential is a VC 1.1 one (tolerated in lenient mode).</summary>
    private bool Context(JsonElement credential, string path, ContextFamily family)
    {
        const string Name = "@context";
        if (!TryGet(credential, path, "A verifiable credential", Name, required: true, out var context))
        {
            return false;
        }

        var contextPath = Child(path, Name);
        var minimum = family == ContextFamily.Credential ? 1 : 2;
        var second = family == ContextFamily.Clr ? "the CLR 2.0 context (" + KnownContexts.ClrV2 + ")" : "the Open Badges 3.0 context (" + KnownContexts.OpenBadgesV3 + ")";
        if (context.ValueKind != JsonValueKind.Array || context.GetArrayLength() < minimum)
        {
            var expected = family == ContextFamily.Credential
                ? $"an array starting with {KnownContexts.CredentialsV2}"
                : $"an array of at least two entries: {KnownContexts.CredentialsV2}, then {second}";
            Error(ValidationCode.InvalidContext, contextPath, $"'@context' must be {expected}; found {Describe(context)}{(context.ValueKind == JsonValueKind.Array ? " of " + context.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}.");
            if (context.ValueKind != JsonValueKind.Array || context.GetArrayLength() == 0)
            {
                return false;
            }
        }

        var legacy = false;
        var index = 0;
        foreach (var entry in context.EnumerateArray())
        {
            var entryPath = Index(contextPath, index);
            var text = entry.ValueKind == JsonValueKind.String ? entry.GetString()! : null;
            if (index == 0)
            {
                if (string.Equals(text, KnownContexts.CredentialsV1, StringComparison.Ordinal))
                {
                    legacy = true;
                    Tolerated(ValidationCode.LegacyContext, entryPath, $"The credential uses the VC 1.1 context; OB 3.0 credentials start with {KnownContexts.CredentialsV2}.");
                }
                else if (!string.Equals(text, KnownContexts.CredentialsV2, StringComparison.Ordinal))
                {
                    Error(ValidationCode.ContextOrder, entryPath, $"The first '@context' entry must be {KnownContexts.CredentialsV2}; found {(text is null ? Describe(entry) : "'" + Truncate(text) + "'")}.");
                }
            }
            else if (index == 1 && family != ContextFamily.Credential)
            {
                var known = text is not null && (family == ContextFamily.Clr ? KnownContexts.IsClrContext(text) : KnownContexts.IsOpenBadgesContext(text));
                if (!known)
                {
                    Error(ValidationCode.ContextOrder, entryPath, $"The second '@context' entry must be {second}; found {(text is null ? Describe(entry) : "'" + Truncate(text) + "'")}.");
                }
                else if (!string.Equals(text, family == ContextFamily.Clr ? KnownContexts.ClrV2 : KnownContexts.OpenBadgesV3, StringComparison.Ordinal))
                {
                    Warn(ValidationCode.OlderContextVersion, entryPath, $"'{text}' is an older context version; current is {(family == ContextFamily.Clr ? KnownContexts.ClrV2 : KnownContexts.OpenBadgesV3)}.");
                }
            }
            else if (entry.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
            {
                Error(ValidationCode.InvalidContext, entryPath, $"'@context' entries must be URLs or context objects; found {Describe(entry)}.");
            }

            index++;
        }

        return legacy;
    }

    private void Issuer(JsonElement credential, string path, string className)
    {
        if (!TryGet(credential, path, className, "issuer", required: true, out var issuer))
        {
            return;
        }

        var issuerPath = Child(path, "issuer");
        switch (issuer.ValueKind)
        {
            case JsonValueKind.String:
                CheckUri(issuer.GetString()!, issuerPath, "issuer");
                break;
            case JsonValueKind.Object:
                Visit(issuer, issuerPath, Profile);
                break;
            default:
                Error(ValidationCode.WrongKind, issuerPath, $"'issuer' must be a URI or a Profile object; found {Describe(issuer)}.");
                break;
        }
    }

    private void Validity(JsonElement credential, string path, string className, bool legacy)
    {
        if (credential.TryGetProperty("validFrom", out _) || !legacy || Mode == ValidationMode.Strict || !credential.TryGetProperty("issuanceDate", out _))
        {
            DateTimeZ(credential, path, className, "validFrom", required: true);
        }
        else
        {
            Warn(ValidationCode.LegacyDateProperty, Child(path, "issuanceDate"), "VC 1.1 'issuanceDate' is read as 'validFrom'.");
            DateTimeZ(credential, path, className, "issuanceDate");
        }

        DateTimeZ(credential, path, className, "validUntil");
        if (legacy && credential.TryGetProperty("expirationDate", out _))
        {
            DateTimeZ(credential, path, className, "expirationDate");
        }
    }

    /// <summary>The VC properties every credential class shares: proof, schema, status, refresh, terms of use.</summary>
    private void CredentialMetadata(JsonElement credential, string path, string className)
    {
        ObjectItems(credential, path, className, "proof", Proof);
        ObjectItems(credential, path, className, "credentialSchema", (e, p) => IdentifiedResource(e, p, "CredentialSchema"));
        Object(credential, path, className, "credentialStatus", CredentialStatus);
        Object(credential, path, className, "refreshService", (e, p) => IdentifiedResource(e, p, "RefreshService"));
        ObjectItems(credential, path, className, "termsOfUse", TermsOfUse);
    }

    public static IReadOnlyList<string> ReadTypes(JsonElement credential)
    {
        if (credential.ValueKind != JsonValueKind.Object || !credential.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray(),
            _ => [],
        };
    }
}
