// Microsoft Graph stand-in (v1.0 and beta): applications and servicePrincipals by id, by `(appId='...')` and by
// `$filter=appId eq '...'`, `$select`, transitiveMemberOf/memberOf from graph.groupMembers, directoryObjects, and
// Graph's error bodies (Request_ResourceNotFound, Authorization_RequestDenied).

import { randomUUID } from 'node:crypto';
import { json, type Reply, type Req } from './http-kit.js';
import { lower, type WorldIndex } from './world-index.js';

function graphError(status: number, code: string, message: string): Reply {
  return json(status, {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d+Z$/, ''),
        'request-id': randomUUID(),
        'client-request-id': randomUUID(),
      },
    },
  });
}

export function graphDenied(): Reply {
  return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

type Obj = Record<string, unknown>;

export class GraphService {
  constructor(
    private readonly index: WorldIndex,
    private readonly pageSize: number,
  ) {}

  private select(req: Req, o: Obj): Obj {
    const sel = req.query.get('$select');
    if (!sel) return o;
    const keys = sel.split(',').map((s) => s.trim());
    const out: Obj = {};
    for (const k of keys) if (k in o) out[k] = o[k];
    if (!('id' in out) && 'id' in o) out.id = o.id;
    // Graph keeps the derived type on polymorphic items (directoryObjects) even under $select.
    if ('@odata.type' in o) out['@odata.type'] = o['@odata.type'];
    return out;
  }

  /** A collection page; `@odata.nextLink` (absolute, with $skiptoken) when more remain, like Graph. */
  private collection(req: Req, version: string, entity: string, items: Obj[]): Reply {
    const top = Number(req.query.get('$top') ?? '0');
    const size = top > 0 ? top : this.pageSize;
    const skip = Math.max(0, Number(req.query.get('$skiptoken') ?? '0') || 0);
    const body: Obj = {
      '@odata.context': `${req.origin}/${version}/$metadata#${entity}`,
      value: items.slice(skip, skip + size).map((i) => this.select(req, i)),
    };
    if (skip + size < items.length) {
      const parts = [...req.query.entries()]
        .filter(([k]) => k !== '$skiptoken')
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
      parts.push(`$skiptoken=${skip + size}`);
      body['@odata.nextLink'] = `${req.origin}${req.path}?${parts.join('&')}`;
    }
    return json(200, body);
  }

  private single(req: Req, version: string, entity: string, o: Obj | undefined, key: string): Reply {
    if (!o) {
      return graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`,
      );
    }
    return json(200, {
      '@odata.context': `${req.origin}/${version}/$metadata#${entity}/$entity`,
      ...this.select(req, o),
    });
  }

  private applications(): Obj[] {
    return this.index.world.graph.applications.map((a) => ({ '@odata.type': '#microsoft.graph.application', ...a }));
  }

  private servicePrincipals(): Obj[] {
    return this.index.world.graph.servicePrincipals.map((s) => ({
      '@odata.type': '#microsoft.graph.servicePrincipal',
      servicePrincipalType: 'Application',
      ...s,
    }));
  }

  private directoryObject(id: string): Obj | undefined {
    const all: Obj[] = [
      ...this.applications(),
      ...this.servicePrincipals(),
      ...this.index.world.graph.directoryObjects,
    ];
    const found = all.find((o) => lower(String(o.id)) === lower(id));
    if (found) return found;
    if (Object.keys(this.index.world.graph.groupMembers).some((g) => lower(g) === lower(id))) {
      return { '@odata.type': '#microsoft.graph.group', id, displayName: id, securityEnabled: true };
    }
    return undefined;
  }

  private filterAppId(req: Req, items: Obj[]): Obj[] | undefined {
    const filter = req.query.get('$filter');
    if (!filter) return items;
    // az ad sp show --id <appId or identifier URI>: servicePrincipalNames holds the appId and the identifier URIs.
    const spn = /^\s*servicePrincipalNames\/any\((\w+):\s*\1\s+eq\s+'([^']*)'\)\s*$/i.exec(filter);
    if (spn) {
      return items.filter((i) => {
        const names = Array.isArray(i.servicePrincipalNames) ? i.servicePrincipalNames : [i.appId];
        return names.some((n) => lower(String(n)) === lower(spn[2]));
      });
    }
    const m = /^\s*(appId|id|displayName)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
    if (!m) return undefined;
    const field = m[1] === 'appId' || m[1] === 'AppId' ? 'appId' : m[1].toLowerCase() === 'id' ? 'id' : 'displayName';
    return items.filter((i) => lower(String(i[field] ?? '')) === lower(m[2]));
  }

  handle(req: Req, segs: string[]): Reply {
    if (
      req.method === 'POST' &&
      segs.length === 3 &&
      lower(segs[1]) === 'directoryobjects' &&
      lower(segs[2]) === 'getbyids'
    )
      return this.getByIds(req, segs[0]);
    if (req.method !== 'GET') return graphError(405, 'Request_BadRequest', 'The emulator serves reads only.');
    const version = segs[0];
    const [head, second, third] = segs.slice(1);
    if (!head) return json(200, { '@odata.context': `${req.origin}/${version}/$metadata` });
    const byAppId = /^(applications|servicePrincipals)\(appId='([^']+)'\)$/i.exec(head);
    if (byAppId) {
      const isApp = lower(byAppId[1]) === 'applications';
      const list = isApp ? this.applications() : this.servicePrincipals();
      const o = list.find((x) => lower(String(x.appId)) === lower(byAppId[2]));
      if (second) return this.memberOf(req, version, o, second, byAppId[2]);
      return this.single(req, version, isApp ? 'applications' : 'servicePrincipals', o, `appId='${byAppId[2]}'`);
    }
    const h = lower(head);
    if (h === 'applications' || h === 'serviceprincipals') {
      const list = h === 'applications' ? this.applications() : this.servicePrincipals();
      const entity = h === 'applications' ? 'applications' : 'servicePrincipals';
      if (!second) {
        const items = this.filterAppId(req, list);
        if (!items)
          return graphError(400, 'Request_UnsupportedQuery', `Unsupported query: ${req.query.get('$filter') ?? ''}`);
        return this.collection(req, version, entity, items);
      }
      const o = list.find((x) => lower(String(x.id)) === lower(second));
      if (third) return this.memberOf(req, version, o, third, second);
      return this.single(req, version, entity, o, second);
    }
    if (h === 'directoryobjects' && second) {
      const o = this.directoryObject(second);
      if (third) return this.memberOf(req, version, o, third, second);
      return this.single(req, version, 'directoryObjects', o, second);
    }
    if (h === 'groups' && second) {
      const o = this.directoryObject(second);
      if (third && lower(third) === 'members') {
        const members =
          Object.entries(this.index.world.graph.groupMembers).find(([g]) => lower(g) === lower(second))?.[1] ?? [];
        return this.collection(
          req,
          version,
          'directoryObjects',
          members.map((m) => this.directoryObject(m) ?? { '@odata.type': '#microsoft.graph.directoryObject', id: m }),
        );
      }
      return this.single(req, version, 'groups', o, second);
    }
    return graphError(400, 'BadRequest', `Resource not found for the segment '${head}'.`);
  }

  /** POST /directoryObjects/getByIds `{ids, types?}`: the objects found, unknown ids left out (as Graph does). */
  private getByIds(req: Req, version: string): Reply {
    let body: { ids?: unknown; types?: unknown };
    try {
      body = JSON.parse(req.body.toString('utf8') || '{}') as typeof body;
    } catch {
      return graphError(400, 'BadRequest', 'Invalid JSON in the request body.');
    }
    if (!Array.isArray(body.ids)) return graphError(400, 'BadRequest', "The property 'ids' is required.");
    const types = Array.isArray(body.types) ? body.types.map((t) => lower(String(t))) : [];
    const found = body.ids
      .map((id) => this.directoryObject(String(id)))
      .filter((o): o is Obj => o !== undefined)
      .filter(
        (o) =>
          types.length === 0 || types.includes(lower(String(o['@odata.type'] ?? '').replace('#microsoft.graph.', ''))),
      );
    return json(200, { '@odata.context': `${req.origin}/${version}/$metadata#directoryObjects`, value: found });
  }

  private memberOf(req: Req, version: string, o: Obj | undefined, nav: string, key: string): Reply {
    if (!o) return this.single(req, version, 'directoryObjects', undefined, key);
    const n = lower(nav);
    if (n !== 'transitivememberof' && n !== 'memberof') {
      return graphError(400, 'BadRequest', `Resource not found for the segment '${nav}'.`);
    }
    const id = String(o.id);
    const groups =
      n === 'transitivememberof'
        ? this.index.groupsOf(id)
        : Object.entries(this.index.world.graph.groupMembers)
            .filter(([, members]) => members.some((m) => lower(m) === lower(id)))
            .map(([g]) => g);
    return this.collection(
      req,
      version,
      'directoryObjects',
      groups.map((g) => this.directoryObject(g) ?? { '@odata.type': '#microsoft.graph.group', id: g }),
    );
  }
}
