using System.Diagnostics;

namespace Timeline.LanguageServer;

/// <summary>
/// When the editor is being answered, so that the reading of a project ahead of it gives way. Every object
/// the reading makes outlives a collection; while it allocates, the young generation fills with them, and
/// each collection copies them on, pausing every thread for tens of milliseconds at 100,000 events,
/// the thread that answers a completion included. So the reading pauses between its items from a message
/// of the editor's (or to it) until it has been quiet a moment; it never waits long at once, and then runs
/// a while before it gives way again, so that a writer typing without pause does not stop it for good.
/// </summary>
internal sealed class EditorActivity
{
    // While the editor is busy the reading runs 30 ms in every 430 (it runs on a core of its own; what it costs the
    // editor is the collections its allocations cause): with 60 in 310, one in ten cold runs at 10,000 events had
    // two completions slowed past 10 ms by the reading's collections.
    private static readonly long Quiet = Stopwatch.Frequency * 40 / 1000;
    private static readonly long LongestWait = Stopwatch.Frequency * 400 / 1000;
    private static readonly long RunAfterWait = Stopwatch.Frequency * 30 / 1000;

    private long _last = long.MinValue / 2;
    private long _freeUntil;

    /// <summary>A message came from the editor, or went to it (an answer, a publish of what its edit made).</summary>
    public void Touch() => Volatile.Write(ref _last, Stopwatch.GetTimestamp());

    /// <summary>Called by the reading between its items: returns once the editor has been quiet a moment.</summary>
    public void GiveWay()
    {
        long started = Stopwatch.GetTimestamp();
        if (started < Volatile.Read(ref _freeUntil)) return;
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            long since = now - Volatile.Read(ref _last);
            if (since >= Quiet) return;
            if (now - started >= LongestWait)
            {
                Volatile.Write(ref _freeUntil, now + RunAfterWait);
                return;
            }
            Thread.Sleep(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (Quiet - since) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
        }
    }
}
