using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Credstack.Ledger.Merkle;
using Microsoft.Win32.SafeHandles;

namespace Credstack.Ledger.Storage;

/// <summary>
/// A crash-safe, file-backed <see cref="ILogStore"/> in one directory:
/// <c>entries.dat</c> (length-prefixed entries), <c>entries.idx</c> (offset of each entry),
/// <c>hashes.dat</c> (every Merkle node hash in post-order, so any complete subtree is one read)
/// and <c>commits.dat</c> (one checksummed record per batch).
/// </summary>
/// <remarks>
/// Each <see cref="Append"/> writes the batch to all four files and then flushes each to disk once.
/// On open, the last commit record is trusted only if its checksum holds and the batch bytes it
/// names hash to its batch digest; otherwise it is dropped in favour of the one before (which was
/// flushed before the batch began). Everything past the chosen commit is truncated, and the index
/// and hashes of its batch are derived again from the entries, so a torn write is never accepted.
/// Not thread-safe: the caller serialises calls.
/// </remarks>
public sealed class FileLogStore : ILogStore
{
    /// <summary>The largest entry the store accepts (16 MiB); larger lengths in the file are damage.</summary>
    public const int MaxEntryLength = 16 << 20;

    private const string EntriesName = "entries.dat";
    private const string IndexName = "entries.idx";
    private const string HashesName = "hashes.dat";
    private const string CommitsName = "commits.dat";
    private const string LockName = "lock";

    private readonly FileStream _lock;
    private readonly SafeFileHandle _entries;
    private readonly SafeFileHandle _index;
    private readonly SafeFileHandle _hashes;
    private readonly SafeFileHandle _commits;
    private readonly MappedFile _hashView;
    private MerkleFrontier _frontier = new();
    private long _entriesLength;
    private long _commitCount;
    private byte[] _root = MerkleHash.EmptyTree();
    private bool _faulted;

    private FileLogStore(string directory, FileStream lockFile)
    {
        Directory = directory;
        _lock = lockFile;
        _entries = OpenHandle(EntriesName);
        _index = OpenHandle(IndexName);
        _hashes = OpenHandle(HashesName);
        _commits = OpenHandle(CommitsName);
        _hashView = new MappedFile(Path.Combine(directory, HashesName));

        SafeFileHandle OpenHandle(string name) =>
            File.OpenHandle(Path.Combine(directory, name), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>The directory the log lives in.</summary>
    public string Directory { get; }

    /// <summary>What opening the log had to repair (a torn batch dropped, a tail truncated); null when the files were clean.</summary>
    public string? Recovery { get; private set; }

    /// <inheritdoc />
    public long Size { get; private set; }

    /// <summary>Opens (or creates) the log in <paramref name="directory"/>, repairing a torn last batch.</summary>
    /// <returns>The store, or why it cannot be opened (in use by another process, or damaged beyond its last batch).</returns>
    public static Outcome<FileLogStore> Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        System.IO.Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            return Outcome<FileLogStore>.Failure($"the log in {directory} is in use by another process ({e.Message})");
        }

        var store = new FileLogStore(directory, lockFile);
        var problem = store.Recover();
        if (problem is not null)
        {
            store.Dispose();
            return Outcome<FileLogStore>.Failure($"the log in {directory} is damaged: {problem}");
        }

        return Outcome<FileLogStore>.Success(store);
    }

