using Parley.Learning;

namespace Parley.Tests.Learning;

public sealed class PairedFeatureTableTests
{
    [Fact]
    public void Answers_exactly_as_the_two_tables_including_fingerprint_collisions()
    {
        var random = new Random(7);
        ulong Next() => FeatureHash.Finish((ulong)random.NextInt64());
        var shared = Enumerable.Range(0, 300).Select(_ => Next()).ToArray();
        var firstKeys = shared.Concat(Enumerable.Range(0, 700).Select(_ => Next())).Distinct().ToList();
        var secondKeys = shared.Concat(Enumerable.Range(0, 500).Select(_ => Next())).Distinct().ToList();
        // Keys that share a fingerprint (high 32 bits) with another key of either table, but differ below it.
        var twins = new List<ulong>();
        foreach (ulong key in firstKeys.Take(40).Concat(secondKeys.TakeLast(40)))
        {
            twins.Add(key ^ 0x1_0000_0000UL);          // differs only in the bit the fingerprint ignores
            twins.Add((key & 0xFFFF_FFFF_0000_0000UL) | (uint)random.Next() | 1);
        }
        firstKeys.AddRange(twins.Take(20).Where(k => !firstKeys.Contains(k)));
        secondKeys.AddRange(twins.Skip(60).Take(20).Where(k => !secondKeys.Contains(k)));
        var first = new FeatureTable(firstKeys.ToArray());
        var second = new FeatureTable(secondKeys.ToArray());
        var paired = new PairedFeatureTable(first, second);

        var queries = firstKeys.Concat(secondKeys).Concat(twins).Concat(Enumerable.Range(0, 2000).Select(_ => Next())).ToArray();
        var rows1 = new int[queries.Length];
        var rows2 = new int[queries.Length];
        paired.FindAll(queries, rows1, rows2);
        for (int i = 0; i < queries.Length; i++)
        {
            Assert.Equal(first.Find(queries[i]), rows1[i]);
            Assert.Equal(second.Find(queries[i]), rows2[i]);
        }
        Assert.Contains(rows1, r => r >= 0);
        Assert.Contains(rows2, r => r >= 0);
    }
}
