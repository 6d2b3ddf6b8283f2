using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Credstack.JsonLd.Tests.Processing;

/// <summary>A test case for one manifest entry: display name is the entry's key, skip reason from the exclusion list.</summary>
public sealed class ManifestTestCase : XunitTestCase
{
    private string _key = string.Empty;
    private string? _skip;

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ManifestTestCase()
    {
    }

    public ManifestTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string key, string? skip)
        : base(diagnosticMessageSink, display, displayOptions, testMethod, [key])
    {
        _key = key;
        _skip = skip;
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Key", _key);
        data.AddValue("Skip", _skip);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _key = data.GetValue<string>("Key");
        _skip = data.GetValue<string>("Skip");
        base.Deserialize(data);
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = _key;
        SkipReason = _skip;
    }

    protected override string GetUniqueID() => base.GetUniqueID() + ":" + _key;
}
