namespace Timeline.Core.Syntax;

/// <summary>
/// Bounded, lock-free pools of strings: the same key or id read ten thousand times is kept once,
/// and so is the same message of a finding made for ten thousand events. Each bucket remembers
/// the last string that hashed to it, so a pool never grows and never needs clearing; a miss only
/// costs the allocation its caller made anyway.
/// </summary>
public static class StringPool
{
    private const int MaxLength = 48;
    private static readonly string?[] Short = new string?[1 << 14];
    // Findings' messages name an id or two, so a project has a few thousand distinct ones (a
    // quote without a snapshot names its source): 100,000 findings of 150 characters were 30 MB.
    private static readonly string?[] Messages = new string?[1 << 13];

    /// <summary>A short string (a key, an id, a value) as kept once.</summary>
    public static string Get(string s) => s.Length > MaxLength ? s : Pooled(s, Short);

    /// <summary>A finding's message as kept once.</summary>
    public static string Message(string s) => Pooled(s, Messages);

    private static string Pooled(string s, string?[] table)
    {
        if (s.Length == 0) return string.Empty;
        int h = string.GetHashCode(s.AsSpan()) & (table.Length - 1);
        var found = Volatile.Read(ref table[h]);
        if (found is not null && string.Equals(found, s, StringComparison.Ordinal)) return found;
        Volatile.Write(ref table[h], s);
        return s;
    }
}
