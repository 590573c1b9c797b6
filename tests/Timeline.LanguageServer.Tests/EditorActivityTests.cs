using System.Diagnostics;

namespace Timeline.LanguageServer.Tests;

/// <summary>The reading ahead of the editor gives way while the editor is answered, and only briefly.</summary>
public sealed class EditorActivityTests
{
    [Fact]
    public void With_no_message_from_or_to_the_editor_the_reading_does_not_wait()
    {
        var editor = new EditorActivity();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++) editor.GiveWay();
        Assert.True(clock.ElapsedMilliseconds < 1000, $"1,000 calls took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Right_after_a_message_the_reading_waits_until_the_editor_is_quiet_then_runs_a_while_before_waiting_again()
    {
        var editor = new EditorActivity();
        var clock = Stopwatch.StartNew();
        editor.Touch();
        editor.GiveWay();
        long waited = clock.ElapsedMilliseconds;
        Assert.True(waited >= 30, $"waited {waited} ms after a message");

        // An editor busy without pause: the reading waits at most 0.4 s at once.
        using var busy = new CancellationTokenSource();
        using var started = new ManualResetEventSlim();
        var touching = Task.Factory.StartNew(() =>
        {
            while (!busy.IsCancellationRequested) { editor.Touch(); started.Set(); Thread.Sleep(1); }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Measured once the editor is busy: a thread can take a while to start on a loaded machine.
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)), "the busy editor never started");
        clock.Restart();
        editor.GiveWay();
        long longest = clock.ElapsedMilliseconds;
        clock.Restart();
        editor.GiveWay();
        long right = clock.ElapsedMilliseconds;
        busy.Cancel();
        await touching;
        Assert.True(longest >= 200, $"waited {longest} ms while the editor was busy");
        Assert.True(right < 100, $"then waited {right} ms again at once, where it runs a while first");
    }
}
