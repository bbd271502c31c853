using AudioAlchemy.Notebooks;
using static AudioAlchemy.Tests.Notebooks.NotebookTestKit;

namespace AudioAlchemy.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class DisplayTests
{
    [Fact]
    public void Display_Html_Objects_AndDisplayExtension_BecomeDisplayData()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook(
            "display(HTML(\"<b>bold</b>\"));\nnew { Name = \"trumpet\", Seconds = 5.3 }.Display();\nvar shown = display(new[] { 1, 2, 3 });\nshown"), dir);
        AssertOk(r);
        var outputs = Outputs(r, 1);
        Assert.Equal(3, outputs.Count); // the returned DisplayedValue itself is not shown again
        Assert.All(outputs, o => Assert.Equal("display_data", o.OutputType));
        Assert.Equal("<b>bold</b>", outputs[0].Data["text/html"]);
        Assert.Contains("<table>", outputs[1].Data["text/html"]);
        Assert.Contains("trumpet", outputs[1].Data["text/html"]);
        Assert.Contains("Seconds: 5.3", outputs[1].Data["text/plain"]);
        Assert.Equal("[ 1, 2, 3 ]", Plain(outputs[2]));
        Assert.DoesNotContain('\r', outputs[1].Data["text/html"]);
    }

    [Fact]
    public void PlotlyCharts_RenderAsChartDivs_AndTheHtmlPageEmbedsPlotlyJsOnce()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook(
            "#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\nvar c1 = Plotly.NET.CSharp.Chart.Line<int, int, string>(x: new[] { 1, 2, 3 }, y: new[] { 4, 1, 9 });\ndisplay(c1);",
            "Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 3, 5 }, Keys: new[] { \"a\", \"b\" })"), dir);
        AssertOk(r);
        var chart1 = Assert.Single(Outputs(r, 1));
        var chart2 = Assert.Single(Outputs(r, 2));
        Assert.Equal("execute_result", chart2.OutputType);
        foreach (var o in new[] { chart1, chart2 })
        {
            string html = o.Data["text/html"];
            Assert.Matches("<div id=\"[0-9a-f-]{36}\">", html);
            Assert.Contains("Plotly.newPlot(", html);
            Assert.DoesNotContain("function(e,t)", html); // the bundle is not inlined per chart
        }
        Assert.Contains("[4,1,9]", chart1.Data["text/html"]);

        string page = NotebookHtml.Render(r.Notebook, "charts");
        string bundleHead = PlotlyHtml.PlotlyJs[..200];
        Assert.True(PlotlyHtml.PlotlyJs.Length > 1_000_000);
        Assert.Equal(1, Count(page, bundleHead));
        const string chartDiv = "<!-- Plotly chart will be drawn inside this DIV -->";
        Assert.Equal(2, Count(page, chartDiv));
        Assert.True(page.IndexOf(bundleHead, StringComparison.Ordinal) < page.IndexOf(chartDiv, StringComparison.Ordinal));
        Assert.DoesNotContain("Plotly.newPlot(", NotebookHtml.Render(Notebook("1"), "no charts"));
        Assert.DoesNotContain(bundleHead, NotebookHtml.Render(Notebook("1"), "no charts"));
    }

    [Fact]
    public void HtmlPage_RendersMarkdownCodeAndOutputs()
    {
        using var dir = TestData.TempDir();
        var doc = Notebook("Console.WriteLine(\"<hello>\");\n\"value\"");
        doc.Cells.Insert(1, NotebookCell.Markdown("## Method\n\nWe *compare* **two** things ([link](https://example.org)):\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`"));
        var r = Run(doc, dir);
        AssertOk(r);
        string page = NotebookHtml.Render(r.Notebook, "md <test>");
        Assert.Contains("<title>md &lt;test&gt;</title>", page);
        Assert.Contains("<h2", page);
        Assert.Contains("<em>compare</em>", page);
        Assert.Contains("<strong>two</strong>", page);
        Assert.Contains("<a href=\"https://example.org\">link</a>", page);
        Assert.Contains("<li>one</li>", page);
        Assert.Contains("<table>", page);
        Assert.Contains("<code>code</code>", page);
        Assert.Contains("&lt;hello&gt;", page);
        Assert.Contains("Out[1]:", page);
        Assert.Contains("In [1]:", page);
    }

    private static int Count(string text, string part)
    {
        int n = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
