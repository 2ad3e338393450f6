using Microsoft.Playwright;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// Accessibility and self-containment basics checked on every page a browser test photographs: every form field
/// has a label, every button and link a name, every image an alt text, the page a language and a heading, and
/// nothing is loaded from another origin (no CDN at run time).
/// </summary>
public static class PageChecks
{
    private const string Script = """
        () => {
          const problems = [];
          for (const e of document.querySelectorAll('input, select, textarea')) {
            if (['hidden', 'submit', 'button'].includes(e.type)) continue;
            const named = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby');
            if (!named) problems.push('field without a label: ' + e.outerHTML.slice(0, 120));
          }
          for (const b of document.querySelectorAll('button, a[href]'))
            if (!(b.textContent.trim() || b.getAttribute('aria-label'))) problems.push('control without a name: ' + b.outerHTML.slice(0, 120));
          for (const i of document.querySelectorAll('img'))
            if (!i.hasAttribute('alt')) problems.push('image without alt text: ' + i.outerHTML.slice(0, 120));
          for (const e of document.querySelectorAll('script[src], link[href], img[src], iframe[src], audio[src], video[src], source[src]')) {
            const u = new URL(e.getAttribute('src') || e.getAttribute('href'), location.href);
            if (u.origin !== location.origin) problems.push('resource from another origin: ' + u.href);
          }
          for (const r of performance.getEntriesByType('resource'))
            if (new URL(r.name).origin !== location.origin) problems.push('loaded from another origin: ' + r.name);
          if (!document.documentElement.lang) problems.push('the page has no lang attribute');
          if (!document.querySelector('h1')) problems.push('the page has no h1');
          return problems;
        }
        """;

    public static async Task AssertBasicsAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        Assert.True(problems.Length == 0, $"{page.Url}: {string.Join("; ", problems)}");
    }
}
