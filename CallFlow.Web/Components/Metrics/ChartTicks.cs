namespace CallFlow.Web.Components.Metrics;

/// <summary>A y-axis step for counts: 1, 2, 5, 10, 20, 50… so that about five gridlines cover the largest bar.</summary>
internal static class ChartTicks
{
    public static int For(double max)
    {
        var step = 1;
        while (max / step > 6)
        {
            step = step.ToString(System.Globalization.CultureInfo.InvariantCulture)[0] == '2' ? step / 2 * 5 : step * 2;
        }

        return step;
    }
}
