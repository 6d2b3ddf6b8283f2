// Open Badges 3.0 §5.3 "Baked Badges", baking: outcome as a value.
using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Baking;

/// <summary>The baked image, or why the input image or payload was refused.</summary>
public sealed record BakeResult
{
    private BakeResult(byte[]? image, string? reason)
    {
        Image = image;
        Reason = reason;
    }

    /// <summary>The baked image bytes, when baking succeeded.</summary>
    public byte[]? Image { get; }

    /// <summary>Why baking was refused; null when it succeeded.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="Image"/> holds the baked image.</summary>
    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool Succeeded => Image is not null;

    internal static BakeResult Ok(byte[] image) => new(image, null);

    internal static BakeResult Fail(string reason) => new(null, reason);
}
