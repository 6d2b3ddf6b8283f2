using System.Text.Json;

namespace Credstack.Server.VcApi;

/// <summary>VC-API "issue credential" request: the credential to sign (without this server's proof) and options.</summary>
internal sealed record IssueCredentialRequest(JsonElement Credential, JsonElement Options);
