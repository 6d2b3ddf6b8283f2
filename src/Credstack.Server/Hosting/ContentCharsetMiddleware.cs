using Credstack.Server.Problems;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.Hosting;

/// <summary>
/// Refuses (415) a request body whose <c>Content-Type</c> names a charset the server cannot decode
/// (<c>application/json; charset=nonsense</c>), before any endpoint reads it: the JSON binder would otherwise throw
/// while choosing a decoder, and the client would see a 500 for its own mistake.
/// </summary>
internal sealed class ContentCharsetMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && parsed.Charset.HasValue && parsed.Charset.Length > 0
            && parsed.Encoding is null)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new()
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Type = ProblemTypes.UnsupportedMediaType,
                    Title = "Unsupported media type",
                    Detail = $"The body's charset '{parsed.Charset}' is not one the server reads; send UTF-8.",
                },
            });
            return;
        }

        await next(context);
    }
}
