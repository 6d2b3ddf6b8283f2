// JSON-LD 1.1 §9.15.1 "Expanded Term Definition", @container: the container mapping as a set of flags.
namespace Credstack.JsonLd.Processing;

/// <summary>The container keywords a term definition may carry.</summary>
[Flags]
internal enum ContainerKinds
{
    None = 0,
    List = 1,
    Set = 2,
    Index = 4,
    Language = 8,
    Id = 16,
    Type = 32,
    Graph = 64,
}
