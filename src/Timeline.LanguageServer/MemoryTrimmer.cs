using System.Runtime;

namespace Timeline.LanguageServer;

/// <summary>
/// Gives memory back when the server rests. Reading a workspace and checking a big file make
/// short-lived garbage by the hundred megabytes; the collector keeps what it grew to for the
/// next burst. When no edit has come for a while, and the heap or the process holds much more
/// than after the last trim, one compacting collection returns the rest to the system. Opening
/// a large document asks for one too, before its first diagnostics: the file as read from disk,
/// the message that carried the editor's copy and the project's last check are garbage then,
/// much of it in the large-object heap, which only a full collection empties.
/// </summary>
internal sealed class MemoryTrimmer : IDisposable
{
    private readonly Timer _timer;
    private readonly TimeSpan _idle;
    private readonly Action<string> _log;
    private long _lastActivity;
    private long _liveAfterTrim;
    private long _residentAfterTrim;
    private string? _requested;

    public MemoryTrimmer(TimeSpan idle, Action<string> log)
    {
        _idle = idle;
        _log = log;
        _timer = new Timer(_ => OnIdle(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Work happened (an edit checked, a workspace read): trim once it has been quiet for a while.</summary>
    public void Activity()
    {
        Volatile.Write(ref _lastActivity, Environment.TickCount64);
        _timer.Change(_idle, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Trims now if no work came in since a moment (<see cref="Environment.TickCount64"/>), as after
    /// reading the workspace ahead of the writer; otherwise at the next pause, not under their keystrokes.
    /// </summary>
    public void TrimIfQuietSince(long since, string why)
    {
        if (Volatile.Read(ref _lastActivity) > since) Activity();
        else Trim(why);
    }

    /// <summary>Asks for a trim at the end of the work that made the garbage (<see cref="TrimIfRequested"/>).</summary>
    public void Request(string why) => Volatile.Write(ref _requested, why);

    /// <summary>Trims now if a trim was asked for since the last call.</summary>
    public void TrimIfRequested()
    {
        if (Interlocked.Exchange(ref _requested, null) is { } why) Trim(why);
    }

    private int _busy;

    /// <summary>
    /// A project or a large document is being read: no trim until it is done (a collection in the middle
    /// would compact what is still being built, seconds of work on a big project, and return nothing that lasts).
    /// </summary>
    public IDisposable Busy()
    {
        Interlocked.Increment(ref _busy);
        return new Done(this);
    }

    private sealed class Done(MemoryTrimmer trimmer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && Interlocked.Decrement(ref trimmer._busy) == 0) trimmer.Activity();
        }
    }

    /// <summary>
    /// Reading a large message (<paramref name="length"/> bytes: a document's whole text) and the document in it with no
    /// collection in the middle, when the runtime can promise the room: what it makes, its text (two bytes a character)
    /// and its model (~15 bytes a character), nearly all lives on, so a collection then finds little to free and copies it
    /// all from one generation to the next (80 of the 190 ms a 10,000-event file's first read took). The work is not
    /// saved but moved after the document's findings, which go out first. Past the room promised, the runtime collects
    /// as usual. Only while the heap is small, as at the start: the runtime makes the room with a full collection, which
    /// costs more than it saves once a project is read. Null when the message is small (under 256 KB) or very large
    /// (over 12 MB: the room would be too), the heap over 64 MB, or the room cannot be had.
    /// </summary>
    public static IDisposable? WithoutCollections(int length) => WithoutCollections(length, HeapTooLarge);

    /// <param name="length">The message's length in bytes (a character of its text is at least one).</param>
    /// <param name="heapTooLarge">The heap's size in bytes above which collections are left as they are.</param>
    internal static IDisposable? WithoutCollections(int length, long heapTooLarge)
    {
        if (length < DocumentWorthIt || length > DocumentTooLarge || GC.GetTotalMemory(false) > heapTooLarge) return null;
        lock (RegionGate)
        {
            try
            {
                if (!GC.TryStartNoGCRegion(18L * length + (8L << 20))) return null;
            }
            catch (InvalidOperationException) { return null; } // another region is under way
            catch (ArgumentOutOfRangeException) { return null; } // more than the runtime can set aside
            return s_region = new CollectionsResumed();
        }
    }

    /// <summary>Below this (in bytes) a document is read in a few milliseconds, collections and all.</summary>
    private const int DocumentWorthIt = JsonRpc.JsonRpcConnection.LargeMessageBytes;

    // The region under way, if this class started it: a region the runtime ended (its room ran out) is followed by
    // another, which the first one's end must leave alone.
    private static readonly Lock RegionGate = new();
    private static CollectionsResumed? s_region;

    /// <summary>Above this (some 40,000 events) the room would be hundreds of megabytes held back at once.</summary>
    private const int DocumentTooLarge = 12 * 1024 * 1024;

    /// <summary>Above this the heap holds a project (or more than the start does): collecting it whole takes a while.</summary>
    private const long HeapTooLarge = 64L << 20;

    private sealed class CollectionsResumed : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            lock (RegionGate)
            {
                if (s_region != this) return;
                s_region = null;
                if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
                try { GC.EndNoGCRegion(); }
                catch (InvalidOperationException)
                {
                    // The room ran out and the runtime collected meanwhile: the region had already ended.
                }
            }
        }
    }

    private void OnIdle()
    {
        if (Volatile.Read(ref _busy) > 0) return; // the work's end starts the countdown again
        long quiet = Environment.TickCount64 - Volatile.Read(ref _lastActivity);
        if (quiet < (long)_idle.TotalMilliseconds) { _timer.Change(_idle - TimeSpan.FromMilliseconds(quiet), Timeout.InfiniteTimeSpan); return; }
        var info = GC.GetGCMemoryInfo();
        // Only when it is worth a pause: the heap, or the process, well above what they were after the last trim.
        if (info.TotalCommittedBytes < _liveAfterTrim * 3 / 2 + (32L << 20) && Environment.WorkingSet < _residentAfterTrim + (8L << 20)) return;
        Trim("idle");
    }

    /// <summary>A compacting collection that decommits the free memory.</summary>
    public void Trim(string why)
    {
        try
        {
            // The array kept for large messages goes too: the next one grows its own, once.
            JsonRpc.PooledBuffer.Release();
            long before = GC.GetGCMemoryInfo().TotalCommittedBytes;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var after = GC.GetGCMemoryInfo();
            _liveAfterTrim = after.HeapSizeBytes;
            _residentAfterTrim = Environment.WorkingSet;
            _log($"memory trimmed ({why}) in {sw.ElapsedMilliseconds} ms: "
                + $"committed {before >> 20} MB → {after.TotalCommittedBytes >> 20} MB, live {after.HeapSizeBytes >> 20} MB");
        }
        catch (Exception ex) { _log($"memory trim failed: {ex.Message}"); }
    }

    public void Dispose() => _timer.Dispose();
}
