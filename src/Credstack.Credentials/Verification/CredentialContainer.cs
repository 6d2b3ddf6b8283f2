namespace Credstack.Credentials.Verification;

/// <summary>What the credential arrived in before it was verified; written in JSON as the lower-case names given here.</summary>
public enum CredentialContainer
{
    /// <summary><c>none</c>: the input was the credential itself (JSON or a compact JWS).</summary>
    None,

    /// <summary><c>png</c>: a baked PNG (OB 3.0 §5.3.1, iTXt <c>openbadgecredential</c> / <c>clrcredential</c>, OB 2.0 <c>openbadges</c>).</summary>
    Png,

    /// <summary><c>svg</c>: a baked SVG (OB 3.0 §5.3.2).</summary>
    Svg,

    /// <summary><c>data-url</c>: an <c>EnvelopedVerifiableCredential</c> or a bare <c>data:application/vc+jwt,…</c> URL (VC DM 2.0 §4.13.1).</summary>
    DataUrl,
}
