// Kubernetes API stand-in for the world's live objects, read only, as kubectl and client libraries see an API server:
// discovery (/api, /apis, the group versions' resource lists, /version), list and get of every kind below with
// labelSelector and fieldSelector, `Table` output when the client asks for it, a `default` ServiceAccount in every
// namespace, and SelfSubjectAccessReview answered from the world's Role/ClusterRole/RoleBinding/ClusterRoleBinding
// objects (allow-all when the world holds none of them). Reads are authorized by the same rules: a world with RBAC
// objects gets 403 Forbidden where the kubeconfig's user is not allowed, in the API server's words.
// Errors are the API server's `Status` bodies (400 BadRequest, 401 Unauthorized, 403 Forbidden, 404 NotFound, 405).

import { json, type Reply, type Req } from './http-kit.js';

type Obj = Record<string, unknown>;

interface ResourceDef {
  resource: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames?: string[];
  verbs: string[];
  /** Field selectors the API server accepts for this resource beyond metadata.name / metadata.namespace. */
  fields?: string[];
}

const READ = ['get', 'list', 'watch'];

export const KUBE_RESOURCES: readonly ResourceDef[] = [
  {
    resource: 'pods',
    kind: 'Pod',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['po'],
    verbs: READ,
    fields: [
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ],
  },
  {
    resource: 'nodes',
    kind: 'Node',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['no'],
    verbs: READ,
    fields: ['spec.unschedulable'],
  },
  {
    resource: 'events',
    kind: 'Event',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['ev'],
    verbs: READ,
    fields: [
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ],
  },
  { resource: 'secrets', kind: 'Secret', group: '', version: 'v1', namespaced: true, verbs: READ, fields: ['type'] },
  {
    resource: 'serviceaccounts',
    kind: 'ServiceAccount',
    group: '',
    version: 'v1',
    namespaced: true,
    shortNames: ['sa'],
    verbs: READ,
  },
  {
    resource: 'namespaces',
    kind: 'Namespace',
    group: '',
    version: 'v1',
    namespaced: false,
    shortNames: ['ns'],
    verbs: READ,
    fields: ['status.phase'],
  },
  {
    resource: 'deployments',
    kind: 'Deployment',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['deploy'],
    verbs: READ,
  },
  {
    resource: 'replicasets',
    kind: 'ReplicaSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['rs'],
    verbs: READ,
    fields: ['status.replicas'],
  },
  {
    resource: 'statefulsets',
    kind: 'StatefulSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['sts'],
    verbs: READ,
  },
  {
    resource: 'daemonsets',
    kind: 'DaemonSet',
    group: 'apps',
    version: 'v1',
    namespaced: true,
    shortNames: ['ds'],
    verbs: READ,
  },
  {
    resource: 'jobs',
    kind: 'Job',
    group: 'batch',
    version: 'v1',
    namespaced: true,
    verbs: READ,
    fields: ['status.successful'],
  },
  {
    resource: 'cronjobs',
    kind: 'CronJob',
    group: 'batch',
    version: 'v1',
    namespaced: true,
    shortNames: ['cj'],
    verbs: READ,
  },
  { resource: 'roles', kind: 'Role', group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: true, verbs: READ },
  {
    resource: 'rolebindings',
    kind: 'RoleBinding',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    namespaced: true,
    verbs: READ,
  },
  {
    resource: 'clusterroles',
    kind: 'ClusterRole',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    namespaced: false,
    verbs: READ,
  },
  {
    resource: 'clusterrolebindings',
    kind: 'ClusterRoleBinding',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    namespaced: false,
    verbs: READ,
  },
  {
    resource: 'selfsubjectaccessreviews',
    kind: 'SelfSubjectAccessReview',
    group: 'authorization.k8s.io',
    version: 'v1',
    namespaced: false,
    verbs: ['create'],
  },
];

const GROUPS = ['apps', 'batch', 'rbac.authorization.k8s.io', 'authorization.k8s.io'];
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

export function kubeStatus(code: number, reason: string, message: string, details?: Obj): Reply {
  const body: Obj = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return json(code, body);
}

function meta(o: Obj): Obj {
  return (o.metadata ?? {}) as Obj;
}

