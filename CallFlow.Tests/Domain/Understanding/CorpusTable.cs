namespace CallFlow.Tests.Domain.Understanding;

/// <summary>
/// Reads the corpus tables: "## Category" headings followed by Markdown rows
/// <c>| step | caller says | intent | details |</c>. Header and separator rows are skipped.
/// </summary>
internal static class CorpusTable
{
    public static IEnumerable<CorpusRow> Parse(string markdown)
    {
        var category = "";
        var line = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            line++;
            var text = raw.Trim();
            if (text.StartsWith("## ", StringComparison.Ordinal))
            {
                category = text[3..].Trim();
                continue;
            }

            if (!text.StartsWith('|') || text.StartsWith("|--", StringComparison.Ordinal) || text.StartsWith("| Step", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = text.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 4)
            {
                throw new FormatException($"Corpus line {line} needs 4 cells (step, caller says, intent, details): {text}");
            }

            yield return new CorpusRow(category, cells[0], cells[1], cells[2], cells[3], line);
        }
    }
}
