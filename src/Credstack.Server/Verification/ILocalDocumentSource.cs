using Credstack.Credentials.Verification;

namespace Credstack.Server.Verification;

/// <summary>
/// A feature that publishes documents at this server's own address (did:web documents, issuer profiles, status lists)
/// registers one, so the verifier reads them in-process instead of calling itself over HTTP. Register with
/// <c>services.AddSingleton&lt;ILocalDocumentSource, X&gt;()</c>; every source is asked in turn.
/// </summary>
internal interface ILocalDocumentSource
{
    /// <summary>
    /// The document at <paramref name="path"/> (the URL's path and query below <c>Credstack:PublicBaseUrl</c>, starting
    /// with '/'), or null when this source does not publish that path.
    /// </summary>
    ValueTask<DocumentFetchResult?> TryFetchAsync(string path, CancellationToken cancellationToken);
}
