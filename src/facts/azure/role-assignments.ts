// Role assignments, role definitions and deny assignments that bear on pulls (I/O, @azure/arm-authorization), and
// `collectIdentityFacts`, which gathers everything checks/identity.ts judges: the cluster, the registry behind each
// host, the assignments of the kubelet (or cluster service principal) and of the control-plane identity at or above
// each registry, and the cluster service principal's secrets. Never throws; what cannot be read is Unverifiable.

import type { AuthorizationManagementClient, RoleAssignment } from '@azure/arm-authorization';
import type {
  ClusterFacts,
  ClusterServicePrincipalFacts,
  IdentityFacts,
  RegistryAccessFacts,
  RegistryFacts,
} from '../../types/facts/identity.js';
import type { Unverifiable } from '../../types/facts/unverifiable.js';
import { isUnverifiable } from '../../lib/unverifiable.js';
import { resourceNameOf, sameArmId } from '../../lib/arm-id.js';
import { BUILTIN_ROLE_DEFINITIONS, PULL_ACTION, PULL_DATA_ACTION, roleGuid } from '../../lib/azure-builtin-roles.js';
import { roleGrants } from '../../lib/rbac-actions.js';
import type {
  DenyAssignmentFact,
  RegistryDiscovery,
  RoleAssignmentFact,
  RoleDefinitionFact,
} from '../../types/facts/identity.js';
import type { FactContext } from '../../types/facts/context.js';
import { oncePerRun } from '../collect.js';
import { armClientOptions, describeError, getCluster, noSignIn, statusOf, unverifiableFrom } from './cluster.js';
import { findBoundIdentities } from './identity-bindings.js';
import { getApplicationByAppId, getServicePrincipalByAppId, getTransitiveGroups } from './graph.js';
import { discoverRegistries } from './registries.js';
import { armScope } from './clouds.js';

const EVERYONE = '00000000-0000-0000-0000-000000000000';

interface Caches {
  definitions: Map<string, Promise<RoleDefinitionFact | Unverifiable>>;
  lists: Map<string, Promise<RoleAssignmentFact[] | Unverifiable>>;
}

// One cache per run (per FactContext), so nothing leaks between runs or tests.
const caches = new WeakMap<FactContext, Caches>();

function cacheOf(ctx: FactContext): Caches {
  let c = caches.get(ctx);
  if (!c) {
    c = { definitions: new Map(), lists: new Map() };
    caches.set(ctx, c);
  }
  return c;
}

/** One client per run and subscription. */
const authClient = oncePerRun(
  async (ctx: FactContext, subscriptionId: string): Promise<AuthorizationManagementClient> => {
    const { AuthorizationManagementClient } = await import('@azure/arm-authorization');
    // arm-authorization 9 is a core-client ServiceClient: `credentialScopes`, not `credentials.scopes`.
    return new AuthorizationManagementClient(ctx.azure!.credential, subscriptionId, {
      endpoint: armClientOptions(ctx).endpoint,
      credentialScopes: [armScope(ctx.azure!.endpoints)],
    });
  },
);

/** The SDK's `{scope}` path parameter is not encoded and the template already has the leading slash. */
function bare(scope: string): string {
  return scope.replace(/^\/+/, '');
}

function assignmentFact(a: RoleAssignment): RoleAssignmentFact | undefined {
  if (!a.id || !a.roleDefinitionId || !a.principalId) return undefined;
  const f: RoleAssignmentFact = {
    id: a.id,
    // ARM returns scope for every assignment; derive it from the id when a payload omits it.
    scope: a.scope ?? a.id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '') ?? '/',
    roleDefinitionId: a.roleDefinitionId,
    principalId: a.principalId,
  };
  if (a.principalType) f.principalType = a.principalType;
  if (a.condition) f.condition = a.condition;
  if (a.conditionVersion) f.conditionVersion = a.conditionVersion;
  return f;
}

