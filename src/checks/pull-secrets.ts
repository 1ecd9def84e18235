// The pull-secret rules over the inventory: which secrets each pod uses (its own plus its ServiceAccount's, from the
// manifests or the live cluster), whether they exist and parse, which credential the kubelet would pick for each image
// (docker-config.ts lookupCredentials), and what credentials.ts says about that credential. Pure.
// Returns one PullPathResult per (image, pull secret) that has an entry for the image; errors are emitted as if the
// path were the only one: the "any working path pulls" verdict combines them with the kubelet's own path.

import { lookupCredentials } from '../lib/docker-config.js';
import { kubeloginConvert } from '../rules/remediation.js';
import {
  secretKey,
  type CredentialEntryFact,
  type CredentialFacts,
  type PullSecretFact,
} from '../types/facts/credentials.js';
import type { PullPathResult } from '../types/facts/context.js';
import type { Finding, ImageReference, ImageUse, Inventory } from '../types/index.js';
import {
  attachAcrCommand,
  evaluateEntry,
  PULL_SECRET_UNVERIFIABLE,
  recreateSecretCommand,
  type PartialFinding,
} from './credentials.js';

export { PULL_SECRET_UNVERIFIABLE };

export interface PullSecretCheckResult {
  findings: Finding[];
  paths: PullPathResult[];
}

/** The pull secrets the kubelet sees for a pod: its own, then its ServiceAccount's (manifest, else live cluster). */
export function effectivePullSecrets(use: ImageUse, facts: CredentialFacts): string[] {
  const fromCluster = facts.clusterServiceAccounts[secretKey(use.namespace, use.serviceAccount)] ?? [];
  return [...new Set([...use.pullSecrets, ...fromCluster])];
}

interface Group {
  namespace: string;
  secretName: string;
  ref: ImageReference;
  uses: ImageUse[];
}

function firstUse(uses: readonly ImageUse[]): ImageUse {
  return [...uses].sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  )[0];
}

function workloadsOf(uses: readonly ImageUse[]): string[] {
  return [...new Set(uses.map((u) => `${u.workload.kind}/${u.workload.namespace}/${u.workload.name}`))].sort();
}

/** The one setting the pull-secret rules read. */
export interface PullSecretCheckOptions {
  /** Days before an expiry that count as expiring (expiry-warning-days). */
  expiryWarningDays: number;
}

