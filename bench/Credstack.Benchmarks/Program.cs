using BenchmarkDotNet.Running;

// Run one scenario: dotnet run -c Release --project bench/Credstack.Benchmarks -- --filter '*Jcs*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
