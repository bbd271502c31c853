using AudioAlchemy.Reporting;

namespace AudioAlchemy.Tests.Experiments;

/// <summary>A fact that needs a headless Chromium (<see cref="ChromiumScreenshot.TryCreate"/>); skipped with the reason when there is none.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumScreenshot.TryCreate() is null)
            Skip = $"no Chromium here (none of {string.Join(", ", ChromiumScreenshot.Candidates)}, CHROMIUM unset): PNG export is optional by design";
    }
}
