// Open Badges 3.0 §5.3 "Baked Badges", extraction.
namespace Credstack.Credentials.Baking;

/// <summary>The outcome of reading a baked credential out of an image.</summary>
public enum UnbakeStatus
{
    /// <summary>A baked credential was found: see <see cref="UnbakeResult.Payload"/>.</summary>
    Found,

    /// <summary>The image is well-formed but holds no baked credential.</summary>
    NotBaked,

    /// <summary>The image (or the baked text) is malformed: see <see cref="UnbakeResult.Reason"/>.</summary>
    Malformed,
}
