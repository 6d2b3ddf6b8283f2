using System.CommandLine;
using System.Text;
using Credstack.Cli.Commands.Canonicalization;
using Credstack.Cli.Commands.Keys;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Jose;
using Credstack.Credentials.Keys;

namespace Credstack.Cli.Commands.Sign;

/// <summary>
/// <c>credstack sign --key FILE [--suite S] [--format jsonld|jwt|ob-jwt] [--verification-method ID] [--purpose P]
/// [--challenge C] [--domain D] [--jsonl] [FILE]</c>: secures an unsigned credential with a Data Integrity proof (jsonld), as
/// VC-JOSE (jwt) or as an Open Badges 3.0 VC-JWT (ob-jwt), and writes the signed credential to stdout exactly as signed. A
/// verifiable presentation is signed by its holder the same way, with <c>--purpose authentication --challenge C --domain D</c>.
/// </summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("UNSIGNED") { Description = "The unsigned credential (JSON); standard input when absent or '-'.", Arity = ArgumentArity.ZeroOrOne };
        var keyFile = new Option<FileInfo>("--key") { Description = "The private key as a JWK file (from 'credstack keys generate').", Required = true };
        var suite = new Option<string?>("--suite") { Description = "The Data Integrity cryptosuite (jsonld only; default eddsa-rdfc-2022 for Ed25519 keys, ecdsa-rdfc-2019 for P-256/P-384)." };
        suite.AcceptOnlyFromAmong(SuiteNames.Keys.ToArray());
        var format = new Option<string>("--format") { Description = "jsonld: embedded Data Integrity proof; jwt: VC-JOSE (vc+jwt); ob-jwt: Open Badges 3.0 VC-JWT.", DefaultValueFactory = _ => "jsonld" };
        format.AcceptOnlyFromAmong("jsonld", "jwt", "ob-jwt");
        var method = new Option<string?>("--verification-method") { Description = "The verification method id (proof verificationMethod, JWT kid); default: the key's did:key method." };
        var purpose = new Option<string>("--purpose") { Description = "The proof purpose (jsonld only): assertionMethod (default, credentials) or authentication (a holder signing a presentation).", DefaultValueFactory = _ => "assertionMethod" };
        purpose.AcceptOnlyFromAmong("assertionMethod", "authentication");
        var challenge = new Option<string?>("--challenge") { Description = "The verifier's challenge to put in the proof (jsonld only; for presentations)." };
        var domain = new Option<string?>("--domain") { Description = "The domain to restrict the proof to (jsonld only; for presentations)." };
        var jsonLines = new Option<bool>("--jsonl") { Description = "One credential per input line, one signed credential per output line (an error object for a line that fails)." };

        var command = new Command("sign", "Sign an unsigned credential (Data Integrity proof, VC-JOSE JWT or Open Badges VC-JWT), or a presentation as its holder.")
        {
            file, keyFile, suite, format, method, purpose, challenge, domain, jsonLines,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(suite) is not null && result.GetValue(format) is { } formatName && formatName != "jsonld")
            {
                result.AddError("--suite goes with --format jsonld.");
            }

            if (result.GetValue(format) is { } name && name != "jsonld"
                && (result.GetValue(challenge) is not null || result.GetValue(domain) is not null || result.GetValue(purpose) is { } purposeName && purposeName != "assertionMethod"))
            {
                result.AddError("--purpose, --challenge and --domain go with --format jsonld.");
            }
        });

        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult, "sign");
            var (key, code, error) = KeyFile.Read(parseResult.GetValue(keyFile)!);
            if (key is null)
            {
                return output.Fail(ExitCodes.InvalidInput, code!, error!);
            }

            using (key)
            {
                var verificationMethod = parseResult.GetValue(method) ?? KeyFile.DefaultVerificationMethod(key.PublicKey);
                var formatName = parseResult.GetValue(format)!;
                if (verificationMethod is null && formatName == "jsonld")
                {
                    return output.Fail(ExitCodes.ProcessingFailed, DataIntegrityProblem.KeyTypeMismatch, "Data Integrity cryptosuites sign with Ed25519, P-256 or P-384 keys, not RSA.");
                }

                Func<ReadOnlyMemory<byte>, SignedCredential> sign = formatName switch
                {
                    "jwt" => input => SignedCredential.From(JwtCredentialSigner.SignCredential(input.Span, key, verificationMethod ?? key.PublicKey.ComputeJwkThumbprint())),
                    "ob-jwt" => input => SignedCredential.From(JwtCredentialSigner.SignOpenBadges(input.Span, key, verificationMethod ?? key.PublicKey.ComputeJwkThumbprint())),
                    _ => CreateDataIntegritySigner(key, parseResult.GetValue(suite), new DataIntegrityProofOptions
                    {
                        VerificationMethod = verificationMethod!,
                        ProofPurpose = parseResult.GetValue(purpose)!,
                        Challenge = parseResult.GetValue(challenge),
                        Domain = parseResult.GetValue(domain),
                    }),
                };

                return parseResult.GetValue(jsonLines)
                    ? RunLines(parseResult.GetValue(file), sign, output)
                    : RunOne(parseResult.GetValue(file), sign, output);
            }
        });
        return command;
    }

    private static readonly Dictionary<string, DataIntegrityCryptosuite> SuiteNames = new(StringComparer.Ordinal)
    {
        ["eddsa-rdfc-2022"] = DataIntegrityCryptosuite.EddsaRdfc2022,
        ["eddsa-jcs-2022"] = DataIntegrityCryptosuite.EddsaJcs2022,
        ["ecdsa-rdfc-2019"] = DataIntegrityCryptosuite.EcdsaRdfc2019,
        ["ecdsa-jcs-2019"] = DataIntegrityCryptosuite.EcdsaJcs2019,
    };

    private static Func<ReadOnlyMemory<byte>, SignedCredential> CreateDataIntegritySigner(SigningKey key, string? suiteName, DataIntegrityProofOptions proof)
    {
        var suite = suiteName is null
            ? (key.KeyType == KeyType.Ed25519 ? DataIntegrityCryptosuite.EddsaRdfc2022 : DataIntegrityCryptosuite.EcdsaRdfc2019)
            : SuiteNames[suiteName];
        var signer = new DataIntegritySigner();
        var options = proof with { Cryptosuite = suite };
        return input => SignedCredential.From(signer.Sign(input, key, options));
    }

    private static int RunOne(FileInfo? file, Func<ReadOnlyMemory<byte>, SignedCredential> sign, CliOutput output)
    {
        var (bytes, error) = InputReader.ReadAll(file, InputReader.DefaultMaxBytes);
        if (bytes is null)
        {
            return output.Fail(ExitCodes.InvalidInput, "input", error!);
        }

        var signed = sign(bytes);
        if (signed.Failure is { } failure)
        {
            return output.Fail(failure.ExitCode, failure.Code, failure.Message);
        }

        // Exactly the bytes that were signed: no reformatting, no trailing newline.
        output.Out.Write(signed.Text);
        return ExitCodes.Success;
    }

    private static int RunLines(FileInfo? file, Func<ReadOnlyMemory<byte>, SignedCredential> sign, CliOutput output)
    {
        var exit = ExitCodes.Success;
        var lineNumber = 0;
        foreach (var line in InputReader.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var signed = sign(Encoding.UTF8.GetBytes(line));
            if (signed.Failure is { } failure)
            {
                output.WriteLineError(lineNumber, failure.Code, failure.Message);
                exit = Math.Max(exit, failure.ExitCode);
                continue;
            }

            output.WriteJsonLine(writer =>
            {
                if (signed.IsJson)
                {
                    writer.WriteRawValue(signed.Text!, skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(signed.Text);
                }
            });
        }

        return exit;
    }
}
