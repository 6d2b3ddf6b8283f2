using System.IO.MemoryMappedFiles;

namespace Credstack.Ledger.Storage;

// A read-only memory map of a file that only grows. Reads past the mapped length remap the
// file at its current length; the pages themselves live in the OS page cache, so the process's
// own memory does not grow with the log.
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly FileStream _stream;
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private byte* _pointer;
    private long _mappedLength;

    public MappedFile(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
    }

    public ReadOnlySpan<byte> Read(long offset, int count)
    {
        if (offset + count > _mappedLength)
        {
            Remap(offset + count);
        }

        return new ReadOnlySpan<byte>(_pointer + offset, count);
    }

    private void Remap(long needed)
    {
        Unmap();
        var length = _stream.Length;
        if (length < needed)
        {
            throw new InvalidOperationException($"The log file {_stream.Name} is shorter ({length} bytes) than its commit record says ({needed} bytes).");
        }

        _map = MemoryMappedFile.CreateFromFile(_stream, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        _view = _map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + _view.PointerOffset;
        _mappedLength = length;
    }

    private void Unmap()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _view = null;
        }

        _map?.Dispose();
        _map = null;
        _pointer = null;
        _mappedLength = 0;
    }

    public void Dispose()
    {
        Unmap();
        _stream.Dispose();
    }
}
