using System.Net;
using System.Text;
using Credstack.Credentials.Baking;
using Credstack.Server.Sharing;
using Credstack.Server.Tests.Achievements;
using Credstack.Server.Tests.Infrastructure;
using Credstack.Server.Tests.Verification;

namespace Credstack.Server.Tests.Sharing;

/// <summary>The public credential page <c>/badges/{awardId}</c>: who sees it, the visibility form, the downloads, the redirect from the credential id.</summary>
public sealed class BadgePageTests
{
    [ProviderTheory]
    public async Task A_private_credential_is_a_404_to_strangers_while_the_learner_and_issuer_members_see_it(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app);
        var page = $"/badges/{shared.AwardId}";

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.SendAsync(SharedCredentials.Html(page))).StatusCode);
        var (_, stranger) = await app.SignedInAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(SharedCredentials.Html(page))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(page + "?handler=Png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(page + "?handler=Json")).StatusCode);

        var asLearner = await shared.LearnerClient.SendAsync(SharedCredentials.Html(page));
        Assert.Equal(HttpStatusCode.OK, asLearner.StatusCode);
        var learnerHtml = await asLearner.Content.ReadAsStringAsync();
        Assert.Contains("Data Analysis with Python", learnerHtml, StringComparison.Ordinal);
        Assert.Contains("Only you and the issuing organization can see this page", learnerHtml, StringComparison.Ordinal);
        Assert.Contains("Make public", learnerHtml, StringComparison.Ordinal);

        var viewer = await app.MemberAsync(shared.OrgId, shared.Owner, "viewer");
        var asMember = await viewer.SendAsync(SharedCredentials.Html(page));
        Assert.Equal(HttpStatusCode.OK, asMember.StatusCode);
        var memberHtml = await asMember.Content.ReadAsStringAsync();
        Assert.Contains("The learner has not made this credential public", memberHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Make public", memberHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await shared.Owner.SendAsync(SharedCredentials.Html(page))).StatusCode);
        Assert.Equal(0, (await app.Service<AwardSharingStore>().FindAsync(shared.AwardId, CancellationToken.None))?.Views ?? 0);
        // No achievement image: the page shows generated artwork with the achievement's initials.
        var artwork = await shared.LearnerClient.GetAsync(page + "?handler=Image");
        Assert.Equal("image/svg+xml", artwork.Content.Headers.ContentType?.MediaType);
        Assert.Contains(">DAP</text>", await artwork.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.Service<AwardSharingStore>().SetPublicAsync(shared.AwardId, shared.OrgId, true, CancellationToken.None);
        var asStranger = await app.Client.SendAsync(SharedCredentials.Html(page));
        Assert.Equal(HttpStatusCode.OK, asStranger.StatusCode);
        var html = await asStranger.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Private.", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"{Keys.TestCredentials.PublicBaseUrl}/badges/{shared.AwardId}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"{Keys.TestCredentials.PublicBaseUrl}/badges/", html, StringComparison.Ordinal);
        Assert.Contains("twitter:card", html, StringComparison.Ordinal);
        Assert.Equal(1, (await app.Service<AwardSharingStore>().FindAsync(shared.AwardId, CancellationToken.None))!.Views);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.SendAsync(SharedCredentials.Html("/badges/" + new string('x', 20)))).StatusCode);
    }

    [ProviderTheory]
    public async Task The_learner_makes_the_page_public_and_private_with_the_visibility_form_and_nobody_else_can(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app);
        var page = $"/badges/{shared.AwardId}";
        var post = page + "?handler=Visibility";

        var shown = await SharedCredentials.PostFormAsync(shared.LearnerClient, page, post, new Dictionary<string, string> { ["public"] = "true", ["returnUrl"] = "//evil.example/" });
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.StartsWith(page, shown.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(SharedCredentials.Html(page))).StatusCode);

        var invalid = await SharedCredentials.PostFormAsync(shared.LearnerClient, page, post, new Dictionary<string, string> { ["public"] = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("role=\"alert\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(SharedCredentials.Html(page))).StatusCode);

        var noToken = await SharedCredentials.PostFormAsync(shared.LearnerClient, page, post, new Dictionary<string, string> { ["public"] = "false" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(SharedCredentials.Html(page))).StatusCode);

        var admin = await app.MemberAsync(shared.OrgId, shared.Owner, "admin");
        var byMember = await SharedCredentials.PostFormAsync(admin, page, post, new Dictionary<string, string> { ["public"] = "false" });
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.SendAsync(SharedCredentials.Html(page))).StatusCode);

        var hidden = await SharedCredentials.PostFormAsync(shared.LearnerClient, page, post, new Dictionary<string, string> { ["public"] = "false", ["returnUrl"] = "/backpack" });
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal("/backpack", hidden.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.SendAsync(SharedCredentials.Html(page))).StatusCode);
        Assert.False((await app.Service<AwardSharingStore>().FindAsync(shared.AwardId, CancellationToken.None))!.IsPublic);
    }

    [ProviderTheory]
    public async Task The_downloads_are_the_signed_JSON_a_baked_PNG_and_SVG_that_unbake_to_it_and_a_PDF_certificate(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app, image: TestCredentials.PlainPng, makePublic: true);
        var signed = await app.Client.GetByteArrayAsync($"/credentials/{shared.AwardId}");
        var page = $"/badges/{shared.AwardId}";

        var json = await app.Client.GetAsync(page + "?handler=Json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("application/vc+ld+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", json.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("data-analysis-with-python.json", json.Content.Headers.ContentDisposition?.FileNameStar ?? json.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(signed, await json.Content.ReadAsByteArrayAsync());

        var png = await app.Client.GetAsync(page + "?handler=Png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var pngBytes = await png.Content.ReadAsByteArrayAsync();
        // Baked into the achievement's own PNG: its header chunk is still the 1×1 image's.
        Assert.Equal(TestCredentials.PlainPng[..33], pngBytes[..33]);
        Assert.Equal(Encoding.UTF8.GetString(signed), PngBaker.Unbake(pngBytes).Payload);

        var svg = await app.Client.GetAsync(page + "?handler=Svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var svgBytes = await svg.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetString(signed), SvgBaker.Unbake(svgBytes).Payload);
        // A PNG achievement image is shown inside the generated SVG medallion.
        Assert.Contains("data:image/png;base64,", Encoding.UTF8.GetString(svgBytes), StringComparison.Ordinal);

        var pdf = await app.Client.GetAsync(page + "?handler=Pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var pdfBytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdfBytes, 0, 5), StringComparison.Ordinal);
        Assert.True(pdfBytes.Length > 2000, $"The PDF is only {pdfBytes.Length} bytes.");
        Assert.Contains("/FontFile2", Encoding.Latin1.GetString(pdfBytes), StringComparison.Ordinal);
    }

    [ProviderTheory]
    public async Task An_achievement_without_a_PNG_image_bakes_into_generated_artwork_in_both_formats(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app, image: Images.SvgBytes);
        var signed = Encoding.UTF8.GetString(await app.Client.GetByteArrayAsync($"/credentials/{shared.AwardId}"));
        var page = $"/badges/{shared.AwardId}";

        var png = await (await shared.LearnerClient.GetAsync(page + "?handler=Png")).Content.ReadAsByteArrayAsync();
        Assert.Equal(signed, PngBaker.Unbake(png).Payload);
        Assert.Equal(BadgeArtwork.PngSize, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));

        var svg = Encoding.UTF8.GetString(await (await shared.LearnerClient.GetAsync(page + "?handler=Svg")).Content.ReadAsByteArrayAsync());
        Assert.Equal(signed, SvgBaker.Unbake(Encoding.UTF8.GetBytes(svg)).Payload);
        // Baked into the achievement's own SVG.
        Assert.Contains("Badge on display", svg, StringComparison.Ordinal);

        var image = await shared.LearnerClient.GetAsync(page + "?handler=Image");
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var preview = await shared.LearnerClient.GetAsync(page + "?handler=Preview");
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);
    }

    [ProviderTheory]
    public async Task A_browser_opening_a_credential_id_is_sent_to_its_page_while_JSON_clients_get_the_exact_bytes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app);
        var path = new Uri(shared.CredentialId).AbsolutePath;

        var browser = await app.Client.SendAsync(SharedCredentials.Html(path));
        Assert.Equal(HttpStatusCode.SeeOther, browser.StatusCode);
        Assert.Equal($"/badges/{shared.AwardId}", browser.Headers.Location?.OriginalString);
        Assert.Contains("Accept", browser.Headers.Vary);

        var stored = await app.Service<Credstack.Server.Awards.AwardStore>().ReadCredentialAsync(shared.AwardId, CancellationToken.None);
        var plain = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains("Accept", plain.Headers.Vary);
        Assert.Equal(stored, await plain.Content.ReadAsByteArrayAsync());
        using var json = new HttpRequestMessage(HttpMethod.Get, path);
        json.Headers.Accept.ParseAdd("application/json");
        Assert.Equal(stored, await (await app.Client.SendAsync(json)).Content.ReadAsByteArrayAsync());
    }

    [ProviderTheory]
    public async Task The_public_page_says_revoked_with_the_reason_after_the_issuer_revokes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, SharedCredentials.Settings());
        var shared = await SharedCredentials.IssueAsync(app, makePublic: true);
        var page = $"/badges/{shared.AwardId}";
        var before = await (await app.Client.SendAsync(SharedCredentials.Html(page))).Content.ReadAsStringAsync();
        Assert.Contains("<span>Verified</span>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"failed\"", before, StringComparison.Ordinal);

        await shared.RevokeAsync("Academic misconduct");
        var after = await (await app.Client.SendAsync(SharedCredentials.Html(page))).Content.ReadAsStringAsync();
        Assert.Contains("<span>Revoked</span>", after, StringComparison.Ordinal);
        Assert.Contains("The issuer revoked this credential: Academic misconduct", after, StringComparison.Ordinal);
    }
}
