// Bounds for reading untrusted images (Open Badges 3.0 §5.3 sets none; these keep a hostile
// upload from exhausting memory).
namespace Credstack.Credentials.Baking;

/// <summary>Size limits for baking and unbaking.</summary>
public sealed record BakingLimits
{
    /// <summary>The defaults: 32 MiB images, 4 MiB baked text.</summary>
    public static BakingLimits Default { get; } = new();

    /// <summary>Largest image accepted, in bytes.</summary>
    public int MaxImageBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Largest baked text accepted, in bytes (after decompression for a compressed iTXt).</summary>
    public int MaxPayloadBytes { get; init; } = 4 * 1024 * 1024;
}
