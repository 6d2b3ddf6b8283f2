// Open Badges 3.0 §B, Image: a closed class (id, type "Image", caption).
namespace Credstack.Credentials.Model;

/// <summary>An image of a credential, achievement or profile: a URL or a data: URI.</summary>
public sealed record Image
{
    /// <summary>The URI or data: URI of the image.</summary>
    public required string Id { get; init; }

    /// <summary>Always <c>Image</c>.</summary>
    public string Type { get; init; } = "Image";

    /// <summary>The image's caption.</summary>
    public string? Caption { get; init; }
}
