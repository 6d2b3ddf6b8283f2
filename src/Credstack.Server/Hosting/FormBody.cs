namespace Credstack.Server.Hosting;

/// <summary>
/// Reads a form body (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>) the one way every handler
/// that takes a form does: a body that is not a form, or a form that cannot be parsed (bad encoding, a multipart body cut
/// short or without its closing boundary), is an answer for the client, never an exception. A body over the size limit
/// still throws (<see cref="BadHttpRequestException"/>), so it becomes the 413 problem.
/// </summary>
internal static class FormBody
{
    /// <summary>The form, or null with the reason when the body is not a readable form.</summary>
    public static async Task<(IFormCollection? Form, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, "The body is not a form (application/x-www-form-urlencoded or multipart/form-data).");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return (null, "The form body cannot be read: " + exception.Message);
        }
        catch (IOException exception) when (exception is not BadHttpRequestException)
        {
            // The multipart reader reports a body that ends before its closing boundary as an IOException.
            return (null, "The form body cannot be read: " + exception.Message);
        }

        return form.Any(p => !RequestText.IsStorable(p.Key) || p.Value.Any(v => !RequestText.IsStorable(v)))
            ? (null, "The form: " + RequestText.NulMessage)
            : (form, null);
    }
}
