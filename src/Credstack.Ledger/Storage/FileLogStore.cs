using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Credstack.Ledger.Merkle;
using Microsoft.Win32.SafeHandles;

namespace Credstack.Ledger.Storage;

/// <summary>
/// A crash-safe, file-backed <see cref="ILogStore"/> in one directory. <c>entries.dat</c> is the
/// only source of truth: each batch is its entry frames (<c>u32 length || bytes</c>) followed by a
/// checksummed commit frame naming the batch's size and the tree's root, written and flushed to disk
/// once. <c>entries.idx</c> (offset of each entry) and <c>hashes.dat</c> (every Merkle node hash in
/// post-order, so any complete subtree is one read through a memory map) are derived from it; they
/// are flushed every few megabytes, after which <c>state.dat</c> records how far they are durable.
/// </summary>
/// <remarks>
/// On open, the derived files are trusted up to <c>state.dat</c> and the batches after it are read
/// again from <c>entries.dat</c>: each must end in a commit frame whose checksum holds and whose root
/// the replayed entries reproduce. The first batch that does not is a torn write from a crash and is truncated (after
/// checking that no valid commit follows it, which would mean damage, not a crash).
/// Not thread-safe: the caller serialises calls.
/// </remarks>
public sealed class FileLogStore : ILogStore, IRightEdgeHashes
{
    /// <summary>The largest entry the store accepts (16 MiB); larger lengths in the file are damage.</summary>
    public const int MaxEntryLength = 16 << 20;

    private const int DefaultDerivedFlushBytes = 8 << 20;
    private const uint CommitMarker = 0xFFFFFFFF;
    private const int CommitFrameLength = 4 + CommitRecord.Length;
    private const string EntriesName = "entries.dat";
    private const string IndexName = "entries.idx";
    private const string HashesName = "hashes.dat";
    private const string StateName = "state.dat";
    private const string LockName = "lock";

    private readonly FileStream _lock;
    private readonly SafeFileHandle _entries;
    private readonly SafeFileHandle _index;
    private readonly SafeFileHandle _hashes;
    private readonly SafeFileHandle _state;
    private readonly MappedFile _hashView;
    private readonly long _derivedFlushBytes;
    private MerkleFrontier _frontier = new();
    private long _entriesLength;
    private long _unflushedDerivedBytes;
    private byte[] _root = MerkleHash.EmptyTree();
    private bool _faulted;

