using Credstack.Server.Hosting;
using Microsoft.AspNetCore.Http.Json;

namespace Credstack.Server.Problems;

/// <summary>RFC 9457 problem details for every error the server returns, including the framework's own.</summary>
internal static class ProblemsSetup
{
    public static WebApplicationBuilder AddCredstackProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        builder.Services.AddExceptionHandler<CredstackExceptionHandler>();
        // Binding failures (bad JSON, wrong content type) throw BadHttpRequestException, which the
        // exception handler turns into 400/415 problems instead of empty responses.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.AllowTrailingCommas = false;
            // A NUL in a JSON string is refused while binding (400), not by PostgreSQL later (500).
            options.SerializerOptions.Converters.Add(new StorableStringConverter());
        });
        return builder;
    }

    public static WebApplication UseCredstackProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        // 404 for unknown routes, 405 for a wrong method and any other bodiless error become problems too;
        // a browser asking for a page gets the same error as an HTML page.
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (Web.WebSetup.WantsHtml(http.Request))
            {
                await Web.HtmlErrorPage.WriteAsync(http, http.Response.StatusCode);
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
        });
        return app;
    }

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (problem.Type is null || !problem.Type.StartsWith(ProblemTypes.Base, StringComparison.Ordinal))
        {
            problem.Type = ProblemTypes.ForStatus(status);
        }
    }
}
