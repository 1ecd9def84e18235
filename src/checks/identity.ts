// Pure checks of the kubelet identity's path to each registry: would this cluster be allowed to pull each image?
// Judges IdentityFacts (types/facts/identity.ts, collected by facts/azure/role-assignments.ts `collectIdentityFacts`):
// kubelet-pull-permission-missing, pull-role-on-control-plane-identity, pull-role-not-honored-abac,
// pull-role-condition-excludes-repository, registry-cross-tenant, cluster-sp-secret-expired/-expiring,
// role-assignments-unverifiable and registry-unknown. Emits one `kubelet` PullPathResult per ACR image (and an
// `anonymous` one where the registry allows anonymous pull); errors are
// written as if the kubelet were the only path (the pull-secret colleague combines paths: any working path pulls).

import type { PullPathResult } from '../types/facts/context.js';
import { isAcrHost } from '../lib/image-reference.js';
import type { Finding, ImageUse, RuleId, SourceLocation } from '../types/index.js';
import type {
  ClusterFacts,
  ClusterServicePrincipalFacts,
  IdentityFacts,
  RegistryAccessFacts,
  RegistryFacts,
} from '../types/facts/identity.js';
import type { Unverifiable } from '../types/facts/unverifiable.js';
import { isUnverifiable } from '../lib/unverifiable.js';
import { subscriptionOf } from '../lib/arm-id.js';
import {
  ABAC_MODE,
  evaluatePull,
  repositoryCondition,
  roleGuid,
  type AssignmentVerdict,
  type PullEvaluation,
  type RoleAssignmentFact,
} from './rbac/evaluate.js';
import { armAudienceVerdict, fixedVersionFor, type ArmAudienceVerdict } from './arm-audience.js';
import {
  acrAuthenticationAsArmEnable,
  acrTokenCreate,
  aksNodepoolUpgrade,
  aksResetServicePrincipal,
  attachAcr,
  denyAssignmentExclude,
  kubectlRecreatePullSecret,
  roleAssignmentCreate,
  roleAssignmentDelete,
} from '../rules/remediation.js';

/** Emitted here for unreadable reads, and by the gate when the identity reads time out. */
export const ROLE_ASSIGNMENTS_UNVERIFIABLE: RuleId = 'role-assignments-unverifiable';

export interface IdentityCheckOptions {
  expiryWarningDays: number;
}

export interface IdentityCheckResult {
  findings: Finding[];
  paths: PullPathResult[];
}

const REPO_READER = 'Container Registry Repository Reader';
const DAY_MS = 24 * 60 * 60 * 1000;

