using Credstack.Server.Storage;

namespace Credstack.Server.Hosting;

/// <summary>The <c>Credstack</c> configuration section (appsettings.json, <c>Credstack__*</c> environment variables, command line).</summary>
internal sealed class CredstackOptions
{
    public const string Section = "Credstack";

    /// <summary>The address people and wallets reach this server at; used in issued credentials and links.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Seed demonstration data at start-up (the <c>--demo</c> switch sets it).</summary>
    public bool Demo { get; set; }

    public StorageOptions Storage { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public KeyProtectionOptions KeyProtection { get; set; } = new();

    public PasswordSignInOptions SignIn { get; set; } = new();

    public RequestLimitOptions Limits { get; set; } = new();
}
