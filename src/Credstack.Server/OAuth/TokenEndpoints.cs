// RFC 6749 §3.2 (token endpoint: POST, application/x-www-form-urlencoded, parameters at most once) and
// RFC 7009 §2 (token revocation), both authenticated with client_secret_basic.
using System.Text.Json;
using Credstack.Server.Hosting;
using Microsoft.Extensions.Primitives;

namespace Credstack.Server.OAuth;

/// <summary>The authorization server's machine endpoints: <c>/oauth/register</c>, <c>/oauth/token</c>, <c>/oauth/revoke</c>.</summary>
internal static class TokenEndpoints
{
    public static RouteGroupBuilder MapOAuthTokens(this IEndpointRouteBuilder app)
    {
        // Authenticated by client credentials in the handlers, not by the session cookie or API tokens.
        // RFC 6749 / 7591 / 7009 define these endpoints; they are not part of Credstack's own OpenAPI document.
        var group = app.MapGroup("/oauth").AllowAnonymous().ExcludeFromDescription();
        group.MapPost("/register", RegisterAsync).WithName("RegisterOAuthClient");
        group.MapPost("/token", TokenAsync).WithName("OAuthToken");
        group.MapPost("/revoke", RevokeAsync).WithName("OAuthRevoke");
        return group;
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, ClientRegistration registration, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return OAuthError.Result(context, OAuthError.InvalidClientMetadata, "Send the registration request as application/json (RFC 7591 §3.1).");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException exception)
        {
            return OAuthError.Result(context, OAuthError.InvalidClientMetadata, "The request body is not valid JSON: " + exception.Message);
        }

        using (document)
        {
            var (response, error) = await registration.RegisterAsync(document.RootElement, cancellationToken);
            if (error is not null)
            {
                return OAuthError.Result(context, error.Error, error.ErrorDescription!);
            }

            OAuthError.NoStore(context);
            return TypedResults.Json(response, statusCode: StatusCodes.Status201Created);
        }
    }

    private static async Task<IResult> TokenAsync(HttpContext context, ClientAuthentication authentication, TokenGrants grants, CancellationToken cancellationToken)
    {
        var (form, formError) = await ReadFormAsync(context, cancellationToken);
        if (formError is not null)
        {
            return OAuthError.Result(context, OAuthError.InvalidRequest, formError);
        }

        var client = await authentication.AuthenticateAsync(context.Request, cancellationToken);
        if (client is null)
        {
            return OAuthError.Result(context, OAuthError.InvalidClient, "Authenticate the client with HTTP Basic (client_id:client_secret).");
        }

        var grantType = form!["grant_type"].ToString();
        var (response, error) = grantType switch
        {
            OAuthGrantTypes.AuthorizationCode => await grants.ExchangeCodeAsync(client, Value(form, "code"), Value(form, "redirect_uri"), Value(form, "code_verifier"), cancellationToken),
            OAuthGrantTypes.RefreshToken when client.MayRefresh => await grants.RefreshAsync(client, Value(form, "refresh_token"), Value(form, "scope"), cancellationToken),
            OAuthGrantTypes.RefreshToken => (null, new OAuthError(OAuthError.UnauthorizedClient, "This client did not register the refresh_token grant.")),
            "" => (null, new OAuthError(OAuthError.InvalidRequest, "grant_type is required.")),
            _ => (null, new OAuthError(OAuthError.UnsupportedGrantType, "grant_type must be authorization_code or refresh_token.")),
        };
        if (error is not null)
        {
            return OAuthError.Result(context, error.Error, error.ErrorDescription!);
        }

        OAuthError.NoStore(context);
        return TypedResults.Json(response);
    }

    private static async Task<IResult> RevokeAsync(HttpContext context, ClientAuthentication authentication, OAuthTokenStore tokens, CancellationToken cancellationToken)
    {
        var (form, formError) = await ReadFormAsync(context, cancellationToken);
        if (formError is not null)
        {
            return OAuthError.Result(context, OAuthError.InvalidRequest, formError);
        }

        var client = await authentication.AuthenticateAsync(context.Request, cancellationToken);
        if (client is null)
        {
            return OAuthError.Result(context, OAuthError.InvalidClient, "Authenticate the client with HTTP Basic (client_id:client_secret).");
        }

        var presented = Value(form!, "token");
        if (string.IsNullOrEmpty(presented))
        {
            return OAuthError.Result(context, OAuthError.InvalidRequest, "token is required.");
        }

        // The token's own prefix says its kind, so token_type_hint (RFC 7009 §2.1, optional) is not needed.
        var token = await tokens.FindAsync(presented, OAuthToken.Refresh, cancellationToken)
            ?? await tokens.FindAsync(presented, OAuthToken.Access, cancellationToken);
        if (token is not null && token.ClientId != client.Id)
        {
            // RFC 7009 §2.1: a token issued to another client is refused.
            return OAuthError.Result(context, OAuthError.UnauthorizedClient, "The token was not issued to this client.");
        }

        if (token is not null)
        {
            // RFC 7009 §2.1: revoking a refresh token SHOULD also invalidate the access tokens of the same grant.
            await (token.Kind == OAuthToken.Refresh ? tokens.RevokeGrantAsync(token.GrantId, cancellationToken) : tokens.RevokeAsync(token.Id, cancellationToken));
        }

        // RFC 7009 §2.2: unknown and already invalid tokens get 200 too; the client has nothing left to do.
        OAuthError.NoStore(context);
        return TypedResults.Ok();
    }

    private static async Task<(IFormCollection? Form, string? Error)> ReadFormAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, "Send the parameters as application/x-www-form-urlencoded (RFC 6749 §3.2).");
        }

        var (form, error) = await FormBody.ReadAsync(context.Request, cancellationToken);
        if (form is null)
        {
            return (null, error);
        }

        if (form.FirstOrDefault(p => p.Value.Count > 1) is { Key: { } repeated })
        {
            return (null, $"The parameter '{repeated}' appears more than once (RFC 6749 §3.2).");
        }

        return (form, null);
    }

    private static string? Value(IFormCollection form, string name) => form.TryGetValue(name, out StringValues value) ? value.ToString() : null;
}
