using Timeline.Cli;
using Timeline.Cli.Commands;
using Timeline.Core.Project;

namespace Timeline.Core.Tests.Cli;

/// <summary>timeline init: a new project that checks clean, and never a file overwritten.</summary>
public sealed class InitTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("timeline-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Init(string? dir)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = InitCommand.Run(dir, _dir, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void A_new_project_is_written_into_a_new_folder_and_checks_clean()
    {
        var (code, output, _) = Init("my-chronology");
        Assert.Equal(CommandLine.Ok, code);
        string root = Path.Combine(_dir, "my-chronology");
        foreach (var f in ProjectTemplate.Files(DateOnly.FromDateTime(DateTime.Now)))
        {
            Assert.Equal(f.Text, File.ReadAllText(Path.Combine(root, f.Name)));
            Assert.Contains(f.Name, output);
        }
        var found = Checker.Check(new PhysicalFileSystem(), new[] { root });
        Assert.Equal(2, found.Count);
        Assert.All(found, f => Assert.Empty(f.Diagnostics));
    }

    [Fact]
    public void The_template_uses_the_built_in_catalogs_as_a_list()
    {
        var config = ProjectTemplate.Files(new DateOnly(2024, 11, 30)).Single(f => f.Name == ProjectTemplate.ConfigName);
        Assert.Contains("\nuse: [builtin:levant, builtin:syria-actors]\n", config.Text);
        var timeline = ProjectTemplate.Files(new DateOnly(2024, 11, 30)).Single(f => f.Name == ProjectTemplate.TimelineName);
        Assert.Contains("published: 2024-11-30", timeline.Text);
    }

    [Fact]
    public void The_current_folder_is_the_default()
    {
        Assert.Equal(CommandLine.Ok, Init(null).Code);
        Assert.True(File.Exists(Path.Combine(_dir, ProjectTemplate.ConfigName)));
    }

    [Fact]
    public void Existing_files_are_never_overwritten_and_named()
    {
        File.WriteAllText(Path.Combine(_dir, ProjectTemplate.TimelineName), "title: Mine\n");
        var (code, _, err) = Init(".");
        Assert.Equal(CommandLine.UsageError, code);
        Assert.Contains(ProjectTemplate.TimelineName, err);
        Assert.DoesNotContain(ProjectTemplate.ConfigName, err);
        Assert.Equal("title: Mine\n", File.ReadAllText(Path.Combine(_dir, ProjectTemplate.TimelineName)));
        Assert.False(File.Exists(Path.Combine(_dir, ProjectTemplate.ConfigName)));
    }
}
