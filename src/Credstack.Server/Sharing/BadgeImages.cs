using System.Text;
using Credstack.Credentials.Baking;
using Credstack.Server.Achievements;

namespace Credstack.Server.Sharing;

/// <summary>
/// The images of a shared credential: what the page shows, and the baked downloads (OB 3.0 §5.3). A PNG achievement
/// image bakes into PNG and an SVG image into SVG. The other way round, and for JPEG images or none at all, the
/// credential is baked into generated artwork (<see cref="BadgeArtwork"/>): the SVG download wraps a PNG or JPEG image
/// in a generated SVG medallion, and the PNG download of an achievement without a PNG image is the generated medallion
/// PNG, since the server has no SVG rasteriser and a baked PNG must stay a valid PNG.
/// </summary>
internal static class BadgeImages
{
    /// <summary>The image the page shows: the achievement's own, else generated SVG artwork.</summary>
    public static (byte[] Content, string MediaType) Display(string name, AchievementImage? image) =>
        image is not null ? (image.Content, image.MediaType) : (BadgeArtwork.Svg(name), ImageSniffer.Svg);

    /// <summary>A raster image for link previews (social sites do not show SVG): the achievement's PNG or JPEG, else the generated PNG.</summary>
    public static (byte[] Content, string MediaType) Preview(string name, AchievementImage? image) =>
        image is { MediaType: ImageSniffer.Png or ImageSniffer.Jpeg } ? (image.Content, image.MediaType) : (BadgeArtwork.Png(name), ImageSniffer.Png);

    public static byte[] BakedPng(SharedCredential shared, AchievementImage? image)
    {
        var credential = Encoding.UTF8.GetString(shared.Bytes);
        if (image is { MediaType: ImageSniffer.Png } && PngBaker.Bake(image.Content, credential) is { Succeeded: true } own)
        {
            return own.Image;
        }

        return Bake(PngBaker.Bake(BadgeArtwork.Png(shared.AchievementName), credential));
    }

    public static byte[] BakedSvg(SharedCredential shared, AchievementImage? image)
    {
        var credential = Encoding.UTF8.GetString(shared.Bytes);
        if (image is { MediaType: ImageSniffer.Svg } && SvgBaker.Bake(image.Content, credential) is { Succeeded: true } own)
        {
            return own.Image;
        }

        var raster = image is { MediaType: ImageSniffer.Png or ImageSniffer.Jpeg } ? (image.Content, image.MediaType) : ((byte[], string)?)null;
        return Bake(SvgBaker.Bake(BadgeArtwork.Svg(shared.AchievementName, raster), credential));
    }

    /// <summary>A file name from the achievement's name: letters, digits and dashes.</summary>
    public static string FileName(string name, string extension)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().Trim('-');
        return (stem.Length == 0 ? "credential" : stem[..Math.Min(60, stem.Length)].TrimEnd('-')) + "." + extension;
    }

    // Generated artwork always takes a credential the server signed: a failure here is a bug, not an input problem.
    private static byte[] Bake(BakeResult result) =>
        result.Succeeded ? result.Image : throw new InvalidOperationException("Baking into generated artwork failed: " + result.Reason);
}
