using System.Globalization;
using Credstack.Credentials.Dids;
using Credstack.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Credstack.Server.Issuers;

/// <summary>
/// Where an issuer lives on the web and what it is called: every organization is an issuer with
/// a hosted Profile at <c>{PublicBaseUrl}/issuers/{orgId}</c> and the did:web DID that maps to
/// that path (did:web §3.2), so <c>{profile}/did.json</c> is its DID document. The organization id
/// is the path segment: it never changes, so neither do DIDs in issued credentials.
/// </summary>
internal sealed class IssuerIdentity(IOptions<CredstackOptions> options)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The hosted OB 3.0 Profile (JSON-LD or HTML by the Accept header).</summary>
    public string ProfileUrl(string organizationId) => $"{BaseUrl}/issuers/{organizationId}";

    /// <summary>The did.json of the issuer's DID.</summary>
    public string DidDocumentUrl(string organizationId) => ProfileUrl(organizationId) + "/did.json";

    /// <summary>The stable id of one achievement version (credentials name the version they were issued with); served as JSON-LD.</summary>
    public string AchievementUrl(string organizationId, string achievementId, long version) =>
        $"{ProfileUrl(organizationId)}/achievements/{achievementId}/versions/{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The stable URL of an uploaded achievement image.</summary>
    public string ImageUrl(string organizationId, string imageId) => $"{ProfileUrl(organizationId)}/images/{imageId}";

    /// <summary>The issuer's DID, used as the issuer id in every credential it signs.</summary>
    public string Did(string organizationId)
    {
        // did:web names https only and resolvers fetch over https; a development base URL such as
        // http://localhost:5080 still gets the DID of the same shape (see IsResolvable).
        var url = new Uri(ProfileUrl(organizationId));
        var did = "did:web:" + url.Host.ToLowerInvariant() + (url.IsDefaultPort ? "" : "%3A" + url.Port.ToString(CultureInfo.InvariantCulture));
        foreach (var segment in url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            did += ":" + segment;
        }

        return did;
    }

    /// <summary>The verification method id of a key: <c>{DID}#{fragment}</c>.</summary>
    public string VerificationMethodId(string organizationId, string fragment) => Did(organizationId) + "#" + fragment;

    /// <summary>
    /// True when others can resolve the issuer DIDs (an https base URL with a DNS host); false for
    /// a development address, whose credentials verify only where the DID is known locally.
    /// </summary>
    public bool IsResolvable => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url)
        && url.Scheme == Uri.UriSchemeHttps
        && DidWeb.TryGetDocumentUrl(Did("x"), out _, out _);
}
