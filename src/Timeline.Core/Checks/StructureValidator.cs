using System.Globalization;
using System.Text.RegularExpressions;
using Timeline.Core.Checks;
using Timeline.Core.Language;
using Timeline.Core.Syntax;
using Timeline.Core.Text;

namespace Timeline.Core.Checks;

/// <summary>
/// Checks a YAML tree against the language schema: unknown and missing keys, wrong
/// kinds of value, ids, enums, URLs, anchors, aliases and tags.
/// </summary>
public static partial class StructureValidator
{
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex IdPattern();

    [GeneratedRegex(@"^(Z|[+-](0\d|1[0-4]):[0-5]\d)$")]
    public static partial Regex TimezonePattern();

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    public static partial Regex LanguagePattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{64}$")]
    public static partial Regex Sha256Pattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)$")]
    public static partial Regex IntegerPattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    public static partial Regex NumberPattern();

    public const int MaxIdLength = 64;

    public static void Validate(YamlDocument doc, ObjectShape root, List<Diagnostic> into)
    {
        var v = new Walker(doc, into);
        if (doc.MayHaveProperties) v.ReportPropertiesEverywhere();
        if (doc.Root is null)
        {
            if (!doc.Problems.Any(p => p.Rule == SyntaxRule.Rule || p.Rule == TooLargeRule.Rule))
            {
                var missing = root.Fields.Where(f => f.Required).Select(f => f.Name).ToList();
                if (missing.Count > 0)
                    into.Add(new Diagnostic(MissingFieldRule.Rule, Severity.Error, new TextSpan(0, 0),
                        $"the file is empty; {Article(root.Name)} needs {Join(missing)}"));
            }
            return;
        }
        v.Check(doc.Root, root);
    }

    /// <summary>TL006/TL007 for the anchors, aliases and tags under a node.</summary>
    internal static void ReportProperties(YamlDocument doc, YamlNode node, List<Diagnostic> into) => new Walker(doc, into).ReportProperties(node);

    /// <summary>Checks one value against its shape (a segment's item or a root key's value).</summary>
    internal static void ValidateValue(YamlDocument doc, YamlNode value, Shape shape, YamlEntry? entry,
        List<Diagnostic> into) => new Walker(doc, into).Check(value, shape, entry);

    /// <summary>The root mapping's own keys: unknown (TL002) and missing (TL003) ones.</summary>
    internal static void ValidateRootKeys(YamlDocument doc, MappingNode root, ObjectShape shape,
        List<Diagnostic> into) => new Walker(doc, into).CheckKeys(root, shape);

    internal static string Join(IReadOnlyList<string> keys) =>
        keys.Count == 1 ? $"'{keys[0]}'" : string.Join(", ", keys.Take(keys.Count - 1).Select(k => $"'{k}'")) + $" and '{keys[^1]}'";

    internal static string Article(string name) => name[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " + name : "a " + name;

    public static bool IsValidId(string s) => s.Length <= MaxIdLength && IdPattern().IsMatch(s);

    public static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(u.Host) && s.Trim() == s && !s.Contains(' ');

    /// <summary>Whether a scalar is a YAML 1.2 core-schema integer, written plainly.</summary>
    public static bool IsInteger(ScalarNode s, out long value)
    {
        value = 0;
        return s.Style == ScalarStyle.Plain && IntegerPattern().IsMatch(s.Value)
            && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool IsNumber(ScalarNode s, out double value)
    {
        value = 0;
        return s.Style == ScalarStyle.Plain && IsJsonNumber(s.Value)
            && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Whether a text is a number as JSON writes it (what <see cref="NumberPattern"/> matches), read by hand: this runs
    /// for every coordinate of a gazetteer, and the regular expression made garbage each time.
    /// </summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-') i++;
        if (i == s.Length || !char.IsAsciiDigit(s[i])) return false;
        if (s[i++] != '0') while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i < s.Length && s[i] == '.')
        {
            int digits = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == digits) return false;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            int digits = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == digits) return false;
        }
        return i == s.Length;
    }

    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="typed"/>, for did-you-mean.</summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> candidates, int limit = 3)
    {
        string norm = Kebab(typed);
        var scored = new List<(string, int)>();
        foreach (var c in candidates)
        {
            if (string.Equals(c, typed, StringComparison.OrdinalIgnoreCase) || c == norm) { scored.Add((c, -1)); continue; }
            // Short values ("A".."F") are only matched without case: any letter is one edit from any other.
            int max = c.Length <= 2 ? 0 : c.Length <= 6 ? 2 : 3;
            int d = Names.NameNormalizer.EditDistance(norm, c.ToLowerInvariant(), max);
            if (d <= max) scored.Add((c, d));
            else if (norm.Length >= 3 && c.StartsWith(norm, StringComparison.Ordinal)) scored.Add((c, max + 1));
        }
        return scored.OrderBy(p => p.Item2).ThenBy(p => p.Item1, StringComparer.Ordinal).Take(limit).Select(p => p.Item1).ToList();
    }

    /// <summary>camelCase, snake_case and spaces to kebab-case, for matching keys.</summary>
    private static string Kebab(string s)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(s[i - 1])) sb.Append('-');
            sb.Append(c is '_' or ' ' ? '-' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private sealed class Walker
    {
        private readonly YamlDocument _doc;
        private readonly List<Diagnostic> _into;

        public Walker(YamlDocument doc, List<Diagnostic> into) { _doc = doc; _into = into; }

        private void Add(Rule rule, TextSpan span, string message, IReadOnlyList<string>? suggestions = null, Func<string, string>? title = null)
        {
            var fixes = suggestions?.Select((s, i) => Fix.Replace(title?.Invoke(s) ?? $"Change to '{s}'", span, s, i == 0)).ToList();
            _into.Add(new Diagnostic(rule, rule.DefaultSeverity, span, message)
            {
                Suggestions = suggestions ?? Array.Empty<string>(),
                Fixes = (IReadOnlyList<Fix>?)fixes ?? Array.Empty<Fix>(),
            });
        }

        public void ReportPropertiesEverywhere()
        {
            if (_doc.Root is { } root) ReportProperties(root);
        }

        public void ReportProperties(YamlNode top)
        {
            var stack = new Stack<YamlNode>();
            stack.Push(top);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                // A plain key (kept as its text, with no node until asked) has no anchor or tag: no node is made for it.
                if (n is MappingNode mm) foreach (var e in mm.Entries) { stack.Push(e.Value); if (e.KeyNode is { } key) stack.Push(key); }
                else if (n is SequenceNode sq) foreach (var i in sq.Items) stack.Push(i);
                if (n.AnchorSpan is { } a)
                    Add(YamlAliasRule.Rule, a, $"'&{n.Anchor}' marks a value to repeat elsewhere (a YAML anchor), which timeline " +
                        "files refuse; remove it and write the value out where it is used");
                if (n is AliasNode al)
                    Add(YamlAliasRule.Rule, al.Span, $"'*{al.Name}' repeats a value written elsewhere (a YAML alias), which a " +
                        "reviewer cannot see here; write the value out in full");
                if (n.TagSpan is { } t && !IsCoreTag(n.Tag))
                    Add(YamlTagRule.Rule, t, $"'{_doc.Source.Substring(t.Start, t.Length)}' is a YAML tag (a type named before a value), " +
                        "which timeline files refuse; remove it and keep the plain value");
            }
        }

        private static bool IsCoreTag(string? tag) => tag is not null && tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal)
            && tag[18..] is "str" or "int" or "float" or "bool" or "null" or "seq" or "map";

        /// <summary>The span to report a value's problems on: the value, or its key when the value is empty.</summary>
        /// <remarks>The value's entry is passed rather than its key: a plain key's node is made only when asked.</remarks>
        private static TextSpan SpanOf(YamlNode node, YamlEntry? entry) =>
            node is ScalarNode { IsEmpty: true } && entry is { } e ? e.KeySpan : node.Span;

        public void Check(YamlNode node, Shape shape, YamlEntry? entry = null)
        {
            if (node is AliasNode) return; // reported as TL006
            switch (shape)
            {
                case ObjectShape obj:
                    if (node is MappingNode m) CheckObject(m, obj);
                    else WrongType(node, entry, shape);
                    break;
                case ListShape list:
                    if (node is SequenceNode seq) foreach (var item in seq.Items) Check(item, list.Item);
                    else WrongType(node, entry, shape);
                    break;
                case ChoiceShape choice:
                    if (node is MappingNode cm) CheckObject(cm, choice.Object);
                    else if (node is ScalarNode { IsNull: false } cs) CheckScalar(cs, choice.Scalar);
                    else WrongType(node, entry, shape);
                    break;
                case OneOrListShape one:
                    if (node is SequenceNode os) foreach (var item in os.Items) Check(item, one.Item);
                    else if (node is ScalarNode { IsNull: false } s1) CheckScalar(s1, one.Item);
                    else WrongType(node, entry, shape);
                    break;
                case MapShape map:
                    if (node is MappingNode mm) CheckMap(mm, map);
                    else WrongType(node, entry, shape);
                    break;
                case CoordinatesShape:
                    CheckCoordinates(node, entry);
                    break;
                case ScalarShape sc:
                    if (node is ScalarNode { IsNull: false } s) CheckScalar(s, sc);
                    else WrongType(node, entry, shape);
                    break;
            }
        }

        private void WrongType(YamlNode node, YamlEntry? entry, Shape expected)
        {
            string where = entry?.KeyText is { } k ? $"'{k}' expects" : "expected";
            if (expected is ListShape && WrapInList(node) is { } wrapped)
            {
                // One value where a list is expected ("use: builtin:levant", "actors: hts"): the list of that one value.
                _into.Add(new Diagnostic(WrongTypeRule.Rule, WrongTypeRule.Rule.DefaultSeverity, node.Span,
                    $"{where} a list, found one value alone ('{((ScalarNode)node).Value}'); write it as a list in brackets: {wrapped}")
                {
                    Fixes = new[] { Fix.Replace("Wrap in a list", node.Span, wrapped, preferred: true) },
                });
                return;
            }
            Add(WrongTypeRule.Rule, SpanOf(node, entry), $"{where} {expected.Expected}, found {YamlDocument.Describe(node)}");
        }

        /// <summary>
        /// A one-line scalar written as a flow list of itself ("[builtin:levant]"), or null when brackets would change
        /// its meaning (a plain scalar holding a bracket or brace, a block scalar, a value over lines).
        /// </summary>
        private static readonly System.Buffers.SearchValues<char> FlowBrackets = System.Buffers.SearchValues.Create("[]{}");

        private string? WrapInList(YamlNode node)
        {
            if (node is not ScalarNode { IsNull: false } s || s.Style is ScalarStyle.Literal or ScalarStyle.Folded) return null;
            string text = _doc.Source.Substring(s.Span.Start, s.Span.Length);
            if (text.Contains('\n') || text.Contains('\r')) return null;
            if (s.Style == ScalarStyle.Plain && text.AsSpan().IndexOfAny(FlowBrackets) >= 0) return null;
            return $"[{text}]";
        }

        private void CheckObject(MappingNode m, ObjectShape obj)
        {
            CheckKeys(m, obj);
            foreach (var entry in m.Entries)
                if (entry.KeyText is { } k && !LanguageSchema.IsExtensionKey(k) && obj[k] is { } f)
                    Check(entry.Value, f.Shape, entry);
        }

        // Apart from CheckKeys: a lambda there that captured its arguments would cost an object on every mapping checked.
        private void UnknownKey(MappingNode m, ObjectShape obj, YamlEntry entry, string keyText)
        {
            var allowed = obj.Fields.Select(f => f.Name).Where(n => m.Find(n) is null).ToList();
            var near = Closest(keyText, allowed);
            string hint = near.Count > 0 ? $"; did you mean '{near[0]}'?"
                : $"; the keys of {Article(obj.Name)} are {string.Join(", ", obj.Fields.Select(f => f.Name))}";
            Add(UnknownFieldRule.Rule, entry.KeySpan, $"unknown key '{keyText}' in {Article(obj.Name)}{hint}", near);
        }

        /// <summary>The keys of a mapping: plain text, known (did-you-mean), required ones present, exclusive ones alone.</summary>
        public void CheckKeys(MappingNode m, ObjectShape obj)
        {
            foreach (var entry in m.Entries)
            {
                if (entry.KeyText is not { } keyText)
                {
                    Add(WrongTypeRule.Rule, entry.KeySpan, $"a key must be plain text, found {YamlDocument.Describe(entry.Key)}");
                    continue;
                }
                if (LanguageSchema.IsExtensionKey(keyText)) continue;
                var field = obj[keyText];
                if (field is null) UnknownKey(m, obj, entry, keyText);
            }
            var missing = MissingKeys(m, obj);
            // A key on a line that a syntax error made unreadable is not "missing": the error says enough.
            if (missing is not null && !(m.Parent is null ? _doc.SkippedLines.Count > 0 : _doc.LostContentNear(m.Span)))
            {
                var span = m.Entries.Count > 0 ? m.Entries[0].KeySpan : new TextSpan(m.Span.Start, Math.Min(m.Span.End, m.Span.Start + 1));
                Add(MissingFieldRule.Rule, span,
                    $"{Article(obj.Name)} needs {Join(missing)}; {(missing.Count == 1 ? "it is" : "they are")} missing: " +
                    (missing.Count == 1 ? $"add the line '{missing[0]}: …' to it" : "add a 'key: value' line for each"));
            }
            if (obj.ExactlyOneOf.Count > 0) ExactlyOneOf(m, obj);
        }

        // Apart from CheckKeys, as UnknownKey is.
        private void ExactlyOneOf(MappingNode m, ObjectShape obj)
        {
            var present = m.Entries.Where(e => e.KeyText is { } k && obj.ExactlyOneOf.Contains(k)).ToList();
            if (present.Count == 1) return;
            var span = present.Count > 1 ? present[1].KeySpan : m.Entries.Count > 0 ? m.Entries[0].KeySpan : m.Span;
            string found = present.Count == 0 ? "none" : Join(present.Select(p => p.KeyText!).ToList());
            _into.Add(new Diagnostic(FigureKindRule.Rule, FigureKindRule.Rule.DefaultSeverity, span,
                $"a figure needs exactly one of {string.Join(", ", obj.ExactlyOneOf)}; found {found}: " +
                (present.Count == 0 ? "add one, such as killed: 3" : "keep one, and write another figure for each other count")));
        }


        /// <summary>The required keys a mapping lacks, or null (with nothing made: this runs on every mapping).</summary>
        private static List<string>? MissingKeys(MappingNode m, ObjectShape obj)
        {
            List<string>? missing = null;
            var fields = obj.Fields;
            for (int i = 0; i < fields.Count; i++)
                if (fields[i].Required && m.Find(fields[i].Name) is null) (missing ??= new()).Add(fields[i].Name);
            return missing;
        }

        private void CheckMap(MappingNode m, MapShape map)
        {
            foreach (var entry in m.Entries)
            {
                if (entry.Key is not ScalarNode ks) { Add(WrongTypeRule.Rule, entry.KeySpan, "a key must be plain text"); continue; }
                if (LanguageSchema.IsExtensionKey(ks.Value)) continue;
                if (Rules.Find(ks.Value) is null)
                {
                    var near = Closest(ks.Value, Rules.All.Select(r => r.Name).Concat(Rules.All.Select(r => r.Code)));
                    Add(UnknownFieldRule.Rule, ks.Span,
                        $"'{ks.Value}' is not a rule; expected {map.KeyDescription}{(near.Count > 0 ? $"; did you mean '{near[0]}'?" : "")}", near);
                    continue;
                }
                Check(entry.Value, map.Value, entry);
            }
        }

        private void CheckCoordinates(YamlNode node, YamlEntry? entry)
        {
            if (node is not SequenceNode seq)
            {
                Add(InvalidCoordinatesRule.Rule, SpanOf(node, entry),
                    $"coordinates are [latitude, longitude], two numbers; found {YamlDocument.Describe(node)}");
                return;
            }
            if (seq.Items.Count != 2 || seq.Items.Any(i => i is not ScalarNode s || !IsNumber(s, out _)))
            {
                Add(InvalidCoordinatesRule.Rule, seq.Span, "coordinates are [latitude, longitude], two numbers; " +
                    $"found {seq.Items.Count} value{(seq.Items.Count == 1 ? "" : "s")}{(seq.Items.Count == 2 ? " that are not both numbers" : "")}");
                return;
            }
            IsNumber((ScalarNode)seq.Items[0], out double lat);
            IsNumber((ScalarNode)seq.Items[1], out double lon);
            if (!CoordinatesShape.IsLatitude(lat))
                Add(InvalidCoordinatesRule.Rule, seq.Items[0].Span, $"latitude {((ScalarNode)seq.Items[0]).Value} is outside -90 to 90"
                    + (CoordinatesShape.IsLatitude(lon) ? "; are latitude and longitude swapped?" : ""));
            if (!CoordinatesShape.IsLongitude(lon))
                Add(InvalidCoordinatesRule.Rule, seq.Items[1].Span, $"longitude {((ScalarNode)seq.Items[1]).Value} is outside -180 to 180");
        }

        private void CheckScalar(ScalarNode s, ScalarShape shape)
        {
            // Free text is anything: its value is not read (a check that reads a project once leaves it in the file).
            if (shape.Kind is ScalarKind.Text or ScalarKind.Path or ScalarKind.Glob) return;
            string v = s.Value;
            switch (shape.Kind)
            {
                case ScalarKind.Id:
                    if (!IsValidId(v))
                    {
                        string suggestion = Slug(v);
                        Add(InvalidIdRule.Rule, s.Span, v.Length > MaxIdLength
                            ? $"the id is {v.Length} characters; an id has at most {MaxIdLength}"
                            : $"'{v}' is not a valid id; an id is lower-case letters and digits in words joined by " +
                                $"hyphens, such as '{(suggestion.Length > 0 ? suggestion : "aleppo-2024")}'",
                            suggestion.Length > 0 && suggestion != v && IsValidId(suggestion) ? new[] { suggestion } : null);
                    }
                    break;
                case ScalarKind.Enum:
                    if (!shape.Values.Contains(v))
                    {
                        var near = Closest(v, shape.Values);
                        Add(InvalidValueRule.Rule, s.Span,
                            $"'{v}' is not one of the values allowed here; expected {shape.Expected}" +
                            (near.Count > 0 ? $" (did you mean '{near[0]}'?)" : ""), near);
                    }
                    break;
                case ScalarKind.Url:
                    if (!IsHttpUrl(v))
                        Add(InvalidUrlRule.Rule, s.Span,
                            $"'{YamlDocument.Shorten(v)}' is not a full web address; expected one that begins with https:// or http://, " +
                            "such as https://example.org/page");
                    break;
                case ScalarKind.Integer:
                    if (!IsInteger(s, out long n))
                        Add(WrongTypeRule.Rule, s.Span, $"expected {shape.Expected}, found {YamlDocument.Describe(s)}");
                    else if ((shape.Min is { } min && n < min) || (shape.Max is { } max && n > max))
                        Add(InvalidValueRule.Rule, s.Span,
                            $"{n} is out of range; expected a whole number "
                            + (shape.Max is null ? $"of at least {shape.Min}" : $"from {shape.Min} to {shape.Max}"));
                    break;
                case ScalarKind.Number:
                    if (!IsNumber(s, out _)) Add(WrongTypeRule.Rule, s.Span, $"expected a number, found {YamlDocument.Describe(s)}");
                    break;
                case ScalarKind.Boolean:
                    if (s.Style != ScalarStyle.Plain || v is not ("true" or "false" or "True" or "False" or "TRUE" or "FALSE"))
                        Add(WrongTypeRule.Rule, s.Span, $"expected true or false, found {YamlDocument.Describe(s)}");
                    break;
                case ScalarKind.Timezone:
                    if (!TimezonePattern().IsMatch(v))
                        Add(InvalidValueRule.Rule, s.Span,
                            $"'{v}' is not a time zone offset from UTC; expected Z (UTC itself) or an offset such as \"+03:00\", in quotes");
                    break;
                case ScalarKind.LanguageTag:
                    if (!LanguagePattern().IsMatch(v))
                        Add(InvalidValueRule.Rule, s.Span, $"'{v}' is not a language code; expected a code such as en, ar or pt-BR (BCP 47)");
                    break;
                case ScalarKind.Sha256:
                    if (!Sha256Pattern().IsMatch(v))
                        Add(InvalidValueRule.Rule, s.Span, $"'{YamlDocument.Shorten(v)}' is not a SHA-256 digest; " +
                            "expected 64 hexadecimal digits, as `timeline capture` writes them");
                    break;
                case ScalarKind.Text or ScalarKind.Path or ScalarKind.Glob:
                    break;
            }
        }
    }

    /// <summary>A valid id made from any text: "Rashidin District" → "rashidin-district".</summary>
    public static string Slug(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in Names.NameNormalizer.Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        string r = sb.ToString().Trim('-');
        return r.Length > MaxIdLength ? r[..MaxIdLength].TrimEnd('-') : r;
    }
}
