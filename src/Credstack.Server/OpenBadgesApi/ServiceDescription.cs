// Open Badges 3.0 §6.3 (getServiceDescription) and §7.1.1.1: the Service Description Document, a profiled
// OpenAPI 3.0 document naming this server's endpoints, its OAuth 2.0 authorization code flow (authorization,
// token and refresh URLs, the scopes) and its registration URL (x-imssf-registrationUrl). It is written here
// rather than copied from the 1EdTech file: it lists only what this server implements, with its own URLs.
using System.Text.Json.Nodes;
using Credstack.Server.OAuth;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>Builds the Service Description Document for a public base URL.</summary>
internal static class ServiceDescription
{
    public const string BasePath = "/ims/ob/v3p0";
    private const string Tag = "OpenBadgeCredentials";

    public static JsonObject Build(string publicBaseUrl, OAuthOptions options)
    {
        var root = publicBaseUrl.TrimEnd('/');
        var info = new JsonObject
        {
            ["title"] = "Credstack Open Badges API",
            ["description"] = "The Open Badges 3.0 API of this Credstack server: the credentials and profile of the person who authorized the client.",
            ["version"] = "3.0",
            ["termsOfService"] = options.TermsOfServiceUrl ?? root + "/terms",
            ["x-imssf-privacyPolicyUrl"] = options.PrivacyPolicyUrl ?? root + "/privacy",
        };
        if (options.ImageUrl is { } image)
        {
            info["x-imssf-image"] = image;
        }

        var scopes = new JsonObject();
        foreach (var scope in OAuthScopes.OpenBadges)
        {
            scopes[scope] = OAuthScopes.Descriptions[scope];
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = info,
            ["servers"] = new JsonArray(new JsonObject { ["url"] = root + BasePath }),
            ["tags"] = new JsonArray(new JsonObject { ["name"] = Tag }, new JsonObject { ["name"] = "Discovery" }),
            ["paths"] = new JsonObject
            {
                ["/credentials"] = new JsonObject
                {
                    ["get"] = Operation("getCredentials", OAuthScopes.CredentialReadonly, "The credentials of the authenticated person, paged with limit, offset and since; X-Total-Count and Link headers."),
                    ["post"] = Operation("upsertCredential", OAuthScopes.CredentialUpsert, "Create (201) or replace (200) a credential of the authenticated person, sent as JSON or as a VC-JWT compact JWS (text/plain)."),
                },
                ["/profile"] = new JsonObject
                {
                    ["get"] = Operation("getProfile", OAuthScopes.ProfileReadonly, "The Profile of the authenticated person."),
                    ["put"] = Operation("putProfile", OAuthScopes.ProfileUpdate, "Replace the Profile of the authenticated person."),
                },
                ["/discovery"] = new JsonObject
                {
                    ["get"] = new JsonObject
                    {
                        ["tags"] = new JsonArray("Discovery"),
                        ["operationId"] = "getServiceDescription",
                        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "This document." } },
                    },
                },
            },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["OAuth2ACG"] = new JsonObject
                    {
                        ["type"] = "oauth2",
                        ["description"] = "OAuth 2.0 Authorization Code Grant authorization, with PKCE (S256) and client_secret_basic",
                        ["x-imssf-name"] = "Credstack",
                        ["x-imssf-privacyPolicyUrl"] = options.PrivacyPolicyUrl ?? root + "/privacy",
                        ["x-imssf-registrationUrl"] = root + "/oauth/register",
                        ["flows"] = new JsonObject
                        {
                            ["authorizationCode"] = new JsonObject
                            {
                                ["authorizationUrl"] = root + "/oauth/authorize",
                                ["tokenUrl"] = root + "/oauth/token",
                                ["refreshUrl"] = root + "/oauth/token",
                                ["scopes"] = scopes,
                            },
                        },
                    },
                },
                ["schemas"] = new JsonObject(),
            },
        };
    }

    private static JsonObject Operation(string operationId, string scope, string description) => new()
    {
        ["tags"] = new JsonArray(Tag),
        ["operationId"] = operationId,
        ["description"] = description,
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "Success." },
            ["default"] = new JsonObject { ["description"] = "An Imsx_StatusInfo document explaining the failure." },
        },
        ["security"] = new JsonArray(new JsonObject { ["OAuth2ACG"] = new JsonArray(scope) }),
    };
}
