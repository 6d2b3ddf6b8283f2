// Open Badges 3.0 §B and §8.1 (verification, "structure" step), CLR 2.0: the structural check of a
// credential before its proof is verified. Equivalent in accept/reject behaviour to the 1EdTech JSON
// Schemas in ValidationMode.Strict (on the conformance corpus; differences are listed in
// docs/credential-validation.md), tolerant of the shapes the prose and VC 1.1 allow in ValidationMode.Lenient.
using System.Text.Json;

namespace Credstack.Credentials.Validation;

/// <summary>
/// Checks that a credential has the structure OB 3.0 / CLR 2.0 require: contexts, types, required
/// properties, URI and DateTimeZ syntax, vocabularies, and embedded credentials recursively. The result
/// lists every problem with a stable code and a JSONPath; bad input never throws.
/// </summary>
public static class CredentialValidator
{
    /// <summary>Documents larger than this are refused by the UTF-8 overloads.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    private const string Root = "$";

    /// <summary>Parses UTF-8 JSON and validates it as the class its <c>type</c> names (see <see cref="Validate(JsonElement, ValidationMode)"/>).</summary>
    public static ValidationResult Validate(ReadOnlySpan<byte> utf8Json, ValidationMode mode = ValidationMode.Lenient)
    {
        if (utf8Json.Length > MaxDocumentBytes)
        {
            return Failure($"The document is larger than {MaxDocumentBytes} bytes.");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            return Validate(document.RootElement, mode);
        }
        catch (JsonException exception)
        {
            return Failure("The document is not valid JSON: " + exception.Message);
        }
    }

    /// <summary>
    /// Validates a credential as the class its <c>type</c> names: ClrCredential, EndorsementCredential, or
    /// AchievementCredential/OpenBadgeCredential. Any other type is reported as <see cref="ValidationCode.UnknownCredentialType"/>.
    /// </summary>
    public static ValidationResult Validate(JsonElement credential, ValidationMode mode = ValidationMode.Lenient)
    {
        var types = StructureChecker.ReadTypes(credential);
        if (types.Contains("ClrCredential"))
        {
            return ValidateClrCredential(credential, mode);
        }

        if (types.Contains("EndorsementCredential"))
        {
            return ValidateEndorsementCredential(credential, mode);
        }

        if (types.Contains("AchievementCredential") || types.Contains("OpenBadgeCredential") || types.Count == 0)
        {
            // No usable type at all: check as an AchievementCredential so every missing piece is reported.
            return ValidateAchievementCredential(credential, mode);
        }

        var checker = new StructureChecker(mode);
        checker.Error(
            ValidationCode.UnknownCredentialType,
            "$.type",
            $"'type' must contain AchievementCredential (or OpenBadgeCredential), EndorsementCredential or ClrCredential; found [{string.Join(", ", types.Select(t => "'" + StructureChecker.Truncate(t) + "'"))}].");
        return checker.ToResult();
    }

    /// <summary>Validates an AchievementCredential (alias OpenBadgeCredential).</summary>
    public static ValidationResult ValidateAchievementCredential(JsonElement credential, ValidationMode mode = ValidationMode.Lenient) =>
        Run(credential, mode, (checker, element) => checker.AchievementCredential(element, Root));

    /// <summary>Validates an EndorsementCredential.</summary>
    public static ValidationResult ValidateEndorsementCredential(JsonElement credential, ValidationMode mode = ValidationMode.Lenient) =>
        Run(credential, mode, (checker, element) => checker.EndorsementCredential(element, Root));

    /// <summary>Validates a CLR 2.0 ClrCredential, and each credential embedded in its subject.</summary>
    public static ValidationResult ValidateClrCredential(JsonElement credential, ValidationMode mode = ValidationMode.Lenient) =>
        Run(credential, mode, (checker, element) => checker.ClrCredential(element, Root));

    /// <summary>
    /// Validates any credential against the W3C VC Data Model 2.0 core rules (§4: contexts, id, type, names and
    /// descriptions, issuer, credentialSubject, validity period, and the typed objects credentialStatus,
    /// credentialSchema, refreshService, termsOfUse, evidence and proof). What an issuer checks before signing a
    /// credential that is not an Open Badges or CLR class; those classes add their own rules on top.
    /// </summary>
    public static ValidationResult ValidateVerifiableCredential(JsonElement credential) =>
        Run(credential, ValidationMode.Strict, (checker, element) => new VcDataModelChecker(checker).Credential(element, Root));

    /// <summary>
    /// Validates a verifiable presentation against the W3C VC Data Model 2.0 §4.13 rules (and VC 1.1 presentations, whose
    /// first context is <c>https://www.w3.org/2018/credentials/v1</c>): contexts, id, type (includes
    /// <c>VerifiablePresentation</c>), holder (a URL or an object whose id is a URL), proof and termsOfUse, and each
    /// <c>verifiableCredential</c> entry: an EnvelopedVerifiableCredential (base context, data: URL id, type) or a
    /// credential validated as <see cref="ValidateVerifiableCredential"/> does, with paths such as
    /// <c>$.verifiableCredential[0].issuer</c>. A credential without a proof of its own is a holder claim: the presentation
    /// must name a holder and the credential's issuer must be it (<see cref="ValidationCode.HolderClaimMismatch"/>).
    /// What a holder checks before signing a presentation; the verifier checks the same and verifies each credential.
    /// </summary>
    public static ValidationResult ValidateVerifiablePresentation(JsonElement presentation) =>
        Run(presentation, ValidationMode.Strict, (checker, element) => new VcPresentationChecker(checker).Presentation(element, Root, credentials: true));

    /// <summary>The presentation's own members and the kind of each entry, without validating the credentials inside (the verifier's nested reports do).</summary>
    internal static ValidationResult ValidatePresentationEnvelope(JsonElement presentation) =>
        Run(presentation, ValidationMode.Strict, (checker, element) => new VcPresentationChecker(checker).Presentation(element, Root, credentials: false));

    /// <summary>Validates a Profile document (an issuer profile as served by the OB 3.0 API or at the issuer's URL).</summary>
    public static ValidationResult ValidateProfile(JsonElement profile, ValidationMode mode = ValidationMode.Lenient) =>
        Run(profile, mode, (checker, element) => checker.Profile(element, Root));

    private static ValidationResult Run(JsonElement element, ValidationMode mode, Action<StructureChecker, JsonElement> check)
    {
        var checker = new StructureChecker(mode);
        check(checker, element);
        return checker.ToResult();
    }

    private static ValidationResult Failure(string message) =>
        new([new ValidationProblem(ValidationCode.InvalidJson, Root, message, ValidationSeverity.Error)]);
}
