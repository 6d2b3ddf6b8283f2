using System.Text.Json;

namespace Credstack.Server.VcApi;

/// <summary>VC-API "issue credential" response: the signed credential, its <c>proof</c> an object.</summary>
internal sealed record IssueCredentialResponse(JsonElement VerifiableCredential);
