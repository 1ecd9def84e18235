// scanText reads a file document by document with the fast reader (each document scanned as soon as it is read, so a
// file of 100,000 documents never holds all their trees) and falls back to the full reader when the fast one gives up
// partway: what it scanned before giving up must be forgotten, never counted twice, and a file the full reader refuses
// yields its one manifest-invalid finding and no image at all, however many documents came before the error.

import { describe, expect, it } from 'vitest';
import { scanText } from '../../../src/inventory/inventory.js';
import { scanDocument, type RawImageUse } from '../../../src/inventory/workloads.js';
import { parseManifestTextFull } from '../../../src/inventory/yaml-tree.js';
import { readManifestFast } from '../../../src/inventory/yaml-fast.js';
import { DEFAULT_PARSE_LIMITS } from '../../../src/inventory/yaml-tree.js';
import type { Finding, ManifestSecret, ManifestServiceAccount } from '../../../src/types/index.js';

interface Sink {
  raw: RawImageUse[];
  secrets: ManifestSecret[];
  serviceAccounts: ManifestServiceAccount[];
  findings: Finding[];
}

function scan(text: string): Sink {
  const sink: Sink = { raw: [], secrets: [], serviceAccounts: [], findings: [] };
  scanText(text, 'm.yaml', 'default', sink);
  return sink;
}

const pod = (i: number, image = `reg.example.com/app-${i}:1.0`) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n`;

/** Image uses and their lines as the full reader alone finds them. */
function fullReaderUses(text: string): [string | undefined, number][] {
  return parseManifestTextFull(text).flatMap((d) =>
    scanDocument(d, 'm.yaml', 'default').uses.map((u) => [u.image, u.location.line] as [string | undefined, number]),
  );
}

describe('scanText, document by document', () => {
  it('a file the fast reader answers: every image once, on its line', () => {
    const text = Array.from({ length: 50 }, (_, i) => pod(i)).join('---\n');
    expect(readManifestFast(text, DEFAULT_PARSE_LIMITS, () => undefined)).toBe(true);
    const sink = scan(text);
    expect(sink.findings).toEqual([]);
    expect(sink.raw.map((u) => [u.image, u.location.line])).toEqual(fullReaderUses(text));
    expect(sink.raw).toHaveLength(50);
  });

  it('the fast reader gives up in the third document (an anchor and alias): the full reader answers, nothing twice', () => {
    const docs = [pod(0), pod(1), `${pod(2, '&img reg.example.com/shared:1.0')}  - name: d\n    image: *img\n`, pod(3)];
    const text = docs.join('---\n');
    let visited = 0;
    expect(readManifestFast(text, DEFAULT_PARSE_LIMITS, () => visited++)).toBe(false);
    expect(visited).toBe(2); // two documents read before it gave up: those are the ones that must not count twice
    const sink = scan(text);
    expect(sink.findings).toEqual([]);
    expect(sink.raw.map((u) => [u.image, u.location.line])).toEqual(fullReaderUses(text));
    expect(sink.raw.map((u) => u.image)).toEqual([
      'reg.example.com/app-0:1.0',
      'reg.example.com/app-1:1.0',
      'reg.example.com/shared:1.0',
      'reg.example.com/shared:1.0',
      'reg.example.com/app-3:1.0',
    ]);
  });

  it('a syntax error in the last of 40 documents: one manifest-invalid finding with its line, and no image', () => {
    const text = [...Array.from({ length: 39 }, (_, i) => pod(i)), 'apiVersion: v1\nkind: Pod\nmetadata: [\n'].join(
      '---\n',
    );
    const sink = scan(text);
    expect(sink.raw).toEqual([]);
    expect(sink.findings.map((f) => f.rule)).toEqual(['manifest-invalid']);
    expect(sink.findings[0].location?.line).toBeGreaterThan(39 * 8);
  });

  it('documents past a piece of the text (64 KB) are read as one text: same uses, same lines, same Helm sources', () => {
    // As helm template writes them: `---`, then the `# Source:` comment, then the object.
    const text = Array.from({ length: 2000 }, (_, i) => `---\n# Source: chart/templates/p${i}.yaml\n${pod(i)}`).join(
      '',
    );
    expect(text.length).toBeGreaterThan(4 * 64 * 1024);
    const sink = scan(text);
    expect(sink.raw).toHaveLength(2000);
    expect(sink.raw.map((u) => [u.image, u.location.line])).toEqual(fullReaderUses(text));
    expect(sink.raw.map((u) => u.location.helmSource)).toEqual(
      Array.from({ length: 2000 }, (_, i) => `chart/templates/p${i}.yaml`),
    );
  });
});
