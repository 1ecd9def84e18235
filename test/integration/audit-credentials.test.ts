// The scheduled audit against a simulated world: every scoped token, the admin user, the cluster's service
// principal and every pull secret in the cluster, with owner, where used and days left, sorted by urgency; findings
// for what is expired or inside the threshold; and no CANARY secret value anywhere in the result or the logs.

import { ClientSecretCredential } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditNeedsAttention, type AuditResult } from '../../src/checks/audit.js';
import { runAudit } from '../../src/gate.js';
import type { FactContext } from '../../src/types/facts/context.js';
import { loadWorld, startEmulator, type Emulator } from '../../src/simulate/index.js';
import { testConfig } from '../helpers/config.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const CLUSTER = `/subscriptions/${SUB}/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;

let emu: Emulator;
let result: AuditResult;
const logs: string[] = [];
const masked = new Set<string>();

function ctxFor(e: Emulator, now: string): FactContext {
  return {
    cluster: CLUSTER,
    logger: { debug: (m) => logs.push(m), info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    maskSecret: (v) => masked.add(v),
    now: new Date(now),
    signal: new AbortController().signal,
    fetch: e.fetch,
    azure: {
      credential: new ClientSecretCredential(e.gate.tenantId, e.gate.clientId, e.gate.clientSecret, {
        authorityHost: e.endpoints.authorityHost,
        disableInstanceDiscovery: true,
      }),
      endpoints: e.endpoints,
      subscriptionId: SUB,
      tenantId: e.gate.tenantId,
    },
    kubeconfigPath: e.kubeconfigPath,
  };
}

beforeAll(async () => {
  const world = await loadWorld('test/rules/_material/credentials-audit/world.yaml');
  emu = await startEmulator(world);
  result = await runAudit(ctxFor(emu, world.now), {
    clusterIds: [CLUSTER],
    registryIds: [],
    expiryWarningDays: testConfig().expiryWarningDays,
  });
});

afterAll(async () => {
  await emu?.close();
});

describe('runAudit', () => {
  it('lists the cluster SP, the tokens, the admin user and each pull-secret credential once, most urgent first', () => {
    // The scoped token ci-pull that prod/token-pull holds, and the admin user that staging/unused-admin holds, are one
    // credential each: listed as the registry's, with the secret under "used by" (the summary counts credentials).
    expect(result.credentials.map((c) => [c.kind, c.name, c.status])).toEqual([
      ['acr-token', 'legacy-ci', 'expired'],
      ['service-principal', 'prod/sp-pull (5a5a5a5a-0000-4000-8000-000000000001 @ prodacr.azurecr.io)', 'expired'],
      ['cluster-service-principal', 'prod-aks service principal', 'expired'],
      ['acr-token', 'ci-pull', 'expiring'],
      ['admin-user', 'prodacr admin user', 'ok'],
    ]);
  });

  it('says who owns each credential, where it is used and how many days are left', () => {
    const sp = result.credentials.find((c) => c.name.startsWith('prod/sp-pull'));
    expect(sp).toMatchObject({
      owner: 'orders-puller (5a5a5a5a-0000-4000-8000-000000000001)',
      usedBy: ['serviceaccount:prod/orders'],
      daysLeft: -51,
      expires: '2026-10-01T00:00:00Z',
    });
    const token = result.credentials.find((c) => c.name === 'ci-pull');
    expect(token).toMatchObject({ owner: 'prodacr', usedBy: ['pull-secret:prod/token-pull'], daysLeft: 10 });
    const admin = result.credentials.find((c) => c.name === 'prodacr admin user');
    expect(admin?.usedBy).toEqual(['pull-secret:staging/unused-admin']);
  });

  it('reports the expired and expiring ones with the gate’s rule ids, an unused one as a warning only', () => {
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`).sort()).toEqual([
      'acr-token-expired:error',
      // ci-pull once: the pull secret that uses it judges it with the gate's rule (one finding per credential).
      'acr-token-expiring:warning',
      'admin-user-in-use:notice',
      'cluster-sp-secret-expired:error',
      'sp-secret-expired:error',
    ]);
    expect(result.findings.find((f) => f.rule === 'cluster-sp-secret-expired')?.remediation).toContain(
      // The gate's rule (checks/identity.ts) judges the cluster's service principal in the audit too: one spelling.
      `az aks update-credentials -g rg-prod -n prod-aks --subscription ${SUB} --reset-service-principal`,
    );
    expect(auditNeedsAttention(result)).toBe(true);
  });

  it('never lets a secret value out, and masked each decoded one', () => {
    expect(JSON.stringify({ result, logs })).not.toMatch(/CANARY/);
    for (const v of ['Old-sp-secret-CANARY', 'token-password1-CANARY', 'admin-current-1-CANARY'])
      expect(masked.has(v)).toBe(true);
    expect(masked.has('opaque-CANARY')).toBe(false);
  });
});
