// Chooses the renderer for an output format. The renderers themselves live in src/report/.

import type { OutputFormat } from './config.js';
import type { Report } from './types.js';

export function renderReport(report: Report, format: OutputFormat, opts: { color: boolean; version: string }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    default:
      return JSON.stringify(report, null, 2) + '\n';
  }
}
