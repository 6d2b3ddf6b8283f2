using Credstack.Credentials.Verification;
using Credstack.Server.Verification;

namespace Credstack.Server.Awards;

/// <summary>
/// Serves this server's issued credentials (<c>/credentials/{awardId}</c>, the exact signed bytes) to its own verifier
/// in-process, so the verify page can check a credential given by its URL without an HTTP call to itself.
/// </summary>
internal sealed class CredentialDocumentSource(AwardStore awards) : ILocalDocumentSource
{
    private const string Prefix = "/credentials/";

    public async ValueTask<DocumentFetchResult?> TryFetchAsync(string path, CancellationToken cancellationToken)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        var awardId = Uri.UnescapeDataString(path[Prefix.Length..]);
        if (awardId.Length is 0 or > 64 || awardId.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return await awards.ReadCredentialAsync(awardId, cancellationToken) is { } bytes
            ? DocumentFetchResult.Found(bytes)
            : DocumentFetchResult.Failed("There is no credential with this id on this server.");
    }
}