interface ImageGroup {
  image: string;
  host: string;
  repository: string;
  uses: ImageUse[];
  location: SourceLocation;
  namespace: string;
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

function groupImages(uses: readonly ImageUse[]): ImageGroup[] {
  const byImage = new Map<string, ImageUse[]>();
  for (const u of uses) {
    if (!u.ref) continue;
    const list = byImage.get(u.ref.normalized) ?? [];
    list.push(u);
    byImage.set(u.ref.normalized, list);
  }
  return [...byImage.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([image, list]) => {
      const sorted = [...list].sort((x, y) => compareLocations(x.location, y.location));
      const ref = sorted[0].ref!;
      return {
        image,
        host: ref.registry.toLowerCase(),
        repository: ref.repository,
        uses: sorted,
        location: sorted[0].location,
        namespace: sorted[0].namespace,
      };
    });
}

function roleArg(v: AssignmentVerdict): string {
  return v.roleName ?? roleGuid(v.assignment.roleDefinitionId);
}

function armAudienceFinding(
  c: ClusterFacts,
  r: RegistryFacts,
  g: ImageGroup,
  label: string,
  v: ArmAudienceVerdict,
): Finding {
  const pools = v.pools.map((p) => `${p.name} (${p.version ?? 'version unknown'})`).join(', ');
  const enable = acrAuthenticationAsArmEnable(r.name, r.subscriptionId);
  const upgrades = v.pools.map((p) =>
    aksNodepoolUpgrade(
      c,
      p.name,
      p.version ? fixedVersionFor(p.version) : '<1.29.14, 1.30.11, 1.31.5, 1.32.4 or later>',
    ),
  );
  const message =
    v.severity === 'error'
      ? `Registry ${r.name} refuses ARM-audience tokens (azureADAuthenticationAsArmPolicy disabled), and the ` +
        `credential provider of node pool${v.pools.length === 1 ? '' : 's'} ${pools} still asks for them ` +
        `(fixed from 1.29.14, 1.30.11, 1.31.5, 1.32.4): the ${label} cannot pull ${g.image} on those nodes. ` +
        `Either re-enable ARM-audience tokens on the registry or upgrade the pools (one of the commands below)`
      : `Registry ${r.name} refuses ARM-audience tokens (azureADAuthenticationAsArmPolicy disabled), and the gate cannot ` +
        `tell whether the credential provider of ${pools || 'the node pools'} asks for the ACR audience (the pools' ` +
        `currentOrchestratorVersion was not read): pulls of ${g.image} by the ${label} may be refused. ` +
        `Either re-enable ARM-audience tokens on the registry or make sure the pools run a fixed version`;
  return {
    rule: 'registry-arm-audience-disabled',
    severity: v.severity,
    message,
    image: g.image,
    registry: r.loginServer,
    location: g.location,
    remediation: [enable, ...upgrades].join('\n'),
    evidence: { registryId: r.id, azureADAuthenticationAsArmPolicy: r.armAudiencePolicy, pools: v.pools },
  };
}

function readerCommand(principal: string, r: RegistryFacts, repository?: string): string {
  return roleAssignmentCreate({
    assignee: principal,
    role: REPO_READER,
    scope: r.id,
    ...(repository === undefined ? {} : { condition: repositoryCondition([repository]) }),
  });
}

function tokenPullSecretCommand(c: ClusterFacts, r: RegistryFacts, g: ImageGroup): string {
  const token = `${c.name}-pull`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const create = acrTokenCreate({
    registry: r.name,
    subscriptionId: r.subscriptionId,
    name: token,
    repository: g.repository,
    actions: ['content/read', 'metadata/read'],
    printPassword: true,
  });
  return (
    kubectlRecreatePullSecret(
      { namespace: g.namespace, name: `${r.name}-pull` },
      r.loginServer,
      token,
      `"$(${create})"`,
    ) + ` && add imagePullSecrets: [{name: ${r.name}-pull}] to the pod spec`
  );
}

function verdictEvidence(e: PullEvaluation): Record<string, unknown>[] {
  return e.verdicts.map((v) => ({
    assignment: v.assignment.id,
    scope: v.assignment.scope,
    role: v.roleName ?? roleGuid(v.assignment.roleDefinitionId),
    principalId: v.assignment.principalId,
    effect: v.effect,
  }));
}

/** Principal ids that count as the principal: itself, its groups (Graph), and every principal assignedTo() returned. */
function principalIds(
  oid: string,
  assignments: readonly RoleAssignmentFact[],
  groups: Record<string, string[]>,
): string[] {
  return [
    ...new Set([oid, ...(groups[oid.toLowerCase()] ?? groups[oid] ?? []), ...assignments.map((a) => a.principalId)]),
  ];
}

class Emitter {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();
  add(f: Finding, dedupeKey?: string): void {
    const key = dedupeKey ?? `${f.rule}|${f.image ?? ''}|${f.registry ?? ''}|${f.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(f);
  }
}

function unverifiableFinding(u: Unverifiable, what: string, registry?: string): Finding {
  const f: Finding = {
    rule: ROLE_ASSIGNMENTS_UNVERIFIABLE,
    severity: 'warning',
    message: `Cannot verify ${what}: ${u.reason}${u.permission ? ` (grant the gate's identity ${u.permission})` : ''}`,
  };
  if (registry) f.registry = registry;
  if (u.permission) f.evidence = { permission: u.permission };
  return f;
}

/**
 * The cluster service principal's secret expiry on its own (the scheduled audit judges it with the gate's rule):
 * cluster-sp-secret-expired / -expiring, or nothing.
 */
export function clusterSecretFindings(
  c: ClusterFacts,
  sp: ClusterServicePrincipalFacts,
  now: Date,
  expiryWarningDays: number,
): Finding[] {
  const out = new Emitter();
  checkClusterSecret(c, sp, now, expiryWarningDays, out);
  return out.findings;
}

/** Cluster service-principal secret expiry (rules cluster-sp-secret-expired / -expiring). */
function checkClusterSecret(
  c: ClusterFacts,
  sp: ClusterServicePrincipalFacts,
  now: Date,
  days: number,
  out: Emitter,
): { expired: boolean } {
  if (isUnverifiable(sp.passwordCredentials)) {
    out.add(
      unverifiableFinding(sp.passwordCredentials, `the expiry of cluster service principal ${sp.appId}'s secrets`),
    );
    return { expired: false };
  }
  const creds = sp.passwordCredentials.filter((p) => p.endDateTime);
  if (creds.length === 0) return { expired: false };
  const ends = creds.map((p) => ({ p, end: Date.parse(p.endDateTime ?? '') })).filter((x) => !Number.isNaN(x.end));
  if (ends.length === 0) return { expired: false };
  const latest = ends.reduce((a, b) => (b.end > a.end ? b : a));
  const evidence = {
    appId: sp.appId,
    credentials: ends.map(({ p }) => ({ keyId: p.keyId, displayName: p.displayName, endDateTime: p.endDateTime })),
  };
  if (latest.end <= now.getTime()) {
    out.add({
      rule: 'cluster-sp-secret-expired',
      severity: 'error',
      message: `Cluster ${c.name} uses service principal ${sp.appId}${sp.displayName ? ` (${sp.displayName})` : ''} and every client secret of it has expired (latest ended ${latest.p.endDateTime}): every node pull from ACR answers 401`,
      remediation: aksResetServicePrincipal(c, sp.appId),
      evidence,
    });
    return { expired: true };
  }
  const left = Math.floor((latest.end - now.getTime()) / DAY_MS);
  if (left < days) {
    out.add({
      rule: 'cluster-sp-secret-expiring',
      severity: 'warning',
      message: `Cluster ${c.name}'s service principal ${sp.appId} has no client secret valid beyond ${latest.p.endDateTime} (${left} day(s) left)`,
      remediation: aksResetServicePrincipal(c, sp.appId),
      evidence: { ...evidence, daysLeft: left },
    });
  }
  return { expired: false };
}

