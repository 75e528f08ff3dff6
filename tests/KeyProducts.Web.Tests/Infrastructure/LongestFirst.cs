using System.Reflection;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("KeyProducts.Web.Tests.Infrastructure.LongestFirstOrderer", "KeyProducts.Web.Tests")]

namespace KeyProducts.Web.Tests.Infrastructure;

/// <summary>Marks a test class (or a collection definition) that takes far longer than the others: the runner starts
/// it first. The tests of one class run one after the other, so a long class started last runs alone at the end while
/// the other threads have nothing left (it was 60-70 s of one busy thread out of two before).
/// <paramref name="seconds"/> is the class's usual duration on the 2-core machine, the order among marked
/// classes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>Longest processing time first: the collections marked <see cref="LongRunningAttribute"/> by decreasing
/// duration, then the others in xUnit's default order.</summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private const string DefaultPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var all = testCollections.ToList();
        return all.Select((c, i) => (Collection: c, Index: i, Seconds: SecondsOf(c)))
            .OrderByDescending(x => x.Seconds)
            .ThenBy(x => x.Index)
            .Select(x => x.Collection);
    }

    private static int SecondsOf(ITestCollection collection)
    {
        var type = (collection.CollectionDefinition as IReflectionTypeInfo)?.Type ?? ClassOf(collection);
        return type?.GetCustomAttribute<LongRunningAttribute>()?.Seconds ?? 0;
    }

    /// <summary>A class without a [Collection] is its own collection, named after it.</summary>
    private static Type? ClassOf(ITestCollection collection) =>
        collection.DisplayName.StartsWith(DefaultPrefix, StringComparison.Ordinal)
            ? (collection.TestAssembly.Assembly as IReflectionAssemblyInfo)?.Assembly.GetType(
                collection.DisplayName[DefaultPrefix.Length..],
                throwOnError: false
            )
            : null;
}
