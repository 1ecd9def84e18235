// Azure Resource Manager stand-in: GET by id (case-insensitive), collections with nextLink paging, subscriptions,
// role assignments listForScope with $filter (atScope(), assignedTo(), principalId eq), role and deny assignment
// definitions, registry listCredentials, and ARM's error bodies (ResourceNotFound, AuthorizationFailed, ...).

import { json, type Reply, type Req } from './http-kit.js';
import { lower, typeFromId, type WorldIndex } from './world-index.js';
import { managedByTenants } from './entra.js';
import type { ArmResource, WorldSubscription } from './world.js';

export const DEFAULT_PAGE_SIZE = 2;

export function armError(status: number, code: string, message: string): Reply {
  return json(status, { error: { code, message } });
}

/** Who is calling ARM (from the bearer token) and whether the world lets them perform an action. */
export interface Caller {
  objectId: string;
  /** The token's `tid`: ARM serves a subscription only to its own tenant and its managedByTenants. */
  tenantId?: string;
  can(action: string, scope: string): boolean;
}

function authorizationFailed(caller: Caller, action: string, scope: string): Reply {
  return armError(
    403,
    'AuthorizationFailed',
    `The client '${caller.objectId}' with object id '${caller.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}

/** ARM's 400 for a $filter it cannot parse; the emulator answers it for any filter it does not understand, rather
 *  than ignore the filter and return everything (a dropped `assignedTo()` would read as "the kubelet has AcrPull"). */
export function invalidFilter(filter: string): Reply {
  return armError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
}

/** Whether a $filter consists only of the given clause forms joined by `and`. */
function filterUnderstood(filter: string, clauses: RegExp[]): boolean {
  let rest = filter;
  for (const c of clauses) rest = rest.replace(new RegExp(c.source, 'gi'), ' ');
  return rest.replace(/\band\b/gi, ' ').trim() === '';
}

function splitAt(path: string, marker: string): [string, string] | undefined {
  const i = lower(path).indexOf(marker);
  if (i < 0) return undefined;
  return [path.slice(0, i), path.slice(i + marker.length)];
}

/**
 * A resource body as the given api-version shows it. Registries: service-endpoint VNet rules
 * (`networkRuleSet.virtualNetworkRules`) are listed at 2021-08-01-preview and left out at 2023-11-01-preview for the
 * same registry (azure-cli test_acr_network_rule.yaml recordings), so only api-versions before 2022 carry them here.
 */
export function asApiVersion(r: ArmResource, apiVersion: string | null): ArmResource {
  if (lower(r.type ?? '') !== 'microsoft.containerregistry/registries') return r;
  const props = r.properties as Record<string, unknown> | undefined;
  const rules = props?.networkRuleSet as Record<string, unknown> | undefined;
  if (!rules || !('virtualNetworkRules' in rules)) return r;
  if ((apiVersion ?? '9999') < '2022') return r;
  const { virtualNetworkRules: _dropped, ...kept } = rules;
  return { ...r, properties: { ...props, networkRuleSet: kept } };
}

export class ArmService {
  constructor(
    private readonly index: WorldIndex,
    private readonly pageSize: number,
  ) {}

  private page(req: Req, items: unknown[]): Reply {
    const skip = Math.max(0, Number(req.query.get('$skiptoken') ?? '0') || 0);
    const value = items.slice(skip, skip + this.pageSize);
    const body: Record<string, unknown> = { value };
    if (skip + this.pageSize < items.length) {
      // Written out by hand so it reads like ARM's own nextLink ($skiptoken unescaped).
      const parts = [...req.query.entries()]
        .filter(([k]) => k !== '$skiptoken')
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
      parts.push(`$skiptoken=${skip + this.pageSize}`);
      body.nextLink = `${req.origin}${req.path}?${parts.join('&')}`;
    }
    return json(200, body);
  }

  /** Set by the emulator: the kubeconfig (YAML or JSON text) `listClusterUserCredential` returns for a cluster. */
  userKubeconfig?: (cluster: ArmResource) => string;

  handle(req: Req, caller: Caller): Reply {
    const path = req.path.replace(/\/+$/, '') || '/';
    const pathL = lower(path);
    if (!req.query.get('api-version')) {
      return armError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    }
    const early = this.checkSubscription(path) ?? this.checkTenant(path, caller);
    if (early) return early;
    if (req.method === 'POST' && pathL.endsWith('/listcredentials')) return this.listCredentials(path, caller);
    if (req.method === 'POST' && pathL.endsWith('/listclusterusercredential'))
      return this.listClusterUserCredential(path, caller);
    if (req.method !== 'GET')
      return armError(405, 'MethodNotAllowed', `The emulator serves reads only (got ${req.method} ${path}).`);

    if (pathL === '/subscriptions') return this.subscriptions(req, caller);
    if (pathL === '/tenants') return this.tenants(req, caller);
    const ra = splitAt(path, '/providers/microsoft.authorization/roleassignments');
    if (ra) return this.roleAssignments(req, caller, ra[0] || '/', ra[1]);
    const rd = splitAt(path, '/providers/microsoft.authorization/roledefinitions');
    if (rd) return this.roleDefinitions(req, caller, rd[0], rd[1]);
    const da = splitAt(path, '/providers/microsoft.authorization/denyassignments');
    if (da) return this.denyAssignments(req, caller, da[0] || '/', da[1]);

    return this.resourceOrCollection(req, caller, path);
  }

  private tenants(req: Req, caller: Caller): Reply {
    // ARM lists the tenants the caller is in: the token's, not every tenant of the world.
    const tenants = [caller.tenantId ?? this.index.world.gate.tenantId];
    return this.page(
      req,
      tenants.map((t) => ({ id: `/tenants/${t}`, tenantId: t, tenantCategory: 'Home' })),
    );
  }

  /** Whether the token's tenant may use the subscription: its own tenant or one of its managedByTenants. */
  private tenantMayUse(sub: WorldSubscription, tid: string | undefined): boolean {
    if (!tid) return true;
    const home = lower(sub.tenantId ?? this.index.world.gate.tenantId);
    return lower(tid) === home || managedByTenants(sub).includes(lower(tid));
  }

  private checkTenant(path: string, caller: Caller): Reply | undefined {
    const m = /^\/subscriptions\/([^/]+)/i.exec(path);
    if (!m) return undefined;
    const sub = this.index.world.azure.subscriptions.find((s) => lower(s.subscriptionId) === lower(m[1]));
    if (!sub || this.tenantMayUse(sub, caller.tenantId)) return undefined;
    const want = sub.tenantId ?? this.index.world.gate.tenantId;
    // ARM's body and challenge for a token of another tenant (the subscription is not delegated to it).
    const reply = armError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer 'https://sts.windows.net/${caller.tenantId}/'. It must match the tenant 'https://sts.windows.net/${want}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${want}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
    );
    reply.headers = {
      ...reply.headers,
      'www-authenticate': `Bearer authorization_uri="https://login.windows.net/${want}", error="invalid_token", error_description="The access token is from the wrong issuer."`,
    };
    return reply;
  }

  private listClusterUserCredential(path: string, caller: Caller): Reply {
    const clusterId = path.replace(/\/listClusterUserCredential$/i, '');
    const action = 'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action';
    const cluster = this.index.resources.get(lower(clusterId));
    if (!cluster || lower(cluster.type ?? '') !== 'microsoft.containerservice/managedclusters')
      return this.notFound(clusterId);
    if (!caller.can(action, cluster.id)) return authorizationFailed(caller, action, cluster.id);
    const text = this.userKubeconfig?.(cluster);
    if (!text) return armError(404, 'NotFound', 'The simulated world serves no Kubernetes API for this cluster.');
    return json(200, {
      kubeconfigs: [{ name: 'clusterUser', value: Buffer.from(text).toString('base64') }],
    });
  }

  private checkSubscription(path: string): Reply | undefined {
    const m = /^\/subscriptions\/([^/]+)/i.exec(path);
    if (!m) return undefined;
    if (this.index.world.azure.subscriptions.some((s) => lower(s.subscriptionId) === lower(m[1]))) return undefined;
    return armError(404, 'SubscriptionNotFound', `The subscription '${m[1]}' could not be found.`);
  }

  private subscriptionBody(s: { subscriptionId: string; [k: string]: unknown }): Record<string, unknown> {
    return {
      id: `/subscriptions/${s.subscriptionId}`,
      authorizationSource: 'RoleBased',
      managedByTenants: [],
      state: 'Enabled',
      subscriptionPolicies: {
        locationPlacementId: 'Public_2014-09-01',
        quotaId: 'PayAsYouGo_2014-09-01',
        spendingLimit: 'Off',
      },
      ...s,
    };
  }

  private subscriptions(req: Req, caller: Caller): Reply {
    const visible = this.index.world.azure.subscriptions.filter(
      (s) =>
        this.tenantMayUse(s, caller.tenantId) &&
        caller.can('Microsoft.Resources/subscriptions/read', `/subscriptions/${s.subscriptionId}`),
    );
    return this.page(
      req,
      visible.map((s) => this.subscriptionBody(s)),
    );
  }

  private listCredentials(path: string, caller: Caller): Reply {
    const registryId = path.replace(/\/listCredentials$/i, '');
    const action = 'Microsoft.ContainerRegistry/registries/listCredentials/action';
    const reg = this.index.resources.get(lower(registryId));
    if (!reg) return this.notFound(registryId);
    if (!caller.can(action, reg.id)) return authorizationFailed(caller, action, reg.id);
    const props = (reg.properties ?? {}) as Record<string, unknown>;
    if (props.adminUserEnabled !== true) {
      return armError(400, 'AdminUserDisabled', `Admin user is disabled.`);
    }
    const cred = Object.entries(this.index.world.azure.registryCredentials).find(
      ([id]) => lower(id) === lower(reg.id),
    )?.[1];
    if (!cred) return json(200, { username: reg.name, passwords: [] });
    return json(200, cred);
  }

  private roleAssignments(req: Req, caller: Caller, scope: string, rest: string): Reply {
    const action = 'Microsoft.Authorization/roleAssignments/read';
    if (!caller.can(action, scope)) return authorizationFailed(caller, action, scope);
    if (rest && rest !== '/') {
      const a = this.index.assignments.find(
        (x) =>
          lower(x.id) ===
          lower(`${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments${rest}`),
      );
      return a
        ? json(200, a.body)
        : armError(404, 'RoleAssignmentNotFound', `The role assignment '${rest.slice(1)}' is not found.`);
    }
    const filter = req.query.get('$filter') ?? '';
    if (!filterUnderstood(filter, [/atScope\(\)/, /assignedTo\('[^']*'\)/, /principalId\s+eq\s+'[^']*'/]))
      return invalidFilter(filter);
    const atScope = /atScope\(\)/i.test(filter);
    const assignedTo = /assignedTo\('([^']+)'\)/i.exec(filter)?.[1];
    const principalEq = /principalId\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
    const ids = assignedTo
      ? this.index.principalAndGroups(assignedTo)
      : principalEq
        ? new Set([lower(principalEq)])
        : undefined;
    const items = this.index.assignments.filter((a) => {
      const above = this.index.covers(a.scope, scope);
      const below = this.index.covers(scope, a.scope);
      if (atScope ? !above : !(above || below)) return false;
      return ids === undefined || ids.has(a.principalId);
    });
    return this.page(
      req,
      items.map((a) => a.body),
    );
  }

  private roleDefinitions(req: Req, caller: Caller, scope: string, rest: string): Reply {
    const action = 'Microsoft.Authorization/roleDefinitions/read';
    if (!caller.can(action, scope || '/')) return authorizationFailed(caller, action, scope || '/');
    const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
    if (rest && rest !== '/') {
      const guid = rest.slice(1);
      const body = this.index.roleDefinitionBody(guid, sub);
      return body
        ? json(200, body)
        : armError(
            404,
            'RoleDefinitionDoesNotExist',
            `The specified role definition with ID '${guid}' does not exist.`,
          );
    }
    const filter = req.query.get('$filter') ?? '';
    if (!filterUnderstood(filter, [/roleName\s+eq\s+'[^']*'/, /type\s+eq\s+'[^']*'/])) return invalidFilter(filter);
    const roleName = /roleName\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
    const type = /type\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
    const items = this.index.roleDefinitionBodies(sub).filter((r) => {
      const p = (r.properties ?? {}) as Record<string, unknown>;
      if (roleName && lower(String(p.roleName)) !== lower(roleName)) return false;
      if (type && lower(String(p.type)) !== lower(type)) return false;
      return true;
    });
    return this.page(req, items);
  }

  private denyAssignments(req: Req, caller: Caller, scope: string, rest: string): Reply {
    const action = 'Microsoft.Authorization/denyAssignments/read';
    if (!caller.can(action, scope)) return authorizationFailed(caller, action, scope);
    const all = [...this.index.resources.values()].filter(
      (r) => lower(r.type ?? '') === 'microsoft.authorization/denyassignments',
    );
    if (rest && rest !== '/') {
      const found = all.find((r) => lower(r.id).endsWith(lower(rest)));
      return found
        ? json(200, found)
        : armError(404, 'DenyAssignmentNotFound', `The deny assignment '${rest.slice(1)}' is not found.`);
    }
    const daFilter = req.query.get('$filter') ?? '';
    if (!filterUnderstood(daFilter, [/atScope\(\)/])) return invalidFilter(daFilter);
    const atScope = /atScope\(\)/i.test(daFilter);
    return this.page(
      req,
      all.filter((r) => {
        const s = String(
          ((r.properties ?? {}) as Record<string, unknown>).scope ??
            r.id.slice(0, lower(r.id).indexOf('/providers/microsoft.authorization/')),
        );
        return atScope ? this.index.covers(s, scope) : this.index.covers(s, scope) || this.index.covers(scope, s);
      }),
    );
  }

  private notFound(id: string): Reply {
    const rg = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(id);
    if (rg) {
      const prefix = lower(rg[0]);
      const exists = [...this.index.resources.keys()].some((k) => k === prefix || k.startsWith(`${prefix}/`));
      if (!exists) return armError(404, 'ResourceGroupNotFound', `Resource group '${rg[2]}' could not be found.`);
      const type = typeFromId(id) ?? 'resource';
      const name = id.split('/').pop();
      return armError(
        404,
        'ResourceNotFound',
        `The Resource '${type}/${name}' under resource group '${rg[2]}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
      );
    }
    return armError(404, 'ResourceNotFound', `The Resource '${id}' was not found.`);
  }

  private resourceOrCollection(req: Req, caller: Caller, path: string): Reply {
    const segs = path.split('/').filter(Boolean);
    const pathL = lower(path);
    const p = segs.map(lower).lastIndexOf('providers');
    // /subscriptions/{s}, /subscriptions/{s}/resourceGroups[/{rg}], /subscriptions/{s}/resources
    if (p < 0) return this.nonProviderPath(req, caller, path, segs);
    const afterNs = segs.length - (p + 2);
    const isCollection = afterNs % 2 === 1;
    const type = typeFromId(isCollection ? `${path}/x` : path) ?? '';
    const scope = isCollection ? segs.slice(0, -1).join('/') : path;
    const action = `${type}/read`;
    if (!caller.can(action, isCollection ? `/${scope}` : path))
      return authorizationFailed(caller, action, isCollection ? `/${scope}` : path);
    if (!isCollection) {
      const r = this.index.resources.get(pathL);
      return r ? json(200, asApiVersion(r, req.query.get('api-version'))) : this.notFound(path);
    }
    if (afterNs === 1) {
      // Top-level type listed under a subscription or resource group.
      const scopePrefix = lower(`/${segs.slice(0, p).join('/')}/`);
      // ARM answers a list under a resource group that does not exist with 404 ResourceGroupNotFound.
      const rg = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/$/i.exec(scopePrefix.replace(/providers\/.*$/, ''));
      if (rg && ![...this.index.resources.keys()].some((k) => k.startsWith(rg[0])))
        return armError(404, 'ResourceGroupNotFound', `Resource group '${rg[1]}' could not be found.`);
      const t = lower(type);
      return this.page(
        req,
        [...this.index.resources.values()]
          .filter((r) => lower(r.type ?? '') === t && lower(r.id).startsWith(scopePrefix))
          .map((r) => asApiVersion(r, req.query.get('api-version'))),
      );
    }
    const parentId = `/${segs.slice(0, -1).join('/')}`;
    const parent = this.index.resources.get(lower(parentId));
    if (!parent) {
      return armError(
        404,
        'ParentResourceNotFound',
        `Can not perform requested operation on nested resource. Parent resource '${parentId.split('/').slice(-1)[0]}' not found.`,
      );
    }
    const child = segs[segs.length - 1];
    if (
      ['all', 'recordsets'].includes(lower(child)) &&
      lower(parent.type ?? '') === 'microsoft.network/privatednszones'
    ) {
      const prefix = `${lower(parentId)}/`;
      const records = [...this.index.resources.entries()]
        .filter(
          ([k]) =>
            k.startsWith(prefix) &&
            k.slice(prefix.length).split('/').length === 2 &&
            !k.slice(prefix.length).startsWith('virtualnetworklinks/'),
        )
        .map(([, v]) => v);
      return this.page(req, records);
    }
    return this.page(req, this.index.children(parentId, child));
  }

  private nonProviderPath(req: Req, caller: Caller, path: string, segs: string[]): Reply {
    const segsL = segs.map(lower);
    const sub = this.index.world.azure.subscriptions.find((s) => lower(s.subscriptionId) === segsL[1]);
    if (segs.length === 2 && sub) {
      const action = 'Microsoft.Resources/subscriptions/read';
      return caller.can(action, path)
        ? json(200, this.subscriptionBody(sub))
        : authorizationFailed(caller, action, path);
    }
    const action = 'Microsoft.Resources/subscriptions/resourceGroups/read';
    if (segs.length === 3 && segsL[2] === 'resourcegroups') {
      if (!caller.can(action, path)) return authorizationFailed(caller, action, path);
      const groups = new Map<string, ArmResource>();
      for (const r of this.index.resources.values()) {
        const m = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.exec(r.id);
        if (m && lower(m[0]).startsWith(lower(path))) groups.set(lower(m[0]), this.resourceGroupBody(m[0], r));
      }
      return this.page(req, [...groups.values()]);
    }
    if (segs.length === 4 && segsL[2] === 'resourcegroups') {
      if (!caller.can(action, path)) return authorizationFailed(caller, action, path);
      const first = [...this.index.resources.values()].find((r) => lower(r.id).startsWith(`${lower(path)}/`));
      return first
        ? json(200, this.resourceGroupBody(path, first))
        : armError(404, 'ResourceGroupNotFound', `Resource group '${segs[3]}' could not be found.`);
    }
    if (segsL.at(-1) === 'resources') {
      // Resources_List(ByResourceGroup): top-level resources only (a child such as an A record named like a
      // registry is not listed), with `resourceType eq '…'` honoured and any other filter refused.
      const filter = req.query.get('$filter') ?? '';
      if (!filterUnderstood(filter, [/resourceType\s+eq\s+'[^']*'/])) return invalidFilter(filter);
      const wantType = /resourceType\s+eq\s+'([^']*)'/i.exec(filter)?.[1];
      const prefix = `${lower(segs.slice(0, -1).join('/'))}/`;
      return this.page(
        req,
        [...this.index.resources.values()].filter((r) => {
          const id = lower(r.id);
          if (!id.startsWith(`/${prefix}`) || id.includes('/providers/microsoft.authorization/')) return false;
          const parts = id.split('/providers/');
          if (parts.length !== 2 || parts[1].split('/').length !== 3) return false;
          return !wantType || lower(r.type ?? '') === lower(wantType);
        }),
      );
    }
    return armError(404, 'InvalidResourceType', `The resource type could not be found for path '${path}'.`);
  }

  private resourceGroupBody(id: string, sample: ArmResource): ArmResource {
    return {
      id,
      name: id.split('/').pop(),
      type: 'Microsoft.Resources/resourceGroups',
      location: typeof sample.location === 'string' ? sample.location : 'eastus',
      properties: { provisioningState: 'Succeeded' },
    };
  }
}
