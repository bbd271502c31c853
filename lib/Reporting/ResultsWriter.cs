using AudioAlchemy.Experiments;
using Plotly.NET;

namespace AudioAlchemy.Reporting;

/// <summary>Writes tables and charts of one run into a results folder and remembers what it wrote and any notes.</summary>
public sealed class ResultsWriter
{
    private readonly List<string> _files = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _highlights = [];

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

    /// <summary>
    /// The charts (HTML paths) a reader should see first, in the order they were marked: what a notebook shows and the
    /// report leads with. Marked by <see cref="Chart"/> with <c>highlight: true</c> or by <see cref="Highlight"/>.
    /// </summary>
    public IReadOnlyList<string> Highlights => _highlights;

    /// <summary>Marks an already written chart (<paramref name="html"/>, as returned by <see cref="Chart"/>) as a highlight.</summary>
    public void Highlight(string html)
    {
        lock (_files)
        {
            if (!_files.Contains(html)) throw new ArgumentException($"{html} was not written by this writer", nameof(html));
            if (!_highlights.Contains(html)) _highlights.Add(html);
        }
    }

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

    /// <summary>Writes <paramref name="chart"/> as <c>name.html</c> (+ <c>.png</c>); <paramref name="highlight"/> adds it to
    /// <see cref="Highlights"/>.</summary>
    public string Chart(string name, GenericChart chart, int width = 900, int height = 700, bool highlight = false)
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
        lock (_files)
        {
            _files.Add(html);
            if (highlight) _highlights.Add(html);
        }
        return html;
    }
}
