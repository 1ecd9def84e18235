// The per-image finding lookup the verdict and the report use instead of reading every finding for every image: it
// must give exactly what that filter gave, in the same order (the first finding of a concern decides a check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findingsForImage } from '../../../src/lib/findings-by-image.js';
import type { Finding } from '../../../src/types/index.js';

const REFS = ['a.azurecr.io/x:1', 'a.azurecr.io/y:2', 'docker.io/library/nginx:1'];

function finding(i: number, image: string | undefined): Finding {
  return {
    rule: 'image-not-found',
    severity: 'error',
    message: `finding ${i}`,
    ...(image !== undefined ? { image } : {}),
  } as Finding;
}

describe('findingsForImage', () => {
  it('gives each image the findings naming it and those naming none, in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom(...REFS), { nil: undefined }), { maxLength: 60 }), (images) => {
        const findings = images.map((img, i) => finding(i, img));
        const lookup = findingsForImage(findings);
        for (const ref of [...REFS, 'ghcr.io/unnamed:1']) {
          expect(lookup(ref)).toEqual(findings.filter((f) => f.image === undefined || f.image === ref));
        }
      }),
    );
  });

  it('is built once per findings list', () => {
    const findings = [finding(0, REFS[0]), finding(1, undefined)];
    expect(findingsForImage(findings)).toBe(findingsForImage(findings));
    expect(findingsForImage(findings)(REFS[0]).map((f) => f.message)).toEqual(['finding 0', 'finding 1']);
  });
});
