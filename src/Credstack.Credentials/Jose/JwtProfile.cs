namespace Credstack.Credentials.Jose;

/// <summary>Which JWT format a token is issued or verified as.</summary>
public enum JwtProfile
{
    /// <summary>Verification only: chosen from the <c>typ</c> header (<c>vc+jwt</c>, <c>vp+jwt</c>, else <c>JWT</c>/absent is Open Badges).</summary>
    Auto,

    /// <summary>W3C VC-JOSE-COSE §3.1.1: the credential is the payload, <c>typ: vc+jwt</c>, <c>cty: vc</c>.</summary>
    VcJoseCredential,

    /// <summary>W3C VC-JOSE-COSE §3.1.2: the presentation is the payload, <c>typ: vp+jwt</c>, <c>cty: vp</c>.</summary>
    VcJosePresentation,

    /// <summary>Open Badges 3.0 §8.2 (VC-JWT): the credential in the <c>vc</c> claim beside <c>iss</c>, <c>jti</c>, <c>sub</c>, <c>nbf</c>, <c>exp</c>.</summary>
    OpenBadges,
}
