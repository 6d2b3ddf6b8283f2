// W3C Verifiable Credentials Data Model v2.0 §4.13 "Verifiable Presentations" and §7.1 "Verification" for presentations
// (VC Data Model 1.1 §4.10 presentations alike): the presentation's structure, its own Data Integrity proof (proofPurpose
// authentication, the caller's challenge and domain, a key controlled by the holder), then each credential in
// verifiableCredential verified on its own, as a nested report, the way a CLR's embedded credentials are. A credential
// without a proof of its own is a holder claim ("Presentations Including Holder Claims"): only the presentation's proof
// secures it, so the presentation must name a holder, the credential's issuer must be that holder, and that proof must verify.
using System.Text.Json;
using Credstack.Credentials.DataIntegrity;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Verification;

internal sealed partial class VerificationRun
{
    /// <summary>
    /// A presentation is a JSON object whose type includes VerifiablePresentation, or that looks like one without saying
    /// so (a type ending in "Presentation", or no type and no credentialSubject but a holder or credentials), so that its
    /// problems are reported against the presentation rules rather than as a credential missing everything.
    /// </summary>
    internal static bool IsPresentation(JsonElement root)
    {
        var types = JsonRead.Types(root);
        if (types.Contains("VerifiablePresentation", StringComparer.Ordinal))
        {
            return true;
        }

        if (types.Contains("VerifiableCredential", StringComparer.Ordinal) || root.TryGetProperty("credentialSubject", out _))
        {
            return false;
        }

        return types.Any(t => t.EndsWith("Presentation", StringComparison.Ordinal) && !t.StartsWith("Enveloped", StringComparison.Ordinal))
            || (types.Count == 0 && (root.TryGetProperty("holder", out _) || root.TryGetProperty("verifiableCredential", out _)));
    }

    private async Task VerifyPresentationAsync(ReadOnlyMemory<byte> json, JsonElement root, CredentialContainer container, ReportBuilder builder, CancellationToken cancellationToken)
    {
        var model = JsonRead.DataModel(root);
        var holder = VcPresentationChecker.HolderId(root);
        builder.Add(VerificationCode.InputFormat, CheckStatus.Passed, "Read as a JSON-LD verifiable presentation" + (model is not null ? $" (VC Data Model {model})." : "."));
        builder.Summary = Summarize(root, CredentialFormat.DataIntegrity, container) with { IsPresentation = true, HolderId = holder, IssuerId = null, SubjectId = null };
        builder.Add(VerificationCode.StructureJson, CheckStatus.Passed, "The presentation is a JSON object.");

        var structure = CredentialValidator.ValidatePresentationEnvelope(root);
        foreach (var problem in structure.Problems)
        {
            builder.Add(VerificationCode.StructureSchema, problem.Severity == ValidationSeverity.Error ? CheckStatus.Failed : CheckStatus.Warning, problem.Message, problem.Path, problem.Code);
        }

        if (structure.IsValid)
        {
            builder.Add(VerificationCode.StructureSchema, CheckStatus.Passed, $"The presentation has the structure of a VC Data Model {model ?? "2.0"} verifiable presentation.");
        }

        var jsonLdChecked = false;
        if (!root.TryGetProperty("proof", out _))
        {
            AddUnsignedPresentation(builder);
        }
        else
        {
            var options = new DataIntegrityVerificationOptions
            {
                ExpectedProofPurpose = request.ExpectedPresentationProofPurpose,
                ExpectedDomain = request.ExpectedDomain,
                ExpectedChallenge = request.ExpectedChallenge,
                RequireIssuerControl = holder is not null && Options.RequireIssuerControl,
            };
            var report = await new DataIntegrityVerifier(verifier.Methods, Clock, Options.JsonLd).VerifyAsync(json, options, cancellationToken).ConfigureAwait(false);
            jsonLdChecked = ProofChecks.AddDataIntegrity(report, root, builder, "holder", partyChecked: holder is not null || !Options.RequireIssuerControl);
            if (report.Proofs.Count > 0)
            {
                AddChallengeAndDomain(builder);
            }
        }

        if (!jsonLdChecked)
        {
            CheckSafeMode(root, builder);
        }

        await VerifyPresentedCredentialsAsync(root, builder, cancellationToken).ConfigureAwait(false);
    }

    private void AddUnsignedPresentation(ReportBuilder builder)
    {
        const string Message = "The presentation has no proof: the holder is not authenticated (anyone who has these credentials could have sent them); only the credentials' own proofs are checked.";
        switch (request.UnsignedPresentation)
        {
            case UnsignedPresentationPolicy.Fail:
                builder.Add(VerificationCode.ProofPresent, CheckStatus.Failed, Message + " This verification requires a presentation signed by its holder.", "$", DataIntegrityProblem.ProofMissing);
                break;
            case UnsignedPresentationPolicy.Skip:
                builder.Add(VerificationCode.ProofPresent, CheckStatus.Skipped, "The presentation has no proof; the holder was authenticated some other way (as the request says), so it is not required.", "$");
                break;
            default:
                builder.Add(VerificationCode.ProofPresent, CheckStatus.Warning, Message, "$", DataIntegrityProblem.ProofMissing);
                break;
        }
    }

