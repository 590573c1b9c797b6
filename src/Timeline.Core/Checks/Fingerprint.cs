using System.Security.Cryptography;
using System.Text;
using Timeline.Core.Text;

namespace Timeline.Core.Checks;

/// <summary>
/// A finding's fingerprint: what it is about, not where it is. A baseline matches findings by rule, file and
/// fingerprint, and SARIF carries it as a partial fingerprint, so a finding stays the same one when lines are
/// added or removed above it. It is the hash of the rule's code, the finding's text and the text of its line
/// around it (up to 120 characters on each side; each trimmed, runs of white space made one space), and the
/// finding's index among the equal ones before it in the file; the line number takes no part.
/// </summary>
public static class Fingerprint
{
    /// <summary>How much of the finding's line on each side of it is part of its fingerprint, in characters.</summary>
    private const int Context = 120;

    /// <summary>How much of a finding's own text is part of its fingerprint, in characters.</summary>
    private const int MaxFound = 400;

    /// <summary>Sixteen hexadecimal digits for each of <paramref name="diagnostics"/>, in their order.</summary>
    public static IReadOnlyList<string> Of(SourceText source, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new string[diagnostics.Count];
        for (int i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            int start = Math.Clamp(d.Span.Start, 0, source.Length);
            int end = Math.Clamp(d.Span.End, start, source.Length);
            // The line around the finding, not all of it: a line of a hundred thousand ids with a finding on each
            // would otherwise cost the square of its length.
            int line = source.GetPosition(start).Line;
            int from = Math.Max(source.LineStart(line), start - Context);
            int to = Math.Max(from, Math.Min(source.LineEnd(line), Math.Min(end, start + MaxFound) + Context));
            string found = Squeeze(source.Substring(start, Math.Min(end - start, MaxFound)));
            string content = Convert.ToHexStringLower(SHA256.HashData(
                Encoding.UTF8.GetBytes($"{d.Code}\n{found}\n{Squeeze(source.Substring(from, to - from))}")));
            int occurrence = seen.TryGetValue(content, out int n) ? n : 0;
            seen[content] = occurrence + 1;
            byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{content}\n{occurrence}"));
            result[i] = Convert.ToHexStringLower(hash, 0, 8);
        }
        return result;
    }

    private static string Squeeze(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c)) space = true;
            else
            {
                if (space) sb.Append(' ');
                space = false;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
