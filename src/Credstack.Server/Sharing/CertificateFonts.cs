using PdfSharp.Fonts;

namespace Credstack.Server.Sharing;

/// <summary>
/// The fonts of PDF certificates: DejaVu Sans and DejaVu Sans Bold, embedded in the assembly (Sharing/Fonts, Bitstream
/// Vera licence in Fonts/LICENSE.txt). PDFsharp's Core build finds no fonts by itself on Linux, and the server must
/// draw the same certificate on a machine with no fonts installed. Every family name resolves to DejaVu Sans.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Installs the resolver once per process: PDFsharp allows it to be set only once, before any font is used.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                GlobalFontSettings.FontResolver = new CertificateFonts();
                _registered = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        // No italic face is embedded: PDFsharp simulates it by slanting the regular or bold face.
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"fonts/{faceName}.ttf")
            ?? throw new InvalidOperationException($"The embedded font {faceName}.ttf is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
