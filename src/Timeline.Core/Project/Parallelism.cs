using System.Runtime.CompilerServices;

namespace Timeline.Core.Project;

/// <summary>How the core's parallel loops share the machine with their caller.</summary>
public static class Parallelism
{
    /// <summary>
    /// A loop's options that keep it on the scheduler of the task that runs it: a caller that limits its work to some
    /// cores (a language server reading a project ahead of the editor) limits the loops inside it too, which
    /// <see cref="Parallel"/> would otherwise run on the thread pool's default scheduler, on every core.
    /// </summary>
    public static ParallelOptions OfCaller(int maxDegree = -1) =>
        new() { TaskScheduler = TaskScheduler.Current, MaxDegreeOfParallelism = maxDegree };

    private static readonly ConditionalWeakTable<TaskScheduler, Action> Yielding = new();

    /// <summary>
    /// Makes the work run on a scheduler give way to its caller's: the core's long loops call
    /// <paramref name="giveWay"/> between their items (a segment, a chunk of checks) when they run there. A language
    /// server reading a project ahead of the editor pauses it there while the editor's requests are answered: every
    /// object the reading makes outlives a collection, so its allocations make the collections that would stall them.
    /// </summary>
    public static void GiveWayOn(TaskScheduler scheduler, Action giveWay) => Yielding.AddOrUpdate(scheduler, giveWay);

    private static int s_waitedFor;

    /// <summary>
    /// Someone waits for work that may be giving way (a request for a project that is being read): until the result is
    /// disposed, no work gives way, so that what the editor waits for is not held back by the editor's own activity.
    /// </summary>
    public static IDisposable WaitingForWork()
    {
        Interlocked.Increment(ref s_waitedFor);
        return new Waited();
    }

    private sealed class Waited : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) Interlocked.Decrement(ref s_waitedFor);
        }
    }

    /// <summary>Gives way, if the work runs on a scheduler that asks it to (<see cref="GiveWayOn"/>); otherwise returns at once.</summary>
    public static void GiveWay()
    {
        if (Volatile.Read(ref s_waitedFor) > 0) return;
        var current = TaskScheduler.Current;
        if (current != TaskScheduler.Default && Yielding.TryGetValue(current, out var giveWay)) giveWay();
    }
}
