namespace Credstack.Ledger.Tests.Storage;

/// <summary>Tests that measure the managed heap run in this collection, alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(HeapMeasurement), DisableParallelization = true)]
public sealed class HeapMeasurement;
