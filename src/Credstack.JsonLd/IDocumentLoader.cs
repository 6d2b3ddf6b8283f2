namespace Credstack.JsonLd;

/// <summary>
/// Loads remote documents and contexts for JSON-LD processing (JSON-LD 1.1 API §9.4.4
/// "LoadDocumentCallback"). Synchronous on purpose: contexts are almost always served from the
/// pinned in-memory store, and an async signature would tax the hot path of every
/// canonicalization. Implementations throw <see cref="JsonLdException"/> with
/// <see cref="JsonLdErrorCode.LoadingDocumentFailed"/> when a URL cannot or may not be loaded.
/// </summary>
public interface IDocumentLoader
{
    /// <summary>Loads the document at <paramref name="url"/> or throws <see cref="JsonLdException"/>.</summary>
    RemoteDocument Load(Uri url, CancellationToken cancellationToken = default);
}
