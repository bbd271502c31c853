using AudioAlchemy.Demo;
using AudioAlchemy.Reporting;

namespace AudioAlchemy.Tests.Demo;

public class ReportIndexTests
{
    [Fact]
    public void Write_LinksFiguresTablesAndNotebooks_InStudyOrder_Offline()
    {
        using var dir = TestData.TempDir();
        void Put(string rel, string text) { var p = Path.Combine(dir.Path, rel); Directory.CreateDirectory(Path.GetDirectoryName(p)!); File.WriteAllText(p, text); }
        Put("q2/q2_test_metrics.csv", "model,test_accuracy\nRF,0.8125\nKNN,0.71234567891\n");
        Put("q2/q2_confusion_test_RF.html", "<html>chart</html>");
        Put("q2/q2_confusion_test_RF.png", "png");
        Put("q2/q2_learning_curve_RF.html", "<html>chart</html>");
        Put("q2/q2_sweep.png", "old png");
        Put("q2/q2_sweep.html", "<html>newer chart</html>");
        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, "q2/q2_sweep.png"), DateTime.UtcNow.AddHours(-1));
        Put("q1/q1_summary.csv", "cv,ablation,model,f1\nstratified,vocal,LogReg,0.5\n");
        Put("q2-cnn/models/grey-c2/history.csv", "epoch\n1\n");
        Put("extra/notes.txt", "x");
        Put("notebooks/00-corpus.html", "<html></html>");
        Put("notebooks/00-corpus.ipynb", "{}");

        string path = ReportIndex.Write(dir.Path);
        Assert.Equal(Path.Combine(dir.Path, "index.html"), path);
        string html = File.ReadAllText(path);

        Assert.Contains("<img src=\"q2/q2_confusion_test_RF.png\"", html);
        Assert.Contains("href=\"q2/q2_confusion_test_RF.html\"", html);
        Assert.Contains("href=\"q2/q2_learning_curve_RF.html\"", html);          // chart without PNG: a link
        Assert.DoesNotContain("<img src=\"q2/q2_sweep.png\"", html);           // stale screenshot: not shown
        Assert.Contains("href=\"q2/q2_sweep.html\"", html);
        Assert.Contains("<td>0.8125</td>", html);
        Assert.Contains("<td>0.7123</td>", html);                               // long numbers shortened
        Assert.Contains("href=\"notebooks/00-corpus.html\"", html);
        Assert.Contains("href=\"notebooks/00-corpus.ipynb\"", html);
        Assert.Contains("href=\"extra/notes.txt\"", html);
        Assert.DoesNotContain("history.csv", html);                              // model folders are not listed
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.True(html.IndexOf("id=\"q1\"", StringComparison.Ordinal) < html.IndexOf("id=\"q2\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"q2\"", StringComparison.Ordinal) < html.IndexOf("id=\"extra\"", StringComparison.Ordinal));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Write_MissingFolder_IsAClearError()
    {
        var e = Assert.Throws<AlchemyException>(() => ReportIndex.Write("/nonexistent/results-folder"));
        Assert.Contains("results-folder", e.Message);
    }

    [Fact]
    public void Headlines_AreReadFromTheTables()
    {
        using var dir = TestData.TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "q2"));
        Directory.CreateDirectory(Path.Combine(dir.Path, "mp3-vs-wav"));
        File.WriteAllText(Path.Combine(dir.Path, "q2", "q2_test_metrics.csv"),
            "model,params,cv_score,cv_std,test_accuracy,test_precision,test_recall,test_f1,test_weighted_f1,test_auc_ovr\nRF,n_estimators=50,0.75,0.1,0.8,0.8,0.8,0.79,0.8,0.9\n");
        File.WriteAllText(Path.Combine(dir.Path, "mp3-vs-wav", "similarity.csv"),
            "kbps,tracks,mean_pearson,min_pearson,similarity_pct,mean_abs_diff_db,max_abs_diff_db,mean_kb\n128,10,0.9991,0.998,99.91,0.52,9.1,300\n");
        var lines = Headlines.Read(dir.Path);
        Assert.Equal(2, lines.Count);
        Assert.Contains("held-out accuracy 0.800", lines[0]);
        Assert.Contains("macro-F1 0.790", lines[0]);
        Assert.Contains("MP3 128 kbps", lines[1]);
        Assert.Contains("0.999", lines[1]);
        Assert.Empty(Headlines.Read(Path.Combine(dir.Path, "nothing-here")));
    }
}
