using Parley.Learning;

namespace Parley.Tests.Learning;

public sealed class FeatureSequenceTests
{
    [Fact]
    public void A_rented_buffer_comes_back_empty_and_is_reused_on_the_same_thread()
    {
        var first = FeatureSequence.Rent();
        for (int i = 0; i < 1000; i++) first.Add((ulong)i + 1);
        first.EndPosition();
        FeatureSequence.Return(first);

        var again = FeatureSequence.Rent();
        Assert.Same(first, again);
        Assert.Equal(0, again.Length);
        Assert.Equal(0, again.FeatureCount);
        again.Add(5);
        again.EndPosition();
        Assert.Equal(1, again.At(0).Length);
        FeatureSequence.Return(again);
    }

    [Fact]
    public void Two_rented_buffers_are_distinct_and_another_thread_gets_its_own()
    {
        var a = FeatureSequence.Rent();
        var b = FeatureSequence.Rent();
        Assert.NotSame(a, b);
        FeatureSequence.Return(a);
        FeatureSequence? other = null;
        var thread = new Thread(() => other = FeatureSequence.Rent());
        thread.Start();
        thread.Join();
        Assert.NotSame(a, other);
        FeatureSequence.Return(b);
    }

    [Fact]
    public void A_huge_buffer_is_not_kept()
    {
        var huge = FeatureSequence.Rent();
        for (int i = 0; i < (1 << 20) + 1; i++) huge.Add((ulong)i + 1);
        huge.EndPosition();
        FeatureSequence.Return(huge);
        var next = FeatureSequence.Rent();
        Assert.NotSame(huge, next);
        FeatureSequence.Return(next);
    }
}
