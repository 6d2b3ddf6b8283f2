using System.Text;
using System.Text.Encodings.Web;
using Credstack.Credentials.Model;
using Credstack.Server.Keys;

namespace Credstack.Server.Issuers;

/// <summary>The issuer Profile as a plain HTML page for people (no scripts, no external resources).</summary>
internal static class IssuerProfilePage
{
    public static string Render(Profile profile, string didDocumentUrl, string jsonUrl, IReadOnlyList<IssuerKey> keys)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<title>").Append(html.Encode(profile.Name ?? "Issuer")).Append(" · Credstack issuer</title>\n");
        page.Append("<link rel=\"alternate\" type=\"application/ld+json\" href=\"").Append(html.Encode(jsonUrl)).Append("\">\n");
        page.Append("<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{word-break:break-all}table{border-collapse:collapse}td,th{padding:.25rem .75rem .25rem 0;text-align:left}</style>\n");
        page.Append("</head>\n<body>\n<main>\n");
        page.Append("<h1>").Append(html.Encode(profile.Name ?? "Issuer")).Append("</h1>\n");
        page.Append("<p>An issuer of Open Badges 3.0 credentials on Credstack.</p>\n");
        if (profile.Description is { } description)
        {
            page.Append("<p>").Append(html.Encode(description)).Append("</p>\n");
        }

        page.Append("<dl>\n");
        if (profile.Url is { } url)
        {
            page.Append("<dt>Web site</dt><dd><a href=\"").Append(html.Encode(url)).Append("\" rel=\"nofollow\">").Append(html.Encode(url)).Append("</a></dd>\n");
        }

        if (profile.Email is { } email)
        {
            page.Append("<dt>E-mail</dt><dd>").Append(html.Encode(email)).Append("</dd>\n");
        }

        page.Append("<dt>Issuer identifier (DID)</dt><dd><code>").Append(html.Encode(profile.Id)).Append("</code></dd>\n");
        page.Append("<dt>DID document</dt><dd><a href=\"").Append(html.Encode(didDocumentUrl)).Append("\">").Append(html.Encode(didDocumentUrl)).Append("</a></dd>\n");
        page.Append("</dl>\n<h2>Signing keys</h2>\n");
        if (keys.Count == 0)
        {
            page.Append("<p>No keys yet.</p>\n");
        }
        else
        {
            page.Append("<table>\n<thead><tr><th>Verification method</th><th>Type</th><th>Status</th><th>Since</th></tr></thead>\n<tbody>\n");
            foreach (var key in keys)
            {
                page.Append("<tr><td><code>#").Append(html.Encode(key.Fragment)).Append("</code></td><td>").Append(html.Encode(key.KeyType))
                    .Append("</td><td>").Append(html.Encode(key.Status)).Append("</td><td>")
                    .Append(key.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }

            page.Append("</tbody>\n</table>\n<p>Retired keys stay listed so that credentials they signed keep verifying.</p>\n");
        }

        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }
}
