using System.Text.Json;

namespace Credstack.Server.VcApi;

/// <summary>VC-API "verify presentation" request: the presentation (a JSON object) and options.</summary>
/// <param name="VerifiablePresentation">The presentation, signed by its holder (or unsigned, when the options allow it).</param>
/// <param name="Options">
/// Optional: <c>challenge</c> and <c>domain</c> the presentation's proof must carry; <c>unsignedPresentation</c> (a Credstack
/// extension, default false): true accepts a presentation without a proof, verified on its credentials alone with a warning
/// that the holder is not authenticated. Other options are ignored.
/// </param>
internal sealed record VerifyPresentationRequest(JsonElement VerifiablePresentation, JsonElement Options);
