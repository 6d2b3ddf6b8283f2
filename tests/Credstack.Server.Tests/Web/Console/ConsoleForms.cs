using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Credstack.Server.Tests.Infrastructure;

namespace Credstack.Server.Tests.Web.Console;

/// <summary>
/// Posting the console's forms without a browser: takes an antiforgery token from a page the person may open
/// (<c>/console</c>), then posts with the session and antiforgery cookies, as a browser would.
/// </summary>
internal static partial class ConsoleForms
{
    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__csrf\" value=\"([^\"]+)\"|name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Posts <paramref name="fields"/> (and <paramref name="files"/>, as multipart) to <paramref name="url"/> as <paramref name="person"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        TestApp app, HttpClient person, string url, IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Name, string FileName, byte[] Content, string MediaType)>? files = null)
    {
        var (cookie, token) = await TokenAsync(person);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("Cookie", cookie);
        HttpContent content;
        var all = fields.Append(new("__csrf", token)).ToList();
        if (files is null)
        {
            content = new FormUrlEncodedContent(all);
        }
        else
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in all)
            {
                multipart.Add(new StringContent(value), name);
            }

            foreach (var (name, fileName, bytes, mediaType) in files)
            {
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                multipart.Add(part, name, fileName);
            }

            content = multipart;
        }

        request.Content = content;
        return await client.SendAsync(request);
    }

    private static async Task<(string Cookie, string Token)> TokenAsync(HttpClient person)
    {
        var response = await person.GetAsync("/console");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /console: {(int)response.StatusCode} {html}");
        var match = TokenField().Match(html);
        Assert.True(match.Success, "no antiforgery field on /console");
        var token = match.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value;
        var session = string.Join("; ", person.DefaultRequestHeaders.GetValues("Cookie"));
        var antiforgery = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("credstack_antiforgery=", StringComparison.Ordinal));
        return (string.Join("; ", new[] { session }.Concat(antiforgery)), System.Net.WebUtility.HtmlDecode(token));
    }
}
