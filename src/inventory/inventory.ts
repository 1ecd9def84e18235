// Builds the inventory: reads every manifest file (bounded), parses it, finds every image a pod will pull with its exact
// position, resolves pull secrets through ServiceAccounts as the admission controller does, and records what reading
// the files found (manifest-invalid, and the manifest-empty / no-workloads notices). It judges nothing: the static
// rules on the images (checks/static.ts) run in the gate over the Inventory.

import { ConfigurationError } from '../settings/config.js';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Finding, ImageUse, Inventory, ManifestSecret, ManifestServiceAccount, RuleId } from '../types/index.js';
import { parseImageReference } from '../lib/image-reference.js';
import { resolveManifestInputs, STDIN, type ManifestSource } from './files.js';
import { scanDocument, type RawImageUse } from './workloads.js';
import { readManifestFast } from './yaml-fast.js';
import {
  DEFAULT_PARSE_LIMITS,
  ManifestSyntaxError,
  oneLine,
  parseManifestTextFull,
  type ParsedDocument,
} from './yaml-tree.js';

export interface InventoryOptions {
  manifests: string[];
  cwd: string;
  namespace: string;
  maxFileBytes: number;
  /** Reads standard input (injected so the action and tests control it). */
  readStdin?: () => Promise<Buffer>;
  /** Sees each file's text before it is parsed (the gate looks for an ACR login server to sign in early). */
  onText?: (text: string) => void;
  /** Sees each image a file names once the file is parsed (the gate starts the checks no credential changes). */
  onImage?: (image: string) => void;
}

