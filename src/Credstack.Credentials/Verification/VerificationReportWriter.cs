using System.Globalization;
using System.Text.Json;

namespace Credstack.Credentials.Verification;

/// <summary>Writes <see cref="VerificationReport"/> JSON by hand: stable names, no reflection (the library is AOT-compatible).</summary>
internal static class VerificationReportWriter
{
    public static void Write(Utf8JsonWriter writer, VerificationReport report)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("verified", report.Verified);
        writer.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            WriteCheck(writer, check, withStatus: true);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var check in report.Warnings)
        {
            WriteCheck(writer, check, withStatus: false);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("errors");
        foreach (var check in report.Errors)
        {
            WriteCheck(writer, check, withStatus: false);
        }

        writer.WriteEndArray();
        if (report.Credential is { } summary)
        {
            writer.WritePropertyName("credential");
            WriteSummary(writer, summary);
        }
        else
        {
            writer.WriteNull("credential");
        }

        writer.WriteStartArray("embedded");
        foreach (var embedded in report.Embedded)
        {
            writer.WriteStartObject();
            writer.WriteString("relation", embedded.Relation);
            writer.WriteString("path", embedded.Path);
            writer.WritePropertyName("report");
            Write(writer, embedded.Report);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Warning => "warning",
        _ => "skipped",
    };

    public static string FormatName(CredentialFormat format) => format switch
    {
        CredentialFormat.DataIntegrity => "data-integrity",
        CredentialFormat.OpenBadgesJwt => "ob-vc-jwt",
        CredentialFormat.VcJose => "vc-jose",
        CredentialFormat.OpenBadges2Hosted => "ob2-hosted",
        CredentialFormat.OpenBadges2Signed => "ob2-signed",
        _ => "unknown",
    };

    public static string ContainerName(CredentialContainer container) => container switch
    {
        CredentialContainer.Png => "png",
        CredentialContainer.Svg => "svg",
        CredentialContainer.DataUrl => "data-url",
        _ => "none",
    };

    private static void WriteCheck(Utf8JsonWriter writer, VerificationCheck check, bool withStatus)
    {
        writer.WriteStartObject();
        writer.WriteString("code", check.Code);
        if (withStatus)
        {
            writer.WriteString("status", StatusName(check.Status));
        }

        writer.WriteString("message", check.Message);
        if (check.Path is not null)
        {
            writer.WriteString("path", check.Path);
        }

        if (check.Problem is not null)
        {
            writer.WriteString("problem", check.Problem);
        }

        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, CredentialSummary summary)
    {
        writer.WriteStartObject();
        writer.WriteString("format", FormatName(summary.Format));
        writer.WriteString("container", ContainerName(summary.Container));
        WriteOptional(writer, "dataModel", summary.DataModel);
        WriteOptional(writer, "id", summary.Id);
        writer.WriteStartArray("type");
        foreach (var type in summary.Types)
        {
            writer.WriteStringValue(type);
        }

        writer.WriteEndArray();
        WriteOptional(writer, "issuerId", summary.IssuerId);
        WriteOptional(writer, "issuerName", summary.IssuerName);
        WriteOptional(writer, "subjectId", summary.SubjectId);
        WriteOptional(writer, "achievementName", summary.AchievementName);
        WriteOptional(writer, "validFrom", summary.ValidFrom?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        WriteOptional(writer, "validUntil", summary.ValidUntil?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        WriteOptional(writer, "status", summary.Status);
        if (summary.IsPresentation)
        {
            // Only presentations carry these, so a credential's report keeps its shape.
            writer.WriteBoolean("presentation", true);
            WriteOptional(writer, "holderId", summary.HolderId);
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
