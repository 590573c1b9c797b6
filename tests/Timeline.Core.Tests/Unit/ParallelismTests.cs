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

    [Fact]
    public async Task A_file_read_on_a_scheduler_that_asks_it_to_give_way_gives_way_between_its_segments()
    {
        var text = new System.Text.StringBuilder("events:\n");
        for (int i = 0; i < 300; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - id: e{i}\n    date: 2024-11-27\n");
        var asked = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 2).ConcurrentScheduler;
        int gaveWay = 0;
        Parallelism.GiveWayOn(asked, () => Interlocked.Increment(ref gaveWay));
        var model = await Task.Factory.StartNew(() => FileAnalyzer.Analyze("/w/a.timeline.yaml", FileKind.Timeline, new SourceText(text.ToString())),
            CancellationToken.None, TaskCreationOptions.DenyChildAttach, asked);
        Assert.Equal(300, model.Events.Count);
        // Once a segment, unless another test's workspace was waited for meanwhile (nothing gives way then).
        Assert.True(gaveWay > 0, $"gave way {gaveWay} times for 300 events");
        // Work anywhere else never calls it.
        int before = Volatile.Read(ref gaveWay);
        FileAnalyzer.Analyze("/w/b.timeline.yaml", FileKind.Timeline, new SourceText(text.ToString()));
        Assert.Equal(before, Volatile.Read(ref gaveWay));
    }

    [Fact]
    public async Task Nothing_gives_way_while_someone_waits_for_the_work()
    {
        var asked = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ConcurrentScheduler;
        int gaveWay = 0;
        Parallelism.GiveWayOn(asked, () => Interlocked.Increment(ref gaveWay));
        Task Run() => Task.Factory.StartNew(Parallelism.GiveWay, CancellationToken.None, TaskCreationOptions.DenyChildAttach, asked);
        using (Parallelism.WaitingForWork()) await Run();
        Assert.Equal(0, gaveWay);
        // Another test's workspace may be waited for at this moment (nothing gives way then): a few tries.
        for (int i = 0; i < 100 && gaveWay == 0; i++) await Run();
        Assert.True(gaveWay > 0);
    }
}
