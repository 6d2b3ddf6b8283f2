using System.Text.Json;
using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class BitstringStatusListCredentialBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public void Build_produces_an_unsigned_vc2_status_list_credential_with_the_encoded_list()
    {
        var list = new StatusList();
        list.Set(23);
        var builder = new BitstringStatusListCredentialBuilder(new ManualTimeProvider(Now));

        var credential = builder.Build(new Uri("https://issuer.example/status/1"), "did:example:issuer", StatusPurpose.Suspension, list,
            validFor: TimeSpan.FromDays(7), ttl: TimeSpan.FromMinutes(10));

        using var json = JsonDocument.Parse(credential.ToJsonString());
        var root = json.RootElement;
        Assert.Equal("https://www.w3.org/ns/credentials/v2", root.GetProperty("@context")[0].GetString());
        Assert.Equal(["VerifiableCredential", "BitstringStatusListCredential"], root.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("https://issuer.example/status/1", root.GetProperty("id").GetString());
        Assert.Equal("did:example:issuer", root.GetProperty("issuer").GetString());
        Assert.Equal("2026-03-04T05:06:07Z", root.GetProperty("validFrom").GetString());
        Assert.Equal("2026-03-11T05:06:07Z", root.GetProperty("validUntil").GetString());
        Assert.False(root.TryGetProperty("proof", out _));

        var subject = root.GetProperty("credentialSubject");
        Assert.Equal("https://issuer.example/status/1#list", subject.GetProperty("id").GetString());
        Assert.Equal("BitstringStatusList", subject.GetProperty("type").GetString());
        Assert.Equal("suspension", subject.GetProperty("statusPurpose").GetString());
        Assert.Equal(600_000, subject.GetProperty("ttl").GetInt64());
        var decoded = StatusList.Decode(subject.GetProperty("encodedList").GetString());
        Assert.True(decoded.List!.IsSet(23));
        Assert.False(decoded.List.IsSet(22));
    }

    [Fact]
    public void Optional_fields_are_left_out_when_not_requested()
    {
        var credential = new BitstringStatusListCredentialBuilder(new ManualTimeProvider(Now))
            .Build(new Uri("https://issuer.example/status/2"), "https://issuer.example", StatusPurpose.Revocation, new StatusList());
        Assert.False(credential.ContainsKey("validUntil"));
        Assert.False(credential["credentialSubject"]!.AsObject().ContainsKey("ttl"));
    }

    [Fact]
    public void A_relative_id_or_a_non_positive_validity_is_refused()
    {
        var builder = new BitstringStatusListCredentialBuilder(TimeProvider.System);
        Assert.Throws<ArgumentException>(() => builder.Build(new Uri("status/1", UriKind.Relative), "did:example:1", StatusPurpose.Revocation, new StatusList()));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Build(new Uri("https://x.example/s"), "did:example:1", StatusPurpose.Revocation, new StatusList(), validFor: TimeSpan.Zero));
    }
}
