using System.Text.Unicode;
using Credstack.Server.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Credstack.Server.Verification;

/// <summary>
/// Reads what <c>POST /verify</c> was sent: a JSON credential, a compact JWT as text, a baked PNG or SVG, or one of
/// those as the file of a multipart/form-data upload. It checks the body agrees with its declared type (a PNG that is
/// not a PNG is a 400, an unknown type a 415, a body over the cap a 413) and leaves recognising the credential to the
/// verifier, which detects the form from the content.
/// </summary>
internal sealed class VerificationInput
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly HashSet<string> JsonTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/json", "application/ld+json", "application/vc", "application/vc+ld+json",
    };

    private static readonly HashSet<string> TextTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/plain", "application/jwt", "application/vc+jwt",
    };

    /// <summary>Every media type <c>POST /verify</c> accepts, for the OpenAPI document and the 415 message.</summary>
    public static IReadOnlyList<string> AcceptedTypes { get; } =
        [.. JsonTypes, .. TextTypes, "image/png", "image/svg+xml", "multipart/form-data"];

    private VerificationInput(ReadOnlyMemory<byte> content, ProblemHttpResult? problem)
    {
        Content = content;
        Problem = problem;
    }

    /// <summary>The bytes to verify; empty when <see cref="Problem"/> is set.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>Why the body cannot be verified at all, as the problem to answer with; null when it can.</summary>
    public ProblemHttpResult? Problem { get; }

    public static async Task<VerificationInput> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || contentType.MediaType.Value is not { } mediaType)
        {
            return Refuse(UnsupportedType(request.ContentType));
        }

        var body = await ReadCappedAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        if (body is null)
        {
            return Refuse(TooLarge(maxBytes));
        }

        if (string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadMultipartAsync(contentType, body, maxBytes, cancellationToken);
        }

        return Check(mediaType, body);
    }

    private static VerificationInput Check(string? mediaType, byte[] body)
    {
        var start = FirstContentByte(body);
        if (start >= body.Length)
        {
            return Refuse(Unreadable("The request body is empty; send the credential to verify."));
        }

        var first = body[start];
        var isPng = body.AsSpan().StartsWith(PngSignature);
        string? mismatch = mediaType switch
        {
            null or "application/octet-stream" => null,
            _ when JsonTypes.Contains(mediaType) => isPng || first == (byte)'<' ? $"The body is declared as {mediaType} but is not JSON." : null,
            _ when TextTypes.Contains(mediaType) => isPng || !IsUtf8(body) ? $"The body is declared as {mediaType} but is not UTF-8 text." : null,
            _ when string.Equals(mediaType, "image/png", StringComparison.OrdinalIgnoreCase) => isPng ? null : "The body is declared as image/png but is not a PNG image.",
            _ when string.Equals(mediaType, "image/svg+xml", StringComparison.OrdinalIgnoreCase) => first == (byte)'<' ? null : "The body is declared as image/svg+xml but is not an SVG document.",
            _ => "",
        };
        return mismatch switch
        {
            null => new VerificationInput(body, null),
            "" => Refuse(UnsupportedType(mediaType)),
            _ => Refuse(Unreadable(mismatch)),
        };
    }

    private static async Task<VerificationInput> ReadMultipartAsync(MediaTypeHeaderValue contentType, byte[] body, long maxBytes, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Refuse(Unreadable("The multipart/form-data body has no boundary parameter."));
        }

        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false)) { BodyLengthLimit = maxBytes };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (!disposition.FileName.HasValue && !disposition.FileNameStar.HasValue
                    && !string.Equals(name, "file", StringComparison.Ordinal) && !string.Equals(name, "credential", StringComparison.Ordinal))
                {
                    continue;
                }

                var part = await ReadCappedAsync(section.Body, null, maxBytes, cancellationToken);
                if (part is null)
                {
                    return Refuse(TooLarge(maxBytes));
                }

                var partType = MediaTypeHeaderValue.TryParse(section.ContentType, out var parsed) ? parsed.MediaType.Value : null;
                return Check(partType, part);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return Refuse(Unreadable("The multipart/form-data body is malformed: " + e.Message));
        }

        return Refuse(Unreadable("The multipart/form-data body has no file part; upload the credential or baked image as a file (field 'file')."));
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, long? declared, long maxBytes, CancellationToken cancellationToken)
    {
        if (declared > maxBytes)
        {
            return null;
        }

        if (declared is { } length)
        {
            // The common case (a declared length): one array of the right size, no copies.
            var exact = new byte[length];
            var filled = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static int FirstContentByte(byte[] body)
    {
        var start = body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start;
    }

    private static bool IsUtf8(byte[] body) => Utf8.IsValid(body);

    private static VerificationInput Refuse(ProblemHttpResult problem) => new(ReadOnlyMemory<byte>.Empty, problem);

    private static ProblemHttpResult Unreadable(string detail) =>
        Problems.Problem.Of(StatusCodes.Status400BadRequest, ProblemTypes.UnreadableCredential, "Unreadable credential", detail);

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        Problems.Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large", $"This endpoint accepts at most {maxBytes} bytes.");

    private static ProblemHttpResult UnsupportedType(string? mediaType) =>
        Problems.Problem.Of(
            StatusCodes.Status415UnsupportedMediaType,
            ProblemTypes.UnsupportedMediaType,
            "Unsupported media type",
            $"{(string.IsNullOrEmpty(mediaType) ? "No Content-Type was sent" : $"'{mediaType}' is not accepted")}; send one of {string.Join(", ", AcceptedTypes)}.");
}
