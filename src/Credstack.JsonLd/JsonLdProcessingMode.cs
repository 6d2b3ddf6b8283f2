namespace Credstack.JsonLd;

/// <summary>The JSON-LD processing mode (JSON-LD 1.1 API §9.4.1 <c>processingMode</c>).</summary>
public enum JsonLdProcessingMode
{
    /// <summary><c>json-ld-1.1</c>: all JSON-LD 1.1 features are available (the default).</summary>
    JsonLd11,

    /// <summary><c>json-ld-1.0</c>: 1.1 features such as <c>@version</c>, <c>@import</c> and scoped contexts are errors.</summary>
    JsonLd10,
}