    private FileLogStore(string directory, FileStream lockFile, long derivedFlushBytes)
    {
        Directory = directory;
        _lock = lockFile;
        _derivedFlushBytes = derivedFlushBytes;
        _entries = OpenHandle(EntriesName);
        _index = OpenHandle(IndexName);
        _hashes = OpenHandle(HashesName);
        _state = OpenHandle(StateName);
        _hashView = new MappedFile(Path.Combine(directory, HashesName));

        SafeFileHandle OpenHandle(string name) =>
            File.OpenHandle(Path.Combine(directory, name), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
    }

    /// <summary>The directory the log lives in.</summary>
    public string Directory { get; }

    /// <summary>What opening the log had to repair (a torn batch dropped, derived files rebuilt); null when nothing was torn.</summary>
    public string? Recovery { get; private set; }

    /// <inheritdoc />
    public long Size { get; private set; }

    /// <summary>Opens (or creates) the log in <paramref name="directory"/>, repairing a torn last batch.</summary>
    /// <returns>The store, or why it cannot be opened (in use by another process, or damaged in a way a crash cannot cause).</returns>
    public static Outcome<FileLogStore> Open(string directory) => Open(directory, DefaultDerivedFlushBytes);

    internal static Outcome<FileLogStore> Open(string directory, long derivedFlushBytes)
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

        var store = new FileLogStore(directory, lockFile, derivedFlushBytes);
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

        foreach (var entry in entries)
        {
            if (entry.Length > MaxEntryLength)
            {
                throw new ArgumentException($"An entry is {entry.Length} bytes; the log accepts at most {MaxEntryLength}.", nameof(entries));
            }
        }

        _faulted = true;
        var frames = new ArrayBufferWriter<byte>((entries.Count * 64) + CommitFrameLength);
        var indexBytes = new ArrayBufferWriter<byte>(entries.Count * 8);
        var hashBytes = new ArrayBufferWriter<byte>(entries.Count * 2 * MerkleHash.Length);
        Action<ReadOnlyMemory<byte>> writeNode = node => hashBytes.Write(node.Span);
        Span<byte> leaf = stackalloc byte[MerkleHash.Length];
        var offset = _entriesLength;
        foreach (var entry in entries)
        {
            BinaryPrimitives.WriteInt64LittleEndian(indexBytes.GetSpan(8), offset);
            indexBytes.Advance(8);
            BinaryPrimitives.WriteInt32BigEndian(frames.GetSpan(4), entry.Length);
            frames.Advance(4);
            frames.Write(entry.Span);
            offset += 4 + entry.Length;
            MerkleHash.Leaf(entry.Span, leaf);
            _frontier.Append(leaf, writeNode);
        }

        var root = _frontier.RootHash();
        // The root covers every entry byte of the batch, so it doubles as the batch's checksum on replay.
        var record = new CommitRecord(first + entries.Count, offset, root, new byte[32]);
        BinaryPrimitives.WriteUInt32BigEndian(frames.GetSpan(4), CommitMarker);
        frames.Advance(4);
        record.Write(frames.GetSpan(CommitRecord.Length));
        frames.Advance(CommitRecord.Length);

        // The one flush that makes the batch durable.
        RandomAccess.Write(_entries, frames.WrittenSpan, _entriesLength);
        RandomAccess.FlushToDisk(_entries);

        RandomAccess.Write(_index, indexBytes.WrittenSpan, first * 8);
        RandomAccess.Write(_hashes, hashBytes.WrittenSpan, MerkleFrontier.NodeCount(first) * MerkleHash.Length);
        _entriesLength += frames.WrittenCount;
        Size = record.Size;
        _root = root;
        _unflushedDerivedBytes += indexBytes.WrittenCount + hashBytes.WrittenCount;
        if (_unflushedDerivedBytes >= _derivedFlushBytes)
        {
            FlushDerived();
        }

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

    bool IRightEdgeHashes.TryGetRangeHash(long start, long end, Span<byte> destination) => _frontier.TryGetSuffixHash(start, end, destination);

    /// <inheritdoc />
    public byte[] RootHash() => (byte[])_root.Clone();

    /// <summary>
    /// Reads every entry again and checks it against the stored node hashes and the current root:
    /// the O(n) audit for damage a crash cannot cause (a flipped bit on disk, an edited file).
    /// <see cref="Open(string)"/> only re-reads the batches after the last derived-state record.
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
    public void Dispose()
    {
        if (!_entries.IsClosed && !_faulted && _unflushedDerivedBytes > 0)
        {
            FlushDerived();
        }

        _hashView.Dispose();
        _entries.Dispose();
        _index.Dispose();
        _hashes.Dispose();
        _state.Dispose();
        _lock.Dispose();
    }

    // Makes the derived files durable up to the current size, then says so in state.dat.
    private void FlushDerived()
    {
        RandomAccess.FlushToDisk(_index);
        RandomAccess.FlushToDisk(_hashes);
        var state = new byte[CommitRecord.Length];
        new CommitRecord(Size, _entriesLength, _root, new byte[32]).Write(state);
        RandomAccess.Write(_state, state, 0);
        RandomAccess.FlushToDisk(_state);
        _unflushedDerivedBytes = 0;
    }

    private string? Recover()
    {
        var notes = new List<string>();

        // 1. The derived files are durable up to the state record, if it is intact and they are long enough.
        Span<byte> stateBytes = stackalloc byte[CommitRecord.Length];
        var state = RandomAccess.Read(_state, stateBytes, 0) == CommitRecord.Length ? CommitRecord.TryRead(stateBytes) : null;
        if (state is null && RandomAccess.GetLength(_state) > 0)
        {
            notes.Add("the derived-state record was torn; rebuilt the index and hashes from the entries");
        }

        state ??= CommitRecord.Empty;
        var entriesFileLength = RandomAccess.GetLength(_entries);
        if (state.EntriesLength > entriesFileLength
            || RandomAccess.GetLength(_index) < state.Size * 8
            || RandomAccess.GetLength(_hashes) < MerkleFrontier.NodeCount(state.Size) * MerkleHash.Length)
        {
            notes.Add("the derived files are shorter than their state record; rebuilt them from the entries");
            state = CommitRecord.Empty;
        }

        _frontier = state.Size == 0 ? new MerkleFrontier() : MerkleFrontier.Load(new HandleHashSource(_hashes, state.Size), state.Size);
        if (!CryptographicOperations.FixedTimeEquals(_frontier.RootHash(), state.RootHash))
        {
            notes.Add("the stored hashes do not match their state record; rebuilt them from the entries");
            state = CommitRecord.Empty;
            _frontier = new MerkleFrontier();
        }

        RandomAccess.SetLength(_index, state.Size * 8);
        RandomAccess.SetLength(_hashes, MerkleFrontier.NodeCount(state.Size) * MerkleHash.Length);

        // 2. Replay the committed batches after it.
        var (size, end, problem) = Replay(state.Size, state.EntriesLength, entriesFileLength);
        if (problem is not null)
        {
            return problem;
        }

        if (entriesFileLength > end)
        {
            notes.Add($"dropped {entriesFileLength - end} bytes of a batch that did not fully reach the disk");
            RandomAccess.SetLength(_entries, end);
            RandomAccess.FlushToDisk(_entries);
        }

        _entriesLength = end;
        Size = size;
        _root = _frontier.RootHash();
        FlushDerived();
        Recovery = notes.Count == 0 ? null : string.Join("; ", notes);
        return null;
    }

    // Reads batches from `offset` on, writing the derived data of each batch whose commit frame
    // holds. Returns the size and end of the last good batch, or a problem when a valid commit
    // follows a bad frame (damage inside committed data, which a crash cannot cause).
    private (long Size, long End, string? Problem) Replay(long size, long offset, long fileLength)
    {
        var indexBytes = new ArrayBufferWriter<byte>();
        var hashBytes = new ArrayBufferWriter<byte>();
        Action<ReadOnlyMemory<byte>> writeNode = node => hashBytes.Write(node.Span);
        Span<byte> header = stackalloc byte[4];
        Span<byte> leaf = stackalloc byte[MerkleHash.Length];
        Span<byte> recordBytes = stackalloc byte[CommitRecord.Length];
        var batchFrontier = _frontier.Clone();
        var batchSize = size;
        var position = offset;
        var goodSize = size;
        var goodEnd = offset;
        while (position + 4 <= fileLength)
        {
            ReadExactly(_entries, header, position);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (length == CommitMarker)
            {
                var record = position + CommitFrameLength <= fileLength && RandomAccess.Read(_entries, recordBytes, position + 4) == CommitRecord.Length
                    ? CommitRecord.TryRead(recordBytes)
                    : null;
                if (record is null || record.Size != batchSize || record.EntriesLength != position
                    || !CryptographicOperations.FixedTimeEquals(batchFrontier.RootHash(), record.RootHash))
                {
                    break;
                }

                RandomAccess.Write(_index, indexBytes.WrittenSpan, RandomAccess.GetLength(_index));
                RandomAccess.Write(_hashes, hashBytes.WrittenSpan, RandomAccess.GetLength(_hashes));
                indexBytes.ResetWrittenCount();
                hashBytes.ResetWrittenCount();
                _frontier = batchFrontier.Clone();
                position += CommitFrameLength;
                goodSize = batchSize;
                goodEnd = position;
                continue;
            }

            if (length > MaxEntryLength || position + 4 + length > fileLength)
            {
                break;
            }

            var entry = new byte[length];
            ReadExactly(_entries, entry, position + 4);
            BinaryPrimitives.WriteInt64LittleEndian(indexBytes.GetSpan(8), position);
            indexBytes.Advance(8);
            MerkleHash.Leaf(entry, leaf);
            batchFrontier.Append(leaf, writeNode);
            batchSize++;
            position += 4 + length;
        }

        return ValidCommitAfter(goodEnd, fileLength)
            ? (goodSize, goodEnd, $"the batch after entry {goodSize} (byte {goodEnd}) is damaged but later batches were committed")
            : (goodSize, goodEnd, null);
    }

    // Counts intact commit frames after a bad frame. A crash only tears the last batch, whose own
    // commit frame may have reached the disk before its entries did; a second intact commit means
    // the log was damaged some other way and must not be silently cut short.
    private bool ValidCommitAfter(long start, long fileLength)
    {
        if (fileLength - start < CommitFrameLength)
        {
            return false;
        }

        var tail = new byte[fileLength - start];
        ReadExactly(_entries, tail, start);
        var found = 0;
        for (var i = 0; i + CommitFrameLength <= tail.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32BigEndian(tail.AsSpan(i)) == CommitMarker && CommitRecord.TryRead(tail.AsSpan(i + 4, CommitRecord.Length)) is not null)
            {
                found++;
            }
        }

        return found > 1;
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
