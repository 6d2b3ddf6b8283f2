using System.Net;

namespace Credstack.Credentials.Tests.Dids;

/// <summary>An HttpMessageHandler that answers from a function: the internet, mocked.</summary>
internal sealed class FakeHttpHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    public static FakeHttpHandler Redirect(string from, string to, string body) => new((request, _) =>
    {
        var response = request.RequestUri!.AbsoluteUri == from
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri(to, UriKind.RelativeOrAbsolute) } }
            : Ok(body);
        response.RequestMessage = request;
        return Task.FromResult(response);
    });

    public static HttpResponseMessage Ok(string body) => new(HttpStatusCode.OK) { Content = new StringContent(body) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return answer(request, cancellationToken);
    }
}
