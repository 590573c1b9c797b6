using System.Diagnostics;
using System.Text.Json;

namespace Timeline.Core.Tests;

/// <summary>Runs tests/validators/validate.mjs (ajv) with node, installing its npm packages on first use.</summary>
public static class NodeValidators
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private static readonly object Gate = new();
    private static bool _installed;

    public static string Dir => Repo.Path("tests", "validators");

    public sealed record Result(string File, bool Valid, string[] Errors);

    private static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed) return;
            if (!Directory.Exists(Path.Combine(Dir, "node_modules", "ajv")))
            {
                var (code, output) = Run("npm", "ci --no-audit --no-fund", Dir, null);
                if (code != 0) throw new InvalidOperationException($"npm ci failed in tests/validators:\n{output}");
            }
            _installed = true;
        }
    }

    public static List<Result> Validate(string mode, string arg, string? stdin = null)
    {
        EnsureInstalled();
        var (code, output) = Run("node", $"validate.mjs {mode} \"{arg}\"", Dir, stdin);
        if (code != 0) throw new InvalidOperationException($"validate.mjs failed ({code}):\n{output}");
        return JsonSerializer.Deserialize<List<Result>>(output, CaseInsensitive)!;
    }

    /// <summary>Runs a program; returns its exit code and its output (with its errors when it failed).</summary>
    public static (int Code, string Output) Run(string file, string args, string dir, string? stdin, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, p.ExitCode == 0 ? stdout : stdout + stderr.Result);
    }
}