function gv(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Value at a dotted path, as the API server's field selectors read it (absent fields compare as ''). */
function fieldValue(o: Obj, path: string): string {
  let cur: unknown = o;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Obj)[p];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur as string | number | boolean);
}

type Requirement = (labels: Record<string, string>) => boolean;

/** Parses a label selector (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`); undefined when malformed. */
export function parseLabelSelector(sel: string): Requirement[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of sel) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const reqs: Requirement[] = [];
  for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(raw);
    if (m) {
      const [, key, op, list] = m;
      const values = new Set(list.split(',').map((v) => v.trim()));
      reqs.push(op === 'in' ? (l) => key in l && values.has(l[key]) : (l) => !(key in l) || !values.has(l[key]));
      continue;
    }
    m = /^([\w./-]+)\s*(!=|==|=)\s*([\w.-]*)$/.exec(raw);
    if (m) {
      const [, key, op, value] = m;
      reqs.push(op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value);
      continue;
    }
    m = /^(!?)([\w./-]+)$/.exec(raw);
    if (m) {
      const [, not, key] = m;
      reqs.push(not ? (l) => !(key in l) : (l) => key in l);
      continue;
    }
    return undefined;
  }
  return reqs;
}

/** Protobuf fields of one message: field number -> list of length-delimited payloads (varints are skipped). */
function protoFields(buf: Buffer): Map<number, Buffer[]> | undefined {
  const out = new Map<number, Buffer[]>();
  let i = 0;
  const varint = (): number | undefined => {
    let v = 0;
    let shift = 0;
    while (i < buf.length && shift < 35) {
      const b = buf[i++];
      v += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return v;
      shift += 7;
    }
    return undefined;
  };
  while (i < buf.length) {
    const key = varint();
    if (key === undefined) return undefined;
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      if (varint() === undefined) return undefined;
    } else if (wire === 2) {
      const len = varint();
      if (len === undefined || i + len > buf.length) return undefined;
      out.set(field, [...(out.get(field) ?? []), buf.subarray(i, i + len)]);
      i += len;
    } else if (wire === 5) i += 4;
    else if (wire === 1) i += 8;
    else return undefined;
  }
  return out;
}

/**
 * kubectl (client-go) posts SelfSubjectAccessReview as protobuf: the `k8s\0` envelope (runtime.Unknown: raw = field 2)
 * around the review (spec = 2; spec.resourceAttributes = 1: namespace 1, verb 2, group 3, version 4, resource 5,
 * subresource 6, name 7). Decodes just that into the JSON shape; undefined when it is not one.
 */
export function decodeSsarProtobuf(buf: Buffer): Obj | undefined {
  if (buf.length < 4 || buf.subarray(0, 4).toString('latin1') !== 'k8s\0') return undefined;
  const unknown = protoFields(buf.subarray(4));
  const raw = unknown?.get(2)?.[0];
  if (!raw) return undefined;
  const review = protoFields(raw);
  const specBuf = review?.get(2)?.[0];
  const specFields = specBuf ? protoFields(specBuf) : new Map<number, Buffer[]>();
  if (!specFields) return undefined;
  const attrsBuf = specFields.get(1)?.[0];
  const spec: Obj = {};
  if (attrsBuf) {
    const a = protoFields(attrsBuf);
    if (!a) return undefined;
    const names = ['', 'namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'];
    const attrs: Obj = {};
    for (let f = 1; f < names.length; f++) {
      const v = a.get(f)?.[0];
      if (v) attrs[names[f]] = v.toString('utf8');
    }
    spec.resourceAttributes = attrs;
  }
  return { spec };
}

