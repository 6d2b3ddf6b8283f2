// Open Badges 3.0 §B.1 / CLR 2.0: the @context URLs a credential lists, in order:
// VC Data Model 2.0 first, then the OB (or CLR) context, then extension contexts.
using System.Text.RegularExpressions;

namespace Credstack.Credentials.Model;

/// <summary>The JSON-LD context and JSON Schema URLs of VC 2.0, Open Badges 3.0 and CLR 2.0.</summary>
public static partial class KnownContexts
{
    /// <summary>The W3C Verifiable Credentials Data Model 2.0 context (always first).</summary>
    public const string CredentialsV2 = "https://www.w3.org/ns/credentials/v2";

    /// <summary>The W3C Verifiable Credentials Data Model 1.1 context (accepted with a warning when verifying).</summary>
    public const string CredentialsV1 = "https://www.w3.org/2018/credentials/v1";

    /// <summary>The Open Badges 3.0 context Credstack emits (3.0.3).</summary>
    public const string OpenBadgesV3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>The CLR 2.0 context Credstack emits (2.0.1).</summary>
    public const string ClrV2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    /// <summary>The JSON Schema an AchievementCredential names in <c>credentialSchema</c>.</summary>
    public const string AchievementCredentialSchema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /// <summary>The JSON Schema an EndorsementCredential names in <c>credentialSchema</c>.</summary>
    public const string EndorsementCredentialSchema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json";

    /// <summary>The JSON Schema a ClrCredential names in <c>credentialSchema</c>.</summary>
    public const string ClrCredentialSchema = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";

    /// <summary>The <c>credentialSchema.type</c> of the 1EdTech JSON Schema validator.</summary>
    public const string JsonSchemaValidator2019 = "1EdTechJsonSchemaValidator2019";

    /// <summary>True for any Open Badges 3.0 context URL: <c>…/ob/v3p0/context.json</c> or <c>…/ob/v3p0/context-3.x.y.json</c>.</summary>
    public static bool IsOpenBadgesContext(string url) => OpenBadgesPattern().IsMatch(url);

    /// <summary>True for any CLR 2.0 context URL: <c>…/clr/v2p0/context.json</c> or <c>…/clr/v2p0/context-2.x.y.json</c>.</summary>
    public static bool IsClrContext(string url) => ClrPattern().IsMatch(url);

    [GeneratedRegex(@"^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.[0-9]\.[0-9])?\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenBadgesPattern();

    [GeneratedRegex(@"^https://purl\.imsglobal\.org/spec/clr/v2p0/context(-2\.[0-9]\.[0-9])?\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex ClrPattern();
}
