using System.Reflection;
using System.Text.RegularExpressions;
using HepBuilder.Clinical.Audit;

namespace HepBuilder.Clinical.Tests.Audit;

public sealed class AuditActionsTests
{
    private static readonly List<string> Names = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void Every_action_is_entity_dot_verb_in_lower_case_with_underscores()
    {
        Assert.NotEmpty(Names);
        Assert.All(Names, n => Assert.Matches(new Regex("^[a-z]+(_[a-z]+)*\\.[a-z]+(_[a-z]+)*$"), n));
    }

    [Fact]
    public void No_two_actions_share_a_name() => Assert.Equal(Names.Count, Names.Distinct().Count());
}
