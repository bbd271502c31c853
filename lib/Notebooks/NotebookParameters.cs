using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AudioAlchemy.Notebooks;

/// <summary>A parameter declared in the notebook's <c>parameters</c> cell.</summary>
/// <param name="Name">Variable name.</param>
/// <param name="Type">C# type keyword (int, long, double, float, decimal, bool, string), or null when it cannot be
/// set from the command line (e.g. <c>var x = Compute();</c>).</param>
/// <param name="Declaration">The declaration as written, for messages.</param>
public sealed record NotebookParameter(string Name, string? Type, string Declaration);

/// <summary>
/// Papermill's parameter convention: the code cell tagged <c>parameters</c> declares defaults; overrides go into
/// a cell tagged <c>injected-parameters</c> inserted right after it, assigning typed C# literals.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The tag of the cell holding the defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner inserts with the overrides.</summary>
    public const string InjectedTag = "injected-parameters";

    private static readonly string[] SupportedTypes = ["int", "long", "double", "float", "decimal", "bool", "string"];

    /// <summary>The index of the first code cell tagged "parameters", or -1.</summary>
    public static int FindCell(NotebookDocument notebook) =>
        notebook.Cells.FindIndex(c => c.IsCode && c.Tags.Contains(ParametersTag));

    /// <summary>The parameters declared in the notebook's parameters cell (empty when there is none).</summary>
    public static IReadOnlyList<NotebookParameter> Read(NotebookDocument notebook)
    {
        int i = FindCell(notebook);
        return i < 0 ? [] : Parse(notebook.Cells[i].Source);
    }

    /// <summary>The top-level variable declarations of a C# script cell.</summary>
    public static IReadOnlyList<NotebookParameter> Parse(string source)
    {
        var code = CellDirectives.Parse(source, null).Code;
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var result = new List<NotebookParameter>();
        foreach (var member in root.Members)
        {
            VariableDeclarationSyntax? declaration = member switch
            {
                FieldDeclarationSyntax f => f.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax l } => l.Declaration,
                _ => null,
            };
            if (declaration is null) continue;
            foreach (var v in declaration.Variables)
            {
                string? type = declaration.Type.IsVar ? InferType(v.Initializer?.Value) : Normalize(declaration.Type.ToString());
                result.Add(new NotebookParameter(v.Identifier.Text, type, $"{declaration.Type} {v.ToString().Trim()}"));
            }
        }
        return result;
    }

    /// <summary>
    /// Inserts (or replaces) the injected-parameters cell after the parameters cell, assigning each override as a
    /// literal of the declared type. Does nothing when <paramref name="values"/> is empty.
    /// </summary>
    /// <exception cref="NotebookException">No parameters cell, an unknown name, an unsupported type or an unparsable value.</exception>
    public static void Apply(NotebookDocument notebook, IReadOnlyDictionary<string, string> values, string notebookName = "notebook")
    {
        if (values.Count == 0) return;
        int index = FindCell(notebook);
        if (index < 0)
            throw new NotebookException($"{notebookName}: --param given but no code cell is tagged \"{ParametersTag}\" (metadata.tags)");
        var declared = Parse(notebook.Cells[index].Source).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last());
        var lines = new List<string> { "// Parameters injected by `alchemy notebook run --param` (papermill convention)" };
        foreach (var (name, value) in values)
        {
            if (!declared.TryGetValue(name, out var p))
                throw new NotebookException($"{notebookName}: unknown parameter '{name}'; the parameters cell declares: {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Keys))}");
            lines.Add($"{name} = {Literal(p, value, notebookName)};");
        }
        notebook.Cells.RemoveAll(c => c.Tags.Contains(InjectedTag));
        notebook.Cells.Insert(FindCell(notebook) + 1, NotebookCell.Code(string.Join('\n', lines), InjectedTag));
    }

    /// <summary>The C# literal for <paramref name="value"/> as the parameter's type.</summary>
    /// <exception cref="NotebookException">The type is not supported or the value does not parse as it.</exception>
    public static string Literal(NotebookParameter parameter, string value, string notebookName = "notebook")
    {
        var inv = CultureInfo.InvariantCulture;
        string? literal = parameter.Type switch
        {
            "int" => int.TryParse(value, NumberStyles.Integer, inv, out int i) ? i.ToString(inv) : null,
            "long" => long.TryParse(value, NumberStyles.Integer, inv, out long l) ? l.ToString(inv) + "L" : null,
            "double" => double.TryParse(value, NumberStyles.Float, inv, out double d) && double.IsFinite(d) ? d.ToString("R", inv) + "d" : null,
            "float" => float.TryParse(value, NumberStyles.Float, inv, out float f) && float.IsFinite(f) ? f.ToString("R", inv) + "f" : null,
            "decimal" => decimal.TryParse(value, NumberStyles.Float, inv, out decimal m) ? m.ToString(inv) + "m" : null,
            "bool" => bool.TryParse(value, out bool b) ? (b ? "true" : "false") : null,
            "string" => SymbolDisplay.FormatLiteral(value, quote: true),
            _ => throw new NotebookException(
                $"{notebookName}: parameter '{parameter.Name}' is declared as `{parameter.Declaration}`; --param can set only {string.Join("/", SupportedTypes)} parameters declared with a literal or an explicit type"),
        };
        return literal ?? throw new NotebookException($"{notebookName}: --param {parameter.Name}={value}: '{value}' is not a valid {parameter.Type} (declared as `{parameter.Declaration}`)");
    }

    private static string? Normalize(string type) => type switch
    {
        "int" or "Int32" or "System.Int32" => "int",
        "long" or "Int64" or "System.Int64" => "long",
        "double" or "Double" or "System.Double" => "double",
        "float" or "Single" or "System.Single" => "float",
        "decimal" or "Decimal" or "System.Decimal" => "decimal",
        "bool" or "Boolean" or "System.Boolean" => "bool",
        "string" or "String" or "System.String" or "string?" => "string",
        _ => null,
    };

    private static string? InferType(ExpressionSyntax? e)
    {
        if (e is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } u) e = u.Operand;
        return e switch
        {
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression or (int)SyntaxKind.FalseLiteralExpression } => "bool",
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } => "string",
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } n => n.Token.Value switch
            {
                int => "int",
                long => "long",
                double => "double",
                float => "float",
                decimal => "decimal",
                _ => null,
            },
            _ => null,
        };
    }
}
