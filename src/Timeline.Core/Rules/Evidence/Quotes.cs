using Timeline.Core.Model;
using Timeline.Core.Syntax;

namespace Timeline.Core.Checks;

/// <summary>The quotes of an event: each with the citation whose source must hold it.</summary>
internal static class Quotes
{
    /// <summary>
    /// A citation's quote (of the event's sources, a claim's source, a figure's source), and a
    /// claim's own quote, checked against the claim's source.
    /// </summary>
    public static Enumerable Of(EventDef ev) => new(ev);

    /// <summary>Walked with no object made: two rules walk every event's quotes on every check.</summary>
    public readonly struct Enumerable(EventDef ev)
    {
        public Enumerator GetEnumerator() => new(ev);
    }

    public struct Enumerator(EventDef ev)
    {
        private EventCitations.Enumerator _citations = ev.AllCitations().GetEnumerator();
        private int _claim = -1;
        public (Citation Citation, ScalarNode Quote) Current { get; private set; }

        public bool MoveNext()
        {
            while (_claim < 0 && _citations.MoveNext())
                if (_citations.Current.QuoteNode is { IsNull: false } q) { Current = (_citations.Current, q); return true; }
            while (++_claim < ev.Claims.Count)
                if (ev.Claims[_claim] is { QuoteNode: { IsNull: false } q, Source: { } c }) { Current = (c, q); return true; }
            return false;
        }
    }
}