interface Principal {
  oid: string;
  label: string;
}

/** Who pulls for the nodes: the kubelet managed identity, or the cluster's service principal. */
function pullingPrincipal(c: ClusterFacts, sp: IdentityFacts['clusterServicePrincipal']): Principal | Unverifiable {
  if (c.kubelet?.objectId) return { oid: c.kubelet.objectId, label: `kubelet identity ${c.kubelet.objectId}` };
  if (c.servicePrincipalClientId) {
    if (sp && !isUnverifiable(sp) && sp.objectId) {
      return { oid: sp.objectId, label: `cluster service principal ${sp.appId} (object ${sp.objectId})` };
    }
    return {
      reason: `the object id of cluster service principal ${c.servicePrincipalClientId} could not be read from Microsoft Graph${sp && isUnverifiable(sp) ? `: ${sp.reason}` : ''}`,
      permission: 'Application.Read.All',
    };
  }
  return { reason: `cluster ${c.name} has neither identityProfile.kubeletidentity nor a service principal` };
}

function classifyBroken(
  facts: IdentityFacts,
  c: ClusterFacts,
  r: RegistryFacts,
  g: ImageGroup,
  who: Principal,
  evaluation: PullEvaluation,
  access: RegistryAccessFacts,
): Finding {
  const base = { image: g.image, registry: r.loginServer, location: g.location };
  const abac = evaluation.mode === 'abac';
  const evidence: Record<string, unknown> = {
    registryId: r.id,
    principalObjectId: who.oid,
    roleAssignmentMode: r.roleAssignmentMode ?? null,
    assignments: verdictEvidence(evaluation),
  };
  if (evaluation.deniedBy) {
    return {
      rule: 'kubelet-pull-permission-missing',
      severity: 'error',
      ...base,
      message: `The ${who.label} cannot pull ${g.image}: ${evaluation.why}`,
      remediation: denyAssignmentExclude(who.oid, evaluation.deniedBy.id),
      evidence,
    };
  }
  const excluding = evaluation.verdicts.filter((v) => v.effect === 'condition-excludes');
  if (excluding.length > 0) {
    return {
      rule: 'pull-role-condition-excludes-repository',
      severity: 'error',
      ...base,
      message: `The ${who.label} holds ${excluding.map((v) => v.roleName ?? 'a role').join(', ')} on registry ${r.name}, but the assignment's ABAC condition does not cover repository "${g.repository}": pulls of ${g.image} answer 401`,
      remediation: readerCommand(who.oid, r, g.repository),
      evidence: { ...evidence, conditions: excluding.map((v) => v.assignment.condition) },
    };
  }
  const legacyOnly = evaluation.verdicts.filter((v) => v.effect === 'not-honored-abac');
  if (abac && legacyOnly.length > 0) {
    return {
      rule: 'pull-role-not-honored-abac',
      severity: 'error',
      ...base,
      message: `Registry ${r.name} is in ABAC repository-permissions mode, where ${legacyOnly.map((v) => v.roleName ?? 'the role').join(', ')} no longer grant pulls; the ${who.label} holds no Container Registry Repository role, so pulls of ${g.image} answer 401`,
      remediation: readerCommand(who.oid, r),
      evidence,
    };
  }
  // Did the control plane get the role instead of the kubelet?
  for (const cp of c.controlPlane) {
    if (cp.principalId.toLowerCase() === who.oid.toLowerCase()) continue;
    const list = access.assignments[cp.principalId.toLowerCase()];
    if (!list || isUnverifiable(list)) continue;
    const ids = principalIds(cp.principalId, list, facts.groups);
    const e = evaluatePull(ids, r, g.repository, list, facts.definitions, r.roleAssignmentMode, {
      denyAssignments: Array.isArray(access.denyAssignments) ? access.denyAssignments : undefined,
    });
    if (e.granted !== true) continue;
    const granting = e.verdicts.filter((v) => v.effect === 'grants');
    const commands = granting.map(
      (v) =>
        roleAssignmentCreate({ assignee: who.oid, role: roleArg(v), scope: v.assignment.scope }) +
        (v.assignment.principalId.toLowerCase() === cp.principalId.toLowerCase()
          ? ` && ${roleAssignmentDelete(v.assignment.id)}`
          : ''),
    );
    return {
      rule: 'pull-role-on-control-plane-identity',
      severity: 'error',
      ...base,
      message: `The pull role for registry ${r.name} is held by the cluster's control-plane identity (${cp.label}), not by the ${who.label} that nodes pull with: pulls of ${g.image} answer 401`,
      remediation: commands.join(' && '),
      evidence: { ...evidence, controlPlaneAssignments: verdictEvidence(e) },
    };
  }
  const stale = facts.staleAssignments?.[r.id.toLowerCase()] ?? [];
  const staleNote =
    stale.length > 0
      ? ` It still holds a role on ${stale.map((a) => a.scope).join(', ')}: a registry of the same name that is not this one (recreated elsewhere?)`
      : '';
  return {
    rule: 'kubelet-pull-permission-missing',
    severity: 'error',
    ...base,
    message: `The ${who.label} has no role that grants pull on registry ${r.name} (${r.id}): ${evaluation.why}.${staleNote}`,
    remediation: abac ? readerCommand(who.oid, r) : attachAcr(c, r.id),
    evidence: stale.length > 0 ? { ...evidence, staleAssignments: stale.map((a) => a.id) } : evidence,
  };
}

