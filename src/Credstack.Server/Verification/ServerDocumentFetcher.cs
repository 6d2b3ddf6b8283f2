using Credstack.Credentials.Verification;
using Credstack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Verification;

/// <summary>
/// The verifier's one outbound seam on the server: URLs at this server's own address are answered in-process by the
/// <see cref="ILocalDocumentSource"/>s (no loopback HTTP), other URLs go to <see cref="RemoteDocumentFetcher"/> only when
/// <c>Credstack:Verification:AllowRemote</c> is set, and are otherwise a failed fetch the report shows as skipped or unknown.
/// </summary>
internal sealed class ServerDocumentFetcher(
    IEnumerable<ILocalDocumentSource> sources,
    RemoteDocumentFetcher remote,
    IOptions<CredstackOptions> credstack,
    IOptions<VerificationOptions> options) : IDocumentFetcher
{
    private readonly ILocalDocumentSource[] _sources = [.. sources];
    private readonly Uri? _base = Uri.TryCreate(credstack.Value.PublicBaseUrl, UriKind.Absolute, out var parsed) ? parsed : null;

    public async ValueTask<DocumentFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return DocumentFetchResult.Failed($"'{url.OriginalString}' is not an absolute URL.");
        }

        if (LocalPath(url) is { } path)
        {
            foreach (var source in _sources)
            {
                if (await source.TryFetchAsync(path, cancellationToken) is { } found)
                {
                    return found;
                }
            }

            return DocumentFetchResult.Missing(url);
        }

        return options.Value.AllowRemote
            ? await remote.FetchAsync(url, cancellationToken)
            : DocumentFetchResult.Failed($"{url.Host} is not this server, and this server does not fetch remote documents (Credstack:Verification:AllowRemote is off).");
    }

    /// <summary>The path of <paramref name="url"/> below the public base address, or null when the URL is not this server's.</summary>
    private string? LocalPath(Uri url)
    {
        // The scheme is not compared: did:web always resolves over https, while a server behind a TLS proxy may be
        // configured with either.
        if (_base is null
            || !string.Equals(url.IdnHost, _base.IdnHost, StringComparison.OrdinalIgnoreCase)
            || (url.Port != _base.Port && !(url.IsDefaultPort && _base.IsDefaultPort)))
        {
            return null;
        }

        var basePath = _base.AbsolutePath.TrimEnd('/');
        var path = url.AbsolutePath;
        if (!path.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        return path[basePath.Length..] + url.Query;
    }
}
