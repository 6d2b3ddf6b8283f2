// RFC 6749 §5.2 (token endpoint errors), RFC 7591 §3.2.2 (registration errors), RFC 7009 §2.2.1 (revocation):
// a JSON object with "error" and an optional "error_description", never cached.
using System.Text.Json.Serialization;

namespace Credstack.Server.OAuth;

/// <summary>An OAuth error response body.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription)
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";
    public const string AccessDenied = "access_denied";
    public const string UnsupportedResponseType = "unsupported_response_type";
    public const string InvalidRedirectUri = "invalid_redirect_uri";
    public const string InvalidClientMetadata = "invalid_client_metadata";

    /// <summary>The response: 400, or 401 with a Basic challenge for <see cref="InvalidClient"/> (RFC 6749 §5.2).</summary>
    public static IResult Result(HttpContext context, string error, string description)
    {
        NoStore(context);
        var status = StatusCodes.Status400BadRequest;
        if (error == InvalidClient)
        {
            status = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"credstack\"";
        }

        return TypedResults.Json(new OAuthError(error, description), statusCode: status);
    }

    /// <summary>RFC 6749 §5.1: responses carrying tokens or credentials must not be cached.</summary>
    public static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }
}
