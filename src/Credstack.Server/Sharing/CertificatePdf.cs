using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using QRCoder;

namespace Credstack.Server.Sharing;

/// <summary>
/// A one-page A4 landscape PDF certificate of a shared credential, drawn with PDFsharp in the embedded DejaVu fonts,
/// with a QR code (QRCoder, drawn as vector squares) that opens the credential's public page, where it is verified live.
/// The certificate is a convenience for people; the credential's proof is the JSON, not this PDF.
/// </summary>
internal static class CertificatePdf
{
    private static readonly XColor Ink = XColor.FromArgb(0x11, 0x18, 0x27);
    private static readonly XColor Muted = XColor.FromArgb(0x4B, 0x55, 0x63);
    private static readonly XColor Revoked = XColor.FromArgb(0xB9, 0x1C, 0x1C);

    public static byte[] Create(SharedCredential shared, DateTimeOffset now)
    {
        CertificateFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{shared.AchievementName} · {shared.IssuerName}";
        document.Info.Author = shared.IssuerName;
        document.Info.Subject = "Certificate of a verifiable credential: " + shared.PageUrl;
        document.Info.Creator = "Credstack";
        document.Info.CreationDate = now.UtcDateTime;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(842);
        page.Height = XUnit.FromPoint(595);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            Draw(gfx, shared);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void Draw(XGraphics gfx, SharedCredential shared)
    {
        const double width = 842;
        var (r, g, b) = BadgeArtwork.Colour(shared.AchievementName);
        var accent = XColor.FromArgb(r, g, b);
        gfx.DrawRectangle(new XPen(accent, 3), 22, 22, width - 44, 595 - 44);
        gfx.DrawRectangle(new XPen(accent, 0.75), 30, 30, width - 60, 595 - 60);

        var small = new XFont(CertificateFonts.Family, 10);
        var body = new XFont(CertificateFonts.Family, 12);
        var label = new XFont(CertificateFonts.Family, 13, XFontStyleEx.Bold);
        Centered(gfx, shared.IssuerName, new XFont(CertificateFonts.Family, 16, XFontStyleEx.Bold), Ink, 62);
        Centered(gfx, "CERTIFICATE OF ACHIEVEMENT", label, accent, 88);

        // The medallion: the generated badge artwork's colour and initials.
        gfx.DrawEllipse(new XSolidBrush(accent), (width / 2) - 42, 112, 84, 84);
        gfx.DrawEllipse(new XPen(XColors.White, 2), (width / 2) - 36, 118, 72, 72);
        Centered(gfx, BadgeArtwork.Initials(shared.AchievementName), new XFont(CertificateFonts.Family, 26, XFontStyleEx.Bold), XColors.White, 167);

        var y = 232.0;
        if (shared.RecipientName is { } recipient)
        {
            Centered(gfx, "This certifies that", body, Muted, y);
            Centered(gfx, recipient, new XFont(CertificateFonts.Family, 26, XFontStyleEx.Bold), Ink, y + 34);
            Centered(gfx, "has earned", body, Muted, y + 58);
            y += 70;
        }
        else
        {
            Centered(gfx, "Awarded for", body, Muted, y);
            y += 12;
        }

        var title = new XFont(CertificateFonts.Family, shared.AchievementName.Length > 48 ? 20 : 24, XFontStyleEx.Bold);
        var formatter = new XTextFormatter(gfx) { Alignment = XParagraphAlignment.Center };
        formatter.DrawString(shared.AchievementName, title, new XSolidBrush(Ink), new XRect(110, y, width - 220, 64), XStringFormats.TopLeft);
        if (shared.AchievementDescription is { Length: > 0 } description)
        {
            var text = description.Length > 300 ? description[..299] + "…" : description;
            formatter.DrawString(text, body, new XSolidBrush(Muted), new XRect(150, y + 62, width - 300, 54), XStringFormats.TopLeft);
        }

        var facts = new List<string>
        {
            "Issued " + Date(shared.Award.ValidFrom),
        };
        if (shared.Award.ValidUntil is { } until)
        {
            facts.Add("Expires " + Date(until));
        }

        facts.Add("Credential " + shared.Award.Id);
        facts.Add("Verify at " + shared.PageUrl);
        var factY = 470.0;
        foreach (var fact in facts)
        {
            gfx.DrawString(fact, small, new XSolidBrush(Muted), new XPoint(56, factY));
            factY += 16;
        }

        if (shared.IsRevoked)
        {
            var reason = shared.Award.StatusReason is { Length: > 0 } why ? ": " + why : "";
            gfx.DrawString("REVOKED by the issuer" + reason, label, new XSolidBrush(Revoked), new XPoint(56, 452));
        }

        DrawQr(gfx, shared.PageUrl, x: width - 56 - 104, y: 430, size: 104);
        gfx.DrawString("Scan to verify", small, new XSolidBrush(Muted), new XRect(width - 56 - 104, 536, 104, 14), XStringFormats.TopCenter);
    }

    private static void DrawQr(XGraphics gfx, string url, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var column = 0; column < matrix[row].Count; column++)
            {
                if (matrix[row][column])
                {
                    // A hair of overlap so that adjacent squares print without seams.
                    gfx.DrawRectangle(XBrushes.Black, x + (column * module), y + (row * module), module + 0.05, module + 0.05);
                }
            }
        }
    }

    private static void Centered(XGraphics gfx, string text, XFont font, XColor colour, double baseline) =>
        gfx.DrawString(text, font, new XSolidBrush(colour), new XRect(40, baseline - font.Size, 842 - 80, font.Size * 1.3), XStringFormats.TopCenter);

    private static string Date(DateTimeOffset date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
