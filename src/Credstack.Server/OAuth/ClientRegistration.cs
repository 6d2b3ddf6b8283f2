// RFC 7591 §2 (client metadata) and §3.1-3.2 (registration request and response), profiled by Open Badges 3.0
// §7.1.1.2: confidential clients using client_secret_basic, the authorization_code and refresh_token grants, the
// "code" response type. Deviation: client_name, client_uri, redirect_uris and scope are required (the OB profile);
// the OB profile also lists logo_uri, tos_uri, policy_uri, software_id and software_version as required, which
// Credstack accepts when present but does not demand (they change nothing about what the client may do).
using System.Net;
using System.Text.Json;
using Credstack.Server.Hosting;
using Credstack.Server.Storage;

namespace Credstack.Server.OAuth;

/// <summary>Checks a registration request and makes the client to store, or says what is wrong in RFC 7591 terms.</summary>
internal sealed class ClientRegistration(OAuthClientStore clients, TimeProvider time)
{
    public const string ClientSecretBasic = "client_secret_basic";

    private const int MaxTextLength = 200;
    private const int MaxUriLength = 2000;
    private const int MaxRedirectUris = 10;

    /// <summary>Registers the client described by <paramref name="metadata"/>; the secret exists only in the returned response.</summary>
    public async Task<(ClientRegistrationResponse? Response, OAuthError? Error)> RegisterAsync(JsonElement metadata, CancellationToken cancellationToken)
    {
        if (metadata.ValueKind != JsonValueKind.Object)
        {
            return Fail(OAuthError.InvalidClientMetadata, "The registration request must be a JSON object.");
        }

        if (Text(metadata, "client_name", required: true, out var clientName) is { } nameError)
        {
            return Fail(OAuthError.InvalidClientMetadata, nameError);
        }

        string?[] uris = new string?[4];
        string[] uriNames = ["client_uri", "logo_uri", "tos_uri", "policy_uri"];
        for (var i = 0; i < uriNames.Length; i++)
        {
            if (Uri(metadata, uriNames[i], required: i == 0, out uris[i]) is { } uriError)
            {
                return Fail(OAuthError.InvalidClientMetadata, uriError);
            }
        }

        if (Text(metadata, "software_id", required: false, out var softwareId) is { } idError)
        {
            return Fail(OAuthError.InvalidClientMetadata, idError);
        }

        if (Text(metadata, "software_version", required: false, out var softwareVersion) is { } versionError)
        {
            return Fail(OAuthError.InvalidClientMetadata, versionError);
        }

        if (RedirectUris(metadata, out var redirectUris) is { } redirectError)
        {
            return Fail(OAuthError.InvalidRedirectUri, redirectError);
        }

        if (metadata.TryGetProperty("token_endpoint_auth_method", out var method)
            && !(method.ValueKind == JsonValueKind.String && method.GetString() == ClientSecretBasic))
        {
            return Fail(OAuthError.InvalidClientMetadata, $"token_endpoint_auth_method must be '{ClientSecretBasic}', the only method this server supports.");
        }

        if (Strings(metadata, "grant_types", out var grantTypes) is { } grantError)
        {
            return Fail(OAuthError.InvalidClientMetadata, grantError);
        }

        // RFC 7591 §2: grant_types defaults to authorization_code.
        grantTypes ??= [OAuthGrantTypes.AuthorizationCode];
        if (grantTypes.FirstOrDefault(g => g is not (OAuthGrantTypes.AuthorizationCode or OAuthGrantTypes.RefreshToken)) is { } unsupported)
        {
            return Fail(OAuthError.InvalidClientMetadata, $"grant_types may contain authorization_code and refresh_token only; '{Short(unsupported)}' is not supported.");
        }

        if (!grantTypes.Contains(OAuthGrantTypes.AuthorizationCode, StringComparer.Ordinal))
        {
            return Fail(OAuthError.InvalidClientMetadata, "grant_types must contain authorization_code: the Open Badges API uses the authorization code grant.");
        }

        if (Strings(metadata, "response_types", out var responseTypes) is { } responseError)
        {
            return Fail(OAuthError.InvalidClientMetadata, responseError);
        }

        if (responseTypes is not null && (responseTypes.Count != 1 || responseTypes[0] != "code"))
        {
            return Fail(OAuthError.InvalidClientMetadata, "response_types must be [\"code\"].");
        }

        if (Text(metadata, "scope", required: true, out var scopeText) is { } scopeError)
        {
            return Fail(OAuthError.InvalidClientMetadata, scopeError);
        }

        var scopes = OAuthScopes.Parse(scopeText);
        if (scopes.Count == 0)
        {
            return Fail(OAuthError.InvalidClientMetadata, "scope must name at least one scope.");
        }

        if (scopes.FirstOrDefault(s => !OAuthScopes.IsKnown(s)) is { } unknownScope)
        {
            return Fail(OAuthError.InvalidClientMetadata, $"Unknown scope '{Short(unknownScope)}'; the scopes are {string.Join(", ", OAuthScopes.Descriptions.Keys)}.");
        }

        if (Strings(metadata, "contacts", out var contacts) is { } contactsError)
        {
            return Fail(OAuthError.InvalidClientMetadata, contactsError);
        }

        if (contacts?.FirstOrDefault(c => c.Length is 0 or > MaxTextLength || c.Any(char.IsWhiteSpace)) is { } badContact)
        {
            return Fail(OAuthError.InvalidClientMetadata, $"The contact '{Short(badContact)}' is not an e-mail address.");
        }

        var (secret, secretHash) = OAuthSecret.CreateSecret();
        var client = new OAuthClient
        {
            Id = EntityId.New(time),
            SecretHash = secretHash,
            ClientName = clientName!,
            ClientUri = uris[0]!,
            LogoUri = uris[1],
            TosUri = uris[2],
            PolicyUri = uris[3],
            SoftwareId = softwareId,
            SoftwareVersion = softwareVersion,
            RedirectUris = string.Join(' ', redirectUris!),
            Scope = OAuthScopes.Join(scopes),
            GrantTypes = string.Join(' ', grantTypes.Distinct(StringComparer.Ordinal)),
            Contacts = contacts is { Count: > 0 } ? string.Join(' ', contacts) : null,
            CreatedAt = time.GetUtcNow(),
        };
        await clients.CreateAsync(client, cancellationToken);
        return (ClientRegistrationResponse.From(client, secret), null);
    }

