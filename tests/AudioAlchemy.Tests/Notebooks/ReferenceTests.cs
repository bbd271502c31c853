using AudioAlchemy.Notebooks;
using static AudioAlchemy.Tests.Notebooks.NotebookTestKit;

namespace AudioAlchemy.Tests.Notebooks;

[Collection(NotebookCollection.Name)]
public class ReferenceTests
{
    [Fact]
    public void HashR_RelativePath_ResolvesAgainstTheNotebookFolder_AndSharesTheLoadedAssembly()
    {
        using var dir = TestData.TempDir();
        string dll = typeof(AudioAlchemy.Audio.AudioFile).Assembly.Location;
        string relative = Path.GetRelativePath(dir.Path, dll);
        Assert.False(Path.IsPathRooted(relative));
        var r = Run(Notebook($"#r \"{relative}\"\nusing AudioAlchemy.Audio;\nSystem.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(typeof(AudioFile).Assembly)"), dir);
        AssertOk(r);
        Assert.Equal(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(typeof(AudioAlchemy.Audio.AudioFile).Assembly).ToString(), Plain(Outputs(r, 1)[0]));
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void HashR_PathToAnUnloadedAssemblyFile_IsReferencedFromTheFile()
    {
        using var dir = TestData.TempDir();
        // a real assembly the runner has not loaded: compile one with Roslyn into the notebook folder
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Tiny { public static class Answer { public static int Value => 41 + 1; } }");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("TinyNotebookLib" + Guid.NewGuid().ToString("N")[..6], [tree],
            [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(dir.File("lib"));
        Microsoft.CodeAnalysis.Emit.EmitResult emit;
        using (var stream = File.Create(dir.File("lib/Tiny.dll"))) emit = compilation.Emit(stream);
        Assert.True(emit.Success);
        var r = Run(Notebook("#r \"lib/Tiny.dll\"", "Tiny.Answer.Value"), dir);
        AssertOk(r);
        Assert.Equal("42", Plain(Outputs(r, 2)[0]));
    }

    [Fact]
    public void HashR_MissingFile_FailsTheCellNamingThePath()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("var a = 1;", "#r \"nowhere/Missing.Library.dll\"\na"), dir);
        Assert.False(r.Succeeded);
        Assert.Equal(3, r.Failure!.CellNumber);
        Assert.Contains("Missing.Library.dll", r.Failure.Message);
        Assert.Contains("file not found", r.Failure.Message);
    }

    [Fact]
    public void HashR_Nuget_KnownPackage_IsSatisfiedFromTheRunner_WarnsOnOtherVersion()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget:Markdig\"\nusing Plotly.NET;\ntypeof(GenericChart).Assembly.GetName().Name"), dir);
        AssertOk(r);
        Assert.Equal("Plotly.NET", Plain(Outputs(r, 1)[0]));
        Assert.Empty(r.Warnings);

        var other = Run(Notebook("#r \"nuget: Plotly.NET, 5.1.0\"\n1"), dir);
        AssertOk(other);
        Assert.Contains(other.Warnings, w => w.Contains("5.1.0") && w.Contains("6.0.0"));
    }

    [Fact]
    public void HashR_Nuget_UnknownPackage_FailsTheCellNamingThePackage()
    {
        using var dir = TestData.TempDir();
        var r = Run(Notebook("#r \"nuget: Totally.Unknown.Package, 1.2.3\"\n1"), dir);
        Assert.False(r.Succeeded);
        Assert.Equal(2, r.Failure!.CellNumber);
        Assert.Equal("NotebookError", r.Failure.ErrorName);
        Assert.Contains("'Totally.Unknown.Package' is not available", r.Failure.Message);
        var error = Assert.Single(Outputs(r, 1));
        Assert.Equal("error", error.OutputType);
    }

    [Fact]
    public void CellDirectives_BlankDirectiveLines_KeepingLineNumbers()
    {
        var d = CellDirectives.Parse("#!csharp\n#r \"nuget: A.B, 1.0\"\n#r \"x/y.dll\" // note\nvar z = 1;", null);
        Assert.Equal("\n\n\nvar z = 1;", d.Code);
        Assert.Equal(new NugetReference("A.B", "1.0", 2), Assert.Single(d.Packages));
        Assert.Equal(new PathReference("x/y.dll", 3), Assert.Single(d.Paths));
        Assert.True(d.IsCSharp);
        Assert.True(CellDirectives.Parse("#!markdown\n# hi", null).IsMarkdown);
        Assert.False(CellDirectives.Parse("x", "fsharp").IsCSharp);
    }
}