async function list(
  ctx: FactContext,
  key: string,
  run: () => Promise<AsyncIterable<RoleAssignment>>,
  what: string,
): Promise<RoleAssignmentFact[] | Unverifiable> {
  const c = cacheOf(ctx);
  let p = c.lists.get(key);
  if (!p) {
    p = (async () => {
      try {
        const out: RoleAssignmentFact[] = [];
        for await (const a of await run()) {
          const f = assignmentFact(a);
          if (f) out.push(f);
        }
        return out;
      } catch (err) {
        return unverifiableFrom(err, what, 'Microsoft.Authorization/roleAssignments/read');
      }
    })();
    c.lists.set(key, p);
  }
  return p;
}

/**
 * Role assignments at or above `scope` that apply to `objectId`, directly or through its groups
 * (`$filter=atScope() and assignedTo('<oid>')`).
 */
export function listAssignmentsForPrincipalAtScope(
  ctx: FactContext,
  scope: string,
  objectId: string,
): Promise<RoleAssignmentFact[] | Unverifiable> {
  if (!ctx.azure) return Promise.resolve(noSignIn('role assignments'));
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? ctx.azure.subscriptionId ?? '';
  const filter = `atScope() and assignedTo('${objectId}')`;
  return list(
    ctx,
    `scope|${scope.toLowerCase()}|${objectId.toLowerCase()}`,
    async () =>
      (await authClient(ctx, sub)).roleAssignments.listForScope(bare(scope), { filter, abortSignal: ctx.signal }),
    `role assignments on ${scope}`,
  );
}

/** Every assignment of `objectId` (and its groups) in a subscription, at any scope (`assignedTo('<oid>')`). */
export function listAssignmentsForPrincipalInSubscription(
  ctx: FactContext,
  subscriptionId: string,
  objectId: string,
): Promise<RoleAssignmentFact[] | Unverifiable> {
  if (!ctx.azure) return Promise.resolve(noSignIn('role assignments'));
  return list(
    ctx,
    `sub|${subscriptionId.toLowerCase()}|${objectId.toLowerCase()}`,
    async () =>
      (await authClient(ctx, subscriptionId)).roleAssignments.listForSubscription({
        filter: `assignedTo('${objectId}')`,
        abortSignal: ctx.signal,
      }),
    `role assignments in subscription ${subscriptionId}`,
  );
}

/** A role definition by its full id (roleDefinitions.getById), cached by GUID. Built-ins fall back to the published table. */
export function getRoleDefinition(
  ctx: FactContext,
  roleDefinitionId: string,
): Promise<RoleDefinitionFact | Unverifiable> {
  const guid = roleGuid(roleDefinitionId);
  const c = cacheOf(ctx);
  let p = c.definitions.get(guid);
  if (!p) {
    p = (async (): Promise<RoleDefinitionFact | Unverifiable> => {
      if (!ctx.azure) return noSignIn('role definitions');
      const sub = /^\/subscriptions\/([^/]+)/i.exec(roleDefinitionId)?.[1] ?? ctx.azure.subscriptionId ?? '';
      try {
        const d = await (
          await authClient(ctx, sub)
        ).roleDefinitions.getById(bare(roleDefinitionId), {
          abortSignal: ctx.signal,
        });
        const fact: RoleDefinitionFact = {
          id: d.id ?? roleDefinitionId,
          permissions: (d.permissions ?? []).map((x) => ({
            actions: x.actions ?? [],
            notActions: x.notActions ?? [],
            dataActions: x.dataActions ?? [],
            notDataActions: x.notDataActions ?? [],
          })),
        };
        if (d.roleName) fact.roleName = d.roleName;
        if (d.roleType) fact.roleType = d.roleType;
        return fact;
      } catch (err) {
        const builtin = BUILTIN_ROLE_DEFINITIONS[guid];
        if (builtin) {
          ctx.logger.debug(`role definition ${guid} unreadable (${describeError(err)}); using the published built-in`);
          return builtin;
        }
        return unverifiableFrom(
          err,
          `role definition ${roleDefinitionId}`,
          'Microsoft.Authorization/roleDefinitions/read',
        );
      }
    })();
    c.definitions.set(guid, p);
  }
  return p;
}

