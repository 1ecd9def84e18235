// Chooses the renderer for an output format. The renderers themselves live in src/report/.

import type { OutputFormat } from './config.js';
import type { Report } from './types.js';
import { renderJson } from './report/json.js';
import { renderSummary } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderText } from './report/text.js';

export function renderReport(report: Report, format: OutputFormat, opts: { color: boolean; version: string }): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return JSON.stringify(renderSarif(report, { toolVersion: opts.version }), null, 2) + '\n';
    case 'markdown':
      return renderSummary(report);
    case 'text':
      return renderText(report, { color: opts.color });
  }
}
