using Credstack.Credentials.Verification;
using Credstack.Server.Verification;

namespace Credstack.Server.StatusLists;

/// <summary>
/// Serves this server's status list credentials (<c>/status/{issuerId}/{listId}/{purpose}</c>) to its own verifier
/// in-process, so the public credential page and the verify page see a revocation without an HTTP call to itself.
/// </summary>
internal sealed class StatusListDocumentSource(StatusListDocuments documents, StatusListUrls urls) : ILocalDocumentSource
{
    private const string Prefix = "/status/";

    public async ValueTask<DocumentFetchResult?> TryFetchAsync(string path, CancellationToken cancellationToken)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path[Prefix.Length..].Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0) || !StatusListPurposes.TryParse(parts[2], out var purpose))
        {
            return null;
        }

        var found = await documents.ReadAsync(parts[0], parts[1], purpose.Value, cancellationToken);
        return found switch
        {
            null => DocumentFetchResult.Missing(urls.For(parts[0], parts[1], purpose.Value)),
            { Bytes: { } bytes } => DocumentFetchResult.Found(bytes),
            _ => DocumentFetchResult.Failed("The issuer has not signed this status list yet."),
        };
    }
}
