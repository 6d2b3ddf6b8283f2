using Credstack.Server.Access;
using Credstack.Server.ApiTokens;
using Credstack.Server.Issuers;
using Credstack.Server.Organizations;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace Credstack.Server.Achievements;

/// <summary>
/// Achievement images: upload with <c>POST /api/v1/orgs/{orgId}/images</c> (the raw bytes as the
/// body, PNG, JPEG or SVG, at most 2 MiB), then name the returned id as an achievement's
/// <c>imageId</c>. Served at <c>/issuers/{issuerId}/images/{imageId}</c> with the sniffed type.
/// </summary>
internal static class ImageEndpoints
{
    public const int MaxImageBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapAchievementImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/issuers/{issuerId}/images/{imageId}", GetPublicAsync).WithTags("Achievements").WithName("GetAchievementImage").AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: ImageSniffer.Png)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var group = app.MapOrgGroup("/images", "Achievements");
        group.MapPost("", UploadAsync).WithName("UploadAchievementImage")
            .RequireOrgRole(OrgRole.Issuer, ApiScopes.AchievementsWrite)
            .WithMetadata(new ImageSizeLimit())
            .WithDescription("The body is the image's bytes (image/png, image/jpeg or image/svg+xml; at most 2 MiB). The type is decided from the bytes.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return group;
    }

    private static async Task<Results<Created<ImageResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, OrgCaller caller, AchievementImageStore images, IssuerIdentity identity, CancellationToken cancellationToken)
    {
        var declared = request.ContentType is { } contentType && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            ? parsed.MediaType.Value?.ToLowerInvariant()
            : null;
        if (declared is not (null or ImageSniffer.Png or ImageSniffer.Jpeg or ImageSniffer.Svg or "application/octet-stream"))
        {
            return UnsupportedMediaType($"Send the image's bytes as the body with Content-Type image/png, image/jpeg or image/svg+xml (not {declared}).");
        }

        // Kestrel stops a body over the endpoint limit; the count here also covers hosts that do not.
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxImageBytes)
            {
                return Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Image too large", $"An image may have at most {MaxImageBytes} bytes (2 MiB).");
            }

            body.Write(chunk, 0, read);
        }

        if (body.Length == 0)
        {
            return Problem.Validation("image", "The request body is empty; send the image's bytes.");
        }

        var content = body.ToArray();
        var sniffed = ImageSniffer.Sniff(content, out var problem);
        if (sniffed is null)
        {
            return UnsupportedMediaType(problem!);
        }

        if (declared is not (null or "application/octet-stream") && !string.Equals(declared, sniffed, StringComparison.Ordinal))
        {
            return UnsupportedMediaType($"The body was declared as {declared} but its bytes are {sniffed}.");
        }

        var image = await images.AddAsync(caller.OrganizationId, sniffed, content, cancellationToken);
        var url = identity.ImageUrl(caller.OrganizationId, image.Id);
        return TypedResults.Created(url, new ImageResponse(image.Id, url, image.MediaType, content.Length, image.Sha256));
    }

    private static async Task<IResult> GetPublicAsync(string issuerId, string imageId, HttpContext http, AchievementImageStore images, CancellationToken cancellationToken)
    {
        var image = await images.FindAsync(issuerId, imageId, cancellationToken);
        if (image is null)
        {
            return Problem.NotFound("No image with this id was found.");
        }

        var headers = http.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        // An SVG opened directly runs in an opaque origin with nothing allowed but its own styles.
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        return TypedResults.Bytes(image.Content, image.MediaType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + image.Sha256 + "\""));
    }

    private static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported image", detail);

    /// <summary>The upload's body limit, read by the request limit middleware (a little over the image cap, so the handler can say what the cap is).</summary>
    private sealed class ImageSizeLimit : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxImageBytes + 1024;
    }
}
