// How `credstack status` re-signs a local list's BitstringStatusListCredential (W3C Bitstring Status
// List v1.0 §2.2) after every change: the key FILE is referenced, never copied into the state file.
using System.Text.Json;
using Credstack.Cli.Commands.Keys;
using Credstack.Credentials.DataIntegrity;

namespace Credstack.Cli.Commands.Status;

/// <summary>The signing part of a state file: key file, cryptosuite, verification method and output file.</summary>
internal sealed record StatusListSigning(string KeyPath, string Suite, string VerificationMethod, string CredentialPath)
{
    /// <summary>The suites a list credential can be signed with, by their spec names.</summary>
    public static readonly IReadOnlyDictionary<string, DataIntegrityCryptosuite> Suites = new Dictionary<string, DataIntegrityCryptosuite>(StringComparer.Ordinal)
    {
        ["eddsa-rdfc-2022"] = DataIntegrityCryptosuite.EddsaRdfc2022,
        ["eddsa-jcs-2022"] = DataIntegrityCryptosuite.EddsaJcs2022,
        ["ecdsa-rdfc-2019"] = DataIntegrityCryptosuite.EcdsaRdfc2019,
        ["ecdsa-jcs-2019"] = DataIntegrityCryptosuite.EcdsaJcs2019,
    };

    public static (StatusListSigning? Signing, string? Error) FromJson(JsonElement element, string directory)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "must be an object");
        }

        string? Read(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var key = Read("key");
        var suite = Read("suite");
        var method = Read("verificationMethod");
        var credential = Read("credential");
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(method) || string.IsNullOrEmpty(credential))
        {
            return (null, "\"key\", \"verificationMethod\" and \"credential\" are required");
        }

        if (suite is null || !Suites.ContainsKey(suite))
        {
            return (null, $"\"suite\" must be one of {string.Join(", ", Suites.Keys)}");
        }

        return (new StatusListSigning(Path.GetFullPath(key, directory), suite, method, Path.GetFullPath(credential, directory)), null);
    }

    public void WriteTo(Utf8JsonWriter writer, string directory)
    {
        writer.WriteStartObject();
        writer.WriteString("key", Path.GetRelativePath(directory, KeyPath));
        writer.WriteString("suite", Suite);
        writer.WriteString("verificationMethod", VerificationMethod);
        writer.WriteString("credential", Path.GetRelativePath(directory, CredentialPath));
        writer.WriteEndObject();
    }

    /// <summary>Signs the unsigned list credential; the signed bytes, or the failure (an unreadable key file is bad input).</summary>
    public (byte[]? Signed, CliOutput.Failure? Failure) Sign(byte[] unsigned)
    {
        var (key, code, error) = KeyFile.Read(new FileInfo(KeyPath));
        if (key is null)
        {
            return (null, new CliOutput.Failure(ExitCodes.InvalidInput, code!, error!));
        }

        using (key)
        {
            var options = new DataIntegrityProofOptions { VerificationMethod = VerificationMethod, Cryptosuite = Suites[Suite] };
            var result = new DataIntegritySigner().Sign(unsigned, key, options);
            return result.Succeeded
                ? (result.SignedDocument, null)
                : (null, new CliOutput.Failure(ExitCodes.ProcessingFailed, result.Problem!, result.Detail ?? result.Problem!));
        }
    }
}
