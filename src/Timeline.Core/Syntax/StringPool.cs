namespace Timeline.Core.Syntax;

/// <summary>
/// A bounded, lock-free pool of short strings: the same key or id read ten thousand times is
/// kept once. Each bucket remembers the last string that hashed to it, so the pool never grows
/// and never needs clearing; a miss only costs the allocation the parser made anyway.
/// </summary>
public static class StringPool
{
    private const int Buckets = 1 << 14;
    private const int MaxLength = 48;
    private static readonly string?[] Table = new string?[Buckets];

    /// <summary>
    /// A quick hash of a short text (FNV-1a over its characters): the pool holds no attacker's keys worth a randomised
    /// hash, and a key read a million times should cost little.
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
        if (s.Length == 0) return string.Empty;
        if (s.Length > MaxLength) return s.ToString();
        int h = Hash(s) & (Buckets - 1);
        var found = Volatile.Read(ref Table[h]);
        if (found is not null && s.SequenceEqual(found)) return found;
        string made = s.ToString();
        Volatile.Write(ref Table[h], made);
        return made;
    }

    public static string Get(string s)
    {
        if (s.Length == 0) return string.Empty;
        if (s.Length > MaxLength) return s;
        int h = Hash(s) & (Buckets - 1);
        var found = Volatile.Read(ref Table[h]);
        if (found is not null && string.Equals(found, s, StringComparison.Ordinal)) return found;
        Volatile.Write(ref Table[h], s);
        return s;
    }
}
