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
    // 128 K slots (1 MB, kept for the life of the process, with the strings they hold): with 16 K, the unique titles,
    // quotes and ids of 100,000 events evicted the ids and words used everywhere, which were made again (14 MB).
    private static readonly string?[] Short = new string?[1 << 17];
    // Findings' messages name an id or two, so a project has a few thousand distinct ones (a
    // quote without a snapshot names its source): 100,000 findings of 150 characters were 30 MB.
    private static readonly string?[] Messages = new string?[1 << 13];

    /// <summary>
    /// A quick hash of a text (FNV-1a over its characters): the pools hold no attacker's keys worth a randomised hash,
    /// and a key read a million times should cost little.
    /// </summary>
    private static int Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return (int)(h ^ (h >> 15));
    }

    /// <summary>The pooled string for a run of text: a key or id read again costs no allocation.</summary>
    public static string Get(ReadOnlySpan<char> s)
    {
        if (s.Length > MaxLength) return s.ToString();
        return Pooled(s, Short);
    }

    /// <summary>A short string (a key, an id, a value) as kept once.</summary>
    public static string Get(string s) => s.Length > MaxLength ? s : Pooled(s, Short);

    /// <summary>A finding's message as kept once.</summary>
    public static string Message(string s) => Pooled(s, Messages);

    /// <summary>
    /// A finding's message written in three parts (its words around an id), as kept once: the parts are joined in
    /// a buffer on the stack, so a message made again for another event costs no string.
    /// </summary>
    public static string Message(ReadOnlySpan<char> before, ReadOnlySpan<char> id, ReadOnlySpan<char> after)
    {
        int length = before.Length + id.Length + after.Length;
        if (length > 1024) return string.Concat(before, id, after);
        Span<char> joined = stackalloc char[length];
        before.CopyTo(joined);
        id.CopyTo(joined[before.Length..]);
        after.CopyTo(joined[(before.Length + id.Length)..]);
        return Pooled(joined, Messages);
    }

    /// <summary>The pooled string for a run of text, made only when its bucket holds another.</summary>
    private static string Pooled(ReadOnlySpan<char> s, string?[] table)
    {
        if (s.Length == 0) return string.Empty;
        if (Find(s, table, out int slot) is { } found) return found;
        string made = s.ToString();
        Volatile.Write(ref table[slot], made);
        return made;
    }

    /// <summary>The pooled string equal to a string: the string itself when its bucket holds another.</summary>
    private static string Pooled(string s, string?[] table)
    {
        if (s.Length == 0) return string.Empty;
        if (Find(s, table, out int slot) is { } found) return found;
        Volatile.Write(ref table[slot], s);
        return s;
    }

    private static string? Find(ReadOnlySpan<char> s, string?[] table, out int slot)
    {
        slot = Hash(s) & (table.Length - 1);
        var found = Volatile.Read(ref table[slot]);
        return found is not null && s.SequenceEqual(found) ? found : null;
    }
}