    /// <inheritdoc />
    public long Append(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ObjectDisposedException.ThrowIf(_entries.IsClosed, this);
        if (_faulted)
        {
            throw new InvalidOperationException("An earlier append failed part-way; reopen the log to recover it.");
        }

        var first = Size;
        if (entries.Count == 0)
        {
            return first;
        }

        var entryBytes = new ArrayBufferWriter<byte>(entries.Count * 64);
        var indexBytes = new ArrayBufferWriter<byte>(entries.Count * 8);
        var hashBytes = new ArrayBufferWriter<byte>(entries.Count * 2 * MerkleHash.Length);
        Action<ReadOnlyMemory<byte>> writeNode = node => hashBytes.Write(node.Span);
        Span<byte> leaf = stackalloc byte[MerkleHash.Length];
        var offset = _entriesLength;
        _faulted = true;
        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
            {
                throw new ArgumentException($"An entry is {entry.Length} bytes; the log accepts at most {MaxEntryLength}.", nameof(entries));
            }

            BinaryPrimitives.WriteInt64LittleEndian(indexBytes.GetSpan(8), offset);
            indexBytes.Advance(8);
            BinaryPrimitives.WriteInt32BigEndian(entryBytes.GetSpan(4), entry.Length);
            entryBytes.Advance(4);
            entryBytes.Write(entry.Span);
            offset += 4 + entry.Length;
            MerkleHash.Leaf(entry.Span, leaf);
            _frontier.Append(leaf, writeNode);
        }

        var root = _frontier.RootHash();
        var record = new CommitRecord(first + entries.Count, offset, root, SHA256.HashData(entryBytes.WrittenSpan));
        var recordBytes = new byte[CommitRecord.Length];
        record.Write(recordBytes);

        RandomAccess.Write(_entries, entryBytes.WrittenSpan, _entriesLength);
        RandomAccess.Write(_index, indexBytes.WrittenSpan, first * 8);
        RandomAccess.Write(_hashes, hashBytes.WrittenSpan, MerkleFrontier.NodeCount(first) * MerkleHash.Length);
        RandomAccess.Write(_commits, recordBytes, _commitCount * CommitRecord.Length);
        RandomAccess.FlushToDisk(_entries);
        RandomAccess.FlushToDisk(_index);
        RandomAccess.FlushToDisk(_hashes);
        RandomAccess.FlushToDisk(_commits);

