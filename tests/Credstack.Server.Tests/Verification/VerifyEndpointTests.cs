using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Verification;

public sealed class VerifyEndpointTests
{
    private const string Unreadable = "https://credstack.dev/problems/unreadable-credential";

    [Fact]
    public async Task Verify_answers_200_with_a_verified_report_for_a_signed_credential_sent_as_JSON()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.Signed(), "application/json"));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Equal("data-integrity", report.GetProperty("credential").GetProperty("format").GetString());
        Assert.Contains(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("code").GetString() == "proof.signature" && c.GetProperty("status").GetString() == "passed");
    }

    [Theory]
    [InlineData("application/ld+json")]
    [InlineData("application/vc")]
    [InlineData("application/vc+ld+json")]
    public async Task Verify_accepts_the_JSON_LD_and_VC_media_types(string mediaType)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.Signed(), mediaType));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
    }

    [Fact]
    public async Task Verify_answers_200_with_verified_false_when_one_character_of_the_signature_changes()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.Tampered(), "application/json"));
        Assert.False(report.GetProperty("verified").GetBoolean());
        Assert.Contains(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString()!.StartsWith("proof.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("application/jwt")]
    [InlineData("application/vc+jwt")]
    [InlineData("text/plain")]
    public async Task Verify_reads_a_compact_JWT_sent_as_text(string mediaType)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, Encoding.UTF8.GetBytes(TestCredentials.Jwt()), mediaType));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Equal("ob-vc-jwt", report.GetProperty("credential").GetProperty("format").GetString());
    }

    [Fact]
    public async Task Verify_reads_a_credential_baked_in_a_PNG_image()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.BakedPng(), "image/png"));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Equal("png", report.GetProperty("credential").GetProperty("container").GetString());
    }

    [Fact]
    public async Task Verify_reads_a_credential_baked_in_an_SVG_image()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.BakedSvg(), "image/svg+xml"));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Equal("svg", report.GetProperty("credential").GetProperty("container").GetString());
    }

    [Fact]
    public async Task Verify_reads_a_baked_image_uploaded_as_a_multipart_form_file()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestCredentials.BakedPng());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(new StringContent("ignored"), "note");
        form.Add(file, "file", "badge.png");
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.PostAsync("/verify", form));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
    }

    [Fact]
    public async Task Verify_needs_no_sign_in()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var client = app.TokenClient("cst_not_a_real_token");
        await Expect.StatusAsync(HttpStatusCode.OK, await client.PostAsync("/verify", Content(TestCredentials.Signed(), "application/json")));
    }

    [Theory]
    [InlineData("{ \"@context\": ", "application/json")]
    [InlineData("[1, 2, 3]", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("   \n", "text/plain")]
    [InlineData("not a credential at all", "text/plain")]
    [InlineData("eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln", "application/jwt")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "application/json")]
    [InlineData("{ \"a\": 1 }", "image/png")]
    [InlineData("{ \"a\": 1 }", "image/svg+xml")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml")]
    [InlineData("https://issuer.example/credentials/1", "text/plain")]
    public async Task Verify_answers_400_problem_for_input_that_is_no_credential(string body, string mediaType)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await PostAsync(app, Encoding.UTF8.GetBytes(body), mediaType));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Verify_answers_400_for_a_PNG_with_nothing_baked_in_it()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await PostAsync(app, TestCredentials.PlainPng, "image/png"));
        Assert.Contains("no baked credential", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task Verify_answers_400_for_a_truncated_PNG()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var png = TestCredentials.BakedPng();
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await PostAsync(app, png[..(png.Length / 2)], "image/png"));
    }

    [Fact]
    public async Task Verify_answers_400_for_bytes_that_are_not_UTF8_sent_as_text()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await PostAsync(app, [0xC3, 0x28, 0xFF, 0xFE], "application/jwt"));
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/octet-stream")]
    [InlineData("image/gif")]
    public async Task Verify_answers_415_problem_for_a_media_type_it_does_not_read(string mediaType)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        // Routing refuses these already, from the endpoint's Accepts metadata (the same list the OpenAPI document shows).
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await PostAsync(app, TestCredentials.Signed(), mediaType));
    }

    [Fact]
    public async Task Verify_answers_415_problem_when_no_content_type_is_sent()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var content = new ByteArrayContent(TestCredentials.Signed());
        await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await app.Client.PostAsync("/verify", content));
    }

    [Fact]
    public async Task Verify_answers_413_problem_for_a_body_over_the_configured_cap()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Credstack:Verification:MaxInputBytes"] = "1000" });
        var big = TestCredentials.BakedPng();
        Assert.True(big.Length > 1000);
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await PostAsync(app, big, "image/png"));
    }

    [Fact]
    public async Task Verify_answers_413_problem_for_a_chunked_body_that_grows_past_the_cap()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Credstack:Verification:MaxInputBytes"] = "1000" });
        var content = new StreamContent(new UnknownLengthStream(new byte[5000]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await app.Client.PostAsync("/verify", content));
    }

    [Fact]
    public async Task Verify_answers_400_for_a_multipart_body_without_a_file()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await app.Client.PostAsync("/verify", form));
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nunterminated")]
    [InlineData("multipart/form-data", "--xyz\r\n\r\n--xyz--")]
    [InlineData("multipart/form-data; boundary=xyz", "no boundary anywhere")]
    public async Task Verify_answers_400_for_a_malformed_multipart_body(string contentType, string body)
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, Unreadable, await app.Client.PostAsync("/verify", content));
    }

    [Fact]
    public async Task Verify_answers_429_with_Retry_After_once_a_client_has_used_its_window()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Credstack:Verification:RateLimit:PermitLimit"] = "2",
            ["Credstack:Verification:RateLimit:Window"] = "00:10:00",
        });
        await Expect.StatusAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.Signed(), "application/json"));
        await Expect.StatusAsync(HttpStatusCode.OK, await PostAsync(app, TestCredentials.Signed(), "application/json"));
        var refused = await PostAsync(app, TestCredentials.Signed(), "application/json");
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, "https://credstack.dev/problems/too-many-requests", refused);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);

        // The limit is the public endpoints': the rest of the API is not counted against it.
        await Expect.StatusAsync(HttpStatusCode.OK, await app.Client.GetAsync("/healthz"));
    }

    [Fact]
    public async Task Verify_does_not_fetch_another_hosts_did_web_document_unless_remote_lookups_are_allowed()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var unsigned = TestCredentials.Unsigned("did:web:issuer.invalid");
        var signed = TestCredentials.Sign(unsigned, "did:web:issuer.invalid#key-1");
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, signed, "application/json"));
        Assert.False(report.GetProperty("verified").GetBoolean());
        Assert.Contains("AllowRemote", report.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_status_list_of_another_host_as_unknown_when_remote_lookups_are_off()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var unsigned = TestCredentials.Unsigned(TestCredentials.Issuer);
        unsigned["credentialStatus"] = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "https://status.invalid/lists/1#42",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = "42",
            ["statusListCredential"] = "https://status.invalid/lists/1",
        };
        var signed = TestCredentials.Sign(unsigned, Credentials.Dids.DidKey.VerificationMethodId(TestCredentials.Key.PublicKey));
        var report = await Expect.JsonAsync(HttpStatusCode.OK, await PostAsync(app, signed, "application/json"));
        Assert.True(report.GetProperty("verified").GetBoolean(), report.ToString());
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "status.unknown");
    }

    [Fact]
    public async Task Verify_is_listed_in_the_OpenAPI_document_with_the_media_types_it_reads()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var document = await Expect.JsonAsync(HttpStatusCode.OK, await app.Client.GetAsync("/openapi/v1.json"));
        var content = document.GetProperty("paths").GetProperty("/verify").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("image/png", out _), content.ToString());
        Assert.True(content.TryGetProperty("application/jwt", out _), content.ToString());
    }

    private static Task<HttpResponseMessage> PostAsync(TestApp app, byte[] body, string mediaType) =>
        app.Client.PostAsync("/verify", Content(body, mediaType));

    private static ByteArrayContent Content(byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>A stream whose length is unknown, so HttpClient sends it chunked, without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
