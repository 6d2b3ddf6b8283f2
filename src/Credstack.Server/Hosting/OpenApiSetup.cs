using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
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

    private const string BearerScheme = "apiToken";
    private const string SessionScheme = "session";

    public static WebApplicationBuilder AddCredstackOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options => options
            .AddDocumentTransformer(DescribeDocument)
            .AddOperationTransformer(DeclareOrganizationParameter)
            .AddOperationTransformer(DeclareSecurity)
            .AddSchemaTransformer(DescribeStrings));
        return builder;
    }

    public static IEndpointRouteBuilder MapCredstackOpenApi(this IEndpointRouteBuilder app)
    {
        // Only the documents there are: another name is the router's 404 problem, not the OpenAPI middleware's plain text.
        app.MapOpenApi("/openapi/{documentName:regex(^" + DocumentName + "$)}.json").AllowAnonymous();
        return app;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Credstack API";
        document.Info.Version = "v1";
        document.Info.Description = "Issue, verify, hold and stack micro-credentials (Open Badges 3.0 / W3C Verifiable Credentials 2.0). Errors are RFC 9457 problem details with stable type URIs under https://credstack.dev/problems/.";
        // The request's own address would make the committed document differ per machine.
        document.Servers?.Clear();
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An organization's API token (cst_<id>_<secret>), created by an admin at POST /api/v1/orgs/{orgId}/tokens.",
        };
        document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "credstack_session",
            Description = "The session cookie set by POST /api/v1/sessions.",
        };
        return Task.CompletedTask;
    }

    // Strings are bound by StorableStringConverter (it refuses NULs), and the schema exporter describes a type with a
    // converter of its own as "anything"; they are strings still, nullable where the property is annotated so.
    private static Task DescribeStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = context.JsonPropertyInfo is { } property && (property.IsGetNullable || property.IsSetNullable)
                ? JsonSchemaType.String | JsonSchemaType.Null
                : JsonSchemaType.String;
        }
        else if (context.JsonTypeInfo.ElementType == typeof(string) && context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable
            && (schema.Items is null || schema.Items.Type is null))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    }

    // Handlers read the organization from OrgCaller, not from a bound orgId parameter, so the
    // generator does not see the route parameter; declare it.
    private static Task DeclareOrganizationParameter(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
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
    }

    // An endpoint that requires authentication accepts either a session or an API token.
    private static Task DeclareSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SessionScheme, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
        return Task.CompletedTask;
    }
}
