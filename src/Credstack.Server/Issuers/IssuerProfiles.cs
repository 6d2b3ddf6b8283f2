using System.Text.Json.Nodes;
using Credstack.Credentials.Model;
using Credstack.Server.Organizations;

namespace Credstack.Server.Issuers;

/// <summary>
/// An organization as an Open Badges 3.0 issuer (OB 3.0 §B.1.18 Profile): its id is the did:web DID,
/// so the proof's verification method is controlled by the issuer the credential names. Awards embed
/// <see cref="FindAsync"/>'s Profile as the credential's <c>issuer</c>.
/// </summary>
internal sealed class IssuerProfiles(OrganizationStore organizations, IssuerProfileStore profiles, IssuerIdentity identity)
{
    /// <summary>The contexts of the hosted Profile document.</summary>
    public static IReadOnlyList<string> Contexts { get; } = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"];

    /// <summary>The issuer Profile of an issuer organization; null when there is none (unknown id, or an employer).</summary>
    public async Task<Profile?> FindAsync(string organizationId, CancellationToken cancellationToken)
    {
        var organization = await organizations.FindAsync(organizationId, cancellationToken);
        if (organization is null || !string.Equals(organization.Kind, OrganizationKind.Issuer, StringComparison.Ordinal))
        {
            return null;
        }

        var details = await profiles.FindAsync(organizationId, cancellationToken);
        return new Profile
        {
            Id = identity.Did(organizationId),
            Name = organization.Name,
            Url = details?.HomepageUrl ?? identity.ProfileUrl(organizationId),
            Description = details?.Description,
            Email = details?.Email,
        };
    }

    /// <summary>The Profile as a stand-alone JSON-LD document (what <c>/issuers/{orgId}</c> serves).</summary>
    public static byte[] ToJsonLd(Profile profile)
    {
        var body = (JsonObject)JsonNode.Parse(profile.ToUtf8Json())!;
        var document = new JsonObject { ["@context"] = new JsonArray([.. Contexts.Select(c => (JsonNode?)JsonValue.Create(c))]) };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            document[name] = value;
        }

        return System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
    }
}
