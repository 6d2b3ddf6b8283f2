// Open Badges 3.0 §5.3 "Baked Badges": the extracted credential as a value.
namespace Credstack.Credentials.Baking;

/// <summary>What <see cref="PngBaker.Unbake"/> or <see cref="SvgBaker.Unbake"/> found.</summary>
public sealed record UnbakeResult
{
    /// <summary>Found, not baked, or malformed.</summary>
    public required UnbakeStatus Status { get; init; }

    /// <summary>The convention the baked credential follows, when found.</summary>
    public BakedCredentialFormat? Format { get; init; }

    /// <summary>JSON, compact JWS or URL, when found.</summary>
    public BakedPayloadKind? PayloadKind { get; init; }

    /// <summary>The baked text exactly as stored (JSON, compact JWS or URL), when found.</summary>
    public string? Payload { get; init; }

    /// <summary>Why the image is malformed; null otherwise.</summary>
    public string? Reason { get; init; }

    internal static UnbakeResult NotBaked { get; } = new() { Status = UnbakeStatus.NotBaked };

    internal static UnbakeResult Malformed(string reason) => new() { Status = UnbakeStatus.Malformed, Reason = reason };
}
