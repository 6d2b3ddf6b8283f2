using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Credstack.Server.OAuth;

/// <summary>
/// The few server-rendered pages of the authorization endpoint: sign in, consent, and errors that cannot be
/// sent back to the client. Plain HTML forms, no JavaScript; every value is HTML-encoded; the pages may not be
/// framed (clickjacking a consent button is the classic attack on this page) and are never cached.
/// </summary>
internal static class AuthorizePages
{
    public static IResult Error(HttpContext context, int status, string message) =>
        Page(context, status, "Cannot continue", $"<p>{E(message)}</p><p>Go back to the application and try again.</p>");

    /// <summary>
    /// A browser arriving from the client's site through a cross-site redirect may not send the session cookie.
    /// Reloading from this (same-site) page does; only if that also finds no session is the sign-in form shown.
    /// </summary>
    public static IResult Reload(HttpContext context, string url) =>
        Page(context, StatusCodes.Status200OK, "Continuing…", $"<p><a href=\"{E(url)}\">Continue</a></p>", $"<meta http-equiv=\"refresh\" content=\"0;url={E(url)}\">");

    public static IResult SignIn(HttpContext context, int status, string returnTo, string? error)
    {
        var body = new StringBuilder();
        body.Append("<p>Sign in to Credstack to continue.</p>");
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        }

        body.Append("<form method=\"post\" action=\"/oauth/sign-in\">")
            .Append("<input type=\"hidden\" name=\"return_to\" value=\"").Append(E(returnTo)).Append("\">")
            .Append("<p><label>E-mail address <input type=\"email\" name=\"email\" autocomplete=\"username\" required></label></p>")
            .Append("<p><label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label></p>")
            .Append("<p><button type=\"submit\">Sign in</button></p></form>");
        return Page(context, status, "Sign in", body.ToString());
    }

    public static IResult Consent(HttpContext context, AuthorizationRequest request, string accountName, string accountEmail, string ticket)
    {
        var host = Uri.TryCreate(request.Client.ClientUri, UriKind.Absolute, out var clientUri) ? clientUri.Host : request.Client.ClientUri;
        var body = new StringBuilder();
        body.Append("<p><strong>").Append(E(request.Client.ClientName)).Append("</strong> (<a href=\"").Append(E(request.Client.ClientUri))
            .Append("\" rel=\"noopener noreferrer\">").Append(E(host)).Append("</a>) asks to use your Credstack account <strong>")
            .Append(E(accountName)).Append("</strong> (").Append(E(accountEmail)).Append(").</p>")
            .Append("<p>It will be able to:</p><ul>");
        foreach (var scope in request.Scopes)
        {
            body.Append("<li>").Append(E(OAuthScopes.Descriptions[scope])).Append(" <small><code>").Append(E(scope)).Append("</code></small></li>");
        }

        body.Append("</ul><p>Approve only if you trust this application. You can take access back at any time.</p>")
            .Append("<form method=\"post\" action=\"/oauth/authorize\">")
            .Append("<input type=\"hidden\" name=\"ticket\" value=\"").Append(E(ticket)).Append("\">")
            .Append("<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button> ")
            .Append("<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>");
        return Page(context, StatusCodes.Status200OK, "Allow access?", body.ToString());
    }

    private static ContentHttpResult Page(HttpContext context, int status, string title, string body, string head = "")
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">{head}
            <title>{E(title)} · Credstack</title>
            <style>body{"{"}font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5{"}"}.error{"{"}color:#a00{"}"}button{"{"}padding:.4rem 1rem{"}"}</style>
            </head><body><h1>{E(title)}</h1>{body}</body></html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
