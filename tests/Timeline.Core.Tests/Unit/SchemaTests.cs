using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Tests.Samples;

namespace Timeline.Core.Tests.Unit;

/// <summary>The JSON Schemas are generated from the language schema, and a real validator agrees with the checker.</summary>
public class SchemaTests
{
    public static IEnumerable<object[]> SchemaFiles() => JsonSchemaGenerator.Files.Select(f => new object[] { f.FileName });

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Committed_schema_is_the_generated_one(string fileName)
    {
        var (_, kind, _) = JsonSchemaGenerator.Files.Single(f => f.FileName == fileName);
        string generated = JsonSchemaGenerator.Generate(kind);
        string path = Repo.Path("schema", fileName);
        if (Repo.Accepting && (!File.Exists(path) || File.ReadAllText(path) != generated))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), $"schema/{fileName} is missing (TIMELINE_ACCEPT=1 dotnet test writes it)");
        Assert.True(File.ReadAllText(path) == generated,
            $"schema/{fileName} is out of date with the language (TIMELINE_ACCEPT=1 dotnet test rewrites it)");
    }

    /// <summary>The checks a JSON Schema can express: keys, required keys, kinds of value, ids, enums, URLs, figure kinds, coordinates.</summary>
    public static readonly HashSet<string> StructuralCodes = new() { "TL002", "TL003", "TL004", "TL008", "TL009", "TL010", "TL403", "TL504" };

    /// <summary>Files a generic YAML tool cannot judge as data: broken YAML, duplicate keys, aliases, tags, limits.</summary>
    private static readonly HashSet<string> NotData = new() { "TL001", "TL005", "TL006", "TL007", "TL901", "TL902" };

    [Fact]
    public void Schema_and_checker_agree_on_every_sample()
    {
        var cases = new List<(string File, string Schema, bool ExpectValid)>();
        foreach (var sample in SampleTests.SampleFolders())
        {
            var files = SampleTests.ReadSample(sample);
            var result = SampleTests.Check(files.ToDictionary(p => p.Key, p => Annotations.Strip(p.Value)), SampleTests.LimitsOf(sample));
            foreach (var rel in files.Keys)
            {
                var kind = FileKinds.FromPath(rel);
                // not a project file (excluded)
                if (kind == FileKind.Unknown || !result.Diagnostics.ContainsKey($"{SampleTests.Root}/{rel}")) continue;
                var codes = result.For($"{SampleTests.Root}/{rel}").Select(d => d.Code).ToHashSet();
                if (codes.Overlaps(NotData)) continue;
                string schema = JsonSchemaGenerator.Files.Single(f => f.Kind == kind).FileName;
                cases.Add((Path.Combine(SampleTests.SamplesDir, sample, rel), schema, !codes.Overlaps(StructuralCodes)));
            }
        }
        foreach (var f in Directory.EnumerateFiles(Repo.Path("examples"), "*.yaml", SearchOption.AllDirectories))
            cases.Add((f, JsonSchemaGenerator.Files.Single(s => s.Kind == FileKinds.FromPath(f)).FileName, true));

        Assert.True(cases.Count(c => c.ExpectValid) >= 30 && cases.Count(c => !c.ExpectValid) >= 10, "too few samples to judge");
        var results = NodeValidators.Validate("yaml", Repo.Path("schema"), string.Join("\n", cases.Select(c => $"{c.Schema}\t{c.File}")));
        var disagreements = cases.Zip(results)
            .Where(p => p.First.ExpectValid != p.Second.Valid)
            .Select(p => $"{Path.GetRelativePath(Repo.Root, p.First.File)}: checker " +
                $"says {(p.First.ExpectValid ? "valid" : "invalid")}, schema " +
                $"says {(p.Second.Valid ? "valid" : "invalid: " + string.Join("; ", p.Second.Errors.Take(3)))}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
