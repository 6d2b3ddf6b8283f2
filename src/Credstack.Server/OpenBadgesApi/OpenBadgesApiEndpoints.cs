// Open Badges 3.0 §6 (Open Badges API): §6.2.2 getCredentials with §6.4 paging (X-Total-Count, RFC 8288 Link),
// §6.2.3 upsertCredential, §6.2.4 getProfile, §6.2.5 putProfile, §6.3 getServiceDescription. Deviation: the
// getCredentials body uses the schema's member names "credential" and "compactJwsString" (the prose example says
// "compactJwsStrings"; the 1EdTech JSON Schema, with additionalProperties false, decides).
using System.Globalization;
using System.Text;
using System.Text.Json;
using Credstack.Credentials.Validation;
using Credstack.Server.Accounts;
using Credstack.Server.Hosting;
using Credstack.Server.OAuth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>The Open Badges 3.0 API under <c>/ims/ob/v3p0</c>, for the person who authorized the calling client.</summary>
internal static class OpenBadgesApiEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private static readonly string[] ProfileContexts = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];
    private static readonly string[] ProfileTypes = ["Profile"];

    public static RouteGroupBuilder MapOpenBadgesApi(this IEndpointRouteBuilder app)
    {
        // OB 3.0 §6.3: the discovery endpoint MUST NOT be protected. The Open Badges API is described by this
        // Service Description Document, not by Credstack's own OpenAPI document.
        app.MapGet(ServiceDescription.BasePath + "/discovery", Discover).WithName("ObGetServiceDescription").AllowAnonymous().ExcludeFromDescription();

        var group = app.MapGroup(ServiceDescription.BasePath).ExcludeFromDescription();
        group.MapGet("/credentials", GetCredentialsAsync).WithName("ObGetCredentials").RequireOpenBadgesScope(OAuthScopes.CredentialReadonly);
        group.MapPost("/credentials", UpsertCredentialAsync).WithName("ObUpsertCredential").RequireOpenBadgesScope(OAuthScopes.CredentialUpsert);
        group.MapGet("/profile", GetProfileAsync).WithName("ObGetProfile").RequireOpenBadgesScope(OAuthScopes.ProfileReadonly);
        group.MapPut("/profile", PutProfileAsync).WithName("ObPutProfile").RequireOpenBadgesScope(OAuthScopes.ProfileUpdate);
        return group;
    }

    private static JsonHttpResult<System.Text.Json.Nodes.JsonObject> Discover(IOptions<CredstackOptions> options, IOptions<OAuthOptions> oauth) =>
        TypedResults.Json(ServiceDescription.Build(options.Value.PublicBaseUrl, oauth.Value));

    private static async Task<IResult> GetCredentialsAsync(
        HttpContext context, OpenBadgesCaller caller, HeldCredentialStore store, IOptions<CredstackOptions> options, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!TryInteger(query, "limit", 1, DefaultLimit, out var limit) || !TryInteger(query, "offset", 0, 0, out var offset))
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status400BadRequest, ImsxStatusInfo.InvalidQueryParameter,
                "limit must be a whole number of at least 1 and offset a whole number of at least 0, each given once.");
        }

        DateTimeOffset? since = null;
        if (query.TryGetValue("since", out var sinceValues))
        {
            if (sinceValues.Count != 1 || !DateTimeOffset.TryParse(sinceValues[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ImsxStatusInfo.Failure(StatusCodes.Status400BadRequest, ImsxStatusInfo.InvalidQueryParameter, "since must be an ISO 8601 date-time, given once.");
            }

            since = parsed;
        }

        limit = Math.Min(limit, MaxLimit);
        var total = await store.CountAsync(caller.AccountId, since, cancellationToken);
        var page = await store.ListAsync(caller.AccountId, since, limit, offset, cancellationToken);

        var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("credential");
            foreach (var held in page.Where(c => c.Format == HeldCredential.Json))
            {
                // The exact bytes received: a signed credential is never re-serialized.
                writer.WriteRawValue(held.Content, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("compactJwsString");
            foreach (var held in page.Where(c => c.Format == HeldCredential.Jws))
            {
                writer.WriteStringValue(Encoding.ASCII.GetString(held.Content));
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var headers = context.Response.Headers;
        headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        headers.Link = PageLinks(options.Value.PublicBaseUrl, limit, offset, total, since is null ? null : sinceValues[0]);
        return TypedResults.Bytes(buffer.ToArray(), "application/json");
    }

    private static async Task<IResult> UpsertCredentialAsync(
        HttpContext context, OpenBadgesCaller caller, HeldCredentialStore store, CredentialIntake intake, IOptions<CredstackOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeOf(context.Request);
        var isJws = mediaType == "text/plain";
        if (!isJws && mediaType is not ("application/json" or "application/ld+json" or "application/vc+ld+json"))
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status415UnsupportedMediaType, ImsxStatusInfo.NotAcceptable,
                "Send the credential as application/json (or application/vc+ld+json), or its compact JWS as text/plain.");
        }

        var body = await ReadBodyAsync(context.Request, options.Value.Limits.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status413PayloadTooLarge, ImsxStatusInfo.InvalidData,
                $"The request body is larger than {options.Value.Limits.MaxRequestBodyBytes} bytes.");
        }

        var outcome = await intake.AcceptAsync(body, isJws, cancellationToken);
        if (!outcome.Succeeded)
        {
            return ImsxStatusInfo.Failure(outcome.ErrorStatus, outcome.ErrorCode!, outcome.ErrorDescription!);
        }

        var created = await store.UpsertAsync(caller.AccountId, outcome.IssuerId!, outcome.CredentialId!, outcome.Format!, outcome.Content!,
            outcome.Verification!, outcome.IssuedAt, "ob-api:" + caller.ClientId, cancellationToken);
        // §6.2.3.2: the response body is the credential of the request.
        context.Response.StatusCode = created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return TypedResults.Bytes(outcome.Content!, isJws ? "text/plain" : "application/json");
    }

    private static async Task<IResult> GetProfileAsync(
        OpenBadgesCaller caller, ObProfileStore profiles, AccountStore accounts, IOptions<CredstackOptions> options, CancellationToken cancellationToken)
    {
        if (await profiles.FindAsync(caller.AccountId, cancellationToken) is { } stored)
        {
            return TypedResults.Bytes(stored, "application/json");
        }

        var account = await accounts.FindByIdAsync(caller.AccountId, cancellationToken);
        return account is null
            ? ImsxStatusInfo.Failure(StatusCodes.Status404NotFound, ImsxStatusInfo.NotFound, "The account no longer exists.")
            : TypedResults.Bytes(DefaultProfile(account, options.Value.PublicBaseUrl), "application/json");
    }

    private static async Task<IResult> PutProfileAsync(
        HttpContext context, OpenBadgesCaller caller, ObProfileStore profiles, AccountStore accounts, IOptions<CredstackOptions> options, CancellationToken cancellationToken)
    {
        if (MediaTypeOf(context.Request) is not ("application/json" or "application/ld+json"))
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status415UnsupportedMediaType, ImsxStatusInfo.NotAcceptable, "Send the Profile as application/json.");
        }

        var body = await ReadBodyAsync(context.Request, options.Value.Limits.MaxRequestBodyBytes, cancellationToken);
        if (body is null)
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status413PayloadTooLarge, ImsxStatusInfo.InvalidData, "The Profile is too large.");
        }

        string? id;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
            var validation = CredentialValidator.ValidateProfile(document.RootElement);
            if (!validation.IsValid)
            {
                return ImsxStatusInfo.Failure(StatusCodes.Status400BadRequest, ImsxStatusInfo.InvalidData,
                    "The body is not a valid Profile: " + string.Join(" ", validation.Errors.Take(3).Select(e => $"{e.Path}: {e.Message}")));
            }

            id = document.RootElement.GetProperty("id").GetString();
        }
        catch (JsonException exception)
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status400BadRequest, ImsxStatusInfo.InvalidData, "The request body is not valid JSON: " + exception.Message);
        }

        var account = await accounts.FindByIdAsync(caller.AccountId, cancellationToken);
        if (account is null)
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status404NotFound, ImsxStatusInfo.NotFound, "The account no longer exists.");
        }

        // The id names the person in credentials issued to this profile; a client may change the rest, not who it is.
        var expected = ProfileId(account.Id, options.Value.PublicBaseUrl);
        if (!string.Equals(id, expected, StringComparison.Ordinal))
        {
            return ImsxStatusInfo.Failure(StatusCodes.Status400BadRequest, ImsxStatusInfo.InvalidData, $"The Profile's id must stay '{expected}'.");
        }

        await profiles.SaveAsync(caller.AccountId, body, cancellationToken);
        return TypedResults.Bytes(body, "application/json");
    }

    /// <summary>The profile id of an account: a URL of this server (stable, and never reused for another person).</summary>
    public static string ProfileId(string accountId, string publicBaseUrl) => $"{publicBaseUrl.TrimEnd('/')}/profiles/{accountId}";

    private static byte[] DefaultProfile(Account account, string publicBaseUrl) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(StringComparer.Ordinal)
    {
        ["@context"] = ProfileContexts,
        ["id"] = ProfileId(account.Id, publicBaseUrl),
        ["type"] = ProfileTypes,
        ["name"] = account.DisplayName,
        ["email"] = account.Email,
    });

    /// <summary>RFC 8288 links to the first, last, previous and next pages (the last two only where they exist).</summary>
    private static string PageLinks(string publicBaseUrl, int limit, long offset, long total, string? since)
    {
        var url = publicBaseUrl.TrimEnd('/') + ServiceDescription.BasePath + "/credentials";
        string Link(long at, string rel)
        {
            var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
                ["offset"] = at.ToString(CultureInfo.InvariantCulture),
            };
            if (since is not null)
            {
                parameters["since"] = since;
            }

            return $"<{QueryHelpers.AddQueryString(url, parameters)}>; rel=\"{rel}\"";
        }

        var last = total == 0 ? 0 : (total - 1) / limit * limit;
        var links = new List<string>();
        if (offset + limit < total)
        {
            links.Add(Link(offset + limit, "next"));
        }

        links.Add(Link(last, "last"));
        links.Add(Link(0, "first"));
        if (offset > 0)
        {
            links.Add(Link(Math.Max(0, offset - limit), "prev"));
        }

        return string.Join(", ", links);
    }

    private static bool TryInteger(IQueryCollection query, string name, int minimum, int fallback, out int value)
    {
        value = fallback;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum;
    }

    private static string? MediaTypeOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;

    /// <summary>The whole body, or null when it is over <paramref name="limit"/> bytes (checked while reading, for bodies without a length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
