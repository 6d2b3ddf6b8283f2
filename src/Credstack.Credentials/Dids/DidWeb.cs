// did:web Method Specification (W3C CCG), §3.2 "Create": the DID <-> URL mapping.
//   did:web:example.com                  -> https://example.com/.well-known/did.json
//   did:web:example.com:user:alice       -> https://example.com/user/alice/did.json
//   did:web:example.com%3A3000:user:bob  -> https://example.com:3000/user/bob/did.json
// Stricter than the spec on purpose: only %3A (the port) may be percent-encoded, path segments
// must be plain idchars and not "." or "..", and the host must be a DNS name.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Credstack.Credentials.Dids;

/// <summary>did:web: the DID to URL mapping and did.json generation for an issuer.</summary>
public static class DidWeb
{
    /// <summary>
    /// Maps a did:web DID to the HTTPS URL of its did.json. False (never an exception) with a reason for anything
    /// that is not a safe did:web: other methods, fragments, bad hosts or ports, path traversal, encoded slashes.
    /// </summary>
    public static bool TryGetDocumentUrl([NotNullWhen(true)] string? did, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? problem)
    {
        url = null;
        if (!DidUrl.TryParse(did, out var parsed) || !parsed.IsDid)
        {
            problem = $"'{DidKey.Shorten(did)}' is not a DID.";
            return false;
        }

        if (!string.Equals(parsed.Method, "web", StringComparison.Ordinal))
        {
            problem = $"did:{parsed.Method} is not did:web.";
            return false;
        }

        var segments = parsed.MethodSpecificId.Split(':');
        var authority = segments[0];
        string host;
        int? port = null;
        var portMark = authority.IndexOf("%3A", StringComparison.OrdinalIgnoreCase);
        if (portMark >= 0)
        {
            host = authority[..portMark];
            var portText = authority[(portMark + 3)..];
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
            {
                problem = "The did:web port is not a number between 1 and 65535.";
                return false;
            }

            port = value;
        }
        else
        {
            host = authority;
        }

        if (!IsDnsName(host))
        {
            problem = $"'{DidKey.Shorten(host)}' is not a DNS host name.";
            return false;
        }

        foreach (var segment in segments.AsSpan(1))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Contains('%', StringComparison.Ordinal))
            {
                problem = "A did:web path segment must be a plain name: not empty, '.', '..' or percent-encoded.";
                return false;
            }
        }

        var path = segments.Length == 1 ? "/.well-known" : "/" + string.Join('/', segments.AsSpan(1));
        var builder = new UriBuilder(Uri.UriSchemeHttps, host.ToLowerInvariant(), port ?? -1, path + "/did.json");
        url = builder.Uri;
        problem = null;
        return true;
    }

    /// <summary>
    /// The did:web DID for an HTTPS base URL: <c>https://example.com</c> → <c>did:web:example.com</c>,
    /// <c>https://example.com:3000/issuers/acme</c> → <c>did:web:example.com%3A3000:issuers:acme</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is not HTTPS, has a query or fragment, or has unsafe path segments.</exception>
    public static string CreateDid(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme != Uri.UriSchemeHttps || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0 || !IsDnsName(baseUrl.Host))
        {
            throw new ArgumentException("A did:web base URL is an absolute https URL with a DNS host and no query or fragment.", nameof(baseUrl));
        }

        var did = "did:web:" + baseUrl.Host.ToLowerInvariant() + (baseUrl.IsDefaultPort ? string.Empty : "%3A" + baseUrl.Port.ToString(CultureInfo.InvariantCulture));
        foreach (var segment in baseUrl.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            did += ":" + segment;
        }

        if (!TryGetDocumentUrl(did, out _, out var problem))
        {
            throw new ArgumentException(problem, nameof(baseUrl));
        }

        return did;
    }

    /// <summary>
    /// The did.json for an issuer with several keys. Every key is a verification method (<c>did#fragment</c>) listed
    /// under assertionMethod — retired ones too, so old credentials keep verifying; current keys are also listed under
    /// authentication and capabilityInvocation.
    /// </summary>
    /// <exception cref="ArgumentException">The DID is not a valid did:web, or fragments are empty, invalid or repeated.</exception>
    public static DidDocument CreateDocument(string did, IReadOnlyList<DidWebKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!TryGetDocumentUrl(did, out _, out var problem))
        {
            throw new ArgumentException(problem, nameof(did));
        }

        var fragments = new HashSet<string>(StringComparer.Ordinal);
        var methods = new List<VerificationMethod>();
        var current = new List<VerificationMethodReference>();
        foreach (var key in keys)
        {
            if (!fragments.Add(key.Fragment) || !DidUrl.TryParse(did + "#" + key.Fragment, out var id) || string.IsNullOrEmpty(id.Fragment))
            {
                throw new ArgumentException($"The key fragment '{key.Fragment}' is empty, invalid or repeated.", nameof(keys));
            }

            var methodId = did + "#" + key.Fragment;
            methods.Add(VerificationMethod.For(methodId, did, key.Key));
            if (!key.Retired)
            {
                current.Add(new VerificationMethodReference(methodId));
            }
        }

        var hasJwk = keys.Any(k => !k.Key.SupportsMultikey);
        return new DidDocument
        {
            Context = hasJwk ? [DidDocument.DidContext, DidDocument.MultikeyContext, DidDocument.JwkContext] : [DidDocument.DidContext, DidDocument.MultikeyContext],
            Id = did,
            VerificationMethod = methods,
            Authentication = current,
            AssertionMethod = methods.Select(m => new VerificationMethodReference(m.Id)).ToList(),
            CapabilityInvocation = current,
        };
    }

    internal static bool IsDnsName(string host)
    {
        // RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens; at least two labels,
        // a non-numeric last label (so no IPv4 literals), 253 characters at most.
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        var labels = host.Split('.');
        if (labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
        {
            return false;
        }

        return labels.All(label => label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
