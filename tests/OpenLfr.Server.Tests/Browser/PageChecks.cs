using Microsoft.Playwright;

namespace OpenLfr.Server.Tests.Browser;

/// <summary>
/// Accessibility and self-containment basics checked on every page a browser test photographs: every form field
/// has a label, every button and link a name, every image an alt text, text enough contrast (WCAG AA), the page a
/// language and a heading, and nothing is loaded from another origin (no CDN at run time).
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
          // Text contrast (WCAG AA: 4.5:1, 3:1 for large text) against the nearest opaque background.
          const rgb = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(parseFloat); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = ({ r, g, b }) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          for (const e of document.body.querySelectorAll('*')) {
            if (!Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const r = e.getBoundingClientRect();
            if (r.width < 2 || r.height < 2 || e.closest('[hidden], script, style, option')) continue;
            const st = getComputedStyle(e);
            if (st.visibility === 'hidden' || st.display === 'none') continue;
            const fg = rgb(st.color), bg = background(e);
            const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const ratio = (hi + 0.05) / (lo + 0.05);
            const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
            const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
            if (ratio < needed) problems.push(`contrast ${ratio.toFixed(2)}:1 (needs ${needed}) for "${e.textContent.trim().slice(0, 40)}" (${st.color} on rgb(${bg.r}, ${bg.g}, ${bg.b}))`);
          }
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
