// Which existing tags did the author most likely mean? Semver-aware first (v1.4.2 missing: v1.4.1 before v1.4.0,
// same prefix style before others), then edit distance, then lexical (newest-looking last-sorted first).

import semver from 'semver';

const DEFAULT_LIMIT = 3;

interface Version {
  tag: string;
  v: semver.SemVer;
  prefixed: boolean;
}

function asVersion(tag: string): Version | undefined {
  const prefixed = /^v/i.test(tag);
  const v = semver.parse(prefixed ? tag.slice(1) : tag, { loose: true });
  if (v) return { tag, v, prefixed };
  // Two-part versions (`1.4`, `v2`) are common tags: compare them as x.y.0.
  const m = /^v?(\d+)(?:\.(\d+))?$/i.exec(tag);
  if (!m) return undefined;
  const c = semver.parse(`${m[1]}.${m[2] ?? '0'}.0`);
  return c ? { tag, v: c, prefixed } : undefined;
}

/** Levenshtein distance, bounded to short strings (tags are at most 128 characters). */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

function versionDistance(a: semver.SemVer, b: semver.SemVer): [number, number, number, number] {
  return [
    Math.abs(a.major - b.major),
    Math.abs(a.minor - b.minor),
    Math.abs(a.patch - b.patch),
    a.prerelease.length === b.prerelease.length ? 0 : 1,
  ];
}

function compareTuples(x: number[], y: number[]): number {
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The tags nearest to `missing`, best first. */
export function nearestTags(missing: string, tags: readonly string[], limit = DEFAULT_LIMIT): string[] {
  const existing = [...new Set(tags)].filter((t) => t !== missing);
  const want = asVersion(missing);
  const ranked: string[] = [];
  if (want) {
    const versions = existing.map(asVersion).filter((v): v is Version => v !== undefined);
    versions.sort((p, q) => {
      const byDistance = compareTuples(versionDistance(p.v, want.v), versionDistance(q.v, want.v));
      if (byDistance !== 0) return byDistance;
      const byStyle = Number(p.prefixed !== want.prefixed) - Number(q.prefixed !== want.prefixed);
      if (byStyle !== 0) return byStyle;
      // Equally near: the one released before the missing one is the likelier intent (the push that never happened).
      const pBelow = semver.lt(p.v, want.v) ? 0 : 1;
      const qBelow = semver.lt(q.v, want.v) ? 0 : 1;
      if (pBelow !== qBelow) return pBelow - qBelow;
      return semver.rcompare(p.v, q.v) || p.tag.localeCompare(q.tag);
    });
    ranked.push(...versions.map((v) => v.tag));
  }
  const rest = existing.filter((t) => !ranked.includes(t));
  rest.sort((a, b) => editDistance(a, missing) - editDistance(b, missing) || b.localeCompare(a));
  ranked.push(...rest);
  return ranked.slice(0, limit);
}
