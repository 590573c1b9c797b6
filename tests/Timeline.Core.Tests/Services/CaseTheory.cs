using Xunit.Abstractions;
using Xunit.Sdk;

namespace Timeline.Core.Tests.Services;

/// <summary>A theory over the feature cases: a case whose header says <c># known-bug: …</c> is reported as skipped, with that reason.</summary>
[XunitTestCaseDiscoverer("Timeline.Core.Tests.Services.CaseTheoryDiscoverer", "Timeline.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class CaseTheoryAttribute : TheoryAttribute;

/// <summary>Finds the known bugs when the tests are discovered, so that they are skipped rather than passed or failed.</summary>
public sealed class CaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        dataRow is [string name, ..] && FeatureCase.KnownBug(name) is { } bug
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, "known bug: " + bug)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
}