function age(ts: unknown, now: number): string {
  const t = typeof ts === 'string' ? Date.parse(ts) : NaN;
  if (!Number.isFinite(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

interface Column {
  name: string;
  type: string;
  cell: (o: Obj, now: number) => string | number;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const status = (o: Obj): Obj => (o.status ?? {}) as Obj;
const spec = (o: Obj): Obj => (o.spec ?? {}) as Obj;

function podStatus(o: Obj): string {
  const st = status(o);
  const cs = (st.containerStatuses ?? []) as Obj[];
  for (const c of cs) {
    const state = (c.state ?? {}) as Obj;
    const waiting = state.waiting as Obj | undefined;
    if (waiting?.reason) return String(waiting.reason);
    const term = state.terminated as Obj | undefined;
    if (term?.reason) return String(term.reason);
  }
  return String(st.phase ?? 'Pending');
}

const NAME: Column = { name: 'Name', type: 'string', cell: (o) => String(meta(o).name) };
const AGE: Column = { name: 'Age', type: 'string', cell: (o, now) => age(meta(o).creationTimestamp, now) };

const COLUMNS: Record<string, Column[]> = {
  Pod: [
    NAME,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => {
        const cs = (status(o).containerStatuses ?? []) as Obj[];
        const total = ((spec(o).containers ?? []) as unknown[]).length;
        return `${cs.filter((c) => c.ready === true).length}/${total}`;
      },
    },
    { name: 'Status', type: 'string', cell: podStatus },
    {
      name: 'Restarts',
      type: 'string',
      cell: (o) => String(((status(o).containerStatuses ?? []) as Obj[]).reduce((n, c) => n + num(c.restartCount), 0)),
    },
    AGE,
  ],
  Deployment: [
    NAME,
    { name: 'Ready', type: 'string', cell: (o) => `${num(status(o).readyReplicas)}/${num(spec(o).replicas ?? 1)}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(status(o).updatedReplicas) },
    { name: 'Available', type: 'integer', cell: (o) => num(status(o).availableReplicas) },
    AGE,
  ],
  ReplicaSet: [
    NAME,
    { name: 'Desired', type: 'integer', cell: (o) => num(spec(o).replicas ?? 1) },
    { name: 'Current', type: 'integer', cell: (o) => num(status(o).replicas) },
    { name: 'Ready', type: 'integer', cell: (o) => num(status(o).readyReplicas) },
    AGE,
  ],
  Secret: [
    NAME,
    { name: 'Type', type: 'string', cell: (o) => String(o.type ?? 'Opaque') },
    { name: 'Data', type: 'string', cell: (o) => String(Object.keys((o.data ?? {}) as Obj).length) },
    AGE,
  ],
  ServiceAccount: [
    NAME,
    { name: 'Secrets', type: 'string', cell: (o) => String(((o.secrets ?? []) as unknown[]).length) },
    AGE,
  ],
  Namespace: [NAME, { name: 'Status', type: 'string', cell: (o) => String(status(o).phase ?? 'Active') }, AGE],
  Node: [
    NAME,
    {
      name: 'Status',
      type: 'string',
      cell: (o) => {
        const conds = (status(o).conditions ?? []) as Obj[];
        const ready = conds.find((c) => c.type === 'Ready');
        return ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
      },
    },
    AGE,
  ],
  Event: [
    {
      name: 'Last Seen',
      type: 'string',
      cell: (o, now) => age(o.lastTimestamp ?? o.eventTime ?? meta(o).creationTimestamp, now),
    },
    { name: 'Type', type: 'string', cell: (o) => String(o.type ?? '') },
    { name: 'Reason', type: 'string', cell: (o) => String(o.reason ?? '') },
    {
      name: 'Object',
      type: 'string',
      cell: (o) => {
        const io = (o.involvedObject ?? {}) as Obj;
        return `${String(io.kind ?? '').toLowerCase()}/${String(io.name ?? '')}`;
      },
    },
    { name: 'Message', type: 'string', cell: (o) => String(o.message ?? '') },
  ],
};

/** Who the kubeconfig's token is, for RBAC: the gate's principal (AKS with Entra names it by object id). */
export interface KubeUser {
  name: string;
  groups: string[];
}

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export class KubernetesService {
  private readonly objects: Obj[];
  private readonly rbac: boolean;

  /** `now` is the world's clock (ages in Table output); the real clock when the world has none. */
  constructor(
    objects: Record<string, unknown>[],
    private readonly user: KubeUser = { name: 'aks-pull-gate', groups: ['system:authenticated'] },
    private readonly now?: Date,
  ) {
    // Fill what the API server always sets, so clients that read these fields find them.
    const filled: Obj[] = objects.map((o, i) => {
      const m = meta(o);
      const def = KUBE_RESOURCES.find((r) => r.kind === o.kind);
      return {
        apiVersion: def ? gv(def.group, def.version) : 'v1',
        ...o,
        metadata: {
          ...(def && !def.namespaced ? {} : { namespace: 'default' }),
          uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          resourceVersion: String(1000 + i),
          creationTimestamp: '2026-01-01T00:00:00Z',
          ...m,
        },
      };
    });
    this.rbac = filled.some((o) => RBAC_KINDS.has(String(o.kind)));
    // Every namespace has a `default` ServiceAccount (the ServiceAccount controller creates it).
    const nsNames = new Set<string>(['default', 'kube-system', 'kube-public']);
    for (const o of filled) {
      if (o.kind === 'Namespace') nsNames.add(String(meta(o).name));
      else if (meta(o).namespace !== undefined) nsNames.add(String(meta(o).namespace));
    }
    let n = filled.length;
    for (const ns of [...nsNames].sort()) {
      if (!filled.some((o) => o.kind === 'Namespace' && meta(o).name === ns)) {
        filled.push({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: ns,
            uid: `00000000-0000-4000-9000-${String(n++).padStart(12, '0')}`,
            resourceVersion: '1',
            creationTimestamp: '2026-01-01T00:00:00Z',
            labels: { 'kubernetes.io/metadata.name': ns },
          },
          spec: { finalizers: ['kubernetes'] },
          status: { phase: 'Active' },
        });
      }
      if (!filled.some((o) => o.kind === 'ServiceAccount' && meta(o).name === 'default' && meta(o).namespace === ns)) {
        filled.push({
          apiVersion: 'v1',
          kind: 'ServiceAccount',
          metadata: {
            name: 'default',
            namespace: ns,
            uid: `00000000-0000-4000-9000-${String(n++).padStart(12, '0')}`,
            resourceVersion: '1',
            creationTimestamp: '2026-01-01T00:00:00Z',
          },
        });
      }
    }
    for (const o of filled) {
      if (o.kind === 'Namespace' && o.status === undefined) o.status = { phase: 'Active' };
    }
    this.objects = filled;
  }

  handle(req: Req, token: string): Reply {
    if (req.headers.authorization !== `Bearer ${token}`) return kubeStatus(401, 'Unauthorized', 'Unauthorized');
    const segs = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'POST') {
      const isSsar =
        segs.length === 4 &&
        segs[0] === 'apis' &&
        segs[1] === 'authorization.k8s.io' &&
        segs[2] === 'v1' &&
        segs[3] === 'selfsubjectaccessreviews';
      if (isSsar) return this.selfSubjectAccessReview(req);
      return kubeStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return kubeStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    if (segs.length === 1 && segs[0] === 'version') {
      return json(200, {
        major: '1',
        minor: '33',
        gitVersion: 'v1.33.0',
        gitCommit: '0000000000000000000000000000000000000000',
        gitTreeState: 'clean',
        buildDate: '2026-01-01T00:00:00Z',
        goVersion: 'go1.24.0',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    }
    if (segs[0] === 'api') {
      if (segs.length === 1)
        return json(200, {
          kind: 'APIVersions',
          versions: ['v1'],
          serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.host }],
        });
      if (segs[1] !== 'v1') return this.notFound();
      return this.resourcePath(req, '', 'v1', segs.slice(2));
    }
    if (segs[0] === 'apis') {
      if (segs.length === 1)
        return json(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: GROUPS.map((g) => this.group(g)) });
      const g = segs[1];
      if (!GROUPS.includes(g)) return this.notFound();
      if (segs.length === 2) return json(200, { kind: 'APIGroup', apiVersion: 'v1', ...this.group(g) });
      if (segs[2] !== 'v1') return this.notFound();
      return this.resourcePath(req, g, 'v1', segs.slice(3));
    }
    return this.notFound();
  }

  private notFound(): Reply {
    return kubeStatus(404, 'NotFound', 'the server could not find the requested resource');
  }

  private group(name: string): Obj {
    const v = { groupVersion: `${name}/v1`, version: 'v1' };
    return { name, versions: [v], preferredVersion: v };
  }

  private resourceList(group: string, version: string): Reply {
    return json(200, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: gv(group, version),
      resources: KUBE_RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
        name: r.resource,
        singularName: r.kind.toLowerCase(),
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      })),
    });
  }

  private resourcePath(req: Req, group: string, version: string, rest: string[]): Reply {
    if (rest.length === 0) return this.resourceList(group, version);
    let ns: string | undefined;
    let resource: string;
    let name: string | undefined;
    if (group === '' && rest[0] === 'namespaces' && rest.length <= 2) {
      resource = 'namespaces';
      name = rest[1];
    } else if (rest[0] === 'namespaces' && rest.length >= 3 && rest.length <= 4) {
      ns = rest[1];
      resource = rest[2];
      name = rest[3];
    } else if (rest.length <= 2) {
      resource = rest[0];
      name = rest[1];
    } else return this.notFound();
    const def = KUBE_RESOURCES.find((r) => r.group === group && r.resource === resource);
    if (!def || !def.verbs.includes('get')) return this.notFound();
    if (!def.namespaced && ns !== undefined) return this.notFound();
    // A namespaced resource fetched by name needs a namespace in the path.
    if (def.namespaced && ns === undefined && name !== undefined) return this.notFound();
    const verb = name === undefined ? (req.query.get('watch') === 'true' ? 'watch' : 'list') : 'get';
    if (!this.allowed(verb, group, resource, ns, name)) {
      const where = ns !== undefined ? ` in the namespace "${ns}"` : ' at the cluster scope';
      const what = name !== undefined ? `${resource} "${name}"` : resource;
      return kubeStatus(
        403,
        'Forbidden',
        `${what} is forbidden: User "${this.user.name}" cannot ${verb} resource "${resource}" in API group "${group}"${where}`,
        { ...(name !== undefined ? { name } : {}), ...(group ? { group } : {}), kind: resource },
      );
    }
    if (verb === 'watch')
      return kubeStatus(405, 'MethodNotAllowed', 'the emulator does not serve watches; list instead');
    let items = this.objects.filter((o) => o.kind === def.kind && (ns === undefined || meta(o).namespace === ns));
    if (name !== undefined) {
      const found = items.find((o) => meta(o).name === name);
      if (!found)
        return kubeStatus(404, 'NotFound', `${def.resource}${group ? '.' + group : ''} "${name}" not found`, {
          name,
          ...(group ? { group } : {}),
          kind: resource,
        });
      return this.wantsTable(req) ? this.table(def, [found]) : json(200, found);
    }
    const ls = req.query.get('labelSelector');
    if (ls) {
      const reqs = parseLabelSelector(ls);
      if (!reqs) return kubeStatus(400, 'BadRequest', `unable to parse requirement: invalid label selector "${ls}"`);
      items = items.filter((o) => {
        const labels = (meta(o).labels ?? {}) as Record<string, string>;
        return reqs.every((r) => r(labels));
      });
    }
    const fs = req.query.get('fieldSelector');
    if (fs) {
      const allowed = new Set(['metadata.name', 'metadata.namespace', ...(def.fields ?? [])]);
      for (const term of fs
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)) {
        const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
        if (!m) return kubeStatus(400, 'BadRequest', `invalid selector: '${fs}'; can't understand '${term}'`);
        const [, field, op, value] = m;
        if (!allowed.has(field)) return kubeStatus(400, 'BadRequest', `field label not supported: ${field}`);
        items = items.filter((o) => (fieldValue(o, field) === value) !== (op === '!='));
      }
    }
    if (this.wantsTable(req)) return this.table(def, items);
    return json(200, {
      kind: `${def.kind}List`,
      apiVersion: gv(group, version),
      metadata: { resourceVersion: '2000' },
      items,
    });
  }

  private wantsTable(req: Req): boolean {
    const accept = String(req.headers.accept ?? '');
    return /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
  }

  private table(def: ResourceDef, items: Obj[]): Reply {
    const cols = COLUMNS[def.kind] ?? [NAME, AGE];
    const now = this.now?.getTime() ?? Date.now();
    return json(200, {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '2000' },
      columnDefinitions: cols.map((c, i) => ({
        name: c.name,
        type: c.type,
        format: i === 0 && c === NAME ? 'name' : '',
        description: c.name,
        priority: 0,
      })),
      rows: items.map((o) => ({
        cells: cols.map((c) => c.cell(o, now)),
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta(o) },
      })),
    });
  }

  // --- RBAC: the API server's authorizer over the world's Role/ClusterRole/RoleBinding/ClusterRoleBinding ---------

  private subjectMatches(s: Obj, bindingNs: string | undefined): boolean {
    const kind = String(s.kind ?? '');
    const name = String(s.name ?? '');
    if (kind === 'User') return name === this.user.name;
    if (kind === 'Group') return this.user.groups.includes(name);
    if (kind === 'ServiceAccount') {
      const ns = String(s.namespace ?? bindingNs ?? '');
      return this.user.name === `system:serviceaccount:${ns}:${name}`;
    }
    return false;
  }

  private rulesOf(roleRef: Obj, bindingNs: string | undefined): PolicyRule[] {
    const kind = String(roleRef.kind ?? '');
    const name = String(roleRef.name ?? '');
    const role = this.objects.find(
      (o) => o.kind === kind && meta(o).name === name && (kind === 'ClusterRole' || meta(o).namespace === bindingNs),
    );
    return role ? ((role.rules ?? []) as PolicyRule[]) : [];
  }

  private static ruleAllows(r: PolicyRule, verb: string, group: string, resource: string, name?: string): boolean {
    const has = (list: string[] | undefined, v: string): boolean => !!list && (list.includes('*') || list.includes(v));
    if (!has(r.verbs, verb) || !has(r.apiGroups, group) || !has(r.resources, resource)) return false;
    if (r.resourceNames && r.resourceNames.length > 0) return name !== undefined && r.resourceNames.includes(name);
    return true;
  }

  /** Whether the kubeconfig's user may `verb` the resource; allow-all when the world holds no RBAC objects. */
  allowed(verb: string, group: string, resource: string, ns: string | undefined, name?: string): boolean {
    if (!this.rbac) return true;
    for (const b of this.objects) {
      const isCluster = b.kind === 'ClusterRoleBinding';
      if (!isCluster && b.kind !== 'RoleBinding') continue;
      const bns = isCluster ? undefined : String(meta(b).namespace);
      // A RoleBinding grants only inside its namespace.
      if (!isCluster && bns !== ns) continue;
      if (!((b.subjects ?? []) as Obj[]).some((s) => this.subjectMatches(s, bns))) continue;
      const rules = this.rulesOf((b.roleRef ?? {}) as Obj, bns);
      if (rules.some((r) => KubernetesService.ruleAllows(r, verb, group, resource, name))) return true;
    }
    return false;
  }

  private selfSubjectAccessReview(req: Req): Reply {
    let body: Obj | undefined;
    const type = String(req.headers['content-type'] ?? '');
    if (type.startsWith('application/vnd.kubernetes.protobuf')) body = decodeSsarProtobuf(req.body);
    else {
      try {
        body = JSON.parse(req.body.toString('utf8')) as Obj;
      } catch {
        body = undefined;
      }
    }
    if (!body) return kubeStatus(400, 'BadRequest', 'the body of the request was in an unknown format');
    const sp = (body.spec ?? {}) as Obj;
    const ra = sp.resourceAttributes as Obj | undefined;
    let allowed: boolean;
    let reason = '';
    if (ra) {
      const verb = String(ra.verb ?? '');
      const group = String(ra.group ?? '');
      const resource = String(ra.resource ?? '');
      const ns = ra.namespace ? String(ra.namespace) : undefined;
      const name = ra.name ? String(ra.name) : undefined;
      if (!this.rbac) {
        allowed = true;
        reason = 'the simulated world holds no RBAC objects: every request is allowed';
      } else if (resource === 'selfsubjectaccessreviews' && verb === 'create') {
        allowed = true;
        reason = 'RBAC: allowed by ClusterRoleBinding "system:basic-user"';
      } else {
        allowed = this.allowed(verb, group, resource, ns, name);
        reason = allowed ? 'RBAC: allowed by a binding of the world' : '';
      }
    } else {
      allowed = !this.rbac;
      if (allowed) reason = 'the simulated world holds no RBAC objects: every request is allowed';
    }
    return json(201, {
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: sp,
      status: { allowed, ...(reason ? { reason } : {}) },
    });
  }
}
