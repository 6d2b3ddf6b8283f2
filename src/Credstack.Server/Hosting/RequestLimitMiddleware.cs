using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Hosting;

/// <summary>
/// Applies the request body limit of the matched endpoint (its <see cref="IRequestSizeLimitMetadata"/>,
/// else <c>Credstack:Limits:MaxRequestBodyBytes</c>): a declared length over it is answered with a
/// 413 problem at once, and Kestrel stops a chunked body that grows past it while it is read.
/// </summary>
internal sealed class RequestLimitMiddleware(RequestDelegate next, IOptions<CredstackOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? options.Value.Limits.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new()
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Type = ProblemTypes.PayloadTooLarge,
                    Title = "Request body too large",
                    Detail = $"The request body is {context.Request.ContentLength} bytes; this endpoint accepts at most {limit}.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
