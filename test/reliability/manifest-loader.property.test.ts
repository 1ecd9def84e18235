// Property tests for the manifest loader (scanText = parseManifestText + scanDocument, and buildInventory on bytes),
// guarding against: an uncaught exception or a stack overflow on text a user (or a broken template) hands the gate, a
// problem reported without a line, an error finding of any rule other than those the loader owns, and a parse that
// takes unbounded time. numRuns total 6,300 here (with the image-reference properties' ~15,900, over 10,000 per run).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/inventory/inventory.js';
import { buildInventory } from '../../src/inventory/inventory.js';
import type { Finding } from '../../src/types/index.js';
import type { RawImageUse } from '../../src/inventory/workloads.js';
import type { ManifestSecret, ManifestServiceAccount } from '../../src/types/index.js';

/** Counted so the report can state how many generated cases one run executes. */
export const NUM_RUNS = { yamlish: 2000, unicode: 1000, objects: 2000, nesting: 300, bytes: 1000 } as const;

interface Sink {
  raw: RawImageUse[];
  secrets: ManifestSecret[];
  serviceAccounts: ManifestServiceAccount[];
  findings: Finding[];
}

function scan(text: string): { sink: Sink; ms: number } {
  const sink: Sink = { raw: [], secrets: [], serviceAccounts: [], findings: [] };
  const started = performance.now();
  scanText(text, 'gen.yaml', 'default', sink);
  return { sink, ms: performance.now() - started };
}

/** The loader's contract: only these rules come out of a file's content; a problem always has a positive line. */
const LOADER_RULES = new Set(['manifest-invalid', 'manifest-empty', 'no-workloads']);

function expectWellFormed(text: string, sink: Sink): void {
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of sink.findings) {
    expect(LOADER_RULES.has(f.rule), `unexpected rule ${f.rule}: ${f.message}`).toBe(true);
    expect(f.location?.file).toBe('gen.yaml');
    expect(Number.isInteger(f.location?.line)).toBe(true);
    expect(f.location!.line).toBeGreaterThanOrEqual(1);
    // A line past the end of the text points the user nowhere (one extra for a trailing newline / end of input).
    expect(f.location!.line).toBeLessThanOrEqual(lines + 1);
    expect(f.message).not.toMatch(/\n\s+at /);
    if (f.rule === 'manifest-invalid') {
      expect(f.severity).toBe('error');
      expect(f.message.startsWith('gen.yaml:')).toBe(true);
    }
  }
  for (const u of sink.raw) {
    expect(u.location.line).toBeGreaterThanOrEqual(1);
    expect(u.location.line).toBeLessThanOrEqual(lines + 1);
  }
}

// --- Generators -----------------------------------------------------------------------------------------------------

/** Tokens that make YAML interesting: indicators, anchors, tags, directives, flow collections, block scalars. */
const yamlToken = fc.constantFrom(
  ':',
  ': ',
  '- ',
  '-',
  '? ',
  '---',
  '...',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '  ',
  ' ',
  '#',
  '&a',
  '*a',
  '&b ',
  '*b',
  '!!str ',
  '!!binary ',
  '!<tag:x>',
  '!local ',
  '%YAML 1.2\n',
  '%TAG ! tag:x:\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '|',
  '>',
  '|-',
  '>+',
  '<<: *a',
  'image: ',
  'containers:',
  'spec:',
  'template:',
  'kind: Pod',
  'kind: Deployment',
  'apiVersion: v1',
  'apiVersion: apps/v1',
  'name: x',
  'nginx',
  '{{ .Values.tag }}',
  '${TAG}',
  '~',
  'null',
  'true',
  '0x1F',
  '1e400',
  '.nan',
  '\\',
  '\u00a0',
  '\ufeff',
  '\u0000',
  '\u2028',
  '\ud800',
  'é',
  '🐳',
);
const yamlish = fc
  .array(fc.oneof({ weight: 4, arbitrary: yamlToken }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), {
    maxLength: 80,
  })
  .map((a) => a.join(''));

const key = fc.oneof(
  fc.constantFrom(
    'apiVersion',
    'kind',
    'metadata',
    'name',
    'namespace',
    'spec',
    'template',
    'containers',
    'initContainers',
    'ephemeralContainers',
    'image',
    'imagePullSecrets',
    'serviceAccountName',
    'jobTemplate',
    'nodeSelector',
    'affinity',
  ),
  fc.string({ maxLength: 6 }),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('nginx', 'prodacr.azurecr.io/orders-api:v1.4.2', 'UPPER/Case:tag', 'a@sha256:00', '{{ x }}', '', ' '),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/** Kubernetes-shaped objects with random nesting: the real keys at random depths, values of the wrong type. */
const kubeValue = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 5 }),
  ),
})).v;
/** A pod spec whose containers hold real-looking images among random junk, so image positions are exercised. */
const container = fc.oneof(
  fc.record(
    {
      name: scalar,
      image: fc.oneof(scalar, fc.constantFrom('nginx:1.27', 'prodacr.azurecr.io/orders-api:v1.4.2')),
      extra: kubeValue,
    },
    { requiredKeys: ['image'] },
  ),
  kubeValue,
);
const podSpec = fc.record(
  {
    containers: fc.array(container, { maxLength: 3 }),
    initContainers: fc.array(container, { maxLength: 2 }),
    imagePullSecrets: fc.oneof(fc.array(fc.record({ name: scalar }), { maxLength: 2 }), kubeValue),
    serviceAccountName: scalar,
    nodeSelector: kubeValue,
  },
  { requiredKeys: ['containers'] },
);
const workloadSpec = fc.oneof(
  podSpec,
  podSpec.map((spec) => ({ template: { spec } })),
  podSpec.map((spec) => ({ jobTemplate: { spec: { template: { spec } } } })),
  kubeValue,
);
const kubeObject = fc.record(
  {
    apiVersion: fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'argoproj.io/v1alpha1', 'x'),
    kind: fc.constantFrom(
      'Pod',
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'Job',
      'CronJob',
      'ReplicaSet',
      'Secret',
      'ServiceAccount',
      'Rollout',
      'List',
      'ConfigMap',
      'Unknown',
    ),
    metadata: fc.oneof(fc.record({ name: scalar, namespace: scalar }, { requiredKeys: [] }), kubeValue),
    spec: workloadSpec,
    items: fc.array(kubeValue, { maxLength: 3 }),
    data: kubeValue,
  },
  { requiredKeys: ['kind'] },
);

