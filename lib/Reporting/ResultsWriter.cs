using AudioAlchemy.Experiments;
using Plotly.NET;

namespace AudioAlchemy.Reporting;

/// <summary>Writes tables and charts of one run into a results folder and remembers what it wrote and any notes.</summary>
public sealed class ResultsWriter
{
    private readonly List<string> _files = [];
    private readonly List<string> _notes = [];

    /// <summary>Creates the writer; <paramref name="png"/> also renders each chart to PNG when Chromium exists.</summary>
    public ResultsWriter(string folder, bool png)
    {
        Folder = folder;
        Png = png;
        Directory.CreateDirectory(folder);
    }

    /// <summary>Output folder.</summary>
    public string Folder { get; }

    /// <summary>Whether PNGs are rendered.</summary>
    public bool Png { get; }

    /// <summary>Files written so far.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Notes (skipped parts, missing tools).</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a note.</summary>
    public void Note(string note)
    {
        lock (_notes) if (!_notes.Contains(note)) _notes.Add(note);
    }

    /// <summary>Writes <paramref name="table"/> as <c>name.csv</c>.</summary>
    public string Table(string name, TidyTable table)
    {
        string path = Path.Combine(Folder, name + ".csv");
        table.WriteCsv(path);
        lock (_files) _files.Add(path);
        return path;
    }

    /// <summary>Writes <paramref name="chart"/> as <c>name.html</c> (+ <c>.png</c>).</summary>
    public string Chart(string name, GenericChart chart, int width = 900, int height = 700)
    {
        string html = Path.Combine(Folder, name + ".html");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithSize(chart, width, height);
        if (Png)
        {
            var png = ChartHtml.SaveWithPng(chart, html, width, height, out var note);
            if (note is not null) Note(note);
            if (png is not null) lock (_files) _files.Add(png);
        }
        else ChartHtml.Save(chart, html);
        lock (_files) _files.Add(html);
        return html;
    }
}
