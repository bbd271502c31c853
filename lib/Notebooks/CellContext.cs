using System.Text;
using Microsoft.DotNet.Interactive.Formatting;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// The cell being executed on the current async flow: collects its stdout/stderr text and displayed values into
/// the cell's outputs in order. <see cref="Current"/> is an AsyncLocal, so concurrent runs (and tasks a cell starts)
/// each write into their own cell.
/// </summary>
internal sealed class CellContext
{
    private static readonly AsyncLocal<CellContext?> CurrentLocal = new();
    private readonly List<NotebookOutput> _outputs;
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private string? _pendingStream;

    public CellContext(List<NotebookOutput> outputs) => _outputs = outputs;

    /// <summary>The cell running on this async flow, or null outside a notebook run.</summary>
    public static CellContext? Current
    {
        get => CurrentLocal.Value;
        set => CurrentLocal.Value = value;
    }

    /// <summary>Appends text to the stream <paramref name="name"/>; consecutive writes to one stream form one output.</summary>
    public void Write(string name, string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            if (_pendingStream != name) FlushLocked();
            _pendingStream = name;
            _pending.Append(text);
        }
    }

    /// <summary>Adds a display_data output for a value shown with <c>display(x)</c> or <c>x.Display()</c>.</summary>
    public void Display(DisplayedValue value)
    {
        var data = DisplayFormatter.Format(value);
        if (data.Count > 0) Add(NotebookOutput.DisplayData(data));
    }

    /// <summary>Adds any output (execute_result, error) after the text written so far.</summary>
    public void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            FlushLocked();
            _outputs.Add(output);
        }
    }

    /// <summary>Moves pending stream text into the outputs (call when the cell ends).</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void FlushLocked()
    {
        if (_pendingStream is null || _pending.Length == 0) return;
        _outputs.Add(NotebookOutput.Stream(_pendingStream, _pending.ToString()));
        _pending.Clear();
        _pendingStream = null;
    }
}

/// <summary>A console writer that sends text to the current cell (when a notebook cell is running on this flow) or
/// to the original console otherwise.</summary>
internal sealed class RoutingWriter : TextWriter
{
    private readonly TextWriter _fallback;
    private readonly string _stream;

    public RoutingWriter(TextWriter fallback, string stream)
    {
        _fallback = fallback;
        _stream = stream;
    }

    public override Encoding Encoding => _fallback.Encoding;

    public override void Write(char value)
    {
        if (CellContext.Current is { } c) c.Write(_stream, value.ToString());
        else _fallback.Write(value);
    }

    public override void Write(string? value)
    {
        if (CellContext.Current is { } c) c.Write(_stream, value ?? "");
        else _fallback.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (CellContext.Current is { } c) c.Write(_stream, new string(buffer, index, count));
        else _fallback.Write(buffer, index, count);
    }

    public override void WriteLine(string? value)
    {
        if (CellContext.Current is { } c) c.Write(_stream, (value ?? "") + "\n");
        else _fallback.WriteLine(value);
    }

    public override void WriteLine()
    {
        if (CellContext.Current is { } c) c.Write(_stream, "\n");
        else _fallback.WriteLine();
    }

    public override void Flush() => _fallback.Flush();
}

/// <summary>Installs the process-wide hooks once: console routing and the Formatting library's display subscription.</summary>
internal static class OutputHooks
{
    private static readonly object Gate = new();
    private static TextWriter? _installedOut;
    private static TextWriter? _installedError;
    private static IDisposable? _subscription;

    /// <summary>Makes Console.Out/Error and <c>Display()</c> route into the current cell; idempotent.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (!ReferenceEquals(Console.Out, _installedOut))
            {
                Console.SetOut(new RoutingWriter(Console.Out, "stdout"));
                _installedOut = Console.Out;
            }
            if (!ReferenceEquals(Console.Error, _installedError))
            {
                Console.SetError(new RoutingWriter(Console.Error, "stderr"));
                _installedError = Console.Error;
            }
            _subscription ??= Formatter.SubscribeToDisplayedValues(v => CellContext.Current?.Display(v));
        }
    }
}