/** Deny assignments at or above `scope` (`$filter=atScope()`); an API that is not there (404) counts as none. */
export async function listDenyAssignmentsAtScope(
  ctx: FactContext,
  scope: string,
): Promise<DenyAssignmentFact[] | Unverifiable> {
  if (!ctx.azure) return noSignIn('deny assignments');
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? '';
  try {
    const out: DenyAssignmentFact[] = [];
    for await (const d of (await authClient(ctx, sub)).denyAssignments.listForScope(bare(scope), {
      filter: 'atScope()',
      abortSignal: ctx.signal,
    })) {
      if (!d.id || !d.scope) continue;
      out.push({
        id: d.id,
        scope: d.scope,
        doNotApplyToChildScopes: d.doNotApplyToChildScopes ?? false,
        permissions: (d.permissions ?? []).map((p) => ({
          actions: p.actions ?? [],
          notActions: p.notActions ?? [],
          dataActions: p.dataActions ?? [],
          notDataActions: p.notDataActions ?? [],
          ...(p.condition ? { condition: p.condition } : {}),
        })),
        principals: (d.principals ?? []).filter((x) => x.id).map((x) => ({ id: x.id!, type: x.type })),
        excludePrincipals: (d.excludePrincipals ?? []).filter((x) => x.id).map((x) => ({ id: x.id!, type: x.type })),
      });
    }
    return out;
  } catch (err) {
    if (statusOf(err) === 404) return [];
    return unverifiableFrom(err, `deny assignments on ${scope}`, 'Microsoft.Authorization/denyAssignments/read');
  }
}

function grantsPullAnywhere(def: RoleDefinitionFact | undefined): boolean {
  return Boolean(
    def && (roleGrants(def, PULL_ACTION, 'action').granted || roleGrants(def, PULL_DATA_ACTION, 'dataAction').granted),
  );
}

async function clusterServicePrincipal(
  ctx: FactContext,
  appId: string,
): Promise<ClusterServicePrincipalFacts | Unverifiable> {
  const [app, sp] = await Promise.all([getApplicationByAppId(ctx, appId), getServicePrincipalByAppId(ctx, appId)]);
  if (isUnverifiable(sp) && isUnverifiable(app)) return sp;
  const facts: ClusterServicePrincipalFacts = { appId, passwordCredentials: [] };
  if ('found' in sp) {
    facts.objectId = sp.found.id;
    if (sp.found.displayName) facts.displayName = sp.found.displayName;
  }
  if ('found' in app) {
    facts.passwordCredentials = app.found.passwordCredentials;
    if (!facts.displayName && app.found.displayName) facts.displayName = app.found.displayName;
  } else if (isUnverifiable(app)) {
    facts.passwordCredentials = app;
  } else {
    // The application lives in another tenant (a multitenant app): its secrets are not visible from here.
    facts.passwordCredentials = { reason: app.notFound };
  }
  return facts;
}

/**
 * Everything the identity checks need for one cluster and the image hosts of the manifests. `clusterId` is an AKS
 * resource id; `hosts` are image registry hosts (any; only those a visible registry serves are evaluated).
 */
export async function collectIdentityFacts(
  ctx: FactContext,
  clusterId: string,
  hosts: string[],
  serviceAccountBindings: Record<string, string> = {},
): Promise<IdentityFacts> {
  return collectAccessFacts(ctx, await readClusterAndRegistries(ctx, clusterId, hosts), serviceAccountBindings);
}

/** The cluster and the registries behind the image hosts: what the image, network and credential reads start from. */
export interface ClusterAndRegistries {
  cluster: IdentityFacts['cluster'];
  discovery: RegistryDiscovery;
}

