using System.Text;
using System.Text.Json;
using Credstack.Credentials.Model;
using Credstack.Credentials.Status;
using Credstack.Credentials.Validation;

namespace Credstack.Credentials.Verification;

/// <summary>The steps after the proof (OB 3.0 §8.1 / CHECKLIST §3 steps 4–8), shared by every credential format.</summary>
internal sealed partial class VerificationRun
{
    private static readonly string[] OpenBadgesClasses = ["AchievementCredential", "OpenBadgeCredential", "EndorsementCredential", "ClrCredential"];
    private static readonly string[] EndorsementRelations = ["endorsement", "endorsementJwt"];

    internal static CredentialSummary Summarize(JsonElement credential, CredentialFormat format, CredentialContainer container)
    {
        var subject = JsonRead.Subject(credential);
        var achievement = subject is { } s ? JsonRead.Property(s, "achievement") : null;
        var issuer = JsonRead.Property(credential, "issuer");
        var (fromFound, from) = JsonRead.Date(credential, "validFrom");
        var (untilFound, until) = JsonRead.Date(credential, "validUntil");
        return new CredentialSummary
        {
            Format = format,
            Container = container,
            DataModel = JsonRead.DataModel(credential),
            Id = JsonRead.String(credential, "id"),
            Types = JsonRead.Types(credential),
            IssuerId = JsonRead.EntityId(credential, "issuer"),
            IssuerName = issuer is { ValueKind: JsonValueKind.Object } i ? JsonRead.String(i, "name") : null,
            SubjectId = subject is { } subjectElement ? JsonRead.String(subjectElement, "id") : null,
            AchievementName = (achievement is { ValueKind: JsonValueKind.Object } a ? JsonRead.String(a, "name") : null) ?? JsonRead.String(credential, "name"),
            ValidFrom = fromFound ? from : JsonRead.Date(credential, "issuanceDate").Value,
            ValidUntil = untilFound ? until : JsonRead.Date(credential, "expirationDate").Value,
        };
    }

    /// <summary>structure.schema: OB 3.0 / CLR 2.0 classes through the validator, VC core properties for any other credential.</summary>
    internal void CheckStructure(JsonElement credential, ReportBuilder builder)
    {
        var types = JsonRead.Types(credential);
        if (!types.Any(t => OpenBadgesClasses.Contains(t, StringComparer.Ordinal)))
        {
            VcStructure.Check(credential, builder);
            return;
        }

        var result = CredentialValidator.Validate(credential, Options.ValidationMode);
        foreach (var problem in result.Problems)
        {
            builder.Add(
                VerificationCode.StructureSchema,
                problem.Severity == ValidationSeverity.Error ? CheckStatus.Failed : CheckStatus.Warning,
                problem.Message,
                problem.Path,
                problem.Code);
        }

        if (result.IsValid)
        {
            var kind = types.FirstOrDefault(t => OpenBadgesClasses.Contains(t, StringComparer.Ordinal));
            builder.Add(VerificationCode.StructureSchema, CheckStatus.Passed, $"The credential has the structure of an {kind} ({(Options.ValidationMode == ValidationMode.Strict ? "strict" : "lenient")} validation).");
        }
    }

