namespace Timeline.LanguageServer.Tests;

/// <summary>The server gives memory back when it rests, and only then.</summary>
public class MemoryTrimmerTests
{
    [Fact]
    public void A_trim_collects_and_says_what_it_returned()
    {
        var log = new List<string>();
        using var trimmer = new MemoryTrimmer(TimeSpan.FromMinutes(1), m => { lock (log) log.Add(m); });
        int before = GC.CollectionCount(2);
        trimmer.Trim("test");
        Assert.True(GC.CollectionCount(2) > before);
        Assert.Contains(log, m => m.StartsWith("memory trimmed (test)", StringComparison.Ordinal) && m.Contains("live", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1000)]              // read in a moment, collections and all
    [InlineData(100 * 1024 * 1024)] // the room would be gigabytes held back
    public void Only_a_large_document_is_read_without_collections(int length) =>
        Assert.Null(MemoryTrimmer.WithoutCollections(length, long.MaxValue));

    [Fact]
    public void Once_the_heap_is_large_collections_are_left_as_they_are() =>
        Assert.Null(MemoryTrimmer.WithoutCollections(1 << 20, heapTooLarge: 0));

    [Fact]
    public void A_large_document_is_read_without_collections_until_it_is_done()
    {
        // Room for 152 MB: more than the other tests of this process make in the moment it takes.
        var region = MemoryTrimmer.WithoutCollections(8 << 20, long.MaxValue);
        Assert.NotNull(region);
        Assert.Equal(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
        var made = new List<byte[]>();
        for (int i = 0; i < 64; i++) made.Add(new byte[1024]);
        region.Dispose();
        region.Dispose(); // once is enough; twice is harmless
        Assert.NotEqual(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
        Assert.Equal(64, made.Count);
    }

    [Fact]
    public void Past_the_room_promised_the_runtime_collects_and_the_end_is_quiet()
    {
        var region = MemoryTrimmer.WithoutCollections(1 << 20, long.MaxValue);
        Assert.NotNull(region);
        int collections = GC.CollectionCount(0);
        // Far more than the 26 MB asked for: the runtime collects, and the region is over before it is ended.
        for (int i = 0; i < 64; i++) GC.KeepAlive(new byte[1 << 20]);
        Assert.True(GC.CollectionCount(0) > collections, "no collection past the room");
        region.Dispose();
        Assert.NotEqual(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
    }

    [Fact]
    public void The_end_of_a_region_the_runtime_ended_leaves_the_next_one_alone()
    {
        var first = MemoryTrimmer.WithoutCollections(1 << 20, long.MaxValue);
        Assert.NotNull(first);
        // Past its room: the runtime collects and ends it.
        for (int i = 0; i < 64; i++) GC.KeepAlive(new byte[1 << 20]);
        var second = MemoryTrimmer.WithoutCollections(8 << 20, long.MaxValue);
        Assert.NotNull(second);
        first.Dispose();
        Assert.Equal(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
        second.Dispose();
        Assert.NotEqual(System.Runtime.GCLatencyMode.NoGCRegion, System.Runtime.GCSettings.LatencyMode);
    }

    [Fact]
    public void A_requested_trim_happens_once_when_the_work_that_asked_is_done()
    {
        var log = new List<string>();
        using var trimmer = new MemoryTrimmer(TimeSpan.FromMinutes(1), m => { lock (log) log.Add(m); });
        trimmer.TrimIfRequested();
        Assert.Empty(log);
        trimmer.Request("a large document opened");
        trimmer.TrimIfRequested();
        trimmer.TrimIfRequested();
        Assert.Single(log, m => m.StartsWith("memory trimmed (a large document opened)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trim_after_background_work_waits_if_the_writer_came_in_meanwhile()
    {
        var log = new List<string>();
        using var trimmer = new MemoryTrimmer(TimeSpan.FromMinutes(1), m => { lock (log) log.Add(m); });
        long started = Environment.TickCount64;
        trimmer.TrimIfQuietSince(started, "quiet");
        Assert.Single(log, m => m.StartsWith("memory trimmed (quiet)", StringComparison.Ordinal));
        Thread.Sleep(20);
        started = Environment.TickCount64;
        Thread.Sleep(20);
        trimmer.Activity();
        trimmer.TrimIfQuietSince(started, "busy");
        Assert.DoesNotContain(log, m => m.Contains("(busy)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_a_large_document_trims_before_its_first_diagnostics()
    {
        var dir = Directory.CreateTempSubdirectory("timeline-trim-").FullName;
        var written = new StringWriter();
        var log = TextWriter.Synchronized(written);
        try
        {
            string text = "title: T\nevents:\n"
                + string.Concat(Enumerable.Range(0, 24000).Select(i => $"  - id: e{i}\n    date: 2024-11-29\n    title: event {i}\n"));
            Assert.True(text.Length >= Features.DocumentSyncFeature.LargeDocument);
            string file = Path.Combine(dir, "big.timeline.yaml");
            File.WriteAllText(file, text);
            await using var c = TestSupport.LspClient.InProcess(new ServerOptions { Log = log, TrimMemoryWhenIdle = TimeSpan.FromMinutes(10) });
            await c.InitializeAsync(dir);
            await c.NotifyAsync("$/setTrace", new System.Text.Json.Nodes.JsonObject { ["value"] = "messages" });
            string uri = new Uri(file).AbsoluteUri;
            await c.OpenAsync(uri, text, 1);
            await c.WaitForAsync(n => n["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
                && n["params"]!["uri"]!.GetValue<string>() == uri, TimeSpan.FromSeconds(60));
            lock (log) Assert.Contains("memory trimmed (a large document opened)", written.ToString());
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("off", false)]
    [InlineData("messages", true)]
    public async Task The_servers_internals_reach_the_log_only_when_the_client_traces_it(string trace, bool logged)
    {
        var written = new StringWriter();
        var log = TextWriter.Synchronized(written);
        await using (var c = TestSupport.LspClient.InProcess(new ServerOptions { Log = log, TrimMemoryWhenIdle = TimeSpan.FromMinutes(10) }))
        {
            await c.CallAsync("initialize", new System.Text.Json.Nodes.JsonObject
            {
                ["processId"] = null, ["capabilities"] = new System.Text.Json.Nodes.JsonObject(), ["trace"] = trace,
            });
            await c.ShutdownAsync();
        }
        lock (log) Assert.Equal(logged, written.ToString().Contains("garbage collector", StringComparison.Ordinal));
    }
}
