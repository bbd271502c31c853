using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace AudioAlchemy.Notebooks;

/// <summary>
/// Members every notebook cell can call unqualified, as in the Polyglot C# kernel: <c>display(x)</c> and
/// <c>HTML("...")</c>. (<c>x.Display()</c> comes from Microsoft.DotNet.Interactive.Formatting's extension.)
/// </summary>
public class NotebookGlobals
{
    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell (formatted as
    /// <paramref name="mimeTypes"/> when given, else text/html + text/plain).</summary>
    /// <returns>The displayed value (its <c>Update</c> adds the new value as another output).</returns>
#pragma warning disable IDE1006 // lower-case name matches the Polyglot kernel's display()
    public DisplayedValue display(object? value, params string[] mimeTypes) => (value ?? Formatter.NullString).Display(mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Marks <paramref name="html"/> as HTML, so displaying it renders the markup.</summary>
    public IHtmlContent HTML(string html) => new HtmlString(html);
}
