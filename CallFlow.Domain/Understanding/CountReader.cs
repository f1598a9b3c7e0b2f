namespace CallFlow.Domain.Understanding;

/// <summary>A plain count at a number step: the first number said, in digits or words ("three", "twenty one").</summary>
internal static class CountReader
{
    public static int? Read(TokenStream t)
    {
        for (var i = 0; i < t.Count; i++)
        {
            if (NumberWords.TryCardinal(t, i, out var value, out var length))
            {
                t.Consume(i, length);
                return value;
            }
        }

        return null;
    }
}
