// Code scanning's documented rules for an uploaded SARIF file (docs.github.com, "SARIF support for code scanning":
// supported properties, upload limits), applied to a log so CI refuses one GitHub would reject or churn on:
// every result has a location and a partialFingerprints entry; artifact URIs are relative (no scheme, no leading
// slash, no `..`) and based on %SRCROOT%; every rule has helpUri; a result's ruleIndex names its rule; the file is
// under 10 MB (the gzip limit is 10 MB too; the raw size is the stricter bound here); at most 25,000 results per run.
// Fingerprint stability is checked by the tests (render twice with changed message text, compare).

import type { Log } from 'sarif';

export const CODE_SCANNING_MAX_BYTES = 10 * 1024 * 1024;
export const CODE_SCANNING_MAX_RESULTS = 25_000;

export function codeScanningProblems(log: Log, bytes: number): string[] {
  const problems: string[] = [];
  if (bytes >= CODE_SCANNING_MAX_BYTES) problems.push(`file is ${bytes} bytes, over 10 MB`);
  if (log.version !== '2.1.0') problems.push(`version ${String(log.version)} is not 2.1.0`);
  for (const [ri, run] of log.runs.entries()) {
    const rules = run.tool.driver.rules ?? [];
    for (const rule of rules) if (!rule.helpUri) problems.push(`run ${ri}: rule ${rule.id} has no helpUri`);
    const results = run.results ?? [];
    if (results.length > CODE_SCANNING_MAX_RESULTS) problems.push(`run ${ri}: ${results.length} results, over 25,000`);
    for (const [i, r] of results.entries()) {
      const where = `run ${ri} result ${i} (${r.ruleId ?? '?'})`;
      if (r.ruleIndex !== undefined && rules[r.ruleIndex]?.id !== r.ruleId)
        problems.push(`${where}: ruleIndex mismatch`);
      const fps = Object.values(r.partialFingerprints ?? {});
      if (fps.length === 0 || fps.some((v) => !v)) problems.push(`${where}: no partialFingerprints entry`);
      const locs = r.locations ?? [];
      if (locs.length === 0) problems.push(`${where}: no location`);
      for (const l of locs) {
        const a = l.physicalLocation?.artifactLocation;
        const uri = a?.uri ?? '';
        if (!uri) problems.push(`${where}: location without uri`);
        if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) problems.push(`${where}: uri ${uri} is absolute`);
        if (uri.split('/').includes('..')) problems.push(`${where}: uri ${uri} leaves the repository`);
        if (a?.uriBaseId !== '%SRCROOT%') problems.push(`${where}: uri ${uri} is not based on %SRCROOT%`);
        if ((l.physicalLocation?.region?.startLine ?? 0) < 1) problems.push(`${where}: startLine < 1`);
      }
    }
  }
  return problems;
}
