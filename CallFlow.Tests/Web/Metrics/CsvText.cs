using System.Text;

namespace CallFlow.Tests.Web.Metrics;

/// <summary>Reads RFC 4180 CSV strictly: CRLF line ends, quoted fields with doubled quotes inside.</summary>
internal static class CsvText
{
    public static List<string[]> Parse(string text)
    {
        text.ShouldEndWith("\r\n", customMessage: "every record ends with CRLF");
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add([.. fields]);
                    fields.Clear();
                    i++;
                    break;
                default:
                    (c is '\r' or '\n' or '"').ShouldBeFalse($"a bare {(int)c} outside quotes at {i}");
                    field.Append(c);
                    break;
            }
        }

        return records;
    }
}
