// The findings that can apply to one image, found without reading every finding for every image (a 5,000-image run
// has as many findings as a tenth of its images, and the report asks per image and concern): a finding that names an
// image applies to that image only; one that names none (a registry's firewall, the cluster's identity) may apply to
// any. Order is kept: the first finding of a concern decides what a check says.

import type { Finding } from '../types/index.js';

const lookups = new WeakMap<readonly Finding[], { length: number; lookup: (reference: string) => Finding[] }>();

/** For each image reference: the findings naming it and every finding naming no image, in `findings`' order. */
export function findingsForImage(findings: readonly Finding[]): (reference: string) => Finding[] {
  // Kept per list while it has the same length (the lists the report reads are not changed once built).
  const known = lookups.get(findings);
  if (known && known.length === findings.length) return known.lookup;
  const own = new Map<string, number[]>();
  const shared: number[] = [];
  findings.forEach((f, i) => {
    if (f.image === undefined) shared.push(i);
    else {
      const list = own.get(f.image);
      if (list) list.push(i);
      else own.set(f.image, [i]);
    }
  });
  const lookup = (reference: string): Finding[] => {
    const mine = own.get(reference) ?? [];
    const out: Finding[] = [];
    let a = 0;
    let b = 0;
    while (a < mine.length || b < shared.length) {
      const next = b >= shared.length || (a < mine.length && mine[a] < shared[b]) ? mine[a++] : shared[b++];
      out.push(findings[next]);
    }
    return out;
  };
  lookups.set(findings, { length: findings.length, lookup });
  return lookup;
}
