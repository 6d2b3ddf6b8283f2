namespace Credstack.Server.Verification;

/// <summary>
/// <c>Credstack:Verification</c>: what the public verifier (<c>POST /verify</c>, <c>POST /credentials/verify</c>) may
/// read, how much it accepts, and how often one client may call it.
/// </summary>
internal sealed class VerificationOptions
{
    public const string Section = "Credstack:Verification";

    /// <summary>
    /// Whether documents of other hosts (did:web documents, issuer profiles, status lists) are fetched over HTTPS.
    /// Default false: only this server's own documents are read (in-process), and remote lookups are reported as
    /// skipped or unknown in the report.
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// When not empty, the only hosts remote documents are fetched from (<c>example.org</c> matches that host,
    /// <c>.example.org</c> its subdomains too). Empty: any public host; loopback, private and link-local addresses are
    /// always refused unless their host is listed here.
    /// </summary>
    public List<string> RemoteHosts { get; set; } = [];

    /// <summary>How long one remote fetch may take.</summary>
    public TimeSpan RemoteTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest remote document accepted, in bytes.</summary>
    public int MaxRemoteDocumentBytes { get; set; } = 256 * 1024;

    /// <summary>The largest request body the verification endpoints accept, in bytes (baked images included).</summary>
    public long MaxInputBytes { get; set; } = 2 * 1024 * 1024;

    public VerificationRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Issuer ids (DIDs or URLs) the verify page calls trusted. This server's own issuers are known without being listed.
    /// A credential from an issuer not listed can still verify: trust is a separate question from a valid signature.
    /// </summary>
    public List<string> TrustedIssuers { get; set; } = [];
}