        _entriesLength = offset;
        _commitCount++;
        Size = record.Size;
        _root = root;
        _faulted = false;
        return first;
    }

    /// <inheritdoc />
    public byte[] ReadEntry(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        Span<byte> eight = stackalloc byte[8];
        ReadExactly(_index, eight, index * 8);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(eight);
        ReadExactly(_entries, eight[..4], offset);
        var entry = new byte[BinaryPrimitives.ReadInt32BigEndian(eight)];
        ReadExactly(_entries, entry, offset + 4);
        return entry;
    }

    /// <inheritdoc />
    public void ReadNodeHash(int level, long index, Span<byte> destination)
    {
        if (level is < 0 or > 62 || index < 0 || ((index + 1) << level) > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"Node ({level}, {index}) is not a complete subtree of a log of {Size} entries.");
        }

        _hashView.Read(MerkleFrontier.PostorderPosition(level, index) * MerkleHash.Length, MerkleHash.Length).CopyTo(destination);
    }

    /// <summary>
    /// Reads every entry again and checks it against the stored node hashes and the last commit's root:
    /// the O(n) audit for damage a crash cannot cause (a flipped bit on disk, an edited file).
    /// <see cref="Open"/> only checks the last batch, which is all a crash can tear.
    /// </summary>
    public Verdict Audit()
    {
        var frontier = new MerkleFrontier();
        var position = 0L;
        var mismatch = -1L;
        Span<byte> leaf = stackalloc byte[MerkleHash.Length];
        Action<ReadOnlyMemory<byte>> check = node =>
        {
            if (mismatch < 0 && !node.Span.SequenceEqual(_hashView.Read(position * MerkleHash.Length, MerkleHash.Length)))
            {
                mismatch = position;
            }

            position++;
        };
        for (long i = 0; i < Size; i++)
        {
            MerkleHash.Leaf(ReadEntry(i), leaf);
            frontier.Append(leaf, check);
            if (mismatch >= 0)
            {
                return Verdict.Fail($"the log does not verify because entry {i} does not match the stored hash at node {mismatch}");
            }
        }

        return CryptographicOperations.FixedTimeEquals(frontier.RootHash(), _root)
            ? Verdict.Pass
            : Verdict.Fail("the log does not verify because its entries do not produce the committed root hash");
    }

    /// <inheritdoc />
    public byte[] RootHash() => (byte[])_root.Clone();

    /// <inheritdoc />
    public void Dispose()
    {
        _hashView.Dispose();
        _entries.Dispose();
        _index.Dispose();
        _hashes.Dispose();
        _commits.Dispose();
        _lock.Dispose();
    }

    // Chooses the last commit whose batch fully reached the disk, truncates everything after it
    // and derives its batch's index and hashes again. Returns a problem when the damage reaches
    // further back than one batch, which a crash cannot cause.
    private string? Recover()
    {
        var notes = new List<string>();
        var commitsLength = RandomAccess.GetLength(_commits);
        var count = commitsLength / CommitRecord.Length;
        if (commitsLength % CommitRecord.Length != 0)
        {
            notes.Add($"dropped a torn commit record ({commitsLength % CommitRecord.Length} bytes)");
        }

        var entriesFileLength = RandomAccess.GetLength(_entries);
        CommitRecord chosen = CommitRecord.Empty;
        CommitRecord previous = CommitRecord.Empty;
        var chosenIndex = count - 1;

        // A crash can leave damaged records only at the tail of commits.dat.
        while (chosenIndex >= 0 && ReadCommit(chosenIndex) is null)
        {
            notes.Add($"dropped damaged commit record {chosenIndex}");
            chosenIndex--;
        }

        // Only the batch of the last intact record can be incomplete: every earlier one was flushed
        // before the next began. So try the last record, then the one before it, and no further.
        for (var attempt = 0; chosenIndex >= 0; attempt++, chosenIndex--)
        {
            var candidate = ReadCommit(chosenIndex);
            var before = chosenIndex == 0 ? CommitRecord.Empty : ReadCommit(chosenIndex - 1);
            if (candidate is null || before is null)
            {
                return $"commit record {(candidate is null ? chosenIndex : chosenIndex - 1)} is damaged although a later batch was committed after it";
            }

            if (candidate.Size >= before.Size && candidate.EntriesLength >= before.EntriesLength
                && candidate.EntriesLength <= entriesFileLength
                && BatchDigestMatches(before.EntriesLength, candidate.EntriesLength, candidate.BatchDigest))
            {
                chosen = candidate;
                previous = before;
                break;
            }

            if (attempt > 0)
            {
                return $"the entries of committed batch {chosenIndex} do not match its digest; only the last batch can be torn by a crash";
            }

            notes.Add($"dropped batch {chosenIndex} (entries {before.Size}..{candidate.Size}), which did not fully reach the disk");
        }

        var committedCommits = (chosenIndex + 1) * CommitRecord.Length;
        if (commitsLength > committedCommits)
        {
            RandomAccess.SetLength(_commits, committedCommits);
        }

        if (entriesFileLength > chosen.EntriesLength)
        {
            notes.Add($"truncated {entriesFileLength - chosen.EntriesLength} uncommitted bytes of entries");
            RandomAccess.SetLength(_entries, chosen.EntriesLength);
        }

        // The index and hashes up to the previous commit were flushed before the last batch began;
        // if they are short anyway (a copied or edited directory), derive everything again.
        var from = previous.Size;
        var fromOffset = previous.EntriesLength;
        if (RandomAccess.GetLength(_index) < from * 8
            || RandomAccess.GetLength(_hashes) < MerkleFrontier.NodeCount(from) * MerkleHash.Length)
        {
            notes.Add("rebuilt the index and hashes from the entries");
            from = 0;
            fromOffset = 0;
        }

        RandomAccess.SetLength(_index, from * 8);
        RandomAccess.SetLength(_hashes, MerkleFrontier.NodeCount(from) * MerkleHash.Length);
        _frontier = from == 0 ? new MerkleFrontier() : MerkleFrontier.Load(new HandleHashSource(_hashes, from), from);

        var problem = Derive(from, fromOffset, chosen);
        if (problem is not null)
        {
            return problem;
        }

        RandomAccess.FlushToDisk(_entries);
        RandomAccess.FlushToDisk(_index);
        RandomAccess.FlushToDisk(_hashes);
        RandomAccess.FlushToDisk(_commits);
        _entriesLength = chosen.EntriesLength;
        _commitCount = chosenIndex + 1;
        Size = chosen.Size;
        _root = _frontier.RootHash();
        Recovery = notes.Count == 0 ? null : string.Join("; ", notes);
        return null;
    }

    // Re-reads the entries from `fromOffset` to the chosen commit and writes their index and node hashes.
    private string? Derive(long from, long fromOffset, CommitRecord chosen)
    {
        var indexBytes = new ArrayBufferWriter<byte>();
        var hashBytes = new ArrayBufferWriter<byte>();
        Action<ReadOnlyMemory<byte>> writeNode = node => hashBytes.Write(node.Span);
        Span<byte> header = stackalloc byte[4];
        Span<byte> leaf = stackalloc byte[MerkleHash.Length];
        var offset = fromOffset;
        var size = from;
        while (offset < chosen.EntriesLength)
        {
            if (chosen.EntriesLength - offset < 4)
            {
                return $"entry {size} at byte {offset} has a torn length prefix inside committed data";
            }

            ReadExactly(_entries, header, offset);
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            if (length < 0 || length > MaxEntryLength || offset + 4 + length > chosen.EntriesLength)
            {
                return $"entry {size} at byte {offset} has an impossible length {length}";
            }

            var entry = new byte[length];
            ReadExactly(_entries, entry, offset + 4);
            BinaryPrimitives.WriteInt64LittleEndian(indexBytes.GetSpan(8), offset);
            indexBytes.Advance(8);
            MerkleHash.Leaf(entry, leaf);
            _frontier.Append(leaf, writeNode);
            offset += 4 + length;
            size++;
            if (indexBytes.WrittenCount >= 1 << 20)
            {
                Flush();
            }
        }

        Flush();
        if (size != chosen.Size)
        {
            return $"the committed entries hold {size} entries where the commit record says {chosen.Size}";
        }

        return CryptographicOperations.FixedTimeEquals(_frontier.RootHash(), chosen.RootHash)
            ? null
            : "the entries do not produce the root hash their commit record names";

        void Flush()
        {
            RandomAccess.Write(_index, indexBytes.WrittenSpan, RandomAccess.GetLength(_index));
            RandomAccess.Write(_hashes, hashBytes.WrittenSpan, RandomAccess.GetLength(_hashes));
            indexBytes.ResetWrittenCount();
            hashBytes.ResetWrittenCount();
        }
    }

    private CommitRecord? ReadCommit(long index)
    {
        Span<byte> buffer = stackalloc byte[CommitRecord.Length];
        return RandomAccess.Read(_commits, buffer, index * CommitRecord.Length) == CommitRecord.Length
            ? CommitRecord.TryRead(buffer)
            : null;
    }

    private bool BatchDigestMatches(long start, long end, byte[] expected)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (var position = start; position < end;)
            {
                var read = RandomAccess.Read(_entries, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - position)), position);
                if (read <= 0)
                {
                    return false;
                }

                hash.AppendData(buffer, 0, read);
                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return CryptographicOperations.FixedTimeEquals(hash.GetHashAndReset(), expected);
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> destination, long offset)
    {
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(handle, destination, offset);
            if (read <= 0)
            {
                throw new EndOfStreamException("A log file ended before its committed length.");
            }

            destination = destination[read..];
            offset += read;
        }
    }

    // Reads node hashes with positioned reads, for rebuilding the frontier before the map exists.
    private sealed class HandleHashSource(SafeFileHandle handle, long size) : INodeHashSource
    {
        public long Size => size;

        public void ReadNodeHash(int level, long index, Span<byte> destination) =>
            ReadExactly(handle, destination[..MerkleHash.Length], MerkleFrontier.PostorderPosition(level, index) * MerkleHash.Length);
    }
}