export async function buildInventory(opts: InventoryOptions): Promise<Inventory> {
  const sources = await resolveManifestInputs(opts.manifests, opts.cwd);
  const findings: Finding[] = [];
  const raw: RawImageUse[] = [];
  const secrets: ManifestSecret[] = [];
  const serviceAccounts: ManifestServiceAccount[] = [];
  for (const source of sources) {
    const text = await readManifest(source, opts, findings);
    if (text === undefined) continue;
    opts.onText?.(text);
    const before = raw.length;
    scanText(text, source.display, opts.namespace, { raw, secrets, serviceAccounts, findings });
    if (opts.onImage) for (const r of raw.slice(before)) if (r.image !== undefined) opts.onImage(r.image);
    // Between files, what runs beside the reading (the sign-in, the early image checks) gets its answers in.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // Pods repeat images and ServiceAccounts: each image text is parsed once, each ServiceAccount found by namespace
  // and name (the first of a name, as a search through the list would).
  const refs = new Map<string, ReturnType<typeof parseImageReference>>();
  const accounts = new Map<string, Map<string, ManifestServiceAccount>>();
  for (const sa of serviceAccounts) {
    let inNamespace = accounts.get(sa.namespace);
    if (!inNamespace) accounts.set(sa.namespace, (inNamespace = new Map()));
    if (!inNamespace.has(sa.name)) inNamespace.set(sa.name, sa);
  }
  const uses = raw.map((r) => toImageUse(r, accounts, refs));
  const pullSecretRefs = raw.flatMap((r) =>
    r.podPullSecrets.map((s) => ({ name: s.name, location: s.location, workload: r.workload })),
  );
  return { files: sources.map((s) => s.display), uses, secrets, serviceAccounts, pullSecretRefs, findings };
}

interface Sink {
  raw: RawImageUse[];
  secrets: ManifestSecret[];
  serviceAccounts: ManifestServiceAccount[];
  findings: Finding[];
}

export function scanText(text: string, file: string, namespace: string, sink: Sink): void {
  // The fast reader hands over one document at a time, so a document's tree is garbage once it is scanned (a file of
  // 100,000 documents never holds them all); where it gives up, what it scanned is dropped and the full reader reads.
  let scan = documentScanner(file, namespace);
  if (!readManifestFast(text, DEFAULT_PARSE_LIMITS, scan.visit)) {
    let docs;
    try {
      docs = parseManifestTextFull(text);
    } catch (err) {
      sink.findings.push(syntaxFinding(file, err, 1, 1));
      return;
    }
    scan = documentScanner(file, namespace);
    docs.forEach(scan.visit);
  }
  const scanned = scan.out;
  // By loops, not push(...list): a file of 100,000 pods would pass 100,000 arguments.
  for (const u of scanned.raw) sink.raw.push(u);
  for (const x of scanned.secrets) sink.secrets.push(x);
  for (const x of scanned.serviceAccounts) sink.serviceAccounts.push(x);
  for (const f of scanned.findings) sink.findings.push(f);
  if (scanned.nonEmpty === 0) {
    sink.findings.push(notice('manifest-empty', file, `${file} is empty: no Kubernetes objects to check`));
  } else if (scanned.objects === 0 && scanned.raw.length === 0) {
    sink.findings.push(
      notice('no-workloads', file, `${file} holds YAML but no Kubernetes objects (no apiVersion/kind)`),
    );
  } else if (scanned.raw.length === 0) {
    sink.findings.push(notice('no-workloads', file, `${file} has no workloads: no pod spec with an image`));
  }
}

interface Scanned extends Sink {
  objects: number;
  nonEmpty: number;
}

/** What the documents a reader visits hold, gathered as they come. */
function documentScanner(file: string, namespace: string): { out: Scanned; visit: (doc: ParsedDocument) => void } {
  const out: Scanned = { raw: [], secrets: [], serviceAccounts: [], findings: [], objects: 0, nonEmpty: 0 };
  const visit = (doc: ParsedDocument): void => {
    if (!doc.root) return;
    out.nonEmpty++;
    let scan;
    try {
      scan = scanDocument(doc, file, namespace);
    } catch (err) {
      out.findings.push(syntaxFinding(file, err, doc.pos.line, doc.pos.column));
      return;
    }
    out.objects += scan.objects;
    for (const u of scan.uses) out.raw.push(u);
    for (const x of scan.secrets) out.secrets.push(x);
    for (const x of scan.serviceAccounts) out.serviceAccounts.push(x);
    if (doc.root.t !== 'map' && doc.root.t !== 'seq') {
      out.findings.push(
        invalid(
          file,
          `${file}:${doc.pos.line}: document ${doc.index + 1} is a bare scalar, not a Kubernetes object`,
          doc.pos.line,
          doc.pos.column,
        ),
      );
    }
  };
  return { out, visit };
}

/** manifest-invalid for what reading a file (or a document of it, at `line`:`column`) threw. */
function syntaxFinding(file: string, err: unknown, line: number, column: number): Finding {
  const e = err instanceof ManifestSyntaxError ? err : new ManifestSyntaxError(oneLine(err), line, column);
  return invalid(file, `${file}:${e.line}:${e.column}: ${e.message}`, e.line, e.column);
}

async function readManifest(
  source: ManifestSource,
  opts: InventoryOptions,
  findings: Finding[],
): Promise<string | undefined> {
  let buf: Buffer;
  if (source.path === STDIN) {
    buf = opts.readStdin ? await opts.readStdin() : Buffer.alloc(0);
    // GitHub's default shell has no pipefail: `helm template ... | aks-pull-gate check --manifests -` with a failed
    // helm hands the gate nothing, and "0 images, ready" would deploy. Nothing on stdin is a usage error.
    if (buf.toString('utf8').trim() === '') {
      throw new ConfigurationError('no manifests on standard input: did the command before the pipe fail?');
    }
    if (buf.length > opts.maxFileBytes) {
      findings.push(
        invalid(
          source.display,
          `${source.display} is ${mb(buf.length)}, over the ${mb(opts.maxFileBytes)} limit per file`,
        ),
      );
      return undefined;
    }
  } else {
    // A regular file (files.ts resolves nothing else) is read in one go, synchronously: asynchronously, its open, stat,
    // read and close are four trips through the thread pool, ~14 ms of waiting over the 40 files of the benchmark.
    // The file's size is checked before it is read: a 50 MB file costs nothing, not 50 MB plus a parse tree.
    const fd = openSync(source.path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > opts.maxFileBytes) {
        findings.push(
          invalid(source.display, `${source.display} is ${mb(size)}, over the ${mb(opts.maxFileBytes)} limit per file`),
        );
        return undefined;
      }
      buf = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  if (buf.subarray(0, 8192).includes(0)) {
    findings.push(invalid(source.display, `${source.display} is a binary file (NUL bytes), not YAML or JSON`));
    return undefined;
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    // YAML allows no C0 control characters but tab, LF and CR; kubectl refuses a file that has one anywhere.
    const control = CONTROL_CHAR.exec(text);
    if (control) {
      const line = lineAt(text, control.index);
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      findings.push(
        invalid(source.display, `${source.display}:${line}: control character U+${code} is not allowed in YAML`, line),
      );
      return undefined;
    }
    return text;
  } catch {
    const at = firstInvalidUtf8Line(buf);
    findings.push(invalid(source.display, `${source.display}:${at}: not valid UTF-8 text`, at));
    return undefined;
  }
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function firstInvalidUtf8Line(buf: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      try {
        decoder.decode(buf.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

function invalid(file: string, message: string, line = 1, column = 1): Finding {
  return {
    rule: 'manifest-invalid',
    severity: 'error',
    message,
    location: { file, line, column },
    remediation: `Fix ${file} at line ${line} so it parses (check it with: kubectl apply --dry-run=client -f ${file})`,
  };
}

/** The notices about a file itself (not about its images): the audit's synthesized stream leaves them out. */
export const FILE_NOTICES: readonly RuleId[] = ['manifest-empty', 'no-workloads'];

function notice(rule: RuleId, file: string, message: string): Finding {
  return { rule, severity: 'notice', message, location: { file, line: 1, column: 1 } };
}

/**
 * The ServiceAccount admission controller copies the ServiceAccount's imagePullSecrets into a pod only when the pod has
 * none of its own, so the kubelet uses the pod's list if it is non-empty, else the ServiceAccount's.
 */
function toImageUse(
  r: RawImageUse,
  serviceAccounts: ReadonlyMap<string, ReadonlyMap<string, ManifestServiceAccount>>,
  refs: Map<string, ReturnType<typeof parseImageReference>>,
): ImageUse {
  const podPullSecrets = r.podPullSecrets.map((s) => s.name);
  const sa = serviceAccounts.get(r.namespace)?.get(r.serviceAccount);
  const pullSecrets =
    podPullSecrets.length > 0 ? [...new Set(podPullSecrets)] : [...new Set(sa?.imagePullSecrets ?? [])];
  let parsed: ReturnType<typeof parseImageReference> | undefined;
  if (r.image !== undefined) {
    parsed = refs.get(r.image);
    if (!parsed) refs.set(r.image, (parsed = parseImageReference(r.image)));
  }
  return {
    image: r.image ?? '',
    ...(parsed?.ok ? { ref: parsed.ref } : {}),
    location: r.location,
    workload: r.workload,
    container: r.container,
    field: r.field,
    namespace: r.namespace,
    serviceAccount: r.serviceAccount,
    podPullSecrets,
    pullSecrets,
    constraints: r.constraints,
    ...(r.ignoreAnnotation !== undefined ? { ignoreAnnotation: r.ignoreAnnotation } : {}),
  };
}

/** `namespace/name` -> client id, for manifest ServiceAccounts with `kubernetes.azure.com/acr-client-id`. */
export function serviceAccountBindings(inventory: Inventory): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sa of inventory.serviceAccounts) if (sa.acrClientId) out[`${sa.namespace}/${sa.name}`] = sa.acrClientId;
  return out;
}
