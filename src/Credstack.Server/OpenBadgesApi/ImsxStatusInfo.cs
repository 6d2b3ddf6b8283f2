// Open Badges 3.0 §6.2 and §B (Imsx_StatusInfo): the body of every error response of the Open Badges API,
// instead of the RFC 9457 problem details the rest of Credstack's API uses.
using System.Text.Json.Serialization;

namespace Credstack.Server.OpenBadgesApi;

/// <summary>An Open Badges API status report.</summary>
internal sealed record ImsxStatusInfo(
    [property: JsonPropertyName("imsx_codeMajor")] string CodeMajor,
    [property: JsonPropertyName("imsx_severity")] string Severity,
    [property: JsonPropertyName("imsx_description")] string Description,
    [property: JsonPropertyName("imsx_codeMinor")] ImsxCodeMinor CodeMinor)
{
    // Imsx_CodeMinorFieldValue vocabulary values used by this server.
    public const string InvalidData = "invalid_data";
    public const string InvalidQueryParameter = "invalid_query_parameter";
    public const string UnauthorizedRequest = "unauthorizedrequest";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string NotAcceptable = "not_acceptable";

    /// <summary>A failure with <paramref name="status"/>, one code minor value and a sentence for people.</summary>
    public static IResult Failure(int status, string codeMinor, string description) =>
        TypedResults.Json(Create(codeMinor, description), statusCode: status);

    public static ImsxStatusInfo Create(string codeMinor, string description) =>
        new("failure", "error", description, new ImsxCodeMinor([new ImsxCodeMinorField("credstack", codeMinor)]));
}
