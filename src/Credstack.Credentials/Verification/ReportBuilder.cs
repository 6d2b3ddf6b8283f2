namespace Credstack.Credentials.Verification;

/// <summary>Collects checks as the steps produce them (a later step may add to an earlier one) and orders them by step.</summary>
internal sealed class ReportBuilder
{
    private static readonly string[] StepOrder = ["input", "structure", "proof", "refresh", "status", "validity", "recipient", "endorsement", "embedded", "verifier"];

    private readonly List<VerificationCheck> _checks = [];

    public CredentialSummary Summary { get; set; } = new();

    public List<EmbeddedVerification> Embedded { get; } = [];

    public IReadOnlyList<VerificationCheck> Checks => _checks;

    public void Add(string code, CheckStatus status, string message, string? path = null, string? problem = null) =>
        _checks.Add(new VerificationCheck(code, status, message, path, problem));

    public void Add(VerificationCheck check) => _checks.Add(check);

    public bool Any(string code, CheckStatus status) =>
        _checks.Any(c => c.Status == status && string.Equals(c.Code, code, StringComparison.Ordinal));

    public bool AnyFailed => _checks.Any(c => c.Status == CheckStatus.Failed);

    public VerificationReport Build() => new()
    {
        Checks = [.. _checks.Select((c, i) => (Check: c, Index: i)).OrderBy(x => StepOf(x.Check.Code)).ThenBy(x => x.Index).Select(x => x.Check)],
        Credential = Summary,
        Embedded = [.. Embedded],
    };

    private static int StepOf(string code)
    {
        var dot = code.IndexOf('.', StringComparison.Ordinal);
        var step = Array.IndexOf(StepOrder, dot < 0 ? code : code[..dot]);
        return step < 0 ? StepOrder.Length : step;
    }
}
