namespace Credstack.Server.Tests.Web.Console;

/// <summary>One console page: its route, the least role that opens it and the least that posts to it (null: it has no form).</summary>
internal sealed record ConsolePageRow(string Pattern, string ReadRole, string? ChangeRole, string PostQuery = "");
