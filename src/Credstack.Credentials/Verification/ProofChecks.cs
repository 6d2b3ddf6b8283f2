// Maps the Data Integrity and JWT verifiers' problem codes onto the report's proof (and structure) checks, keeping the
// underlying code in VerificationCheck.Problem.
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Dids;
using Credstack.Credentials.Jose;
using Credstack.JsonLd;

namespace Credstack.Credentials.Verification;

internal static class ProofChecks
{
    /// <summary>Adds the checks of every proof; returns true when a proof's RDFC canonicalization ran (so safe mode was checked).</summary>
    public static bool AddDataIntegrity(DataIntegrityVerificationReport report, JsonElement root, ReportBuilder builder, string role = "issuer", bool partyChecked = true)
    {
        var jsonLdChecked = false;
        foreach (var problem in report.Problems)
        {
            var code = problem.Code switch
            {
                DataIntegrityProblem.DocumentMalformed => VerificationCode.StructureJson,
                DataIntegrityProblem.ProofMissing => VerificationCode.ProofPresent,
                _ => VerificationCode.ProofFormat,
            };
            builder.Add(code, problem.IsWarning ? CheckStatus.Warning : CheckStatus.Failed, problem.Detail, "$.proof", problem.Code);
        }

        if (report.Proofs.Count > 0)
        {
            var document = role == "holder" ? "presentation" : "credential";
            builder.Add(VerificationCode.ProofPresent, CheckStatus.Passed, report.Proofs.Count == 1 ? $"The {document} has one proof." : $"The {document} has a set of {report.Proofs.Count} proofs; each must verify.");
        }

        var single = JsonRead.Property(root, "proof") is { ValueKind: JsonValueKind.Object };
        foreach (var proof in report.Proofs)
        {
            var path = single ? "$.proof" : JsonRead.Index("$.proof", proof.Index);
            var suite = proof.Cryptosuite ?? proof.ProofType ?? "proof";
            var signatureReported = false;
            foreach (var problem in proof.Problems)
            {
                if (problem.Code == DataIntegrityProblem.CanonicalizationFailed)
                {
                    var jsonLdCode = JsonLdCode(problem.Detail);
                    if (!builder.Any(VerificationCode.StructureJsonLd, CheckStatus.Failed))
                    {
                        var message = problem.Detail.StartsWith(jsonLdCode + ": ", StringComparison.Ordinal) ? problem.Detail[(jsonLdCode.Length + 2)..] : problem.Detail;
                        builder.Add(VerificationCode.StructureJsonLd, CheckStatus.Failed, "JSON-LD processing refused the credential: " + message, null, jsonLdCode);
                    }

                    jsonLdChecked = true;
                    continue;
                }

                var code = CodeFor(problem.Code);
                signatureReported |= code == VerificationCode.ProofSignature;
                builder.Add(code, problem.IsWarning ? CheckStatus.Warning : CheckStatus.Failed, problem.Detail, path, problem.Code);
            }

            if (proof.Succeeded)
            {
                builder.Add(VerificationCode.ProofVerificationMethod, CheckStatus.Passed, $"The verification method {JsonRead.Shorten(proof.VerificationMethod)} was resolved.", path);
                if (partyChecked)
                {
                    builder.Add(
                        VerificationCode.ProofController,
                        CheckStatus.Passed,
                        proof.ControllerDocumentChecked
                            ? $"The key is the {role}'s ({JsonRead.Shorten(proof.Controller)}) and its controller document lists it for the proof purpose."
                            : $"The key is registered for the {role} ({JsonRead.Shorten(proof.Controller)}).",
                        path);
                }
                else
                {
                    builder.Add(
                        VerificationCode.ProofController,
                        CheckStatus.Warning,
                        $"The presentation names no holder, so nothing binds the signer ({JsonRead.Shorten(proof.Controller)}) to a holder; name the holder to have it checked.",
                        path,
                        "holder-missing");
                }

                builder.Add(VerificationCode.ProofSignature, CheckStatus.Passed, $"The {suite} signature verifies.", path);
            }
            else if (!signatureReported)
            {
                builder.Add(VerificationCode.ProofSignature, CheckStatus.Skipped, $"The {suite} signature was not checked because of the problems above.", path);
            }

            jsonLdChecked |= ReachedCanonicalization(proof);
        }

        if (jsonLdChecked && !builder.Any(VerificationCode.StructureJsonLd, CheckStatus.Failed) && !builder.Any(VerificationCode.StructureJsonLd, CheckStatus.Warning))
        {
            builder.Add(VerificationCode.StructureJsonLd, CheckStatus.Passed, "Every term is defined by the credential's contexts (JSON-LD safe mode, checked while canonicalizing for the proof).");
        }

        return jsonLdChecked;
    }