/** Serializes like a human or a template engine would: block style, flow style, JSON, sometimes several documents. */
function toYaml(v: unknown, indent = ''): string {
  if (v === null) return '~';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v))
    return v.length ? v.map((x) => `\n${indent}- ${toYaml(x, indent + '  ').trimStart()}`).join('') : '[]';
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return '{}';
  return entries.map(([k, x]) => `\n${indent}${JSON.stringify(k)}: ${toYaml(x, indent + '  ')}`).join('');
}

// --- Properties -----------------------------------------------------------------------------------------------------

describe('manifest loader properties', () => {
  it('never throws on YAML-ish token soup; every problem is manifest-invalid with a line, in bounded time', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const { sink, ms } = scan(text);
        expectWellFormed(text, sink);
        expect(ms).toBeLessThan(10_000);
      }),
      { numRuns: NUM_RUNS.yamlish },
    );
  });

  it('never throws on arbitrary Unicode text (lone surrogates, controls, line separators)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectWellFormed(text, scan(text).sink);
      }),
      { numRuns: NUM_RUNS.unicode },
    );
  });

  it('finds every generated container image exactly where it was written, or reports a line, for Kubernetes objects with random nesting', () => {
    let withImages = 0;
    fc.assert(
      fc.property(
        fc.array(kubeObject, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('block', 'json', 'crlf'),
        (objs, style) => {
          let text =
            objs.map((o) => (style === 'json' ? JSON.stringify(o) : toYaml(o).trimStart())).join('\n---\n') + '\n';
          if (style === 'crlf') text = text.replace(/\n/g, '\r\n');
          const { sink, ms } = scan(text);
          expectWellFormed(text, sink);
          // Generated from JS values, so the text always parses: a manifest-invalid here is a loader bug, not bad input.
          expect(sink.findings.filter((f) => f.rule === 'manifest-invalid')).toEqual([]);
          // Every image found is a string that occurs in the text at the reported line.
          const lines = text.split(/\r?\n/);
          if (sink.raw.length) withImages++;
          for (const u of sink.raw) {
            if (typeof u.image !== 'string') continue;
            const line = lines[u.location.line - 1];
            // A scalar image appears as written (escaped in double quotes); a non-scalar one (a mapping or a sequence,
            // e.g. an unquoted `{{ .Values.image }}`) is recorded as its source text, whose first line stands there.
            const first = u.image.split(/\r?\n/)[0].slice(0, 10);
            expect(line.includes(JSON.stringify(u.image).slice(1, -1).slice(0, 10)) || line.includes(first), line).toBe(
              true,
            );
          }
          expect(ms).toBeLessThan(10_000);
        },
      ),
      { numRuns: NUM_RUNS.objects },
    );
    // The generator must reach the pod-spec paths, or this property proves nothing about image positions.
    expect(withImages).toBeGreaterThan(NUM_RUNS.objects / 50);
  });

  it('reports nesting deeper than the limit as manifest-invalid, never a RangeError, at any depth and mix of brackets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('[', '{"a":', '- '), (depth, open) => {
        const close = open === '[' ? ']' : open === '{"a":' ? '}' : '';
        const text =
          open === '- '
            ? Array.from({ length: Math.min(depth, 400) }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x\n'
            : `spec: ${open.repeat(depth)}1${close.repeat(depth)}\n`;
        const { sink, ms } = scan(text);
        expectWellFormed(text, sink);
        expect(ms).toBeLessThan(10_000);
      }),
      { numRuns: NUM_RUNS.nesting },
    );
  });
});

describe('manifest loader on arbitrary bytes (buildInventory, the path files take)', () => {
  it('never rejects on arbitrary non-empty bytes (empty stdin is a usage error); binary, invalid UTF-8 and bad YAML all become a manifest-invalid finding with a line', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          yamlish.map((s) => new TextEncoder().encode(s)),
          fc
            .tuple(yamlish, fc.uint8Array({ minLength: 1, maxLength: 4 }))
            .map(([s, b]) => Buffer.concat([Buffer.from(s), Buffer.from(b)])),
        ),
        async (bytes) => {
          const opts = {
            manifests: ['-'],
            cwd: '/',
            namespace: 'default',
            maxFileBytes: 1024 * 1024,
            readStdin: async () => Buffer.from(bytes),
          };
          // Nothing on stdin (a failed command before the pipe) is the one input that rejects: a usage error, exit 2.
          if (Buffer.from(bytes).toString('utf8').trim() === '') {
            await expect(buildInventory(opts)).rejects.toThrow('no manifests on standard input');
            return;
          }
          const inv = await buildInventory(opts);
          for (const f of inv.findings) {
            if (f.severity !== 'error') continue;
            // Static rules on found images (image-reference-invalid, template-unrendered) are findings too, but every
            // problem with the text itself is manifest-invalid with a line.
            expect(['manifest-invalid', 'image-reference-invalid', 'template-unrendered']).toContain(f.rule);
            expect(f.location?.line).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: NUM_RUNS.bytes },
    );
  });
});
