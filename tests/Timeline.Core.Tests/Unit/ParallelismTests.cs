using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Project;
using Timeline.Core.Text;

namespace Timeline.Core.Tests.Unit;

/// <summary>The core's parallel loops run on their caller's scheduler: a caller that keeps to one thread keeps them to it.</summary>
public sealed class ParallelismTests
{
    [Fact]
    public async Task A_large_file_read_on_a_scheduler_of_one_thread_is_read_on_that_thread_alone()
    {
        // Enough events for the file's segments to be read in a parallel loop (more than 64 of them); nothing deadlocks.
        var text = new System.Text.StringBuilder("events:\n");
        for (int i = 0; i < 400; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - id: e{i}\n    date: 2024-11-27\n    title: Event {i}\n");
        var one = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ConcurrentScheduler;
        var threads = new HashSet<int>();
        var model = await Task.Factory.StartNew(() =>
        {
            var options = Parallelism.OfCaller();
            Assert.Same(one, options.TaskScheduler);
            Parallel.For(0, 1000, options, _ => { lock (threads) threads.Add(Environment.CurrentManagedThreadId); });
            return FileAnalyzer.Analyze("/w/a.timeline.yaml", FileKind.Timeline, new SourceText(text.ToString()));
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, one);
        Assert.Single(threads);
        Assert.Equal(400, model.Events.Count);
        // Elsewhere the loops take the default scheduler, as they always did.
        Assert.Same(TaskScheduler.Default, Parallelism.OfCaller().TaskScheduler);
    }
}
