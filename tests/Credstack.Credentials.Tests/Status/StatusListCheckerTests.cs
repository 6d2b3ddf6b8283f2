using System.Text.Json;
using System.Text.Json.Nodes;
using Credstack.Credentials.Status;

namespace Credstack.Credentials.Tests.Status;

public sealed class StatusListCheckerTests
{
    private const string ListUrl = "https://issuer.example/status/1";
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Start);
    private readonly FakeStatusListFetcher _fetcher = new();
    private int _proofChecks;
    private StatusListProofResult _proof = StatusListProofResult.Valid;

    [Fact]
    public async Task An_unset_revocation_entry_is_valid_and_a_set_one_is_revoked()
    {
        var list = new StatusList();
        list.Set(94567);
        ServeList(list, StatusPurpose.Revocation);
        var checker = CreateChecker();

        Assert.Equal(StatusCheckOutcome.Revoked, (await checker.CheckStatusAsync(Entry(94567), null)).Outcome);
        var valid = await checker.CheckStatusAsync(Entry(94566), null);
        Assert.Equal(StatusCheckOutcome.Valid, valid.Outcome);
        Assert.Equal(0, valid.Value);
    }

    [Fact]
    public async Task A_set_suspension_entry_is_suspended_and_a_set_refresh_entry_requests_a_refresh()
    {
        var list = new StatusList();
        list.Set(5);
        ServeList(list, StatusPurpose.Suspension, "https://issuer.example/status/s");
        ServeList(list, StatusPurpose.Refresh, "https://issuer.example/status/r");
        var checker = CreateChecker();

        Assert.Equal(StatusCheckOutcome.Suspended, (await checker.CheckStatusAsync(Entry(5, "suspension", "https://issuer.example/status/s"), null)).Outcome);
        Assert.Equal(StatusCheckOutcome.RefreshRequested, (await checker.CheckStatusAsync(Entry(5, "refresh", "https://issuer.example/status/r"), null)).Outcome);
    }

    [Fact]
    public async Task A_two_bit_message_entry_reports_its_status_message()
    {
        var list = new StatusList(statusSize: 2);
        list.Set(492, 2);
        ServeList(list, StatusPurpose.Message);
        var entry = Json($$"""
            {"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"492","statusSize":2,"statusListCredential":"{{ListUrl}}",
             "statusMessage":[{"status":"0x0","message":"pending_review"},{"status":"0x1","message":"accepted"},{"status":"0x2","message":"rejected"},{"status":"0x3","message":"other"}]}
            """);

        var result = await CreateChecker().CheckStatusAsync(entry, null);

        Assert.Equal(StatusCheckOutcome.Message, result.Outcome);
        Assert.Equal(2, result.Value);
        Assert.Equal("rejected", result.Message!.Message);
    }

    [Fact]
    public async Task A_failed_fetch_gives_status_unknown_not_an_exception()
    {
        var result = await CreateChecker().CheckStatusAsync(Entry(1, list: "https://elsewhere.example/missing"), null);
        Assert.Equal(StatusCheckOutcome.StatusUnknown, result.Outcome);
        Assert.Equal(StatusProblem.FetchFailed, result.Problem);
        Assert.Contains("404", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fetcher_that_throws_a_network_error_still_gives_status_unknown()
    {
        var checker = new StatusListChecker(new ThrowingFetcher(), VerifyProof, _time);
        var result = await checker.CheckStatusAsync(Entry(1), null);
        Assert.Equal(StatusProblem.FetchFailed, result.Problem);
        Assert.Contains("connection refused", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_whose_proof_does_not_verify_is_not_trusted()
    {
        var list = new StatusList();
        list.Set(1);
        ServeList(list, StatusPurpose.Revocation);
        _proof = StatusListProofResult.Invalid("signature mismatch");

        var result = await CreateChecker().CheckStatusAsync(Entry(1), null);

        Assert.Equal(StatusProblem.ListProofInvalid, result.Problem);
        Assert.Contains("signature mismatch", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_whose_purpose_differs_from_the_list_is_a_purpose_mismatch()
    {
        ServeList(new StatusList(), StatusPurpose.Suspension);
        var result = await CreateChecker().CheckStatusAsync(Entry(1, "revocation"), null);
        Assert.Equal(StatusProblem.PurposeMismatch, result.Problem);
    }

    [Fact]
    public async Task An_index_past_the_end_of_the_list_is_out_of_range()
    {
        ServeList(new StatusList(), StatusPurpose.Revocation);
        var result = await CreateChecker().CheckStatusAsync(Entry(131_072), null);
        Assert.Equal(StatusProblem.IndexOutOfRange, result.Problem);
        Assert.Equal(131_072, result.StatusListIndex);
    }

    [Fact]
    public async Task A_status_size_larger_than_the_list_was_built_for_leaves_the_list_too_short()
    {
        ServeList(new StatusList(), StatusPurpose.Message);
        var entry = Json($$"""
            {"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"1","statusSize":2,"statusListCredential":"{{ListUrl}}",
             "statusMessage":[{"status":"0x0","message":"a"},{"status":"0x1","message":"b"},{"status":"0x2","message":"c"},{"status":"0x3","message":"d"}]}
            """);
        var result = await CreateChecker().CheckStatusAsync(entry, null);
        Assert.Equal(StatusProblem.ListTooShort, result.Problem);
    }

    [Fact]
    public async Task An_expired_or_not_yet_valid_list_gives_status_unknown()
    {
        ServeList(new StatusList(), StatusPurpose.Revocation, validFor: TimeSpan.FromHours(1));
        var checker = CreateChecker();
        Assert.Equal(StatusCheckOutcome.Valid, (await checker.CheckStatusAsync(Entry(1), null)).Outcome);

        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(StatusProblem.ListExpired, (await checker.CheckStatusAsync(Entry(1), null)).Problem);

        var future = new ManualTimeProvider(Start - TimeSpan.FromDays(1));
        var early = new StatusListChecker(_fetcher, VerifyProof, future);
        Assert.Equal(StatusProblem.ListNotYetValid, (await early.CheckStatusAsync(Entry(1), null)).Problem);
    }

    [Fact]
    public async Task A_malformed_encoded_list_gives_status_unknown()
    {
        var credential = BuildList(new StatusList(), StatusPurpose.Revocation);
        credential["credentialSubject"]!["encodedList"] = "uNotGzip";
        _fetcher.Serve(ListUrl, credential.ToJsonString());
        var result = await CreateChecker().CheckStatusAsync(Entry(1), null);
        Assert.Equal(StatusProblem.MalformedList, result.Problem);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"type":["VerifiableCredential"],"credentialSubject":{}}""")]
    [InlineData("""{"type":["VerifiableCredential","BitstringStatusListCredential"],"credentialSubject":{"type":"BitstringStatusList","statusPurpose":"revocation"}}""")]
    [InlineData("""{"type":["VerifiableCredential","BitstringStatusListCredential"],"validFrom":"yesterday","credentialSubject":{"type":"BitstringStatusList","statusPurpose":"revocation","encodedList":"u"}}""")]
    public async Task A_fetched_document_that_is_not_a_status_list_credential_gives_status_unknown(string document)
    {
        _fetcher.Serve(ListUrl, document);
        var result = await CreateChecker().CheckStatusAsync(Entry(1), null);
        Assert.Equal(StatusProblem.MalformedListCredential, result.Problem);
        Assert.Equal(0, _proofChecks);
    }

    [Fact]
    public async Task A_malformed_entry_or_unknown_type_gives_status_unknown()
    {
        var checker = CreateChecker();
        var malformed = await checker.CheckStatusAsync(Json("""{"type":"BitstringStatusListEntry","statusPurpose":"revocation"}"""), null);
        Assert.Equal(StatusProblem.MalformedEntry, malformed.Problem);
        var unknown = await checker.CheckStatusAsync(Json("""{"type":"RevocationList2020Status"}"""), null);
        Assert.Equal(StatusProblem.UnsupportedStatusType, unknown.Problem);
    }

    [Fact]
    public async Task The_list_is_cached_for_its_ttl_and_fetched_again_afterwards()
    {
        ServeList(new StatusList(), StatusPurpose.Revocation, ttl: TimeSpan.FromMinutes(1));
        var checker = CreateChecker();

        await checker.CheckStatusAsync(Entry(1), null);
        await checker.CheckStatusAsync(Entry(2), null);
        Assert.Equal(1, _fetcher.FetchCount);
        Assert.Equal(1, _proofChecks);

        _time.Advance(TimeSpan.FromSeconds(61));
        await checker.CheckStatusAsync(Entry(3), null);
        Assert.Equal(2, _fetcher.FetchCount);
    }

    [Fact]
    public async Task A_list_that_failed_verification_is_not_cached()
    {
        ServeList(new StatusList(), StatusPurpose.Revocation);
        _proof = StatusListProofResult.Invalid("bad");
        var checker = CreateChecker();
        await checker.CheckStatusAsync(Entry(1), null);
        _proof = StatusListProofResult.Valid;
        Assert.Equal(StatusCheckOutcome.Valid, (await checker.CheckStatusAsync(Entry(1), null)).Outcome);
        Assert.Equal(2, _fetcher.FetchCount);
    }

    [Fact]
    public async Task A_status_list_2021_entry_is_read_from_a_status_list_2021_credential()
    {
        var list = new StatusList();
        list.Set(7);
        _fetcher.Serve(ListUrl, $$"""
            {"@context":["https://www.w3.org/2018/credentials/v1","https://w3id.org/vc/status-list/2021/v1"],
             "type":["VerifiableCredential","StatusList2021Credential"],"issuer":"did:example:1","issuanceDate":"2021-04-05T14:27:40Z",
             "credentialSubject":{"id":"{{ListUrl}}#list","type":"StatusList2021","statusPurpose":"revocation","encodedList":"{{list.Encode()}}"} }
            """);
        var entry = Json($$"""{"type":"StatusList2021Entry","statusPurpose":"revocation","statusListIndex":"7","statusListCredential":"{{ListUrl}}"}""");

        var result = await CreateChecker().CheckStatusAsync(entry, null);

        Assert.Equal(StatusCheckOutcome.Revoked, result.Outcome);
        Assert.Equal("StatusList2021Entry", result.EntryType);
    }

    [Fact]
    public async Task A_bitstring_entry_refuses_a_status_list_2021_credential()
    {
        _fetcher.Serve(ListUrl, $$"""
            {"type":["VerifiableCredential","StatusList2021Credential"],
             "credentialSubject":{"type":"StatusList2021","statusPurpose":"revocation","encodedList":"{{new StatusList().Encode()}}"} }
            """);
        Assert.Equal(StatusProblem.MalformedListCredential, (await CreateChecker().CheckStatusAsync(Entry(1), null)).Problem);
    }

    [Fact]
    public async Task A_1edtech_revocation_list_reports_revoked_credentials_with_their_reason()
    {
        const string Revocations = "https://issuer.example/api/revocations/1";
        _fetcher.Serve(Revocations, """
            {"id":"https://issuer.example/api/revocations/1","issuer":"https://issuer.example",
             "revokedCredentials":[{"id":"urn:uuid:revoked","revocationReason":"Issued in error"}]}
            """);
        var checker = CreateChecker();
        var status = $$"""{"id":"{{Revocations}}","type":"1EdTechRevocationList"}""";

        var revoked = await checker.CheckCredentialAsync(Json($$$"""{"id":"urn:uuid:revoked","credentialStatus":{{{status}}}}"""));
        var valid = await checker.CheckCredentialAsync(Json($$$"""{"id":"urn:uuid:fine","credentialStatus":{{{status}}}}"""));

        Assert.Equal(StatusCheckOutcome.Revoked, Assert.Single(revoked).Outcome);
        Assert.Equal("Issued in error", revoked[0].Reason);
        Assert.Equal(StatusCheckOutcome.Valid, Assert.Single(valid).Outcome);
    }

    [Fact]
    public async Task A_1edtech_revocation_list_that_is_not_json_or_cannot_be_fetched_gives_status_unknown()
    {
        _fetcher.Serve("https://issuer.example/bad", "<html/>");
        var checker = CreateChecker();
        Assert.Equal(StatusProblem.MalformedListCredential, (await checker.CheckRevocationListAsync("https://issuer.example/bad", "urn:x")).Problem);
        Assert.Equal(StatusProblem.FetchFailed, (await checker.CheckRevocationListAsync("https://issuer.example/none", "urn:x")).Problem);
        Assert.Equal(StatusProblem.MalformedEntry, (await checker.CheckRevocationListAsync("https://issuer.example/bad", null)).Problem);
    }

    [Fact]
    public async Task Every_entry_of_a_credential_is_checked_in_order()
    {
        var list = new StatusList();
        list.Set(2);
        ServeList(list, StatusPurpose.Revocation);
        var credential = Json($$$"""{"credentialStatus":[{{{Entry(1).GetRawText()}}},{{{Entry(2).GetRawText()}}}]}""");

        var results = await CreateChecker().CheckCredentialAsync(credential);

        Assert.Equal([StatusCheckOutcome.Valid, StatusCheckOutcome.Revoked], results.Select(r => r.Outcome));
        Assert.Empty(await CreateChecker().CheckCredentialAsync(Json("""{"id":"urn:x"}""")));
    }

    [ConformanceFact("openbadges", "validator-samples", "ob30", "bit-string-list", "testlist")]
    public async Task The_1edtech_sample_credential_is_revoked_by_bit_23_of_its_list()
    {
        var folder = Conformance.PathOf("openbadges", "validator-samples", "ob30", "bit-string-list");
        using var credential = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "credential-status-revoked.json")));
        var url = credential.RootElement.GetProperty("credentialStatus").GetProperty("statusListCredential").GetString()!;
        _fetcher.Serve(url, File.ReadAllBytes(Path.Combine(folder, "testlist")));

        var results = await CreateChecker().CheckCredentialAsync(credential.RootElement);

        var result = Assert.Single(results);
        Assert.Equal(StatusCheckOutcome.Revoked, result.Outcome);
        Assert.Equal(23, result.StatusListIndex);
        Assert.Equal(1, _proofChecks);
    }

    [ConformanceFact("openbadges", "validator-samples", "ob30", "credential-status-revoked.json")]
    public async Task The_1edtech_revocation_list_sample_is_checked_against_a_served_list()
    {
        using var credential = JsonDocument.Parse(File.ReadAllText(Conformance.PathOf("openbadges", "validator-samples", "ob30", "credential-status-revoked.json")));
        var status = credential.RootElement.GetProperty("credentialStatus");
        Assert.Equal("1EdTechRevocationList", status.GetProperty("type").GetString());
        var checker = CreateChecker();

        // Offline, the list URL is unreachable: the status is unknown, not valid.
        Assert.Equal(StatusProblem.FetchFailed, Assert.Single(await checker.CheckCredentialAsync(credential.RootElement)).Problem);

        var id = credential.RootElement.GetProperty("id").GetString();
        _fetcher.Serve(status.GetProperty("id").GetString()!, $$"""{"revokedCredentials":[{"id":"{{id}}"}]}""");
        Assert.Equal(StatusCheckOutcome.Revoked, Assert.Single(await checker.CheckCredentialAsync(credential.RootElement)).Outcome);
    }

    private sealed class ThrowingFetcher : IStatusListFetcher
    {
        public ValueTask<StatusListFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }

    private StatusListChecker CreateChecker() => new(_fetcher, VerifyProof, _time);

    private ValueTask<StatusListProofResult> VerifyProof(JsonElement credential, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        _proofChecks++;
        Assert.Equal(JsonValueKind.Object, credential.ValueKind);
        Assert.False(content.IsEmpty);
        return ValueTask.FromResult(_proof);
    }

    private JsonObject BuildList(StatusList list, StatusPurpose purpose, string url = ListUrl, TimeSpan? validFor = null, TimeSpan? ttl = null) =>
        new BitstringStatusListCredentialBuilder(_time).Build(new Uri(url), "did:example:issuer", purpose, list, validFor, ttl);

    private void ServeList(StatusList list, StatusPurpose purpose, string url = ListUrl, TimeSpan? validFor = null, TimeSpan? ttl = null) =>
        _fetcher.Serve(url, BuildList(list, purpose, url, validFor, ttl).ToJsonString());

    private static JsonElement Entry(long index, string purpose = "revocation", string list = ListUrl) =>
        Json($$"""{"type":"BitstringStatusListEntry","statusPurpose":"{{purpose}}","statusListIndex":"{{index}}","statusListCredential":"{{list}}"}""");

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
