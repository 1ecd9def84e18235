// Kubernetes API stand-in for the world's live objects (Secrets, ServiceAccounts, Namespaces), read only, with the
// API server's list shapes and Status bodies (404 NotFound, 401 Unauthorized, 405 MethodNotAllowed).

import { json, type Reply, type Req } from './http-kit.js';

type Obj = Record<string, unknown>;

const KINDS: Record<string, string> = { secrets: 'Secret', serviceaccounts: 'ServiceAccount' };

export function kubeStatus(code: number, reason: string, message: string, details?: Obj): Reply {
  const body: Obj = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return json(code, body);
}

function meta(o: Obj): Obj {
  return (o.metadata ?? {}) as Obj;
}

export class KubernetesService {
  private readonly objects: Obj[];

  constructor(objects: Record<string, unknown>[]) {
    // Fill what the API server always sets, so clients that read these fields find them.
    this.objects = objects.map((o, i) => {
      const m = meta(o);
      return {
        apiVersion: 'v1',
        ...o,
        metadata: {
          namespace: 'default',
          uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          resourceVersion: String(1000 + i),
          ...m,
        },
      };
    });
  }

  private namespaces(): string[] {
    const set = new Set<string>(['default', 'kube-system']);
    for (const o of this.objects) {
      if (o.kind === 'Namespace') set.add(String(meta(o).name));
      else set.add(String(meta(o).namespace));
    }
    return [...set].sort();
  }

  handle(req: Req, token: string): Reply {
    if (req.headers.authorization !== `Bearer ${token}`) return kubeStatus(401, 'Unauthorized', 'Unauthorized');
    if (req.method !== 'GET')
      return kubeStatus(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    const segs = req.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (segs[0] === 'version') return json(200, { major: '1', minor: '33', gitVersion: 'v1.33.0' });
    if (segs[0] !== 'api' || segs[1] !== 'v1')
      return kubeStatus(404, 'NotFound', 'the server could not find the requested resource');
    const rest = segs.slice(2);
    if (rest.length === 0) return json(200, { kind: 'APIResourceList', groupVersion: 'v1', resources: [] });
    if (rest[0] === 'namespaces' && rest.length === 1) {
      return this.list(
        'NamespaceList',
        this.namespaces().map((n) => ({
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: n },
          status: { phase: 'Active' },
        })),
      );
    }
    if (rest[0] === 'namespaces' && rest.length === 2) {
      const n = rest[1];
      return this.namespaces().includes(n)
        ? json(200, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: n }, status: { phase: 'Active' } })
        : kubeStatus(404, 'NotFound', `namespaces "${n}" not found`, { name: n, kind: 'namespaces' });
    }
    let ns: string | undefined;
    let resource: string;
    let name: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      ns = rest[1];
      resource = rest[2];
      name = rest[3];
    } else {
      resource = rest[0];
      name = rest[1];
      if (name !== undefined) return kubeStatus(404, 'NotFound', 'the server could not find the requested resource');
    }
    const kind = KINDS[resource];
    if (!kind) return kubeStatus(404, 'NotFound', 'the server could not find the requested resource');
    const items = this.objects.filter((o) => o.kind === kind && (ns === undefined || meta(o).namespace === ns));
    if (name === undefined) return this.list(`${kind}List`, items);
    const found = items.find((o) => meta(o).name === name);
    return found
      ? json(200, found)
      : kubeStatus(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource });
  }

  private list(kind: string, items: Obj[]): Reply {
    return json(200, { kind, apiVersion: 'v1', metadata: { resourceVersion: '2000' }, items });
  }
}
