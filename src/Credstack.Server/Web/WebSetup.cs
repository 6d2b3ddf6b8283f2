namespace Credstack.Server.Web;

/// <summary>
/// The server-rendered pages (Razor Pages). Pages live in the feature folder they belong to
/// (<c>Console/</c>, <c>Backpack/</c>, <c>Sharing/</c>, <c>Verification/</c>, <c>Accounts/</c>) and
/// declare absolute routes with <c>@page "/..."</c>; this folder holds the layout, the home page and
/// the error page. Every main path works without JavaScript; forms carry antiforgery tokens.
/// </summary>
internal static class WebSetup
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
            {
                // Pages sit in feature folders across the project, not under /Pages.
                options.RootDirectory = "/";
            })
            // The compiled pages are in this assembly, which is not the entry assembly under a test host or the CLI.
            .AddApplicationPart(typeof(WebSetup).Assembly);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "credstack_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__csrf";
        });
        return builder;
    }

    /// <summary>Static assets (<c>wwwroot/</c>): the style sheet and icons, cacheable for a day.</summary>
    public static WebApplication UseWebAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }

    /// <summary>True when the caller is a browser asking for a page (it prefers HTML over JSON).</summary>
    public static bool WantsHtml(HttpRequest request)
    {
        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var type = accept.MediaType.Value;
            if (type is null)
            {
                continue;
            }

            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (type.Contains("json", StringComparison.OrdinalIgnoreCase) || type == "*/*")
            {
                return false;
            }
        }

        return false;
    }
}