    /// <summary>
    /// A redirect URI may be https, or http on a loopback address (RFC 8252 §7.3, for native and development clients);
    /// it is absolute and has no fragment (RFC 6749 §3.1.2).
    /// </summary>
    public static bool IsAcceptableRedirectUri(string value, out string? problem)
    {
        problem = null;
        if (value.Length > MaxUriLength || !System.Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            problem = $"'{Short(value)}' is not an absolute URI.";
        }
        else if (uri.Fragment.Length > 0 || value.Contains('#', StringComparison.Ordinal))
        {
            problem = $"'{Short(value)}' has a fragment, which RFC 6749 §3.1.2 forbids.";
        }
        else if (!IsHttpsOrLoopback(uri))
        {
            problem = $"'{Short(value)}' must use https (http is allowed only on a loopback address).";
        }

        return problem is null;
    }

    private static bool IsHttpsOrLoopback(Uri uri) =>
        uri.Scheme == System.Uri.UriSchemeHttps
        || (uri.Scheme == System.Uri.UriSchemeHttp
            && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))));

    private static string? RedirectUris(JsonElement metadata, out List<string>? redirectUris)
    {
        if (Strings(metadata, "redirect_uris", out redirectUris) is { } error)
        {
            return error;
        }

        if (redirectUris is not { Count: > 0 })
        {
            return "redirect_uris is required: give at least one.";
        }

        if (redirectUris.Count > MaxRedirectUris)
        {
            return $"Register at most {MaxRedirectUris} redirect URIs.";
        }

        foreach (var value in redirectUris)
        {
            if (!IsAcceptableRedirectUri(value, out var problem))
            {
                return problem;
            }
        }

        return null;
    }

    private static string? Uri(JsonElement metadata, string name, bool required, out string? value)
    {
        if (Text(metadata, name, required, out value) is { } error)
        {
            return error;
        }

        if (value is not null && (value.Length > MaxUriLength || !System.Uri.TryCreate(value, UriKind.Absolute, out var uri) || !IsHttpsOrLoopback(uri)))
        {
            return $"{name} must be an https URL.";
        }

        return null;
    }

    private static string? Text(JsonElement metadata, string name, bool required, out string? value)
    {
        value = null;
        if (!metadata.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? $"{name} is required." : null;
        }

        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            return $"{name} must be a non-empty string.";
        }

        value = element.GetString()!.Trim();
        if (!RequestText.IsStorable(value))
        {
            return $"{name}: {RequestText.NulMessage}";
        }

        return value.Length > (name == "scope" || name.EndsWith("_uri", StringComparison.Ordinal) ? MaxUriLength : MaxTextLength) ? $"{name} is too long." : null;
    }

    private static string? Strings(JsonElement metadata, string name, out List<string>? values)
    {
        values = null;
        if (!metadata.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() > 50)
        {
            return $"{name} must be an array of strings.";
        }

        values = [];
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return $"{name} must be an array of strings.";
            }

            if (!RequestText.IsStorable(item.GetString()))
            {
                return $"{name}: {RequestText.NulMessage}";
            }

            values.Add(item.GetString()!);
        }

        return null;
    }

    private static string Short(string value) => value.Length <= 80 ? value : value[..80] + "…";

    private static (ClientRegistrationResponse?, OAuthError?) Fail(string error, string description) => (null, new OAuthError(error, description));
}
