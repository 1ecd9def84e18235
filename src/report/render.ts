// Chooses the renderer for an output format. The renderers themselves live in src/report/.

import type { OutputFormat } from '../settings/config.js';
import type { Report } from '../types/index.js';
import { renderJson } from './json.js';
import { renderSummary } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export function renderReport(
  report: Report,
  format: OutputFormat,
  opts: { color: boolean; version: string; fileExists?: (file: string) => boolean },
): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'sarif':
      return (
        JSON.stringify(
          renderSarif(report, {
            toolVersion: opts.version,
            ...(opts.fileExists ? { fileExists: opts.fileExists } : {}),
          }),
          null,
          2,
        ) + '\n'
      );
    case 'markdown':
      return renderSummary(report);
    case 'text':
      return renderText(report, { color: opts.color });
  }
}
