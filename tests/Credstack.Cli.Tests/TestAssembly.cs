// CliRunner swaps the process-wide Console.In for a command's standard input, so CLI tests
// must not run in parallel with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
