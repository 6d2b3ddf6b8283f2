using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Backpack;

/// <summary>
/// A browser without a browser: a client that keeps its cookies (session and antiforgery), asks for HTML, does not follow
/// redirects, and posts page forms with the antiforgery token read from the page it got them from.
/// </summary>
internal sealed partial class PageClient(TestApp app)
{
    private readonly HttpClient _client = app.CreateClient();
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>A new account, signed in through the API.</summary>
    public static async Task<(TestAccount Account, PageClient Client)> SignedInAsync(TestApp app, string? email = null)
    {
        var account = await app.SignUpAsync(email);
        var client = new PageClient(app);
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sessions")
        {
            Content = JsonContent.Create(new { email = account.Email, password = account.Password }),
        });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return (account, client);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(path);
        await Expect.StatusAsync(expected, response);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of the page at <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IDictionary<string, string> fields)
    {
        var token = Token(await GetPageAsync(formPage));
        var values = new Dictionary<string, string>(fields, StringComparer.Ordinal) { ["__csrf"] = token };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(values) });
    }

    /// <summary>Uploads <paramref name="file"/> as the field <c>file</c> of the import form, with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string formPage, string action, byte[] file, string fileName, string mediaType = "application/octet-stream")
    {
        var token = Token(await GetPageAsync(formPage));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        content.Add(part, "file", fileName);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = content });
    }

    public static string Token(string html) => CsrfField().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new Xunit.Sdk.XunitException("The page has no antiforgery field:\n" + html);

    /// <summary>The value of the hidden input <paramref name="name"/> on <paramref name="html"/>.</summary>
    public static string Hidden(string html, string name) =>
        Regex.Match(html, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new Xunit.Sdk.XunitException($"The page has no hidden field {name}:\n" + html);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        request.Headers.Accept.ParseAdd("text/html");
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                _cookies[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        return response;
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