/** The cluster read once per run: the gate starts it while the manifests are read (prefetchCluster). */
const readCluster = oncePerRun(getCluster);

/** Starts the cluster read before the image hosts are known; readClusterAndRegistries takes the same answer. */
export function prefetchCluster(ctx: FactContext, clusterId: string): void {
  if (ctx.azure) void readCluster(ctx, clusterId);
}

/** The first step of collectIdentityFacts (two ARM reads in parallel), so the gate can start the image checks then. */
export async function readClusterAndRegistries(
  ctx: FactContext,
  clusterId: string,
  hosts: string[],
): Promise<ClusterAndRegistries> {
  const [cluster, discovery] = await Promise.all([readCluster(ctx, clusterId), discoverRegistries(ctx, hosts)]);
  if (!isUnverifiable(cluster)) fillClusterTenant(cluster, discovery.subscriptions);
  return { cluster, discovery };
}

/**
 * The rest of collectIdentityFacts: the kubelet's principal, bound workload identities, role and deny assignments
 * at every registry, role definitions, groups and stale assignments. Runs beside the image checks.
 */
export async function collectAccessFacts(
  ctx: FactContext,
  { cluster, discovery }: ClusterAndRegistries,
  serviceAccountBindings: Record<string, string> = {},
): Promise<IdentityFacts> {
  const facts: IdentityFacts = {
    now: ctx.now.toISOString(),
    acrSuffixes: ctx.azure?.endpoints.acrSuffixes ?? ['.azurecr.io', '.azurecr.cn', '.azurecr.us'],
    cluster,
    discovery,
    access: {},
    definitions: {},
    groups: {},
  };
  if (isUnverifiable(cluster)) return facts;

  if (cluster.servicePrincipalClientId && !cluster.kubelet?.objectId) {
    facts.clusterServicePrincipal = ctx.azure
      ? await clusterServicePrincipal(ctx, cluster.servicePrincipalClientId)
      : noSignIn('the cluster service principal');
  }
  const sp = facts.clusterServicePrincipal;
  const puller = cluster.kubelet?.objectId ?? (sp && !isUnverifiable(sp) ? sp.objectId : undefined);
  const bindingIds = Object.values(serviceAccountBindings);
  if (bindingIds.length > 0) {
    facts.serviceAccountBindings = serviceAccountBindings;
    facts.boundIdentities = await findBoundIdentities(
      ctx,
      bindingIds,
      discovery.subscriptions.map((s) => s.subscriptionId),
    );
  }
  const bound = Object.values(facts.boundIdentities ?? {}).flatMap((b) => ('principalId' in b ? [b.principalId] : []));
  const principals = [
    ...new Set(
      [puller, ...cluster.controlPlane.map((c) => c.principalId), ...bound].filter((p): p is string => Boolean(p)),
    ),
  ];

  await Promise.all(discovery.registries.map((r) => collectRegistryAccess(ctx, facts, r, principals)));
  await collectDefinitions(ctx, facts);
  if (puller) {
    await collectGroupsIfNeeded(ctx, facts, puller);
    await collectStaleAssignments(ctx, facts, puller);
  }
  return facts;
}

function fillClusterTenant(cluster: ClusterFacts, subs: IdentityFacts['discovery']['subscriptions']): void {
  if (cluster.tenantId) return;
  const s = subs.find((x) => x.subscriptionId.toLowerCase() === cluster.subscriptionId.toLowerCase());
  if (s?.tenantId) cluster.tenantId = s.tenantId;
}

