using System.Text.Json;

namespace Credstack.Server.VcApi;

/// <summary>VC-API "verify credential" request: the credential (a JSON object, or a string holding a compact JWT) and options.</summary>
/// <param name="Options">Optional: <c>challenge</c> and <c>domain</c> the Data Integrity proofs must carry; other options are ignored.</param>
internal sealed record VerifyCredentialRequest(JsonElement VerifiableCredential, JsonElement Options);
