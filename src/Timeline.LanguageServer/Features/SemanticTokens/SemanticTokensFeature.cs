using Timeline.Core.Services;
using Timeline.Core.Text;
using Timeline.LanguageServer.Protocol;

namespace Timeline.LanguageServer.Features;

/// <summary>
/// Semantic tokens, full and by range. Standard token types, so that every theme colours them:
/// dates are <c>number</c>, places <c>namespace</c> (they nest), actors <c>class</c>, sources
/// <c>variable</c>, events <c>event</c>, the rule codes of suppression comments <c>keyword</c>,
/// quotes <c>string</c>; an id where it is defined has the <c>declaration</c> modifier, one a catalog
/// defines <c>defaultLibrary</c>.
/// </summary>
internal sealed class SemanticTokensFeature : IFeature
{
    /// <summary>The legend's types, indexed by <see cref="SemanticTokenKind"/>.</summary>
    internal static readonly string[] TokenTypes = Enum.GetValues<SemanticTokenKind>().Select(k => k switch
    {
        SemanticTokenKind.Date => "number",
        SemanticTokenKind.Place => "namespace",
        SemanticTokenKind.Actor => "class",
        SemanticTokenKind.Source => "variable",
        SemanticTokenKind.Event => "event",
        SemanticTokenKind.RuleCode => "keyword",
        SemanticTokenKind.Quote => "string",
        _ => throw new InvalidOperationException($"no token type for {k}"),
    }).ToArray();

    /// <summary>The legend's modifiers: bit 0 declaration, bit 1 defaultLibrary, as <see cref="SemanticTokenModifiers"/> numbers them.</summary>
    internal static readonly string[] TokenModifiers = ["declaration", "defaultLibrary"];

    public ServerCapabilities Declare(ServerCapabilities capabilities, ClientSupport client) => capabilities with
    {
        SemanticTokensProvider = new SemanticTokensOptions(new SemanticTokensLegend(TokenTypes, TokenModifiers), Range: true, Full: true),
    };

    public void Register(TimelineLanguageServer server)
    {
        server.OnDocumentRequest("textDocument/semanticTokens/full",
            () => LspJson.Default.TextDocumentParams, () => LspJson.Default.SemanticTokens, (p, s) =>
            Encode(Core.Services.SemanticTokens.Of(s.File, s.Analysis.Result.Symbols), s.Text, s.Lsp.Encoding));

        server.OnDocumentRequest("textDocument/semanticTokens/range",
            () => LspJson.Default.RangeParams, () => LspJson.Default.SemanticTokens, (p, s) =>
            Encode(Core.Services.SemanticTokens.Of(s.File, s.Analysis.Result.Symbols, s.Lsp.Span(s.Text, p.Range)), s.Text, s.Lsp.Encoding));
    }

    /// <summary>
    /// LSP's encoding: five integers a token (line and start relative to the token before, length,
    /// type, modifiers), positions in the negotiated encoding. A token over several lines (a quote
    /// in a block scalar) becomes one a line, without the lines' indentation.
    /// </summary>
    internal static Protocol.SemanticTokens Encode(IReadOnlyList<SemanticToken> tokens, SourceText text, PositionEncoding encoding)
    {
        var data = new List<int>(tokens.Count * 5);
        int lastLine = 0, lastStart = 0;
        void Emit(int start, int end, SemanticToken token)
        {
            var a = text.GetPosition(start, encoding);
            var b = text.GetPosition(end, encoding);
            if (b.Character <= a.Character) return;
            data.Add(a.Line - lastLine);
            data.Add(a.Line == lastLine ? a.Character - lastStart : a.Character);
            data.Add(b.Character - a.Character);
            data.Add((int)token.Kind);
            data.Add((int)token.Modifiers);
            lastLine = a.Line;
            lastStart = a.Character;
        }
        foreach (var t in tokens)
        {
            int first = text.LineOf(t.Span.Start), last = text.LineOf(t.Span.End);
            if (first == last)
            {
                Emit(t.Span.Start, t.Span.End, t);
                continue;
            }
            for (int line = first; line <= last; line++)
            {
                int start = line == first ? t.Span.Start : text.LineStart(line);
                int end = line == last ? t.Span.End : text.LineEnd(line);
                if (line != first) while (start < end && text[start] is ' ' or '\t') start++;
                if (start < end) Emit(start, end, t);
            }
        }
        return new Protocol.SemanticTokens(data.ToArray());
    }
}