/**
 * The identity checks. `uses` are the inventory's image uses; only images on an ACR host (a visible registry or an
 * ACR-looking name) get a kubelet path. Never throws.
 */
export function checkIdentity(
  facts: IdentityFacts,
  uses: readonly ImageUse[],
  options: IdentityCheckOptions,
): IdentityCheckResult {
  const out = new Emitter();
  const paths: PullPathResult[] = [];
  const now = new Date(facts.now);
  const registriesById = new Map(facts.discovery.registries.map((r) => [r.id.toLowerCase(), r]));
  const cluster = facts.cluster;

  if (isUnverifiable(cluster)) out.add(unverifiableFinding(cluster, 'the cluster and its kubelet identity'));
  // Listing problems matter only when an ACR-looking host stayed unmatched (otherwise every registry was found).
  const unmatchedAcr = groupImages(uses).some(
    (g) => !facts.discovery.hosts[g.host] && isAcrHost(g.host, facts.acrSuffixes),
  );
  for (const p of unmatchedAcr ? facts.discovery.problems : []) {
    out.add(
      unverifiableFinding(
        p,
        `the registries of ${p.subscriptionId ? `subscription ${p.subscriptionId}` : 'the visible subscriptions'}`,
      ),
    );
  }

  let spExpired = false;
  const sp = facts.clusterServicePrincipal;
  if (!isUnverifiable(cluster) && cluster.servicePrincipalClientId && !cluster.kubelet?.objectId) {
    if (sp && !isUnverifiable(sp)) {
      spExpired = checkClusterSecret(cluster, sp, now, options.expiryWarningDays, out).expired;
    } else if (sp) {
      out.add(unverifiableFinding(sp, `cluster service principal ${cluster.servicePrincipalClientId}`));
    }
  }

  for (const g of groupImages(uses)) {
    const path = (state: PullPathResult['state'], reason?: string) => {
      const p: PullPathResult = { image: g.image, path: 'kubelet', state };
      if (reason) p.reason = reason;
      paths.push(p);
    };
    const registryId = facts.discovery.hosts[g.host];
    const r = registryId ? registriesById.get(registryId.toLowerCase()) : undefined;
    if (!r) {
      if (!isAcrHost(g.host, facts.acrSuffixes)) continue;
      const foreign = facts.discovery.otherTenant?.[g.host];
      if (foreign) {
        const own = facts.discovery.subscriptions[0]?.tenantId;
        out.add({
          rule: 'registry-unknown',
          severity: 'warning',
          message: `${g.host} is registry ${foreign.registryId} in tenant ${foreign.tenantId}, which the gate's sign-in${own ? ` (tenant ${own})` : ''} cannot read: ARM refused it with InvalidAuthenticationTokenTenant, so the registry, its roles and its network could not be checked`,
          image: g.image,
          registry: g.host,
          location: g.location,
          remediation: `sign the gate in to tenant ${foreign.tenantId} (azure/login with tenant-id ${foreign.tenantId}), or delegate subscription ${subscriptionOf(foreign.registryId) ?? ''} to the gate's tenant with Azure Lighthouse; a managed-identity kubelet cannot pull across tenants (use a pull secret: a multitenant app's service principal or a scoped token)`,
          evidence: { registryId: foreign.registryId, tenantId: foreign.tenantId },
        });
        path('unknown', `${g.host} is in tenant ${foreign.tenantId}, which the gate cannot read`);
        continue;
      }
      if (facts.discovery.problems.length === 0) {
        out.add({
          rule: 'registry-unknown',
          severity: 'warning',
          message: `${g.host} looks like an Azure Container Registry, but no registry the gate can see has that login server (wrong name, deleted, or in a subscription the gate cannot read)`,
          image: g.image,
          registry: g.host,
          location: g.location,
        });
      }
      path('unknown', `no visible registry serves ${g.host}`);
      continue;
    }
    if (r.dataEndpointHostNames.includes(g.host.toLowerCase()) && g.host.toLowerCase() !== r.loginServer) {
      // A data endpoint serves blobs behind redirects from the login server; the kubelet's credential provider does
      // not match it and /v2/ manifests are not served there, so the image reference must name the login server.
      const fixed = `${r.loginServer}/${g.image.slice(g.image.indexOf('/') + 1)}`;
      out.add({
        rule: 'image-host-is-data-endpoint',
        severity: 'error',
        message: `${g.host} is a data endpoint of registry ${r.name}, not a login server: the kubelet does not pull from it. Name the login server ${r.loginServer} in the image (${fixed})`,
        image: g.image,
        registry: r.loginServer,
        location: g.location,
        remediation: `replace ${g.host} with ${r.loginServer} in the image reference: ${fixed}`,
        evidence: { registryId: r.id, host: g.host, loginServer: r.loginServer },
      });
      path('broken', `${g.host} is a data endpoint, not a login server`);
      continue;
    }
    // The kubelet always tries anonymously too (the AKS credential provider adds an anonymous entry for *.azurecr.*;
    // cloud-provider-azure pkg/credentialprovider/azure_credentials.go): a registry that allows anonymous pull serves
    // every image without a role. Reachability is the network check's verdict, not this path's.
    if (r.anonymousPullEnabled === true) {
      paths.push({
        image: g.image,
        path: 'anonymous',
        state: 'works',
        reason: `registry ${r.name} allows anonymous pull (anonymousPullEnabled: true)`,
      });
    }
    if (isUnverifiable(cluster)) {
      path('unknown', `cluster unreadable: ${cluster.reason}`);
      continue;
    }
    const who = pullingPrincipal(cluster, sp);
    if (isUnverifiable(who)) {
      out.add(unverifiableFinding(who, `who pulls for cluster ${cluster.name}`));
      path('unknown', who.reason);
      continue;
    }
    const managed = Boolean(cluster.kubelet?.objectId);
    if (managed && r.tenantId && cluster.tenantId && r.tenantId.toLowerCase() !== cluster.tenantId.toLowerCase()) {
      const why = `registry ${r.name} is in tenant ${r.tenantId}, the cluster in tenant ${cluster.tenantId}; a managed identity cannot get tokens for another tenant`;
      out.add({
        rule: 'registry-cross-tenant',
        severity: 'error',
        message: `The ${who.label} cannot pull ${g.image}: ${why}. Use a pull secret (repository-scoped token or a multitenant service principal)`,
        image: g.image,
        registry: r.loginServer,
        location: g.location,
        remediation: tokenPullSecretCommand(cluster, r, g),
        evidence: { registryId: r.id, registryTenantId: r.tenantId, clusterTenantId: cluster.tenantId },
      });
      path('broken', why);
      continue;
    }
    if (spExpired) {
      path(
        'broken',
        `every client secret of cluster service principal ${cluster.servicePrincipalClientId} has expired`,
      );
      continue;
    }
    const access = facts.access[r.id.toLowerCase()];
    const list = access?.assignments[who.oid.toLowerCase()];
    if (!access || !list) {
      const u = { reason: `role assignments on ${r.id} were not read` };
      out.add(unverifiableFinding(u, `the ${who.label}'s rights on registry ${r.name}`, r.loginServer));
      path('unknown', u.reason);
      continue;
    }
    if (isUnverifiable(list)) {
      out.add(unverifiableFinding(list, `the ${who.label}'s rights on registry ${r.name}`, r.loginServer));
      path('unknown', list.reason);
      continue;
    }
    if (access.denyAssignments && isUnverifiable(access.denyAssignments)) {
      out.add(unverifiableFinding(access.denyAssignments, `deny assignments on registry ${r.name}`, r.loginServer));
    }
    const ids = principalIds(who.oid, list, facts.groups);
    const evaluation = evaluatePull(ids, r, g.repository, list, facts.definitions, r.roleAssignmentMode, {
      denyAssignments: Array.isArray(access.denyAssignments) ? access.denyAssignments : undefined,
    });
    if (evaluation.granted === true) {
      const arm = armAudienceVerdict(r.armAudiencePolicy, cluster.agentPools);
      if (arm) {
        const f = armAudienceFinding(cluster, r, g, who.label, arm);
        out.add(f);
        if (arm.severity === 'error') {
          path('broken', `registry-arm-audience-disabled: ${f.message}`);
          continue;
        }
      }
      path('works', evaluation.why); // the assignment that grants it: diagnose quotes it as ruled out
      continue;
    }
    if (evaluation.granted === 'unknown') {
      out.add(
        unverifiableFinding({ reason: evaluation.why }, `whether the ${who.label} may pull ${g.image}`, r.loginServer),
      );
      path('unknown', evaluation.why);
      continue;
    }
    const f = classifyBroken(facts, cluster, r, g, who, evaluation, access);
    out.add(f);
    path('broken', `${f.rule}: ${evaluation.why}`);
  }
  paths.push(...identityBindingPaths(facts, uses, registriesById));
  return { findings: out.findings, paths };
}

