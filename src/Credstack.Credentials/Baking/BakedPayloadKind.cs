// Open Badges 3.0 §5.3: a baked credential is either the JSON credential (embedded proof) or a
// compact JWS (VC-JWT). Open Badges 2.0 images may also hold the URL of a hosted assertion.
namespace Credstack.Credentials.Baking;

/// <summary>What kind of text was baked into an image.</summary>
public enum BakedPayloadKind
{
    /// <summary>A JSON object: a credential with an embedded proof (or an OB 2.0 assertion).</summary>
    Json,

    /// <summary>A compact JWS (three base64url segments): a VC-JWT / OB 2.0 signed assertion.</summary>
    CompactJws,

    /// <summary>An http(s) URL of a hosted assertion (Open Badges 2.0 only).</summary>
    Url,
}