async function collectRegistryAccess(
  ctx: FactContext,
  facts: IdentityFacts,
  r: RegistryFacts,
  principals: string[],
): Promise<void> {
  const access: RegistryAccessFacts = { registryId: r.id, assignments: {} };
  const [lists, deny] = await Promise.all([
    Promise.all(principals.map((p) => listAssignmentsForPrincipalAtScope(ctx, r.id, p))),
    listDenyAssignmentsAtScope(ctx, r.id),
  ]);
  principals.forEach((p, i) => (access.assignments[p.toLowerCase()] = lists[i]));
  access.denyAssignments = deny;
  // atScope() returns only assignments whose scope contains the registry, so every management group it returns is an
  // ancestor of the registry's subscription: that is the fact the engine needs to count such assignments.
  const groups = new Set(r.managementGroups ?? []);
  for (const l of lists) {
    if (isUnverifiable(l)) continue;
    for (const a of l) {
      const m = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\/?$/i.exec(a.scope);
      if (m) groups.add(m[1]);
    }
  }
  if (groups.size > 0) r.managementGroups = [...groups];
  facts.access[r.id.toLowerCase()] = access;
}

async function collectDefinitions(ctx: FactContext, facts: IdentityFacts): Promise<void> {
  const ids = new Map<string, string>();
  for (const access of Object.values(facts.access)) {
    for (const l of Object.values(access.assignments)) {
      if (isUnverifiable(l)) continue;
      for (const a of l) ids.set(roleGuid(a.roleDefinitionId), a.roleDefinitionId);
    }
  }
  await Promise.all(
    [...ids.entries()].map(async ([guid, id]) => {
      const d = await getRoleDefinition(ctx, id);
      if (!isUnverifiable(d)) facts.definitions[guid] = d;
    }),
  );
}

/** Graph group membership only matters for deny assignments naming groups (role assignments come via assignedTo). */
async function collectGroupsIfNeeded(ctx: FactContext, facts: IdentityFacts, puller: string): Promise<void> {
  const needs = Object.values(facts.access).some(
    (a) =>
      Array.isArray(a.denyAssignments) &&
      a.denyAssignments.some((d) =>
        d.principals.some((p) => p.id !== EVERYONE && p.id.toLowerCase() !== puller.toLowerCase()),
      ),
  );
  if (!needs) return;
  const groups = await getTransitiveGroups(ctx, puller);
  if (!isUnverifiable(groups)) facts.groups[puller.toLowerCase()] = groups;
  else ctx.logger.debug(`group membership of ${puller} unreadable: ${groups.reason}`);
}

/**
 * The seed incident: a registry recreated under the same name elsewhere leaves the kubelet's AcrPull on the old id.
 * Finds pull-granting assignments of the puller on other registries with the same name (same subscriptions).
 */
async function collectStaleAssignments(ctx: FactContext, facts: IdentityFacts, puller: string): Promise<void> {
  const stale: Record<string, RoleAssignmentFact[]> = {};
  await Promise.all(
    facts.discovery.registries.map(async (r) => {
      const subs = new Set([r.subscriptionId.toLowerCase()]);
      if (!isUnverifiable(facts.cluster)) subs.add(facts.cluster.subscriptionId.toLowerCase());
      for (const sub of subs) {
        const l = await listAssignmentsForPrincipalInSubscription(ctx, sub, puller);
        if (isUnverifiable(l)) continue;
        for (const a of l) {
          if (!/\/providers\/Microsoft\.ContainerRegistry\/registries\/[^/]+$/i.test(a.scope)) continue;
          if (resourceNameOf(a.scope).toLowerCase() !== r.name.toLowerCase() || sameArmId(a.scope, r.id)) continue;
          let def: RoleDefinitionFact | Unverifiable | undefined = facts.definitions[roleGuid(a.roleDefinitionId)];
          if (!def) def = await getRoleDefinition(ctx, a.roleDefinitionId);
          if (isUnverifiable(def) || !grantsPullAnywhere(def)) continue;
          (stale[r.id.toLowerCase()] ??= []).push(a);
        }
      }
    }),
  );
  if (Object.keys(stale).length > 0) facts.staleAssignments = stale;
}
