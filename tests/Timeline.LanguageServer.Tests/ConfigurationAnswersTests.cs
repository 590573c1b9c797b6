using Timeline.LanguageServer.Features;

namespace Timeline.LanguageServer.Tests;

/// <summary>An answer to an earlier workspace/configuration never undoes a later one's.</summary>
public sealed class ConfigurationAnswersTests
{
    [Fact]
    public void An_earlier_answer_applied_after_a_later_one_is_dropped()
    {
        var answers = new ConfigurationAnswers();
        var applied = new List<string>();
        long first = answers.Ask(), second = answers.Ask();

        answers.ApplyIfLatest(second, () => applied.Add("second"));
        answers.ApplyIfLatest(first, () => applied.Add("first"));

        Assert.Equal(["second"], applied);
    }

    [Fact]
    public void Answers_applied_in_order_are_all_applied()
    {
        var answers = new ConfigurationAnswers();
        var applied = new List<string>();
        long first = answers.Ask(), second = answers.Ask();

        answers.ApplyIfLatest(first, () => applied.Add("first"));
        answers.ApplyIfLatest(second, () => applied.Add("second"));

        Assert.Equal(["first", "second"], applied);
    }
}