    /// <summary>
    /// The Data Integrity verifier reports only mismatches; here the outcome either way, and a warning when the caller
    /// gave no challenge (a presentation verified without one can be replayed by anyone who saw it).
    /// </summary>
    private void AddChallengeAndDomain(ReportBuilder builder)
    {
        if (request.ExpectedChallenge is null)
        {
            builder.Add(VerificationCode.ProofChallenge, CheckStatus.Warning, "No challenge was given to check the presentation's proof against: it could be a replay of a presentation made for someone else.", "$.proof", "challenge-not-checked");
        }
        else if (!builder.Any(VerificationCode.ProofChallenge, CheckStatus.Failed))
        {
            builder.Add(VerificationCode.ProofChallenge, CheckStatus.Passed, "The proof's challenge is the expected one.", "$.proof");
        }

        if (request.ExpectedDomain is null)
        {
            builder.Add(VerificationCode.ProofDomain, CheckStatus.Skipped, "No domain was given to check the presentation's proof against.", "$.proof");
        }
        else if (!builder.Any(VerificationCode.ProofDomain, CheckStatus.Failed))
        {
            builder.Add(VerificationCode.ProofDomain, CheckStatus.Passed, $"The proof is for the domain '{JsonRead.Shorten(request.ExpectedDomain)}'.", "$.proof");
        }
    }

    private async Task VerifyPresentedCredentialsAsync(JsonElement presentation, ReportBuilder builder, CancellationToken cancellationToken)
    {
        var property = JsonRead.Property(presentation, "verifiableCredential");
        if (property is null)
        {
            builder.Add(VerificationCode.EmbeddedInvalid, CheckStatus.Skipped, "The presentation carries no credentials.", "$");
            return;
        }

        // Whether the presentation's own proof secures what it carries: it verified and no proof check failed.
        var presentationProofVerified = builder.Any(VerificationCode.ProofSignature, CheckStatus.Passed)
            && !builder.Checks.Any(c => c.Status == CheckStatus.Failed && c.Code.StartsWith("proof.", StringComparison.Ordinal));
        var items = JsonRead.Items(property);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = property is { ValueKind: JsonValueKind.Array } ? JsonRead.Index("$.verifiableCredential", i) : "$.verifiableCredential";
            if (item.ValueKind != JsonValueKind.Object)
            {
                // structure.schema already failed for this entry (a string, number or URL is not a credential).
                builder.Add(VerificationCode.EmbeddedInvalid, CheckStatus.Failed, $"Entry {i} of verifiableCredential is not a credential object and was not verified.", path);
                continue;
            }

            if (IsPresentation(item))
            {
                builder.Add(VerificationCode.EmbeddedInvalid, CheckStatus.Failed, $"Entry {i} of verifiableCredential is a presentation, not a credential, and was not verified.", path);
                continue;
            }

            if (depth + 1 > Options.MaxNestingDepth)
            {
                builder.Add(VerificationCode.EmbeddedTooDeep, CheckStatus.Failed, $"The presented credential is nested deeper than {Options.MaxNestingDepth} levels and was not verified.", path);
                continue;
            }

            var selfAsserted = !VcPresentationChecker.IsEnvelope(item) && !item.TryGetProperty("proof", out _);
            if (selfAsserted)
            {
                var problem = VcPresentationChecker.HolderClaimProblem(presentation, item)
                    ?? (presentationProofVerified ? null : "The credential has no proof of its own and the presentation's proof did not verify (or there is none): nothing secures it.");
                builder.Add(
                    VerificationCode.EmbeddedSelfAsserted,
                    problem is null ? CheckStatus.Passed : CheckStatus.Failed,
                    problem ?? $"A holder claim: the credential has no proof of its own; its issuer is the holder '{JsonRead.Shorten(VcPresentationChecker.HolderId(presentation))}', whose proof on the presentation secures it.",
                    path,
                    problem is null ? null : ValidationCode.HolderClaimMismatch);
            }

            var nested = new VerificationRun(verifier, request with { ExpectedRecipient = null, ExpectedChallenge = null, ExpectedDomain = null }, now, depth + 1, holderClaim: selfAsserted);
            var report = await nested.VerifyInputAsync(Bytes(item), cancellationToken).ConfigureAwait(false);
            builder.Embedded.Add(new EmbeddedVerification("verifiableCredential", path, report));
            var name = report.Credential?.AchievementName ?? report.Credential?.Id ?? $"credential {i}";
            var ok = selfAsserted ? !report.Errors.Any() : report.Verified;
            builder.Add(
                VerificationCode.EmbeddedInvalid,
                ok ? CheckStatus.Passed : CheckStatus.Failed,
                ok
                    ? selfAsserted ? $"The holder's claim '{JsonRead.Shorten(name)}' is well formed." : $"The presented credential '{JsonRead.Shorten(name)}' verifies."
                    : $"The presented credential '{JsonRead.Shorten(name)}' does not verify (see its report).",
                path);
        }
    }
}
