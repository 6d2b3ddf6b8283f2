// Credstack's policy for credentialSchema types the contexts do not define (docs/credential-validation.md, "Undefined
// credentialSchema types"): OB 3.0 credentials carry credentialSchema entries of type 1EdTechJsonSchemaValidator2019, a
// term neither the VC 2.0 nor the OB 3.0.3 context defines. JSON-LD drops such a type from the canonical form without a
// word; safe mode refuses it. The verifier accepts exactly that case and no other: it removes the tolerated type values
// from a copy and canonicalizes the copy in safe mode; only if that succeeds are the proofs verified without safe mode,
// and the report says so with a warning.
using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.JsonLd;

namespace Credstack.Credentials.Verification;

internal static class SafeModeProbe
{
    public const string ToleratedProblem = "credential-schema-type-undefined";

    /// <summary>
    /// A structure.jsonld warning when the only terms safe mode refuses are tolerated credentialSchema types; null when
    /// the credential has none, or has other undefined terms too.
    /// </summary>
    public static VerificationCheck? OnlyToleratedSchemaTypes(JsonElement credential, CredentialVerifierOptions options)
    {
        if (options.ToleratedCredentialSchemaTypes.Count == 0 || JsonNode.Parse(credential.GetRawText()) is not JsonObject copy)
        {
            return null;
        }

        // The document as its proofs sign it: without the proof, which the proof step canonicalizes on its own.
        copy.Remove("proof");
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        Strip(copy, options.ToleratedCredentialSchemaTypes, removed, 0);
        if (removed.Count == 0)
        {
            return null;
        }

        try
        {
            using var probe = JsonDocument.Parse(copy.ToJsonString());
            _ = JsonLdProcessor.ToRdf(probe.RootElement, options.JsonLd with { SafeMode = true });
        }
        catch (JsonLdException)
        {
            // Other terms are undefined too: the caller reports the original refusal.
            return null;
        }

        return new VerificationCheck(
            VerificationCode.StructureJsonLd,
            CheckStatus.Warning,
            $"The credentialSchema type {string.Join(", ", removed)} is not defined by the credential's contexts, so JSON-LD leaves it out of what the proof signs; every other term is defined. Verified without JSON-LD safe mode (Credstack policy for this type).",
            "$.credentialSchema",
            ToleratedProblem);
    }

    private static void Strip(JsonNode? node, IReadOnlySet<string> tolerated, SortedSet<string> removed, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (string.Equals(name, "credentialSchema", StringComparison.Ordinal))
                    {
                        foreach (var entry in value is JsonArray array ? array.ToList() : [value])
                        {
                            if (entry is JsonObject schema && schema["type"] is JsonValue type && type.TryGetValue<string>(out var typeName) && tolerated.Contains(typeName))
                            {
                                schema.Remove("type");
                                removed.Add(typeName);
                            }
                        }
                    }
                    else
                    {
                        Strip(value, tolerated, removed, depth + 1);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Strip(item, tolerated, removed, depth + 1);
                }

                break;
        }
    }
}
