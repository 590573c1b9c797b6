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
}
