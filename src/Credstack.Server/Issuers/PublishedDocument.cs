using System.Text.Json.Nodes;
using Credstack.Credentials.Model;

namespace Credstack.Server.Issuers;

/// <summary>
/// Turns an OB 3.0 object (a Profile, an Achievement) into the stand-alone JSON-LD document served
/// at its URL: the VC 2.0 and OB 3.0 contexts first, then the object's own members.
/// </summary>
internal static class PublishedDocument
{
    public static byte[] WithContexts(byte[] utf8Json)
    {
        var body = (JsonObject)JsonNode.Parse(utf8Json)!;
        var document = new JsonObject { ["@context"] = new JsonArray(KnownContexts.CredentialsV2, KnownContexts.OpenBadgesV3) };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            document[name] = value;
        }

        return System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
    }
}
