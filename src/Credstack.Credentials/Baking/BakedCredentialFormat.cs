// Open Badges 3.0 §5.3 "Baked Badges" (keyword openbadgecredential, namespace
// https://purl.imsglobal.org/ob/v3p0), CLR 2.0 (clrcredential, https://purl.imsglobal.org/clr/v2p0),
// Open Badges 2.0 "Baking" (keyword openbadges, namespace https://openbadges.org).
namespace Credstack.Credentials.Baking;

/// <summary>Which specification's baking convention an image follows.</summary>
public enum BakedCredentialFormat
{
    /// <summary>Open Badges 3.0: PNG keyword <c>openbadgecredential</c>, SVG namespace <c>https://purl.imsglobal.org/ob/v3p0</c>.</summary>
    OpenBadge3,

    /// <summary>CLR 2.0: PNG keyword <c>clrcredential</c>, SVG namespace <c>https://purl.imsglobal.org/clr/v2p0</c>.</summary>
    Clr2,

    /// <summary>Open Badges 2.0: PNG keyword <c>openbadges</c>, SVG namespace <c>https://openbadges.org</c>. Read for import only.</summary>
    OpenBadge2,
}
