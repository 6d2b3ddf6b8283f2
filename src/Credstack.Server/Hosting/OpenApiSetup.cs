using Microsoft.OpenApi;

namespace Credstack.Server.Hosting;

/// <summary>
/// The OpenAPI 3.1 document of the API, generated from the endpoints at <c>/openapi/v1.json</c>
/// and committed as docs/openapi/credstack-v1.json, so API changes show in review (a test
/// compares the two; docs/server.md says how to refresh the committed copy).
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static WebApplicationBuilder AddCredstackOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Credstack API";
            document.Info.Version = "v1";
            document.Info.Description = "Issue, verify, hold and stack micro-credentials (Open Badges 3.0 / W3C Verifiable Credentials 2.0). Errors are RFC 9457 problem details with stable type URIs under https://credstack.dev/problems/.";
            // The request's own address would make the committed document differ per machine.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Handlers read the organization from OrgCaller, not from a bound orgId parameter,
            // so the generator does not see the route parameter; declare it.
            if (context.Description.RelativePath?.Contains("{orgId}", StringComparison.Ordinal) == true
                && operation.Parameters?.Any(p => p.Name == "orgId") != true)
            {
                operation.Parameters ??= [];
                operation.Parameters.Insert(0, new OpenApiParameter
                {
                    Name = "orgId",
                    In = ParameterLocation.Path,
                    Required = true,
                    Description = "The organization's id.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapCredstackOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