    private static bool ReachedCanonicalization(DataIntegrityVerificationResult proof)
    {
        var rdfc = proof.ProofType == CryptosuiteProfile.Ed25519Signature2020Type
            || (proof.Cryptosuite is { } suite && CryptosuiteProfile.ForName(suite) is { UsesRdfc: true });
        return rdfc && !proof.Problems.Any(p => p.Code is DataIntegrityProblem.ProofMalformed or DataIntegrityProblem.CryptosuiteUnsupported
            or DataIntegrityProblem.ProofTypeUnsupported or DataIntegrityProblem.PreviousProofMissing or DataIntegrityProblem.VerificationMethodUnresolved
            or DataIntegrityProblem.KeyTypeMismatch or DataIntegrityProblem.CanonicalizationFailed);
    }

    private static string CodeFor(string problem) => problem switch
    {
        DataIntegrityProblem.ProofTypeUnsupported or DataIntegrityProblem.CryptosuiteUnsupported or DataIntegrityProblem.CryptosuiteDeprecated => VerificationCode.ProofSuite,
        DataIntegrityProblem.ProofPurposeMismatch => VerificationCode.ProofPurpose,
        DataIntegrityProblem.VerificationMethodUnresolved or DataIntegrityProblem.KeyTypeMismatch => VerificationCode.ProofVerificationMethod,
        DataIntegrityProblem.VerificationMethodNotAuthorized => VerificationCode.ProofController,
        DataIntegrityProblem.SignatureInvalid => VerificationCode.ProofSignature,
        DataIntegrityProblem.ProofExpired => VerificationCode.ProofExpires,
        DataIntegrityProblem.CreatedInFuture => VerificationCode.ProofCreated,
        DataIntegrityProblem.DomainMismatch => VerificationCode.ProofDomain,
        DataIntegrityProblem.ChallengeMismatch => VerificationCode.ProofChallenge,
        DataIntegrityProblem.PreviousProofMissing => VerificationCode.ProofChain,
        DataIntegrityProblem.DocumentMalformed => VerificationCode.StructureJson,
        _ => VerificationCode.ProofFormat,
    };

    public static void AddJwt(JwtVerificationResult result, ReportBuilder builder)
    {
        var signatureReported = false;
        foreach (var problem in result.Problems)
        {
            var code = problem.Code switch
            {
                JwtProblem.Malformed or JwtProblem.TooLarge or JwtProblem.Unsecured or JwtProblem.PayloadInvalid or JwtProblem.EnvelopedCredentialInvalid => VerificationCode.StructureJwt,
                JwtProblem.AlgorithmNotAllowed or JwtProblem.AlgorithmNotSupported or JwtProblem.TypeInvalid or JwtProblem.ContentTypeInvalid
                    or JwtProblem.CriticalHeaderUnsupported or JwtProblem.UnencodedPayloadUnsupported => VerificationCode.ProofFormat,
                JwtProblem.KeyNotFound when problem.Detail.StartsWith(DidProblem.ControllerMismatch, StringComparison.Ordinal)
                    || problem.Detail.StartsWith(DidProblem.VerificationMethodNotAuthorized, StringComparison.Ordinal) => VerificationCode.ProofController,
                JwtProblem.KeyNotFound or JwtProblem.KeyPrivate => VerificationCode.ProofVerificationMethod,
                JwtProblem.AlgorithmKeyMismatch or JwtProblem.SignatureInvalid => VerificationCode.ProofSignature,
                JwtProblem.Expired => VerificationCode.ValidityExpired,
                JwtProblem.NotYetValid => VerificationCode.ValidityNotYetValid,
                _ => VerificationCode.ProofClaims,
            };
            signatureReported |= code == VerificationCode.ProofSignature;
            builder.Add(code, CheckStatus.Failed, problem.Detail, null, problem.Code);
        }

        if (result.Succeeded)
        {
            builder.Add(VerificationCode.StructureJwt, CheckStatus.Passed, "The compact JWS is well formed.");
            builder.Add(VerificationCode.ProofVerificationMethod, CheckStatus.Passed, $"The key {JsonRead.Shorten(result.KeyId)} was found ({result.Key?.KeyType}).");
            builder.Add(
                VerificationCode.ProofController,
                result.KeyControllerVerified ? CheckStatus.Passed : CheckStatus.Warning,
                result.KeyControllerVerified
                    ? "The key belongs to the issuer."
                    : "The key was taken from the token's own header (jwk): the signature shows the token is intact, not who made it; bind the key to the issuer before trusting it.",
                null,
                result.KeyControllerVerified ? null : "jwk-header-key");
            builder.Add(VerificationCode.ProofSignature, CheckStatus.Passed, $"The {JsonRead.String(result.Header!.Value, "alg")} signature verifies.");
            builder.Add(VerificationCode.ProofClaims, CheckStatus.Passed, "The JWT claims agree with the credential.");
        }
        else if (!signatureReported && result.Header is not null)
        {
            builder.Add(VerificationCode.ProofSignature, CheckStatus.Skipped, "The signature was not checked because of the problems above.");
        }
    }

    /// <summary>The JSON-LD error code at the start of a canonicalization problem's detail.</summary>
    public static string JsonLdCode(string detail) =>
        detail.StartsWith(JsonLdErrorCode.SafeModeDroppedTerm, StringComparison.Ordinal) ? JsonLdErrorCode.SafeModeDroppedTerm : detail.Split(": ")[0];
}