    internal async Task AfterProofAsync(JsonElement credential, JsonElement? jwtPayload, ReportBuilder builder, CancellationToken cancellationToken)
    {
        CheckRefresh(credential, builder);
        await CheckStatusAsync(credential, builder, cancellationToken).ConfigureAwait(false);
        CheckValidity(credential, jwtPayload, builder);
        CheckRecipient(credential, builder);
        await VerifyEndorsementsAsync(credential, builder, cancellationToken).ConfigureAwait(false);
        await VerifyEmbeddedAsync(credential, builder, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckRefresh(JsonElement credential, ReportBuilder builder)
    {
        if (JsonRead.Property(credential, "refreshService") is not { } refresh)
        {
            builder.Add(VerificationCode.RefreshService, CheckStatus.Skipped, "The credential names no refresh service.");
            return;
        }

        var first = JsonRead.Items(refresh).FirstOrDefault();
        builder.Add(
            VerificationCode.RefreshService,
            CheckStatus.Skipped,
            $"The credential names a refresh service ({JsonRead.Shorten(JsonRead.String(first, "type"))} at {JsonRead.Shorten(JsonRead.String(first, "id"))}); Credstack does not contact it, and verifies the credential as given.",
            "$.refreshService");
    }

    private async Task CheckStatusAsync(JsonElement credential, ReportBuilder builder, CancellationToken cancellationToken)
    {
        if (JsonRead.Property(credential, "credentialStatus") is not { } status)
        {
            builder.Add(VerificationCode.StatusRevoked, CheckStatus.Skipped, "The credential has no credentialStatus: there is no status to check.");
            return;
        }

        if (!request.CheckStatus)
        {
            builder.Add(VerificationCode.StatusUnknown, CheckStatus.Skipped, "Status was not checked (not requested).", "$.credentialStatus");
            builder.Summary = builder.Summary with { Status = "unknown" };
            return;
        }

        var checker = verifier.StatusCheckerFor(request);
        if (checker is null)
        {
            builder.Add(VerificationCode.StatusUnknown, CheckStatus.Skipped, "The credential has a credentialStatus, but no status list fetcher is configured (nothing is fetched): its status is unknown.", "$.credentialStatus");
            builder.Summary = builder.Summary with { Status = "unknown" };
            return;
        }

        var results = await checker.CheckCredentialAsync(credential, cancellationToken).ConfigureAwait(false);
        var summary = "valid";
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var path = status.ValueKind == JsonValueKind.Array ? JsonRead.Index("$.credentialStatus", i) : "$.credentialStatus";
            var where = result.StatusListCredential is { } list ? $" ({list}" + (result.StatusListIndex is { } index ? $", index {index})" : ")") : "";
            switch (result.Outcome)
            {
                case StatusCheckOutcome.Valid when result.Purpose == StatusPurpose.Suspension:
                    builder.Add(VerificationCode.StatusSuspended, CheckStatus.Passed, "The credential is not suspended" + where + ".", path);
                    break;
                case StatusCheckOutcome.Valid when result.Purpose is StatusPurpose.Refresh or StatusPurpose.Message:
                    builder.Add(VerificationCode.StatusMessage, CheckStatus.Passed, "The status entry is not set" + where + ".", path);
                    break;
                case StatusCheckOutcome.Valid:
                    builder.Add(VerificationCode.StatusRevoked, CheckStatus.Passed, "The credential is not revoked" + where + ".", path);
                    break;
                case StatusCheckOutcome.Revoked:
                    builder.Add(VerificationCode.StatusRevoked, CheckStatus.Failed, "The issuer has revoked the credential" + where + (result.Reason is { } reason ? ": " + reason : "."), path);
                    summary = "revoked";
                    break;
                case StatusCheckOutcome.Suspended:
                    builder.Add(VerificationCode.StatusSuspended, CheckStatus.Failed, "The issuer has suspended the credential" + where + ".", path);
                    summary = summary == "revoked" ? summary : "suspended";
                    break;
                case StatusCheckOutcome.RefreshRequested:
                    builder.Add(VerificationCode.StatusMessage, CheckStatus.Warning, "The issuer has a newer version of this credential (refresh entry set)" + where + ".", path);
                    break;
                case StatusCheckOutcome.Message:
                    builder.Add(VerificationCode.StatusMessage, CheckStatus.Warning, $"The status entry holds 0x{result.Value:x}" + (result.Message is { } m ? $": {m.Message}" : "") + where + ".", path);
                    break;
                default:
                    builder.Add(
                        VerificationCode.StatusUnknown,
                        request.StatusUnknownIsFailure ? CheckStatus.Failed : CheckStatus.Warning,
                        "The credential's status is unknown: " + (result.Reason ?? "no reason given."),
                        path,
                        result.Problem is { } problem ? StatusProblemCode(problem) : null);
                    summary = summary is "revoked" or "suspended" ? summary : "unknown";
                    break;
            }
        }

        builder.Summary = builder.Summary with { Status = summary };
    }

    internal static string StatusProblemCode(StatusProblem problem)
    {
        var name = problem.ToString();
        var text = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private void CheckValidity(JsonElement credential, JsonElement? jwtPayload, ReportBuilder builder)
    {
        var (fromFound, from) = JsonRead.Date(credential, "validFrom");
        var fromName = "validFrom";
        if (!fromFound)
        {
            (fromFound, from) = JsonRead.Date(credential, "issuanceDate");
            fromName = "issuanceDate";
        }

        var (untilFound, until) = JsonRead.Date(credential, "validUntil");
        var untilName = "validUntil";
        if (!untilFound)
        {
            (untilFound, until) = JsonRead.Date(credential, "expirationDate");
            untilName = "expirationDate";
        }

        // VC-JOSE nbf/exp bound the token independently of the credential's own period: the stricter of each pair applies.
        if (jwtPayload is { } payload)
        {
            if (NumericDate(payload, "nbf") is { } nbf && (from is null || nbf > from))
            {
                (fromFound, from, fromName) = (true, nbf, "nbf");
            }

            if (NumericDate(payload, "exp") is { } exp && (until is null || exp < until))
            {
                (untilFound, until, untilName) = (true, exp, "exp");
            }
        }

        CheckValidityPeriod(builder, now, Options.ClockSkew, fromFound, from, fromName, untilFound, until, untilName);
    }

    internal static void CheckValidityPeriod(
        ReportBuilder builder, DateTimeOffset now, TimeSpan skew, bool fromFound, DateTimeOffset? from, string fromName, bool untilFound, DateTimeOffset? until, string untilName)
    {
        if (!fromFound)
        {
            builder.Add(VerificationCode.ValidityNotYetValid, CheckStatus.Skipped, "The credential states no start of validity.");
        }
        else if (from is not { } start)
        {
            builder.Add(VerificationCode.ValidityNotYetValid, CheckStatus.Failed, $"{fromName} is not a date-time.", "$." + fromName);
        }
        else if (start > now + skew)
        {
            builder.Add(VerificationCode.ValidityNotYetValid, CheckStatus.Failed, $"The credential is not valid before {Format(start)} ({fromName}); now is {Format(now)}.", "$." + fromName);
        }
        else
        {
            builder.Add(VerificationCode.ValidityNotYetValid, CheckStatus.Passed, $"The credential is valid from {Format(start)} ({fromName}).", "$." + fromName);
        }

        if (!untilFound)
        {
            builder.Add(VerificationCode.ValidityExpired, CheckStatus.Passed, "The credential does not expire.");
        }
        else if (until is not { } end)
        {
            builder.Add(VerificationCode.ValidityExpired, CheckStatus.Failed, $"{untilName} is not a date-time.", "$." + untilName);
        }
        else if (end < now - skew)
        {
            builder.Add(VerificationCode.ValidityExpired, CheckStatus.Failed, $"The credential expired at {Format(end)} ({untilName}); now is {Format(now)}.", "$." + untilName);
        }
        else
        {
            builder.Add(VerificationCode.ValidityExpired, CheckStatus.Passed, $"The credential is valid until {Format(end)} ({untilName}).", "$." + untilName);
        }
    }

    private static string Format(DateTimeOffset value) => DataIntegrity.DateTimeStamp.Format(value);

    private static DateTimeOffset? NumericDate(JsonElement payload, string name) =>
        JsonRead.Property(payload, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var seconds)
            && seconds is >= -62135596800 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private void CheckRecipient(JsonElement credential, ReportBuilder builder)
    {
        if (request.ExpectedRecipient is not { } expected)
        {
            builder.Add(VerificationCode.RecipientMismatch, CheckStatus.Skipped, "No expected recipient was given.");
            return;
        }

        var recipient = ExpectedRecipient.Parse(expected);
        var subjects = JsonRead.Items(JsonRead.Property(credential, "credentialSubject"));
        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            var path = subjects.Count == 1 ? "$.credentialSubject" : JsonRead.Index("$.credentialSubject", i);
            if (JsonRead.String(subject, "id") is { } id && recipient.MatchesId(id))
            {
                builder.Add(VerificationCode.RecipientMismatch, CheckStatus.Passed, $"The credential's subject is {JsonRead.Shorten(expected)} (credentialSubject.id).", JsonRead.Child(path, "id"));
                return;
            }

            var identifiers = JsonRead.Items(JsonRead.Property(subject, "identifier"));
            for (var j = 0; j < identifiers.Count; j++)
            {
                if (ReadIdentity(identifiers[j]) is { } identity && recipient.Matches(identity))
                {
                    builder.Add(
                        VerificationCode.RecipientMismatch,
                        CheckStatus.Passed,
                        $"The credential's subject is {JsonRead.Shorten(expected)} ({identity.IdentityType}{(identity.Hashed ? ", salted hash" : "")}).",
                        JsonRead.Index(JsonRead.Child(path, "identifier"), j));
                    return;
                }
            }
        }

        builder.Add(VerificationCode.RecipientMismatch, CheckStatus.Failed, $"The credential is not about {JsonRead.Shorten(expected)}: neither the subject's id nor any of its identifiers match.", "$.credentialSubject");
    }

    private static IdentityObject? ReadIdentity(JsonElement element)
    {
        if (JsonRead.String(element, "identityHash") is not { } hash || JsonRead.String(element, "identityType") is not { } type)
        {
            return null;
        }

        var hashed = JsonRead.Property(element, "hashed") is { ValueKind: JsonValueKind.True };
        return new IdentityObject { Hashed = hashed, IdentityHash = hash, IdentityType = type, Salt = JsonRead.String(element, "salt") };
    }

    private async Task VerifyEndorsementsAsync(JsonElement credential, ReportBuilder builder, CancellationToken cancellationToken)
    {
        var subject = JsonRead.Subject(credential);
        var holders = new List<(string Path, JsonElement Holder)> { ("$", credential) };
        if (subject is { } s && JsonRead.Property(s, "achievement") is { ValueKind: JsonValueKind.Object } achievement)
        {
            holders.Add(("$.credentialSubject.achievement", achievement));
        }

        if (JsonRead.Property(credential, "issuer") is { ValueKind: JsonValueKind.Object } issuer)
        {
            holders.Add(("$.issuer", issuer));
        }

        foreach (var (holderPath, holder) in holders)
        {
            foreach (var relation in EndorsementRelations)
            {
                var items = JsonRead.Items(JsonRead.Property(holder, relation));
                var isArray = JsonRead.Property(holder, relation) is { ValueKind: JsonValueKind.Array };
                for (var i = 0; i < items.Count; i++)
                {
                    var path = isArray ? JsonRead.Index(JsonRead.Child(holderPath, relation), i) : JsonRead.Child(holderPath, relation);
                    await VerifyEndorsementAsync(items[i], relation, path, JsonRead.String(holder, "id"), builder, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task VerifyEndorsementAsync(JsonElement endorsement, string relation, string path, string? endorsedId, ReportBuilder builder, CancellationToken cancellationToken)
    {
        if (!request.VerifyEndorsements)
        {
            builder.Add(VerificationCode.EndorsementInvalid, CheckStatus.Skipped, "Endorsements were not verified (not requested).", path);
            return;
        }

        if (depth + 1 > Options.MaxNestingDepth)
        {
            builder.Add(VerificationCode.EmbeddedTooDeep, CheckStatus.Skipped, $"The endorsement is nested deeper than {Options.MaxNestingDepth} levels and was not verified.", path);
            return;
        }

        var report = await Nested().VerifyInputAsync(Bytes(endorsement), cancellationToken).ConfigureAwait(false);
        builder.Embedded.Add(new EmbeddedVerification(relation, path, report));
        var endorser = report.Credential?.IssuerName ?? report.Credential?.IssuerId ?? "an unknown endorser";
        if (!report.Verified)
        {
            builder.Add(VerificationCode.EndorsementInvalid, CheckStatus.Warning, $"The endorsement by {JsonRead.Shorten(endorser)} does not verify; do not show it (see its report).", path);
        }
        else if (endorsedId is not null && report.Credential?.SubjectId is { } subjectId && !string.Equals(subjectId, endorsedId, StringComparison.Ordinal))
        {
            builder.Add(VerificationCode.EndorsementInvalid, CheckStatus.Warning, $"The endorsement by {JsonRead.Shorten(endorser)} verifies but endorses {JsonRead.Shorten(subjectId)}, not {JsonRead.Shorten(endorsedId)}.", path);
        }
        else
        {
            builder.Add(VerificationCode.EndorsementInvalid, CheckStatus.Passed, $"The endorsement by {JsonRead.Shorten(endorser)} verifies.", path);
        }
    }

    private async Task VerifyEmbeddedAsync(JsonElement credential, ReportBuilder builder, CancellationToken cancellationToken)
    {
        if (!JsonRead.HasType(credential, "ClrCredential") || JsonRead.Subject(credential) is not { } subject)
        {
            return;
        }

        var property = JsonRead.Property(subject, "verifiableCredential");
        var items = JsonRead.Items(property);
        for (var i = 0; i < items.Count; i++)
        {
            var path = property is { ValueKind: JsonValueKind.Array }
                ? JsonRead.Index("$.credentialSubject.verifiableCredential", i)
                : "$.credentialSubject.verifiableCredential";
            if (depth + 1 > Options.MaxNestingDepth)
            {
                builder.Add(VerificationCode.EmbeddedTooDeep, CheckStatus.Failed, $"The embedded credential is nested deeper than {Options.MaxNestingDepth} levels and was not verified.", path);
                continue;
            }

            var report = await Nested().VerifyInputAsync(Bytes(items[i]), cancellationToken).ConfigureAwait(false);
            builder.Embedded.Add(new EmbeddedVerification("verifiableCredential", path, report));
            var name = report.Credential?.AchievementName ?? report.Credential?.Id ?? "an embedded credential";
            builder.Add(
                VerificationCode.EmbeddedInvalid,
                report.Verified ? CheckStatus.Passed : CheckStatus.Failed,
                report.Verified ? $"The embedded credential '{JsonRead.Shorten(name)}' verifies." : $"The embedded credential '{JsonRead.Shorten(name)}' does not verify (see its report).",
                path);
        }
    }

    private static byte[] Bytes(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(element.GetString()!) : Encoding.UTF8.GetBytes(element.GetRawText());
}
