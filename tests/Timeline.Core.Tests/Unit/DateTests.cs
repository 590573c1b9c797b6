using System.Globalization;
using Timeline.Core.Dates;

namespace Timeline.Core.Tests.Unit;

public class DateTests
{
    private static DateTime D(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);
    private static DateTime End(int y, int m, int d) => D(y, m, d).AddDays(1).AddTicks(-1);

    [Theory]
    // form, earliest, latest (inclusive days), precision
    [InlineData("2016", "2016-01-01", "2016-12-31", DatePrecision.Year)]
    [InlineData("2016-12", "2016-12-01", "2016-12-31", DatePrecision.Month)]
    [InlineData("2024-11-29", "2024-11-29", "2024-11-29", DatePrecision.Day)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", DatePrecision.Month)]
    [InlineData("2016-21", "2016-03-01", "2016-05-31", DatePrecision.Season)]
    [InlineData("2016-22", "2016-06-01", "2016-08-31", DatePrecision.Season)]
    [InlineData("2016-23", "2016-09-01", "2016-11-30", DatePrecision.Season)]
    [InlineData("2016-24", "2016-12-01", "2017-02-28", DatePrecision.Season)]
    [InlineData("201X", "2010-01-01", "2019-12-31", DatePrecision.Year)]
    [InlineData("20XX", "2000-01-01", "2099-12-31", DatePrecision.Year)]
    [InlineData("2024-XX", "2024-01-01", "2024-12-31", DatePrecision.Month)]
    [InlineData("2024-11-XX", "2024-11-01", "2024-11-30", DatePrecision.Day)]
    [InlineData("2024-XX-XX", "2024-01-01", "2024-12-31", DatePrecision.Day)]
    [InlineData("2024-11-27/2024-11-29", "2024-11-27", "2024-11-29", DatePrecision.Day)]
    [InlineData("2016/2024-11", "2016-01-01", "2024-11-30", DatePrecision.Year)]
    public void Bounds_and_precision(string text, string earliest, string latest, DatePrecision precision)
    {
        var d = Edtf.Parse(text, out var problem);
        Assert.Null(problem);
        Assert.NotNull(d);
        var e = DateTime.Parse(earliest + "T00:00:00Z", CultureInfo.InvariantCulture).ToUniversalTime();
        var l = DateTime.Parse(latest + "T00:00:00Z", CultureInfo.InvariantCulture).ToUniversalTime().AddDays(1).AddTicks(-1);
        Assert.Equal(e, d!.Earliest);
        Assert.Equal(l, d.Latest);
        Assert.Equal(precision, d.Precision);
    }

    [Theory]
    [InlineData("2016?", DateQualifiers.Uncertain)]
    [InlineData("2016-12~", DateQualifiers.Approximate)]
    [InlineData("2016%", DateQualifiers.Uncertain | DateQualifiers.Approximate)]
    [InlineData("2024-11-29", DateQualifiers.None)]
    [InlineData("2004-06~/2004-08?", DateQualifiers.Uncertain | DateQualifiers.Approximate)]
    public void Qualifiers(string text, DateQualifiers expected)
    {
        var d = Edtf.Parse(text, out _);
        Assert.Equal(expected, d!.Qualifiers);
        // Qualifiers never move the bounds.
        var plain = Edtf.Parse(text.Replace("?", "").Replace("~", "").Replace("%", ""), out _);
        Assert.Equal(plain!.Earliest, d.Earliest);
        Assert.Equal(plain.Latest, d.Latest);
    }

    [Fact]
    public void Open_and_unknown_ends()
    {
        var open = Edtf.Parse("2024-11-27/..", out _)!;
        Assert.Equal(IntervalEnd.Open, open.EndKind);
        Assert.Equal(D(2024, 11, 27), open.Earliest);
        Assert.Equal(DateTime.MaxValue, open.Latest);
        var openStart = Edtf.Parse("../2016", out _)!;
        Assert.Equal(IntervalEnd.Open, openStart.StartKind);
        Assert.Equal(DateTime.MinValue, openStart.Earliest);
        Assert.Equal(End(2016, 12, 31), openStart.Latest);
        var unknown = Edtf.Parse("2024-11-27/", out _)!;
        Assert.Equal(IntervalEnd.Unknown, unknown.EndKind);
        var unknownStart = Edtf.Parse("/2016", out _)!;
        Assert.Equal(IntervalEnd.Unknown, unknownStart.StartKind);
        Assert.Null(Edtf.Parse("/", out var p));
        Assert.Equal("TL101", p!.Rule.Code);
        Assert.Null(Edtf.Parse("../..", out _));
    }

    [Fact]
    public void Times_take_their_offset_or_the_files()
    {
        var z = Edtf.Parse("2024-11-29T06:30Z", out _)!;
        Assert.Equal(new DateTime(2024, 11, 29, 6, 30, 0, DateTimeKind.Utc), z.Earliest);
        Assert.Equal(DatePrecision.Minute, z.Precision);
        var plus3 = Edtf.Parse("2024-11-29T06:30+03:00", out _)!;
        Assert.Equal(new DateTime(2024, 11, 29, 3, 30, 0, DateTimeKind.Utc), plus3.Earliest);
        var local = Edtf.Parse("2024-11-29T06:30", out _, TimeSpan.FromHours(3))!;
        Assert.Equal(new DateTime(2024, 11, 29, 3, 30, 0, DateTimeKind.Utc), local.Earliest);
        var seconds = Edtf.Parse("2024-11-29T06:30:15-05", out _)!;
        Assert.Equal(DatePrecision.Second, seconds.Precision);
        Assert.Equal(new DateTime(2024, 11, 29, 11, 30, 15, DateTimeKind.Utc), seconds.Earliest);
    }

    [Theory]
    [InlineData("Y170000002")]
    [InlineData("Y-170000002")]
    [InlineData("-0100")]
    public void Long_and_negative_years_parse(string text)
    {
        var d = Edtf.Parse(text, out var p);
        Assert.Null(p);
        Assert.Equal(DatePrecision.Year, d!.Precision);
    }

    [Theory]
    [InlineData("2023-02-29", "TL102")]
    [InlineData("2024-13", "TL102")]
    [InlineData("2024-00", "TL102")]
    [InlineData("2024-04-31", "TL102")]
    [InlineData("2024-11-29T24:00", "TL102")]
    [InlineData("2024-11-29T12:60", "TL102")]
    [InlineData("2024-11-29/2024-11-01", "TL105")]
    [InlineData("2024-1", "TL101")]
    [InlineData("24-11-29", "TL101")]
    [InlineData("2016-33", "TL101")]
    [InlineData("2024-11-29T06", "TL101")]
    [InlineData("hello", "TL101")]
    [InlineData("", "TL101")]
    [InlineData("2X16", "TL101")]
    public void Problems(string text, string code)
    {
        var r = DateReader.Read(text);
        Assert.Null(r.Value);
        Assert.Equal(code, r.Problem!.Rule.Code);
    }

    [Theory]
    [InlineData("2016-uu", "2016-XX")]
    [InlineData("199u", "199X")]
    [InlineData("2004?~", "2004%")]
    [InlineData("2004-06-11~?", "2004-06-11%")]
    [InlineData("2004-06/unknown", "2004-06/")]
    [InlineData("unknown/2006", "/2006")]
    [InlineData("2004-06/open", "2004-06/..")]
    [InlineData("y170000002", "Y170000002")]
    public void Deprecated_draft_forms_are_rewritten(string text, string modern)
    {
        var r = DateReader.Read(text);
        Assert.Equal("TL108", r.Problem!.Rule.Code);
        Assert.Equal(modern, r.Problem.Fixes.Single().Replacement);
        Assert.NotNull(r.Value); // still read, so the other checks run
    }

    [Theory]
    [InlineData("29/11/2024", "2024-11-29")]
    [InlineData("29.11.2024", "2024-11-29")]
    [InlineData("11/29/2024", "2024-11-29")]
    [InlineData("2024/11/29", "2024-11-29")]
    [InlineData("29 November 2024", "2024-11-29")]
    [InlineData("29th of November 2024", "2024-11-29")]
    [InlineData("Friday, 29 November 2024", "2024-11-29")]
    [InlineData("Nov 29, 2024", "2024-11-29")]
    [InlineData("November 29th, 2024", "2024-11-29")]
    [InlineData("Sept 1, 2024", "2024-09-01")]
    [InlineData("November 2024", "2024-11")]
    [InlineData("in March 2020", "2020-03")]
    [InlineData("since 2016", "2016/..")]
    [InlineData("in 2016", "2016")]
    [InlineData("05/05/2024", "2024-05-05")]
    public void Non_iso_dates_are_rewritten_when_certain(string text, string iso)
    {
        var r = DateReader.Read(text);
        Assert.Equal("TL104", r.Problem!.Rule.Code);
        Assert.Equal(iso, r.Problem.Fixes.Single().Replacement);
    }

    [Theory]
    [InlineData("05/06/2024")]
    [InlineData("Thursday 29 November 2024")]
    public void Ambiguous_or_contradictory_dates_get_no_fix(string text)
    {
        var r = DateReader.Read(text);
        Assert.Equal("TL104", r.Problem!.Rule.Code);
        Assert.Empty(r.Problem.Fixes);
    }

    [Theory]
    // Published Friday 29 November 2024.
    [InlineData("Friday", "2024-11-29")]
    [InlineData("on Friday", "2024-11-29")]
    [InlineData("late Friday", "2024-11-29")]
    [InlineData("Friday morning", "2024-11-29")]
    [InlineData("on Wednesday", "2024-11-27")]
    [InlineData("launched on Wednesday", null)]
    [InlineData("Saturday", "2024-11-23")]
    [InlineData("last Friday", "2024-11-22")]
    [InlineData("yesterday", "2024-11-28")]
    [InlineData("today", "2024-11-29")]
    [InlineData("last week", "2024-11-18/2024-11-24")]
    [InlineData("this week", "2024-11-25/2024-11-29")]
    [InlineData("the past three days", "2024-11-27/2024-11-29")]
    [InlineData("over the past 3 days", "2024-11-27/2024-11-29")]
    [InlineData("two days ago", "2024-11-27")]
    [InlineData("last month", "2024-10")]
    [InlineData("last year", "2023")]
    [InlineData("since Wednesday", "2024-11-27/2024-11-29")]
    [InlineData("since Friday", "2024-11-29")]
    [InlineData("from Tuesday", "2024-11-26/2024-11-29")]
    [InlineData("until Friday", "../2024-11-29")]
    [InlineData("by Thursday", "../2024-11-28")]
    [InlineData("before Thursday", "../2024-11-27")]
    [InlineData("earlier this week", "2024-11-25/2024-11-28")]
    [InlineData("early Friday", "2024-11-29")]
    [InlineData("Friday night", "2024-11-29")]
    [InlineData("since late Wednesday", "2024-11-27/2024-11-29")]
    public void Relative_words_resolve_against_publication(string text, string? expected)
    {
        var rel = DateReader.Relative(text);
        if (expected is null) { Assert.Null(rel); return; }
        Assert.NotNull(rel);
        Assert.Equal(expected, rel!.Resolve(new DateOnly(2024, 11, 29)));
        Assert.Equal("TL103", DateReader.Read(text).Problem!.Rule.Code);
    }

    [Theory]
    [InlineData("since Wednesday", "2024-11-30", "2024-11-27/2024-11-30")]
    [InlineData("earlier this week", "2024-11-26", "2024-11-25")]
    [InlineData("earlier this week", "2024-11-25", "2024-11-25")]
    [InlineData("last week", "2024-11-30", "2024-11-18/2024-11-24")]
    public void Spans_end_where_they_mean(string text, string published, string expected)
    {
        Assert.Equal(expected, DateReader.Relative(text)!.Resolve(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotNull(Edtf.Parse(expected, out _));
    }

    [Theory]
    [InlineData("early Friday", "early Friday")]
    [InlineData("late Friday", "late Friday")]
    [InlineData("Friday night", "Friday night")]
    [InlineData("yesterday morning", "yesterday morning")]
    [InlineData("on Friday", null)]
    [InlineData("since Wednesday", null)]
    [InlineData("yesterday", null)]
    public void Words_a_date_cannot_hold_are_kept(string text, string? kept)
    {
        Assert.Equal(kept, DateReader.Relative(text)!.Kept);
    }

    [Theory]
    [InlineData("2024-11-29", "Friday 29 November 2024")]
    [InlineData("2024-11-27/2024-11-29", "27–29 November 2024")]
    [InlineData("2016-12~", "c. December 2016")]
    [InlineData("2016?", "2016 (uncertain)")]
    [InlineData("2016-24", "winter 2016")]
    [InlineData("2024-11-XX", "some day in November 2024")]
    [InlineData("2024-11-27/..", "from Wednesday 27 November 2024 on")]
    [InlineData("2024-11-29T06:30+03:00", "Friday 29 November 2024, 06:30 UTC+03:00")]
    public void Dates_in_words(string text, string words)
    {
        Assert.Equal(words, Edtf.Parse(text, out _)!.Describe());
    }
}
