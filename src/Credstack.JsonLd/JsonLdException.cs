namespace Credstack.JsonLd;

/// <summary>
/// A JSON-LD processing error (JSON-LD 1.1 API §9.4.2). <see cref="Code"/> is one of
/// <see cref="JsonLdErrorCode"/>; the message says what in the input caused it.
/// </summary>
public sealed class JsonLdException : Exception
{
    /// <summary>Creates an error with a spec error code and a message naming the offending input.</summary>
    public JsonLdException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Creates an error that wraps the underlying cause.</summary>
    public JsonLdException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The JSON-LD error code, for example <c>protected term redefinition</c>.</summary>
    public string Code { get; }
}
