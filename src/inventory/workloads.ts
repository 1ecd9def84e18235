// Finds every pod spec in a parsed document — of any kind, found generically — and turns each container's image into
// an ImageUse; also collects the Secrets and ServiceAccounts of the manifest set.
//
// A pod spec is the `spec` of a Pod, or the `spec` of any `template` map that holds containers (Deployment, Job, CronJob's
// jobTemplate, Argo Rollout, OpenShift DeploymentConfig, Knative Service, KEDA ScaledJob, PodTemplate, ...). Operators'
// own image fields (Prometheus.spec.image, Prometheus.spec.containers patches) are not pod specs and are left alone.

import type {
  ContainerField,
  ManifestSecret,
  ManifestServiceAccount,
  PlatformConstraints,
  SourceLocation,
} from '../types/index.js';
import { get, items, plain, str, type LNode, type ParsedDocument, ManifestSyntaxError } from './yaml-tree.js';

export interface RawImageUse {
  image: string | undefined;
  /** The image scalar's own position (or the container's when the image is missing or not a string). */
  location: SourceLocation;
  workload: { kind: string; name: string; namespace: string; apiVersion?: string };
  container: string;
  field: ContainerField;
  namespace: string;
  serviceAccount: string;
  podPullSecrets: { name: string; location: SourceLocation }[];
  constraints: PlatformConstraints;
  /** The workload's `aks-pull-gate.io/ignore` annotation (matched in checks/suppressions.ts). */
  ignoreAnnotation?: string;
}

export interface DocumentScan {
  uses: RawImageUse[];
  secrets: ManifestSecret[];
  serviceAccounts: ManifestServiceAccount[];
  /** Kubernetes objects seen (kind set), to tell "no workloads" from "not Kubernetes at all". */
  objects: number;
}

const FIELDS: ContainerField[] = ['containers', 'initContainers', 'ephemeralContainers'];
const MAX_VISITS = 2_000_000;
const OS_KEYS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];
const ARCH_KEYS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];
const KNOWN_ARCHES = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64'];
const KNOWN_OSES = ['linux', 'windows'];

export function scanDocument(doc: ParsedDocument, file: string, defaultNamespace: string): DocumentScan {
  const scan: DocumentScan = { uses: [], secrets: [], serviceAccounts: [], objects: 0 };
  if (!doc.root) return scan;
  const budget = { visits: 0 };
  scanObject(doc.root, { file, helmSource: doc.helmSource, defaultNamespace, budget, source: doc.source }, scan, 0);
  return scan;
}

interface Ctx {
  file: string;
  source: string;
  helmSource?: string;
  defaultNamespace: string;
  budget: { visits: number };
  ignoreAnnotation?: string;
}

function loc(ctx: Ctx, node: LNode): SourceLocation {
  return {
    file: ctx.file,
    line: node.pos.line,
    column: node.pos.column,
    ...(ctx.helmSource ? { helmSource: ctx.helmSource } : {}),
  };
}

function scanObject(obj: LNode, ctx: Ctx, scan: DocumentScan, listDepth: number): void {
  if (obj.t !== 'map') return;
  const kind = str(get(obj, 'kind')) ?? '';
  const apiVersion = str(get(obj, 'apiVersion'));
  if (kind || apiVersion) scan.objects++;
  // `kind: List` and every `*List` (DeploymentList, RoleList, ...) carry their objects in `items`.
  if (kind.endsWith('List') && get(obj, 'items')?.t === 'seq' && listDepth < 5) {
    for (const item of items(get(obj, 'items'))) scanObject(item, ctx, scan, listDepth + 1);
    return;
  }
  if (kind === 'CustomResourceDefinition') return;
  const meta = get(obj, 'metadata');
  const name = str(get(meta, 'name')) ?? '';
  const namespace = str(get(meta, 'namespace')) || ctx.defaultNamespace;
  if (kind === 'Secret' && (apiVersion === 'v1' || apiVersion === undefined)) {
    scan.secrets.push(readSecret(obj, name, namespace, loc(ctx, obj)));
    return;
  }
  if (kind === 'ServiceAccount') {
    const acrClientId = str(get(get(meta, 'annotations'), 'kubernetes.azure.com/acr-client-id'))?.trim();
    scan.serviceAccounts.push({
      name,
      namespace,
      imagePullSecrets: secretNames(get(obj, 'imagePullSecrets')).map((s) => s.name),
      ...(acrClientId ? { acrClientId } : {}),
      location: loc(ctx, obj),
      origin: 'manifest',
    });
    return;
  }
  const workload = { kind, name, namespace, ...(apiVersion ? { apiVersion } : {}) };
  const ignore = str(get(get(meta, 'annotations'), 'aks-pull-gate.io/ignore'));
  if (ignore !== undefined) ctx = { ...ctx, ignoreAnnotation: ignore };
  if (kind === 'Pod') {
    const spec = get(obj, 'spec');
    if (spec) scanPodSpec(spec, ctx, scan, workload);
    return;
  }
  findTemplates(obj, ctx, scan, workload, 0);
}

function findTemplates(
  node: LNode,
  ctx: Ctx,
  scan: DocumentScan,
  workload: RawImageUse['workload'],
  depth: number,
): void {
  if (++ctx.budget.visits > MAX_VISITS) {
    throw new ManifestSyntaxError(
      `document expands to more than ${MAX_VISITS} nodes (an alias bomb?)`,
      node.pos.line,
      node.pos.column,
    );
  }
  if (depth > 200) return;
  if (node.t === 'map') {
    for (const [key, value] of node.entries) {
      if (key === 'template' && value.t === 'map') {
        const spec = get(value, 'spec');
        if (spec && isPodSpec(spec)) {
          scanPodSpec(spec, ctx, scan, workload);
          continue;
        }
      }
      findTemplates(value, ctx, scan, workload, depth + 1);
    }
  } else if (node.t === 'seq') {
    for (const item of node.items) findTemplates(item, ctx, scan, workload, depth + 1);
  }
}

