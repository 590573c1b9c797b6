using System.Text;

namespace Timeline.Core.Syntax;

/// <summary>Writes a value as a YAML scalar on one line: plain where YAML reads it back as the same text, else double-quoted.</summary>
public static class YamlScalars
{
    /// <summary>The scalar for a text value ("Aleppo", "\"Insurgents: a breach\"").</summary>
    public static string Write(string value) => NeedsQuotes(value) ? DoubleQuoted(value) : value;

    /// <summary>Whether the text may stand as a plain scalar without being read as something else than this text.</summary>
    public static bool CanBePlain(string value) => !NeedsQuotes(value);

    private static bool NeedsQuotes(string v)
    {
        if (v.Length == 0 || v != v.Trim()) return true;
        // Indicators that open something else at the start of a plain scalar.
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(v[0])) return true;
        if (v.Contains(": ", StringComparison.Ordinal) || v.Contains(" #", StringComparison.Ordinal) || v.EndsWith(':')) return true;
        foreach (char c in v) if (char.IsControl(c)) return true;
        // Words YAML tools read as something other than text.
        return v.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "null" or "~" or "y" or "n";
    }

    private static string DoubleQuoted(string v)
    {
        var sb = new StringBuilder(v.Length + 2).Append('"');
        foreach (char c in v)
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }
}
