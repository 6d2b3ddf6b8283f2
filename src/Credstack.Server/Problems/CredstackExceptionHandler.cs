using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Credstack.Server.Problems;

/// <summary>
/// The one place an exception becomes a response. A request the framework could not bind
/// (malformed JSON, wrong content type, a body over the limit) is the client's error and gets its
/// 4xx problem; anything else is a bug or a broken environment: logged, and answered with a 500
/// problem that carries no exception text or stack.
/// </summary>
internal sealed partial class CredstackExceptionHandler(IProblemDetailsService problems, ILogger<CredstackExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => ForBadRequest(bad),
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "Internal server error",
                Detail = "The server failed to handle the request. The failure has been logged.",
            },
        };

        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (Web.WebSetup.WantsHtml(httpContext.Request))
        {
            await Web.HtmlErrorPage.WriteAsync(httpContext, problem.Status.Value);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    private static ProblemDetails ForBadRequest(BadHttpRequestException bad)
    {
        var (title, detail) = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", "The request body is larger than this endpoint accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the request body as application/json."),
            // The JSON reader's message names the position of the error and echoes no secrets.
            _ => ("Malformed request", bad.InnerException is JsonException json ? "The request body is not valid JSON for this endpoint: " + json.Message : bad.Message),
        };
        return new ProblemDetails { Status = bad.StatusCode, Type = ProblemTypes.ForStatus(bad.StatusCode), Title = title, Detail = detail };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
