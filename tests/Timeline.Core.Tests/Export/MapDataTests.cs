namespace Timeline.Core.Tests.Export;

/// <summary>The committed map data is what tools/map/build.mjs makes from world-atlas (needs node and npm, as the validators do).</summary>
public class MapDataTests
{
    [Fact]
    public void The_committed_land_is_what_the_script_makes()
    {
        string dir = Repo.Path("tools", "map");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "world-atlas")))
            Assert.Equal(0, NodeValidators.Run("npm", "ci --no-audit --no-fund", dir, null).Code);
        var (code, output) = NodeValidators.Run("node", "build.mjs --check", dir, null);
        Assert.True(code == 0, output);
        Assert.InRange(new FileInfo(Repo.Path("src", "Timeline.Core", "Export", "Map", "land.txt")).Length, 50_000, 400_000);
    }
}