/**
 * One `identity-binding:<namespace>/<serviceAccount>` path per image and annotated ServiceAccount: broken when the
 * bound identity cannot pull, otherwise unknown, because no field of the managedCluster body shows that the cluster
 * pulls with service-account identities (the evidence leaves open which AKS versions do, and whether they fall back
 * to the kubelet identity).
 */
function identityBindingPaths(
  facts: IdentityFacts,
  uses: readonly ImageUse[],
  registriesById: Map<string, RegistryFacts>,
): PullPathResult[] {
  const bindings = facts.serviceAccountBindings ?? {};
  if (Object.keys(bindings).length === 0) return [];
  const out: PullPathResult[] = [];
  const cluster = facts.cluster;
  const clusterName = isUnverifiable(cluster) ? 'the cluster' : `cluster ${cluster.name}`;
  for (const g of groupImages(uses)) {
    const registryId = facts.discovery.hosts[g.host];
    const r = registryId ? registriesById.get(registryId.toLowerCase()) : undefined;
    if (!r) continue;
    for (const sa of [...new Set(g.uses.map((u) => `${u.namespace}/${u.serviceAccount}`))].sort()) {
      const clientId = bindings[sa];
      if (!clientId) continue;
      const path = `identity-binding:${sa}`;
      const add = (state: PullPathResult['state'], reason: string) => out.push({ image: g.image, path, state, reason });
      const b = facts.boundIdentities?.[clientId.toLowerCase()];
      if (!b || isUnverifiable(b)) {
        add('unknown', b?.reason ?? `the identity with client id ${clientId} was not read`);
        continue;
      }
      const list = facts.access[r.id.toLowerCase()]?.assignments[b.principalId.toLowerCase()];
      if (!list || isUnverifiable(list)) {
        add('unknown', list?.reason ?? `role assignments of identity ${clientId} on ${r.name} were not read`);
        continue;
      }
      const deny = facts.access[r.id.toLowerCase()]?.denyAssignments;
      const evaluation = evaluatePull(
        principalIds(b.principalId, list, facts.groups),
        r,
        g.repository,
        list,
        facts.definitions,
        r.roleAssignmentMode,
        { denyAssignments: Array.isArray(deny) ? deny : undefined },
      );
      if (evaluation.granted === false) {
        add('broken', `identity ${clientId} (${b.resourceId}) cannot pull from ${r.name}: ${evaluation.why}`);
      } else if (evaluation.granted === 'unknown') {
        add('unknown', evaluation.why);
      } else {
        add(
          'unknown',
          `identity ${clientId} may pull from ${r.name}, but ${clusterName} does not show that it pulls with ` +
            `service-account identities (the gate read its managedCluster body; no field there tells)`,
        );
      }
    }
  }
  return out;
}

/** Exposed for tests and the audit: is a registry in ABAC repository-permissions mode? */
export function isAbacRegistry(r: Pick<RegistryFacts, 'roleAssignmentMode'>): boolean {
  return (r.roleAssignmentMode ?? '').toLowerCase() === ABAC_MODE.toLowerCase();
}
