using System.Text.Encodings.Web;

namespace Credstack.Server.Web;

/// <summary>
/// The error page a browser gets (unknown page, forbidden, server failure) instead of a problem document:
/// a plain page in the site's style with a way back. API callers keep getting RFC 9457 problems.
/// </summary>
internal static class HtmlErrorPage
{
    public static Task WriteAsync(HttpContext context, int status)
    {
        var (title, message) = status switch
        {
            StatusCodes.Status404NotFound => ("Page not found", "There is nothing at this address. It may have been mistyped, or the item was removed."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your account may not open this page. Ask an owner of the organization for access."),
            StatusCodes.Status401Unauthorized => ("Sign in first", "This page needs you to sign in."),
            StatusCodes.Status405MethodNotAllowed => ("Not allowed here", "This address does not take that kind of request."),
            StatusCodes.Status413PayloadTooLarge => ("Too large", "What you sent is larger than this page accepts."),
            StatusCodes.Status429TooManyRequests => ("Slow down", "Too many requests from your address; wait a moment and try again."),
            >= 500 => ("Something went wrong", "The server failed to handle the request. The failure has been logged; please try again."),
            _ => ("Cannot continue", "The request could not be handled."),
        };
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var e = HtmlEncoder.Default;
        return context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{e.Encode(title)} · Credstack</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><header class="site-header"><div class="wrap"><a class="brand" href="/">Credstack</a></div></header>
            <main id="main" class="wrap narrow"><h1>{e.Encode(title)}</h1><p>{e.Encode(message)}</p>
            <p class="muted">Error {status}</p><p><a class="button" href="/">Go to the home page</a></p></main></body></html>
            """);
    }
}
