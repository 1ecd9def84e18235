// Markdown -> HTML as GitHub shows a job summary or a PR comment: CommonMark with GFM tables and strikethrough,
// raw HTML allowed (<details>, <summary>, <sub>, <br> are what the report uses), links made from bare URLs. markdown-it
// is not GitHub's renderer (cmark-gfm), but both follow CommonMark + GFM tables, which is what the report relies on.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: true, linkify: true, typographer: false });

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}

/** A whole page around the rendered body, styled close to GitHub's markdown body, for a screenshot. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#1f2328;max-width:1012px;margin:24px auto;padding:0 16px}
h1,h2,h3{border-bottom:1px solid #d1d9e0;padding-bottom:.3em}
table{border-collapse:collapse;display:block;overflow:auto}
th,td{border:1px solid #d1d9e0;padding:6px 13px}
tr:nth-child(2n){background:#f6f8fa}
code{background:#eff1f3;border-radius:6px;padding:.2em .4em;font-size:85%}
pre{background:#f6f8fa;border-radius:6px;padding:16px;overflow:auto}
pre code{background:none;padding:0}
details{margin:8px 0}
summary{cursor:pointer}
</style></head><body>
${body}</body></html>
`;
}

/** What a rendering left as raw markdown (a table row, bold markers, a heading hash), which GitHub would not show so. */
export function markdownLeftovers(html: string): string[] {
  const text = html
    .replace(/<pre[\s\S]*?<\/pre>/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/<[^>]+>/g, '');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (/^\|.*\|$/.test(l)) out.push(`table row left as text: ${l.slice(0, 80)}`);
    if (/\*\*\S/.test(l)) out.push(`bold markers left: ${l.slice(0, 80)}`);
    if (/^#{1,6} /.test(l)) out.push(`heading left as text: ${l.slice(0, 80)}`);
  }
  return out;
}
