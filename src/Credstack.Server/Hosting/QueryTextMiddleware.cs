using Credstack.Server.Problems;

namespace Credstack.Server.Hosting;

/// <summary>Refuses (400 <c>malformed-request</c>) a query string whose names or values hold a NUL character (<see cref="RequestText"/>).</summary>
internal sealed class QueryTextMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue
            && context.Request.Query.Any(p => !RequestText.IsStorable(p.Key) || p.Value.Any(v => !RequestText.IsStorable(v))))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new()
                {
                    Status = StatusCodes.Status400BadRequest,
                    Type = ProblemTypes.MalformedRequest,
                    Title = "Malformed request",
                    Detail = "The query string: " + RequestText.NulMessage,
                },
            });
            return;
        }

        await next(context);
    }
}
