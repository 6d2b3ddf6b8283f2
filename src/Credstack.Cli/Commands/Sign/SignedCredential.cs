using System.Text;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Jose;

namespace Credstack.Cli.Commands.Sign;

/// <summary>One signing outcome for the CLI: the signed text (JSON or a compact JWS), or the failure to report.</summary>
internal sealed record SignedCredential(string? Text, bool IsJson, CliOutput.Failure? Failure)
{
    public static SignedCredential From(DataIntegritySigningResult result) => result.Succeeded
        ? new(Encoding.UTF8.GetString(result.SignedDocument), true, null)
        : new(null, true, new CliOutput.Failure(ExitCodeOf(result.Problem), result.Problem!, result.Detail ?? result.Problem!));

    public static SignedCredential From(JwtSigningResult result) => result.Succeeded
        ? new(result.Token, false, null)
        : new(null, false, new CliOutput.Failure(ExitCodeOf(result.Problem), result.Problem!, result.Detail ?? result.Problem!));

    // Input that is not a JSON object is unreadable input; a readable document the suite or key cannot sign is a processing failure.
    private static int ExitCodeOf(string? problem) => problem is DataIntegrityProblem.DocumentMalformed or JwtProblem.PayloadInvalid
        ? ExitCodes.InvalidInput
        : ExitCodes.ProcessingFailed;
}
