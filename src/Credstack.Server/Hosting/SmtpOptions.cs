namespace Credstack.Server.Hosting;

/// <summary><c>Credstack:Smtp</c>: outbound mail (award notices, sign-up). An empty host means mail is not sent.</summary>
internal sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    public string From { get; set; } = "credstack@localhost";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }
}
