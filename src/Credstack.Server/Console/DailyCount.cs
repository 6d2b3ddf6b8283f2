namespace Credstack.Server.Console;

/// <summary>How many awards were issued on one UTC day.</summary>
internal sealed record DailyCount(DateOnly Day, long Count);
