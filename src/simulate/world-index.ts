// Indexes a World for serving: ARM resources by lower-cased id (with synthesized children such as agentPools and
// privateEndpointConnections), registry hosts -> ARM registry, principals, and the RBAC evaluation that both ARM's
// role-assignment filters and the registry token endpoints use (assignments at or above a scope, groups, conditions).

import { ABAC_REPOSITORY_ROLE_GUIDS, BUILT_IN_ROLES, builtInRoleBody, type RolePermission } from './builtin-roles.js';
import type { ArmResource, World, WorldRegistry } from './world.js';

export interface RoleDef {
  guid: string;
  roleName: string;
  permissions: RolePermission[];
  builtIn: boolean;
  body?: ArmResource;
}

export interface Assignment {
  id: string;
  scope: string;
  principalId: string;
  roleGuid: string;
  condition?: string;
  body: ArmResource;
}

export interface RegistryInfo {
  /** Login server (lower case). */
  loginServer: string;
  /** Every host this registry answers on: login server, data endpoints and regional endpoints. */
  hosts: string[];
  arm?: ArmResource;
  data: WorldRegistry;
  tenantId?: string;
}

const ROLE_ASSIGNMENT_SEGMENT = '/providers/microsoft.authorization/roleassignments/';

export function lower(s: string): string {
  return s.toLowerCase();
}

/** `Microsoft.ContainerRegistry/registries/tokens` from an id; undefined for non-provider ids. */
export function typeFromId(id: string): string | undefined {
  const segs = id.split('/').filter(Boolean);
  const p = segs.map(lower).lastIndexOf('providers');
  if (p < 0 || p + 2 >= segs.length) {
    if (segs.length === 2 && lower(segs[0]) === 'subscriptions') return 'Microsoft.Resources/subscriptions';
    if (segs.length === 4 && lower(segs[2]) === 'resourcegroups') return 'Microsoft.Resources/resourceGroups';
    return undefined;
  }
  const ns = segs[p + 1];
  const rest = segs.slice(p + 2);
  const types: string[] = [];
  for (let i = 0; i < rest.length; i += 2) types.push(rest[i]);
  return [ns, ...types].join('/');
}

/** `*` matches any run of characters; comparison is case-insensitive (Azure RBAC action semantics). */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}

function permits(perms: RolePermission[], action: string, data: boolean): boolean {
  return perms.some((p) => {
    const allow = data ? p.dataActions : p.actions;
    const deny = data ? p.notDataActions : p.notActions;
    return allow.some((a) => actionMatches(a, action)) && !deny.some((a) => actionMatches(a, action));
  });
}

/** True when `scope` (a lower-cased ARM path) is at or below `above`. */
export function scopeCovers(above: string, scope: string): boolean {
  const a = lower(above).replace(/\/+$/, '');
  const s = lower(scope).replace(/\/+$/, '');
  if (a === '' || a === '/') return true;
  return s === a || s.startsWith(`${a}/`);
}

const REPO_NAME_ATTR =
  /@(?:Request|Resource)\[Microsoft\.ContainerRegistry\/registries\/repositories:name\]\s+(\w+)\s+'([^']*)'/gi;
const ACTION_MATCHES = /ActionMatches\{'([^']+)'\}/gi;

/**
 * Evaluates the simple ABAC conditions ACR documents: "for these data actions, the repository name must equal / start
 * with / be like ...". Actions the condition does not name are not restricted by it. A repository clause we do not
 * understand fails closed, as an unknown condition would deny on the real service.
 */
export function conditionAllows(condition: string | undefined, dataAction: string, repository: string): boolean {
  if (!condition || condition.trim() === '') return true;
  const named = [...condition.matchAll(ACTION_MATCHES)].map((m) => m[1]);
  if (named.length > 0 && !named.some((a) => actionMatches(a, dataAction))) return true;
  const clauses = [...condition.matchAll(REPO_NAME_ATTR)];
  if (clauses.length === 0) return false;
  const repo = repository.toLowerCase();
  return clauses.some(([, op, raw]) => {
    const opL = op.toLowerCase();
    const ci = opL.endsWith('ignorecase');
    const value = ci ? raw.toLowerCase() : raw;
    const r = ci ? repo : repository;
    if (opL.startsWith('stringequals')) return r === value;
    if (opL.startsWith('stringstartswith')) return r.startsWith(value);
    if (opL.startsWith('stringlike')) return actionMatches(value, r);
    return false;
  });
}

