using System.Net;
using System.Net.Http.Json;
using System.Text;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Achievements;

public sealed class ImageTests
{
    [ProviderTheory]
    public async Task PNG_JPEG_and_SVG_uploads_are_served_back_byte_for_byte_with_their_sniffed_type(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        foreach (var (bytes, declared, expected) in new[]
        {
            (Images.PngBytes, "image/png", "image/png"),
            (Images.JpegBytes, "image/jpeg", "image/jpeg"),
            (Images.SvgBytes, "image/svg+xml", "image/svg+xml"),
            (Images.PngBytes, "application/octet-stream", "image/png"),
        })
        {
            var upload = await owner.PostAsync($"/api/v1/orgs/{orgId}/images", Images.Body(bytes, declared));
            var image = await Expect.JsonAsync(HttpStatusCode.Created, upload);
            Assert.Equal(expected, image.GetProperty("mediaType").GetString());
            var url = new Uri(image.GetProperty("url").GetString()!);
            Assert.Equal(url, upload.Headers.Location);

            var served = await app.Client.GetAsync(url.PathAndQuery);
            await Expect.StatusAsync(HttpStatusCode.OK, served);
            Assert.Equal(expected, served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [ProviderTheory]
    public async Task Files_that_are_not_PNG_JPEG_or_safe_SVG_are_refused_with_415_whatever_they_claim(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var path = $"/api/v1/orgs/{orgId}/images";
        byte[] gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0];
        foreach (var (bytes, declared) in new[]
        {
            (gif, "image/png"),
            (Encoding.UTF8.GetBytes("just some text pretending"), "image/png"),
            (Images.PngBytes, "image/jpeg"),
            (Images.PngBytes, "text/plain"),
            (Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "image/svg+xml"),
            (Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect onload = \"alert(1)\"/></svg>"), "image/svg+xml"),
            (Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\">]><svg>&a;</svg>"), "image/svg+xml"),
            ([0xFF, 0xFE, 0x3C, 0x00], "image/svg+xml"),
        })
        {
            await Expect.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "https://credstack.dev/problems/unsupported-media-type", await owner.PostAsync(path, Images.Body(bytes, declared)));
        }

        await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation", await owner.PostAsync(path, Images.Body([], "image/png")));
    }

    [ProviderTheory]
    public async Task An_image_over_2_MiB_is_a_413_problem_declared_or_streamed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var path = $"/api/v1/orgs/{orgId}/images";
        var big = new byte[(2 * 1024 * 1024) + 1];
        Images.PngBytes.CopyTo(big, 0);
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await owner.PostAsync(path, Images.Body(big, "image/png")));

        var streamed = new StreamContent(new MemoryStream(big));
        streamed.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        await Expect.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "https://credstack.dev/problems/payload-too-large", await owner.SendAsync(request));

        var exact = new byte[2 * 1024 * 1024];
        Images.PngBytes.CopyTo(exact, 0);
        await Expect.StatusAsync(HttpStatusCode.Created, await owner.PostAsync(path, Images.Body(exact, "image/png")));
    }

    [ProviderTheory]
    public async Task Images_belong_to_one_organization(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (orgId, owner) = await app.CreateOrganizationAsync();
        var (otherOrg, otherOwner) = await app.CreateOrganizationAsync("Other College");
        var image = await Expect.JsonAsync(HttpStatusCode.Created, await owner.PostAsync($"/api/v1/orgs/{orgId}/images", Images.Png()));
        var imageId = image.GetProperty("id").GetString()!;

        var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, "https://credstack.dev/problems/validation",
            await otherOwner.PostAsJsonAsync($"/api/v1/orgs/{otherOrg}/achievements", AchievementTests.FullDefinition(imageId: imageId)));
        Assert.True(problem.GetProperty("errors").TryGetProperty("imageId", out _));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync($"/issuers/{otherOrg}/images/{imageId}"));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await app.Client.GetAsync($"/issuers/{orgId}/images/unknown"));
        var viewer = await app.MemberAsync(orgId, owner, "viewer");
        await Expect.ProblemAsync(HttpStatusCode.Forbidden, "https://credstack.dev/problems/forbidden", await viewer.PostAsync($"/api/v1/orgs/{orgId}/images", Images.Png()));
        await Expect.ProblemAsync(HttpStatusCode.NotFound, "https://credstack.dev/problems/not-found", await otherOwner.PostAsync($"/api/v1/orgs/{orgId}/images", Images.Png()));
    }
}
