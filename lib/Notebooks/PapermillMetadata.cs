using System.Globalization;
using System.Text.Json.Nodes;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// papermill's execution metadata, so tools that read papermill output (and a person opening a half-run notebook)
/// see what ran: <c>metadata.papermill</c> of the notebook (input_path, parameters, start_time, end_time, duration,
/// exception) and of every code cell (status pending / running / completed / failed, start_time, end_time, duration,
/// exception). Times are UTC ISO 8601, durations seconds.
/// </summary>
internal static class PapermillMetadata
{
    /// <summary>Marks the run started and every code cell pending.</summary>
    public static void Start(NotebookDocument doc, string inputPath, IReadOnlyDictionary<string, string> parameters, DateTime start)
    {
        var p = new JsonObject();
        foreach (var (k, v) in parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal)) p[k] = v;
        doc.Metadata["papermill"] = new JsonObject
        {
            ["input_path"] = inputPath,
            ["parameters"] = p,
            ["start_time"] = Time(start),
            ["end_time"] = null,
            ["duration"] = null,
            ["exception"] = null,
        };
        foreach (var cell in doc.Cells.Where(c => c.IsCode))
            cell.Metadata["papermill"] = new JsonObject { ["status"] = "pending", ["start_time"] = null, ["end_time"] = null, ["duration"] = null, ["exception"] = null };
    }

    /// <summary>Marks <paramref name="cell"/> running since <paramref name="start"/>.</summary>
    public static void Running(NotebookCell cell, DateTime start) =>
        cell.Metadata["papermill"] = new JsonObject { ["status"] = "running", ["start_time"] = Time(start), ["end_time"] = null, ["duration"] = null, ["exception"] = null };

    /// <summary>Marks <paramref name="cell"/> completed or failed.</summary>
    public static void Done(NotebookCell cell, DateTime start, DateTime end, bool failed) =>
        cell.Metadata["papermill"] = new JsonObject
        {
            ["status"] = failed ? "failed" : "completed",
            ["start_time"] = Time(start),
            ["end_time"] = Time(end),
            ["duration"] = Seconds(end - start),
            ["exception"] = failed,
        };

    /// <summary>Marks the run finished (or stopped) at <paramref name="end"/>.</summary>
    public static void Finish(NotebookDocument doc, DateTime start, DateTime end, bool exception)
    {
        if (doc.Metadata["papermill"] is not JsonObject p) return;
        p["end_time"] = Time(end);
        p["duration"] = Seconds(end - start);
        p["exception"] = exception;
    }

    private static string Time(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static double Seconds(TimeSpan t) => Math.Round(t.TotalSeconds, 6);
}