export class WorldIndex {
  readonly world: World;
  /** Lower-cased id -> body, including synthesized children. */
  readonly resources = new Map<string, ArmResource>();
  readonly roles = new Map<string, RoleDef>();
  readonly assignments: Assignment[] = [];
  readonly registries: RegistryInfo[] = [];
  private readonly byHost = new Map<string, RegistryInfo>();

  constructor(world: World) {
    this.world = world;
    for (const r of world.azure.resources) this.add(normalize(r));
    this.synthesizeChildren();
    for (const role of BUILT_IN_ROLES) {
      this.roles.set(role.guid, {
        guid: role.guid,
        roleName: role.roleName,
        permissions: role.permissions,
        builtIn: true,
      });
    }
    for (const r of this.resources.values()) {
      const t = lower(r.type ?? '');
      if (t === 'microsoft.authorization/roledefinitions') this.addCustomRole(r);
      if (t === 'microsoft.authorization/roleassignments') this.addAssignment(r);
    }
    this.indexRegistries();
  }

  private add(r: ArmResource): void {
    this.resources.set(lower(r.id), r);
  }

  private synthesizeChildren(): void {
    for (const r of [...this.resources.values()]) {
      const t = lower(r.type ?? '');
      const props = (r.properties ?? {}) as Record<string, unknown>;
      if (t === 'microsoft.containerservice/managedclusters') {
        const profiles = Array.isArray(props.agentPoolProfiles)
          ? (props.agentPoolProfiles as Record<string, unknown>[])
          : [];
        const pools = this.children(r.id, 'agentPools');
        if (pools.length === 0) {
          for (const p of profiles) {
            const { name, ...rest } = p;
            if (typeof name !== 'string') continue;
            this.add({
              id: `${r.id}/agentPools/${name}`,
              name,
              type: 'Microsoft.ContainerService/managedClusters/agentPools',
              properties: rest,
            });
          }
        } else if (profiles.length === 0) {
          // A world that lists agentPools as resources still gets a cluster body with agentPoolProfiles, as ARM returns.
          props.agentPoolProfiles = pools.map((p) => ({ name: p.name, ...(p.properties ?? {}) }));
          r.properties = props;
        }
      }
      if (t === 'microsoft.containerregistry/registries') {
        const pecs = Array.isArray(props.privateEndpointConnections)
          ? (props.privateEndpointConnections as ArmResource[])
          : [];
        for (const pec of pecs) {
          if (typeof pec?.id !== 'string' || this.resources.has(lower(pec.id))) continue;
          this.add(normalize({ type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections', ...pec }));
        }
        if (pecs.length === 0) {
          const listed = this.children(r.id, 'privateEndpointConnections');
          if (listed.length > 0) {
            props.privateEndpointConnections = listed;
            r.properties = props;
          }
        }
      }
    }
  }

  /** Direct children `<parentId>/<childType>/<name>` (case-insensitive). */
  children(parentId: string, childType: string): ArmResource[] {
    const prefix = `${lower(parentId)}/${lower(childType)}/`;
    const out: ArmResource[] = [];
    for (const [k, v] of this.resources) {
      if (k.startsWith(prefix) && !k.slice(prefix.length).includes('/')) out.push(v);
    }
    return out;
  }

  private addCustomRole(r: ArmResource): void {
    const p = (r.properties ?? {}) as Record<string, unknown>;
    const guid = lower(r.name ?? r.id.split('/').pop() ?? '');
    this.roles.set(guid, {
      guid,
      roleName: typeof p.roleName === 'string' ? p.roleName : guid,
      permissions: Array.isArray(p.permissions) ? (p.permissions as RolePermission[]).map(fillPermission) : [],
      builtIn: false,
      body: r,
    });
  }

  private addAssignment(r: ArmResource): void {
    const p = (r.properties ?? {}) as Record<string, unknown>;
    const idL = lower(r.id);
    const at = idL.indexOf(ROLE_ASSIGNMENT_SEGMENT);
    const scope = typeof p.scope === 'string' ? p.scope : at >= 0 ? r.id.slice(0, at) || '/' : '/';
    if (typeof p.scope !== 'string') r.properties = { ...p, scope };
    const roleDefinitionId = typeof p.roleDefinitionId === 'string' ? p.roleDefinitionId : '';
    this.assignments.push({
      id: r.id,
      scope,
      principalId: lower(String(p.principalId ?? '')),
      roleGuid: lower(roleDefinitionId.split('/').pop() ?? ''),
      condition: typeof p.condition === 'string' ? p.condition : undefined,
      body: r,
    });
  }

  private indexRegistries(): void {
    const armRegistries = [...this.resources.values()].filter(
      (r) => lower(r.type ?? '') === 'microsoft.containerregistry/registries',
    );
    const seen = new Set<string>();
    for (const arm of armRegistries) {
      const p = (arm.properties ?? {}) as Record<string, unknown>;
      const login = lower(typeof p.loginServer === 'string' ? p.loginServer : `${arm.name ?? ''}.azurecr.io`);
      const hosts = [login];
      if (Array.isArray(p.dataEndpointHostNames))
        for (const h of p.dataEndpointHostNames) if (typeof h === 'string') hosts.push(lower(h));
      // Regional endpoints (<registry>.<region>.geo.azurecr.io) serve the data plane of one replica.
      if (lower(String(p.regionalEndpoints ?? 'enabled')) !== 'disabled' && Array.isArray(p.regionalEndpointHostNames))
        for (const h of p.regionalEndpointHostNames) if (typeof h === 'string') hosts.push(lower(h));
      const info: RegistryInfo = {
        loginServer: login,
        hosts,
        arm,
        data: this.world.registries[login] ?? { repositories: {} },
        tenantId: this.tenantOfId(arm.id),
      };
      this.registries.push(info);
      seen.add(login);
    }
    for (const [host, data] of Object.entries(this.world.registries)) {
      if (seen.has(host)) continue;
      // Docker Hub's images are named docker.io/... and served by registry-1.docker.io.
      const hosts = host === 'docker.io' ? [host, 'registry-1.docker.io'] : [host];
      this.registries.push({ loginServer: host, hosts, data });
    }
    for (const info of this.registries) for (const h of info.hosts) this.byHost.set(h.replace(/:443$/, ''), info);
  }

  registryForHost(host: string): RegistryInfo | undefined {
    return this.byHost.get(lower(host).replace(/:443$/, ''));
  }

  /** Every host name a registry of this world answers on. */
  registryHosts(): string[] {
    return [...this.byHost.keys()];
  }

  tenantOfId(id: string): string | undefined {
    const m = /^\/subscriptions\/([^/]+)/i.exec(id);
    if (!m) return undefined;
    const sub = this.world.azure.subscriptions.find((s) => lower(s.subscriptionId) === lower(m[1]));
    return sub?.tenantId ?? this.world.gate.tenantId;
  }

  /** The principal and every group that contains it, transitively (graph.groupMembers). */
  principalAndGroups(objectId: string): Set<string> {
    const out = new Set([lower(objectId)]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [group, members] of Object.entries(this.world.graph.groupMembers)) {
        const g = lower(group);
        if (!out.has(g) && members.some((m) => out.has(lower(m)))) {
          out.add(g);
          grew = true;
        }
      }
    }
    return out;
  }

  /** Groups that contain `objectId`, transitively (excluding itself). */
  groupsOf(objectId: string): string[] {
    const all = this.principalAndGroups(objectId);
    all.delete(lower(objectId));
    return [...all];
  }

  /**
   * The management groups above `scope`, nearest first: the group holding its subscription (or the group itself) and
   * every parent up to the root (world `azure.managementGroups`).
   */
  managementGroupsAbove(scope: string): string[] {
    const groups = this.world.azure.managementGroups;
    const s = lower(scope).replace(/\/+$/, '');
    const sub = /^\/subscriptions\/([^/]+)/.exec(s)?.[1];
    let current = sub
      ? groups.find((g) => g.subscriptions.some((x) => lower(x) === sub))
      : groups.find((g) => lower(g.id) === s);
    const out: string[] = [];
    while (current && !out.includes(lower(current.id))) {
      out.push(lower(current.id));
      const parent = current.parent;
      current = parent ? groups.find((g) => lower(g.id) === lower(parent)) : undefined;
    }
    return out;
  }

  /** `above` is `scope` or an ancestor of it: by id prefix, or as a management group above its subscription. */
  covers(above: string, scope: string): boolean {
    if (scopeCovers(above, scope)) return true;
    const a = lower(above).replace(/\/+$/, '');
    if (!a.startsWith('/providers/microsoft.management/managementgroups/')) return false;
    return this.managementGroupsAbove(scope).includes(a);
  }

  /** Assignments for the principal (or its groups) at or above `scope`. */
  assignmentsFor(objectId: string, scope: string): Assignment[] {
    const ids = this.principalAndGroups(objectId);
    return this.assignments.filter((a) => ids.has(a.principalId) && this.covers(a.scope, scope));
  }

  private denied(objectId: string, scope: string, action: string, data: boolean): boolean {
    const ids = this.principalAndGroups(objectId);
    for (const r of this.resources.values()) {
      if (lower(r.type ?? '') !== 'microsoft.authorization/denyassignments') continue;
      const p = (r.properties ?? {}) as Record<string, unknown>;
      const principals = Array.isArray(p.principals) ? (p.principals as { id?: string }[]) : [];
      const everyone = principals.some((x) => x.id === '00000000-0000-0000-0000-000000000000');
      if (!everyone && !principals.some((x) => typeof x.id === 'string' && ids.has(lower(x.id)))) continue;
      const s =
        typeof p.scope === 'string'
          ? p.scope
          : r.id.slice(0, lower(r.id).indexOf('/providers/microsoft.authorization/'));
      if (!this.covers(s, scope)) continue;
      const perms = Array.isArray(p.permissions) ? (p.permissions as RolePermission[]).map(fillPermission) : [];
      if (permits(perms, action, data)) return true;
    }
    return false;
  }

  /** Control-plane action granted to the principal at `scope` by the world's role assignments. */
  hasAction(objectId: string, scope: string, action: string): boolean {
    if (this.denied(objectId, scope, action, false)) return false;
    return this.assignmentsFor(objectId, scope).some((a) => {
      const role = this.roles.get(a.roleGuid);
      return role !== undefined && permits(role.permissions, action, false);
    });
  }

  /** Data action on a repository, honouring ABAC conditions and (when `abacOnly`) only the ABAC-enabled roles. */
  hasDataAction(
    objectId: string,
    scope: string,
    dataAction: string,
    repository: string | undefined,
    abacOnly: boolean,
  ): boolean {
    if (this.denied(objectId, scope, dataAction, true)) return false;
    return this.assignmentsFor(objectId, scope).some((a) => {
      const role = this.roles.get(a.roleGuid);
      if (!role || !permits(role.permissions, dataAction, true)) return false;
      if (abacOnly && role.builtIn && !ABAC_REPOSITORY_ROLE_GUIDS.has(role.guid)) return false;
      return repository === undefined || conditionAllows(a.condition, dataAction, repository);
    });
  }

  /** Built-in roles as served under a subscription, plus the world's custom roles. */
  roleDefinitionBodies(subscriptionScope: string): ArmResource[] {
    const out: ArmResource[] = BUILT_IN_ROLES.map((r) => builtInRoleBody(r, subscriptionScope) as ArmResource);
    for (const role of this.roles.values()) if (!role.builtIn && role.body) out.push(role.body);
    return out;
  }

  roleDefinitionBody(guid: string, subscriptionScope: string): ArmResource | undefined {
    const role = this.roles.get(lower(guid));
    if (!role) return undefined;
    if (role.body) return role.body;
    const builtIn = BUILT_IN_ROLES.find((r) => r.guid === role.guid);
    return builtIn ? (builtInRoleBody(builtIn, subscriptionScope) as ArmResource) : undefined;
  }
}

function fillPermission(p: Partial<RolePermission>): RolePermission {
  return {
    actions: p.actions ?? [],
    notActions: p.notActions ?? [],
    dataActions: p.dataActions ?? [],
    notDataActions: p.notDataActions ?? [],
  };
}

/** Fills `name` and `type` from the id when a world leaves them out (ARM always returns both). */
function normalize(r: ArmResource): ArmResource {
  const out: ArmResource = { ...r };
  out.name ??= r.id.split('/').filter(Boolean).pop();
  out.type ??= typeFromId(r.id);
  return out;
}