function isPodSpec(spec: LNode): boolean {
  return spec.t === 'map' && FIELDS.some((f) => get(spec, f)?.t === 'seq');
}

function scanPodSpec(spec: LNode, ctx: Ctx, scan: DocumentScan, workload: RawImageUse['workload']): void {
  const serviceAccount = str(get(spec, 'serviceAccountName')) || str(get(spec, 'serviceAccount')) || 'default';
  const podPullSecrets = secretNames(get(spec, 'imagePullSecrets')).map((s) => ({
    name: s.name,
    location: loc(ctx, s.node),
  }));
  const constraints = podConstraints(spec);
  for (const field of FIELDS) {
    for (const c of items(get(spec, field))) {
      if (c.t !== 'map') continue;
      const imageNode = get(c, 'image');
      // A container with no image at all is not a pull (the API server would reject it); EXPECTED counts only images.
      if (!imageNode || (imageNode.t === 'scalar' && imageNode.value === null)) continue;
      // An unquoted `image: {{ .Values.image }}` parses as a flow mapping: keep its source text, so the static rules
      // can say "unrendered template" instead of "empty image".
      const image =
        imageNode.t === 'scalar'
          ? String(imageNode.value)
          : imageNode.range
            ? ctx.source.slice(imageNode.range[0], imageNode.range[1]).trim().slice(0, 1000)
            : undefined;
      scan.uses.push({
        image,
        location: loc(ctx, imageNode),
        workload,
        container: str(get(c, 'name')) ?? '',
        field,
        namespace: workload.namespace,
        serviceAccount,
        podPullSecrets,
        constraints,
        ...(ctx.ignoreAnnotation !== undefined ? { ignoreAnnotation: ctx.ignoreAnnotation } : {}),
      });
    }
  }
}

function secretNames(node: LNode | undefined): { name: string; node: LNode }[] {
  const out: { name: string; node: LNode }[] = [];
  for (const item of items(node)) {
    // `imagePullSecrets: [{name: x}]`; tolerate the common mistake `- x` by reading the scalar as the name.
    const nameNode = item.t === 'map' ? get(item, 'name') : item;
    const name = str(nameNode);
    if (name) out.push({ name, node: nameNode ?? item });
  }
  return out;
}

function readSecret(obj: LNode, name: string, namespace: string, location: SourceLocation): ManifestSecret {
  const data: Record<string, string> = {};
  const d = plain(get(obj, 'data'));
  if (d && typeof d === 'object')
    for (const [k, v] of Object.entries(d)) if (v !== null && v !== undefined) data[k] = String(v);
  const sd = plain(get(obj, 'stringData'));
  if (sd && typeof sd === 'object') {
    for (const [k, v] of Object.entries(sd))
      if (v !== null && v !== undefined) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  }
  const type = str(get(obj, 'type'));
  return { name, namespace, data, location, origin: 'manifest', ...(type ? { type } : {}) };
}

/** os/arch allowed by nodeSelector AND required node affinity (terms ORed, expressions ANDed). */
export function podConstraints(spec: LNode): PlatformConstraints {
  const c: PlatformConstraints = {};
  const ns = get(spec, 'nodeSelector');
  const os = intersect(
    undefined,
    OS_KEYS.map((k) => str(get(ns, k))).filter((v): v is string => !!v),
  );
  const arch = intersect(
    undefined,
    ARCH_KEYS.map((k) => str(get(ns, k))).filter((v): v is string => !!v),
  );
  const terms = items(
    get(
      get(get(get(spec, 'affinity'), 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution'),
      'nodeSelectorTerms',
    ),
  );
  const affOs = termsAllow(terms, OS_KEYS, KNOWN_OSES);
  const affArch = termsAllow(terms, ARCH_KEYS, KNOWN_ARCHES);
  const finalOs = affOs ? intersect(os, affOs) : os;
  const finalArch = affArch ? intersect(arch, affArch) : arch;
  if (finalOs) c.os = finalOs;
  if (finalArch) c.arch = finalArch;
  return c;
}

function intersect(a: string[] | undefined, b: string[]): string[] | undefined {
  if (!b.length && a === undefined) return undefined;
  if (a === undefined) return [...new Set(b)];
  return a.filter((x) => b.includes(x));
}

/** Union over terms of what each term allows; undefined when some term leaves the key free. */
function termsAllow(terms: LNode[], keys: string[], universe: string[]): string[] | undefined {
  if (!terms.length) return undefined;
  const union = new Set<string>();
  for (const term of terms) {
    let allowed: string[] | undefined;
    for (const expr of items(get(term, 'matchExpressions'))) {
      const key = str(get(expr, 'key'));
      if (!key || !keys.includes(key)) continue;
      const op = str(get(expr, 'operator'));
      const values = items(get(expr, 'values'))
        .map(str)
        .filter((v): v is string => !!v);
      let these: string[] | undefined;
      if (op === 'In') these = values;
      else if (op === 'NotIn') these = universe.filter((u) => !values.includes(u));
      else if (op === 'DoesNotExist') these = [];
      if (these) allowed = allowed ? allowed.filter((x) => these.includes(x)) : these;
    }
    if (allowed === undefined) return undefined;
    for (const a of allowed) union.add(a);
  }
  return [...union];
}
