using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KeyProducts.Web.Features.Council.Documents;

/// <summary>A small writer for administrative documents in Word (DocumentFormat.OpenXml 2.20): Times New Roman,
/// A4 with the margins of Decree 30/2020/NĐ-CP (top/bottom 20 mm, left 30 mm, right 15 mm).</summary>
public sealed class WordDocumentBuilder
{
    private readonly Body _body = new();
    private bool _breakBeforeNext;

    public sealed record Span(
        string Value,
        bool Bold = false,
        bool Italic = false,
        int Size = 13,
        bool Underline = false
    );

    public WordDocumentBuilder Paragraph(JustificationValues align, params Span[] runs) =>
        Add(Para(align, 0, 60, false, runs));

    public WordDocumentBuilder Line(
        string text,
        bool bold = false,
        bool italic = false,
        int size = 13,
        JustificationValues? align = null,
        int firstLineIndentTwips = 0
    ) =>
        Add(
            Para(align ?? JustificationValues.Both, firstLineIndentTwips, 60, false, new Span(text, bold, italic, size))
        );

    public WordDocumentBuilder Center(string text, bool bold = false, bool italic = false, int size = 13) =>
        Add(Para(JustificationValues.Center, 0, 0, false, new Span(text, bold, italic, size)));

    public WordDocumentBuilder Blank() => Add(Para(JustificationValues.Left, 0, 0, false));

    /// <summary>Starts the next paragraph on a new page (PageBreakBefore, so no empty page when the previous one is
    /// full).</summary>
    public WordDocumentBuilder PageBreak()
    {
        _breakBeforeNext = true;
        return this;
    }

    /// <summary>A borderless two-column block (the header and the signature block of an administrative
    /// document).</summary>
    public WordDocumentBuilder TwoColumns(int leftPercent, IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.None },
                    new LeftBorder { Val = BorderValues.None },
                    new BottomBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None },
                    new InsideHorizontalBorder { Val = BorderValues.None },
                    new InsideVerticalBorder { Val = BorderValues.None }
                ),
                new TableLayout { Type = TableLayoutValues.Fixed }
            )
        );
        var total = 9638; // A4 width minus margins, in twips
        var l = total * leftPercent / 100;
        table.Append(
            new TableGrid(
                new GridColumn { Width = l.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new GridColumn { Width = (total - l).ToString(System.Globalization.CultureInfo.InvariantCulture) }
            )
        );
        // One row that never splits: a signature block stays together with its title.
        table.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(l, left), Cell(total - l, right)));
        return Add(table);
    }

    /// <summary>A bordered data table with a bold header row; widths in percent of the text width.</summary>
    public WordDocumentBuilder Table(
        int[] widthsPercent,
        string[] header,
        IEnumerable<string[]> rows,
        int size = 11,
        JustificationValues[]? align = null
    )
    {
        const int total = 9638;
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }
        );
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                border,
                new TableLayout { Type = TableLayoutValues.Fixed }
            )
        );
        var widths = widthsPercent.Select(w => total * w / 100).ToArray();
        table.Append(
            new TableGrid(
                widths.Select(w => new GridColumn
                {
                    Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })
            )
        );
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < header.Length; i++)
            head.Append(
                Cell(
                    widths[i],
                    [Para(JustificationValues.Center, 0, 0, false, new Span(header[i], Bold: true, Size: size))]
                )
            );
        table.Append(head);
        foreach (var row in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < row.Length; i++)
                tr.Append(
                    Cell(
                        widths[i],
                        [Para(align?[i] ?? JustificationValues.Left, 0, 0, false, new Span(row[i], Size: size))]
                    )
                );
            table.Append(tr);
        }
        return Add(table);
    }

    public static Paragraph P(
        string text,
        bool bold = false,
        bool italic = false,
        int size = 13,
        JustificationValues? align = null,
        bool underline = false
    ) => Para(align ?? JustificationValues.Center, 0, 0, false, new Span(text, bold, italic, size, underline));

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new DocDefaults(
                    new RunPropertiesDefault(
                        new RunPropertiesBaseStyle(
                            new RunFonts
                            {
                                Ascii = "Times New Roman",
                                HighAnsi = "Times New Roman",
                                ComplexScript = "Times New Roman",
                                EastAsia = "Times New Roman",
                            },
                            new FontSize { Val = "26" },
                            new Languages { Val = "vi-VN" }
                        )
                    ),
                    new ParagraphPropertiesDefault(
                        new ParagraphPropertiesBaseStyle(
                            new SpacingBetweenLines
                            {
                                After = "0",
                                Line = "276",
                                LineRule = LineSpacingRuleValues.Auto,
                            }
                        )
                    )
                )
            );
            _body.Append(
                new SectionProperties(
                    new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin
                    {
                        Top = 1134,
                        Bottom = 1134,
                        Left = 1701,
                        Right = 1134,
                        Header = 720,
                        Footer = 720,
                        Gutter = 0,
                    }
                )
            );
            main.Document = new Document(_body);
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private WordDocumentBuilder Add(OpenXmlElement e)
    {
        if (_breakBeforeNext && e is Paragraph p)
        {
            p.ParagraphProperties ??= new ParagraphProperties();
            var keep = p.ParagraphProperties.GetFirstChild<KeepNext>();
            if (keep is null)
                p.ParagraphProperties.PrependChild(new PageBreakBefore());
            else
                keep.InsertAfterSelf(new PageBreakBefore());
            _breakBeforeNext = false;
        }
        _body.Append(e);
        return this;
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> content)
    {
        var cell = new TableCell(
            new TableCellProperties(
                new TableCellWidth
                {
                    Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Type = TableWidthUnitValues.Dxa,
                }
            )
        );
        var any = false;
        foreach (var p in content)
        {
            cell.Append(p);
            any = true;
        }
        if (!any)
            cell.Append(new Paragraph());
        return cell;
    }

    private static Paragraph Para(
        JustificationValues align,
        int firstLine,
        int after,
        bool keepNext,
        params Span[] runs
    )
    {
        // Children in the order the schema requires (Word refuses files that break it).
        var props = new ParagraphProperties();
        if (keepNext)
            props.Append(new KeepNext());
        props.Append(
            new SpacingBetweenLines { After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        );
        if (firstLine > 0)
            props.Append(
                new Indentation { FirstLine = firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            );
        props.Append(new Justification { Val = align });
        var p = new Paragraph(props);
        foreach (var t in runs)
        {
            var rp = new RunProperties();
            if (t.Bold)
                rp.Append(new Bold());
            if (t.Italic)
                rp.Append(new Italic());
            rp.Append(new FontSize { Val = (t.Size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (t.Underline)
                rp.Append(new Underline { Val = UnderlineValues.Single });
            p.Append(
                new Run(
                    rp,
                    new DocumentFormat.OpenXml.Wordprocessing.Text(t.Value)
                    {
                        Space = SpaceProcessingModeValues.Preserve,
                    }
                )
            );
        }
        return p;
    }
}
