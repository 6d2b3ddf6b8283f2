namespace Credstack.Server.Tests.Infrastructure;

/// <summary>An account a test signed up.</summary>
public sealed record TestAccount(string Id, string Email, string Password);
