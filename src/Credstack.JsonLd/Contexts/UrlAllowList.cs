namespace Credstack.JsonLd.Contexts;

/// <summary>
/// The URL prefixes an <see cref="HttpDocumentLoader"/> may fetch. Scheme, host and port are
/// compared exactly (host case-insensitively, as DNS names are); string prefixes are never used,
/// so <c>https://example.org</c> does not allow <c>https://example.org.evil.test</c>.
/// </summary>
internal sealed class UrlAllowList
{
    private readonly IReadOnlyList<Uri> _prefixes;
    private readonly bool _allowInsecureHttp;

    public UrlAllowList(IReadOnlyList<string> prefixes, bool allowInsecureHttp)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        _allowInsecureHttp = allowInsecureHttp;
        var parsed = new List<Uri>();
        foreach (var prefix in prefixes)
        {
            if (!Uri.TryCreate(prefix, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"The allowed prefix '{prefix}' is not an absolute http(s) URL.", nameof(prefixes));
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp)
            {
                throw new ArgumentException($"The allowed prefix '{prefix}' uses http; only https is allowed unless AllowInsecureHttp is set.", nameof(prefixes));
            }

            if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new ArgumentException($"The allowed prefix '{prefix}' must not have user info, a query or a fragment.", nameof(prefixes));
            }

            parsed.Add(uri);
        }

        _prefixes = parsed;
    }

    /// <summary>Null when <paramref name="url"/> may be fetched; otherwise why not.</summary>
    public string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return $"{url.OriginalString} is not an absolute URL";
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && _allowInsecureHttp))
        {
            return $"{url.AbsoluteUri} does not use https";
        }

        if (url.UserInfo.Length > 0)
        {
            return $"{url.Scheme}://{url.Authority}{url.AbsolutePath} carries user info";
        }

        foreach (var prefix in _prefixes)
        {
            if (string.Equals(prefix.Scheme, url.Scheme, StringComparison.Ordinal)
                && string.Equals(prefix.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
                && prefix.Port == url.Port
                && PathIsUnder(url.AbsolutePath, prefix.AbsolutePath))
            {
                return null;
            }
        }

        return $"{url.AbsoluteUri} is not in the loader's allow-list";
    }

    private static bool PathIsUnder(string path, string prefixPath) =>
        prefixPath.EndsWith('/')
            ? path.StartsWith(prefixPath, StringComparison.Ordinal)
            : string.Equals(path, prefixPath, StringComparison.Ordinal) || path.StartsWith(prefixPath + "/", StringComparison.Ordinal);
}