export function checkPullSecrets(
  inventory: Inventory,
  facts: CredentialFacts,
  config: PullSecretCheckOptions,
): PullSecretCheckResult {
  // Group uses by (namespace, secret, image): every pod of a namespace that names the secret gets the same answer.
  const groups = new Map<string, Group>();
  const perUseSecrets = new Map<ImageUse, string[]>();
  for (const use of inventory.uses) {
    if (!use.ref) continue;
    const names = effectivePullSecrets(use, facts);
    perUseSecrets.set(use, names);
    for (const name of names) {
      const key = `${use.namespace}/${name}|${use.ref.normalized}`;
      let g = groups.get(key);
      if (!g) {
        g = { namespace: use.namespace, secretName: name, ref: use.ref, uses: [] };
        groups.set(key, g);
      }
      g.uses.push(use);
    }
  }

  const findings: Finding[] = [];
  const paths: PullPathResult[] = [];
  const seen = new Set<string>();
  const push = (f: Finding): void => {
    const k = `${f.rule}|${f.image ?? ''}|${f.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    findings.push(f);
  };

  for (const g of groups.values()) {
    const result = checkGroup(g, facts, config);
    const use = firstUse(g.uses);
    const usedBy = workloadsOf(g.uses);
    for (const f of result.findings) {
      push({
        ...f,
        image: g.ref.normalized,
        location: use.location,
        evidence: { ...f.evidence, usedBy },
      });
    }
    if (result.path) paths.push(result.path);
  }

  for (const f of noRegistryEntryFindings(inventory, facts, perUseSecrets)) push(f);
  const login = facts.clusterReads.interactiveLogin;
  if (login) push(interactiveLoginFinding(login));
  paths.sort((a, b) => a.image.localeCompare(b.image) || a.path.localeCompare(b.path));
  return { findings, paths };
}

/** The kubeconfig's exec plugin would wait for a person (devicecode/interactive): not started in a CI run. */
function interactiveLoginFinding(login: { command: string; mode: string }): Finding {
  return {
    rule: 'cluster-credentials-interactive',
    severity: 'warning',
    message: `The kubeconfig's credential plugin ${login.command} asks for ${login.mode} login, which waits for a person; in a non-interactive run the gate did not start it, so the cluster's pull secrets and ServiceAccounts were not read`,
    remediation: [
      "Give azure/aks-set-context use-kubelogin: 'true' (it converts the kubeconfig for the workflow's Azure login), or",
      `${kubeloginConvert('azurecli')}   (after azure/login), or`,
      kubeloginConvert('workloadidentity'),
    ].join('\n'),
    evidence: { plugin: login.command, login: login.mode },
  };
}

function checkGroup(
  g: Group,
  facts: CredentialFacts,
  config: PullSecretCheckOptions,
): { findings: PartialFinding[]; path?: PullPathResult } {
  const label = `${g.namespace}/${g.secretName}`;
  const pathId = `pull-secret:${label}`;
  const image = g.ref.normalized;
  const lookup = facts.secrets[secretKey(g.namespace, g.secretName)];
  const evidence = { path: pathId, secretName: label };

  if (!lookup || lookup.state === 'unverifiable') {
    const reason = lookup?.reason ?? notCollectedReason(facts);
    return {
      findings: [
        {
          rule: PULL_SECRET_UNVERIFIABLE,
          severity: 'warning',
          message: `Pull secret ${label} is not in the manifests and could not be looked up in the cluster: ${reason}.`,
          registry: g.ref.registry,
          evidence: { ...evidence, reason, permission: lookup?.permission },
        },
      ],
      path: { image, path: pathId, state: 'unknown', reason: `secret ${label} not verifiable: ${reason}` },
    };
  }
  if (lookup.state === 'absent') {
    return {
      findings: [
        {
          rule: 'pull-secret-missing',
          severity: 'error',
          message: `Pull secret ${label} is referenced by the pod but exists neither in the manifests nor in the cluster: the kubelet pulls ${image} without it.`,
          registry: g.ref.registry,
          remediation: recreateSecretCommand(
            { namespace: g.namespace, name: g.secretName },
            g.ref.registry,
            '<username>',
            '<password>',
          ),
          evidence: { ...evidence, state: 'absent' },
        },
      ],
      path: { image, path: pathId, state: 'broken', reason: `secret ${label} does not exist` },
    };
  }
  const secret = lookup.secret;
  if (!secret.parsed.ok) {
    const p = secret.parsed;
    return {
      findings: [malformedSecretFinding(secret, p, { server: g.ref.registry, path: pathId })],
      path: { image, path: pathId, state: 'broken', reason: `secret ${label} is malformed (${p.reason})` },
    };
  }
  const entries = lookupCredentials(secret.parsed.entries, g.ref);
  if (entries.length === 0) return { findings: [] };
  return evaluatePath(g, secret, entries, facts, config);
}

/**
 * pull-secret-malformed, for the gate (the image's registry and pull path known) and the audit (a cluster secret, with
 * the workloads that use it).
 */
export function malformedSecretFinding(
  secret: { namespace: string; name: string },
  p: { reason: string; detail: string; blocksAllPaths?: boolean },
  where: { server?: string; path?: string; usedBy?: string[] },
): PartialFinding {
  const label = `${secret.namespace}/${secret.name}`;
  const f: PartialFinding = {
    rule: 'pull-secret-malformed',
    severity: 'error',
    message:
      `Pull secret ${label} is malformed: ${p.detail}.` +
      (p.blocksAllPaths ? ' The kubelet fails every pull of the pod on it, whatever other credentials it has.' : '') +
      (where.usedBy?.length ? ` Used by ${where.usedBy.join(', ')}.` : ''),
    remediation: recreateSecretCommand(secret, where.server ?? '<server>', '<username>', '<password>'),
    evidence: {
      ...(where.path ? { path: where.path } : {}),
      secretName: label,
      reason: p.reason,
      state: 'malformed',
      blocksAllPaths: p.blocksAllPaths,
    },
  };
  if (where.server) f.registry = where.server;
  return f;
}

function notCollectedReason(facts: CredentialFacts): string {
  if (facts.clusterReads.state === 'off') return facts.clusterReads.reason ?? 'cluster reads are off (no kubeconfig)';
  return facts.clusterReads.reason ?? 'it was not looked up';
}

function evaluatePath(
  g: Group,
  secret: PullSecretFact,
  entries: CredentialEntryFact[],
  facts: CredentialFacts,
  config: PullSecretCheckOptions,
): { findings: PartialFinding[]; path: PullPathResult } {
  const findings: PartialFinding[] = [];
  const reasons: string[] = [];
  let anyWorks = false;
  let anyUnknown = false;
  // The kubelet tries each matching credential in turn; the path works when one of them does.
  for (const entry of entries) {
    const v = evaluateEntry(entry, {
      secret,
      repository: g.ref.repository,
      imageRegistry: g.ref.registry,
      now: new Date(facts.now),
      warningDays: config.expiryWarningDays,
      cluster: facts.cluster,
    });
    findings.push(...v.findings);
    if (v.state === 'works') anyWorks = true;
    else if (v.state === 'unknown') anyUnknown = true;
    if (v.reason) reasons.push(v.reason);
  }
  const pathId = `pull-secret:${secret.namespace}/${secret.name}`;
  const state: PullPathResult['state'] = anyWorks ? 'works' : anyUnknown ? 'unknown' : 'broken';
  const path: PullPathResult = { image: g.ref.normalized, path: pathId, state };
  if (state !== 'works' && reasons.length > 0) path.reason = reasons.join('; ');
  return { findings, path };
}

function noRegistryEntryFindings(
  inventory: Inventory,
  facts: CredentialFacts,
  perUseSecrets: Map<ImageUse, string[]>,
): Finding[] {
  const out: Finding[] = [];
  const done = new Set<string>();
  for (const use of inventory.uses) {
    const names = perUseSecrets.get(use);
    if (!use.ref || !names || names.length === 0) continue;
    const parsed: PullSecretFact[] = [];
    let incomplete = false;
    for (const n of names) {
      const l = facts.secrets[secretKey(use.namespace, n)];
      if (l?.state === 'found' && l.secret.parsed.ok) parsed.push(l.secret);
      else if (!l || l.state === 'unverifiable') incomplete = true;
    }
    // Only when every secret could be read and at least one parsed: otherwise missing/malformed already said it.
    if (incomplete || parsed.length === 0) continue;
    const hasEntry = parsed.some((s) => s.parsed.ok && lookupCredentials(s.parsed.entries, use.ref!).length > 0);
    if (hasEntry) continue;
    const key = `${use.workload.kind}/${use.namespace}/${use.workload.name}|${use.ref.normalized}`;
    if (done.has(key)) continue;
    done.add(key);
    const servers = [...new Set(parsed.flatMap((s) => (s.parsed.ok ? s.parsed.entries.map((e) => e.key) : [])))];
    const registryId = acrIdFor(use.ref.registry, parsed);
    out.push({
      rule: 'pull-secret-no-registry-entry',
      severity: 'warning',
      message: `${use.workload.kind} ${use.namespace}/${use.workload.name} has pull secret(s) ${names.join(', ')}, but none holds an entry for ${use.ref.registry}/${use.ref.repository} (entries: ${servers.join(', ')}): the kubelet pulls ${use.ref.normalized} with its own identity or anonymously.`,
      image: use.ref.normalized,
      registry: use.ref.registry,
      location: use.location,
      remediation: registryId ? attachAcrCommand(facts.cluster, registryId) : undefined,
      evidence: { secretName: names.map((n) => `${use.namespace}/${n}`), scope: servers },
    });
  }
  return out;
}

function acrIdFor(registry: string, secrets: PullSecretFact[]): string | undefined {
  for (const s of secrets) {
    if (!s.parsed.ok) continue;
    for (const e of s.parsed.entries) if (e.registry?.loginServer === registry) return e.registry.id;
  }
  return undefined;
}
