using System.Text.Json.Serialization;

namespace Credstack.Credentials.Dids;

/// <summary>Source-generated System.Text.Json metadata for DID documents (the library is AOT-compatible).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, MaxDepth = 32)]
[JsonSerializable(typeof(DidDocument))]
[JsonSerializable(typeof(VerificationMethod))]
internal sealed partial class DidsJsonContext : JsonSerializerContext;
