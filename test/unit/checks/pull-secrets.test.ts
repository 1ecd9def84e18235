import { describe, expect, it } from 'vitest';
import { checkPullSecrets } from '../../../src/checks/pull-secrets.js';
import type { Config } from '../../../src/settings/config.js';
import type {
  CredentialEntryFact,
  CredentialFacts,
  PullSecretFact,
  SecretLookupFact,
} from '../../../src/types/facts/credentials.js';
import type { ImageUse, Inventory } from '../../../src/types/index.js';

const NOW = '2026-11-21T00:00:00.000Z';
const REGISTRY = {
  id: '/subscriptions/1111/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/prodacr',
  name: 'prodacr',
  loginServer: 'prodacr.azurecr.io',
};
const APP_ID = '6f1d2a3b-0000-4000-8000-000000000001';

const config = { expiryWarningDays: 30 } as Config;

function use(over: Partial<ImageUse> = {}): ImageUse {
  return {
    image: 'prodacr.azurecr.io/orders-api:v1',
    ref: {
      original: 'prodacr.azurecr.io/orders-api:v1',
      registry: 'prodacr.azurecr.io',
      repository: 'orders-api',
      tag: 'v1',
      normalized: 'prodacr.azurecr.io/orders-api:v1',
    },
    location: { file: 'k8s/app.yaml', line: 20, column: 16 },
    workload: { kind: 'Deployment', name: 'orders', namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: ['acr-pull'],
    pullSecrets: ['acr-pull'],
    constraints: {},
    ...over,
  };
}

function inventory(uses: ImageUse[]): Inventory {
  return { files: ['k8s/app.yaml'], uses, secrets: [], serviceAccounts: [], findings: [] };
}

function entry(over: Partial<CredentialEntryFact>): CredentialEntryFact {
  return {
    key: 'prodacr.azurecr.io',
    matchKey: 'prodacr.azurecr.io',
    server: 'prodacr.azurecr.io',
    username: APP_ID,
    credentialClass: { kind: 'service-principal', appId: APP_ID },
    registry: REGISTRY,
    live: {},
    ...over,
  };
}

function found(entries: CredentialEntryFact[], name = 'acr-pull'): SecretLookupFact {
  const secret: PullSecretFact = { namespace: 'prod', name, origin: 'cluster', parsed: { ok: true, entries } };
  return { state: 'found', secret };
}

function facts(secrets: Record<string, SecretLookupFact>, over: Partial<CredentialFacts> = {}): CredentialFacts {
  return {
    now: NOW,
    secrets,
    clusterServiceAccounts: {},
    clusterReads: { state: 'read' },
    cluster: {
      id: '/subscriptions/1111/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/prod-aks',
      name: 'prod-aks',
      resourceGroup: 'rg',
    },
    ...over,
  };
}

function rules(r: ReturnType<typeof checkPullSecrets>): string[] {
  return r.findings.map((f) => `${f.rule}:${f.severity}`).sort();
}

const spFound = (endDateTime: string, keyId = 'k1') => ({
  state: 'found' as const,
  appId: APP_ID,
  displayName: 'orders-puller',
  credentialCount: 2,
  matched: { keyId, endDateTime, candidates: 1 },
});

describe('pull-secret-missing', () => {
  it('fires with a kubectl command when the secret exists neither in manifests nor cluster', () => {
    const r = checkPullSecrets(inventory([use()]), facts({ 'prod/acr-pull': { state: 'absent' } }), config);
    expect(rules(r)).toEqual(['pull-secret-missing:error']);
    expect(r.findings[0].remediation).toContain(
      'kubectl create secret docker-registry acr-pull --namespace prod --docker-server prodacr.azurecr.io',
    );
    expect(r.findings[0].location).toEqual({ file: 'k8s/app.yaml', line: 20, column: 16 });
    expect(r.paths).toEqual([
      {
        image: 'prodacr.azurecr.io/orders-api:v1',
        path: 'pull-secret:prod/acr-pull',
        state: 'broken',
        reason: 'secret prod/acr-pull does not exist',
      },
    ]);
  });
  it('stays quiet when the secret is found and healthy', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': found([
          entry({ servicePrincipal: spFound('2027-11-01T00:00:00Z'), live: { 'orders-api': { state: 'works' } } }),
        ]),
      }),
      config,
    );
    expect(r.findings).toEqual([]);
    expect(r.paths[0].state).toBe('works');
  });
  it('is unverifiable, not missing, when the cluster could not be read', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': {
          state: 'unverifiable',
          reason: 'the API server answered 403 to get secrets',
          permission: 'get secrets in namespace prod',
        },
      }),
      config,
    );
    expect(rules(r)).toEqual(['pull-secret-unverifiable:warning']);
    expect(r.paths[0].state).toBe('unknown');
  });
  it('uses pull secrets of a live ServiceAccount the manifests do not define', () => {
    const u = use({ podPullSecrets: [], pullSecrets: [], serviceAccount: 'builder' });
    const r = checkPullSecrets(
      inventory([u]),
      facts({ 'prod/acr-pull': { state: 'absent' } }, { clusterServiceAccounts: { 'prod/builder': ['acr-pull'] } }),
      config,
    );
    expect(rules(r)).toEqual(['pull-secret-missing:error']);
  });
});

describe('pull-secret-malformed', () => {
  it('fires and says the whole pod fails when the JSON is broken', () => {
    const secret: PullSecretFact = {
      namespace: 'prod',
      name: 'acr-pull',
      origin: 'manifest',
      parsed: {
        ok: false,
        reason: 'bad-json',
        detail: 'data .dockerconfigjson does not decode to JSON',
        blocksAllPaths: true,
      },
    };
    const r = checkPullSecrets(inventory([use()]), facts({ 'prod/acr-pull': { state: 'found', secret } }), config);
    expect(rules(r)).toEqual(['pull-secret-malformed:error']);
    expect(r.findings[0].message).toContain('fails every pull of the pod');
    expect(r.findings[0].remediation).toContain('--dry-run=client -o yaml | kubectl apply -f -');
    expect(r.paths[0].state).toBe('broken');
  });
});

describe('pull-secret-no-registry-entry', () => {
  it('warns when the pod’s secrets hold no entry for the image’s registry', () => {
    const u = use({
      image: 'ghcr.io/org/tool:1',
      ref: {
        original: 'ghcr.io/org/tool:1',
        registry: 'ghcr.io',
        repository: 'org/tool',
        tag: '1',
        normalized: 'ghcr.io/org/tool:1',
      },
    });
    const r = checkPullSecrets(inventory([u]), facts({ 'prod/acr-pull': found([entry({})]) }), config);
    expect(rules(r)).toEqual(['pull-secret-no-registry-entry:warning']);
    expect(r.paths).toEqual([]);
  });
  it('stays quiet when an entry matches through a *.azurecr.io glob', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': found([
          entry({
            key: '*.azurecr.io',
            matchKey: '*.azurecr.io',
            servicePrincipal: spFound('2027-11-01T00:00:00Z'),
            live: { 'orders-api': { state: 'works' } },
          }),
        ]),
      }),
      config,
    );
    expect(r.findings).toEqual([]);
  });
});

describe('sp-secret-expired / -expiring', () => {
  it('fires exactly once, for the client secret the pull secret uses', () => {
    const r = checkPullSecrets(
      inventory([use(), use({ location: { file: 'k8s/app.yaml', line: 40, column: 16 }, container: 'sidecar' })]),
      facts({ 'prod/acr-pull': found([entry({ servicePrincipal: spFound('2026-11-01T00:00:00Z', 'used-key') })]) }),
      config,
    );
    expect(rules(r)).toEqual(['sp-secret-expired:error']);
    const f = r.findings[0];
    expect(f.evidence?.keyId).toBe('used-key');
    expect(f.remediation).toContain(`az ad app credential reset --id ${APP_ID} --append`);
    expect(f.remediation).toContain('--docker-password <new-password>');
    expect(r.paths[0]).toMatchObject({ state: 'broken' });
  });
  it('warns inside the threshold and not beyond it', () => {
    const soon = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([entry({ servicePrincipal: spFound('2026-12-10T00:00:00Z') })]) }),
      config,
    );
    expect(rules(soon)).toEqual(['sp-secret-expiring:warning']);
    const later = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([entry({ servicePrincipal: spFound('2027-06-01T00:00:00Z') })]) }),
      config,
    );
    expect(later.findings).toEqual([]);
  });
  it('reports credential-rejected when no client secret of the app has the secret’s hint', () => {
    const sp = { state: 'found' as const, appId: APP_ID, credentialCount: 2 };
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([entry({ servicePrincipal: sp })]) }),
      config,
    );
    expect(rules(r)).toEqual(['pull-secret-credential-rejected:error']);
  });
  it('is unverifiable, naming Application.Read.All, when Graph says 403', () => {
    const sp = {
      state: 'unverifiable' as const,
      appId: APP_ID,
      reason: 'Microsoft Graph answered 403',
      permission: 'Application.Read.All (Microsoft Graph application permission)',
    };
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([entry({ servicePrincipal: sp })]) }),
      config,
    );
    expect(rules(r)).toEqual(['pull-secret-unverifiable:warning']);
    expect(r.findings[0].message).toContain('Application.Read.All');
  });
});

describe('acr tokens', () => {
  const tokenEntry = (token: CredentialEntryFact['token'], live: CredentialEntryFact['live'] = {}) =>
    entry({ username: 'ci-pull', credentialClass: { kind: 'acr-token', tokenName: 'ci-pull' }, token, live });
  const token = (over: Record<string, unknown> = {}) => ({
    state: 'found' as const,
    tokenName: 'ci-pull',
    tokenId: `${REGISTRY.id}/tokens/ci-pull`,
    status: 'enabled',
    passwords: [{ name: 'password1', expiry: '2027-11-01T00:00:00Z' }],
    scopeMapName: 'pull-orders',
    actions: ['repositories/orders-api/content/read', 'repositories/orders-api/metadata/read'],
    ...over,
  });
  it('stays quiet on an enabled token with a long-lived password and the repository in scope', () => {
    expect(
      checkPullSecrets(inventory([use()]), facts({ 'prod/acr-pull': found([tokenEntry(token())]) }), config).findings,
    ).toEqual([]);
  });
  it('fires acr-token-disabled', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([tokenEntry(token({ status: 'disabled' }))]) }),
      config,
    );
    expect(rules(r)).toEqual(['acr-token-disabled:error']);
    expect(r.findings[0].remediation).toBe('az acr token update --name ci-pull --registry prodacr --status enabled');
  });
  it('fires acr-token-expired with the credential generate command', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': found([
          tokenEntry(token({ passwords: [{ name: 'password1', expiry: '2026-11-01T00:00:00Z' }] })),
        ]),
      }),
      config,
    );
    expect(rules(r)).toEqual(['acr-token-expired:error']);
    expect(r.findings[0].remediation).toContain(
      'az acr token credential generate --name ci-pull --registry prodacr --password1',
    );
  });
  it('fires acr-token-expiring inside the threshold', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': found([
          tokenEntry(token({ passwords: [{ name: 'password2', expiry: '2026-12-01T00:00:00Z' }] })),
        ]),
      }),
      config,
    );
    expect(rules(r)).toEqual(['acr-token-expiring:warning']);
  });
  it('does not report the expired password1 when the registry accepted the secret (it holds password2)', () => {
    const t = token({
      passwords: [
        { name: 'password1', expiry: '2026-01-01T00:00:00Z' },
        { name: 'password2', expiry: '2027-11-01T00:00:00Z' },
      ],
    });
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([tokenEntry(t, { 'orders-api': { state: 'works' } })]) }),
      config,
    );
    expect(r.findings).toEqual([]);
  });
  it('fires acr-token-scope-missing-repository, and accepts a repo/* wildcard', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([tokenEntry(token({ actions: ['repositories/billing/content/read'] }))]) }),
      config,
    );
    expect(rules(r)).toEqual(['acr-token-scope-missing-repository:error']);
    expect(r.findings[0].remediation).toBe(
      'az acr scope-map update --name pull-orders --registry prodacr --add-repository orders-api content/read',
    );
    const u = use({
      ref: {
        original: 'x',
        registry: 'prodacr.azurecr.io',
        repository: 'team/api',
        tag: 'v1',
        normalized: 'prodacr.azurecr.io/team/api:v1',
      },
    });
    expect(
      checkPullSecrets(
        inventory([u]),
        facts({ 'prod/acr-pull': found([tokenEntry(token({ actions: ['repositories/team/*/content/read'] }))]) }),
        config,
      ).findings,
    ).toEqual([]);
  });
});

describe('admin user', () => {
  const adminEntry = (adminUser: CredentialEntryFact['adminUser']) =>
    entry({ username: 'prodacr', credentialClass: { kind: 'admin-user', registryName: 'prodacr' }, adminUser });
  it('notes admin-user-in-use when enabled and current', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': found([adminEntry({ state: 'found', adminUserEnabled: true, passwordCurrent: true })]),
      }),
      config,
    );
    expect(rules(r)).toEqual(['admin-user-in-use:notice']);
    expect(r.paths[0].state).toBe('works');
  });
  it('fires admin-user-disabled', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([adminEntry({ state: 'found', adminUserEnabled: false })]) }),
      config,
    );
    expect(rules(r)).toEqual(['admin-user-disabled:error']);
    expect(r.findings[0].remediation).toBe('az acr update -n prodacr --admin-enabled true');
  });
  it('fires admin-password-rotated without any password in the remediation', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({
        'prod/acr-pull': found([adminEntry({ state: 'found', adminUserEnabled: true, passwordCurrent: false })]),
      }),
      config,
    );
    expect(rules(r)).toEqual(['admin-password-rotated:error']);
    expect(r.findings[0].remediation).toContain('az acr credential show -n prodacr');
  });
});

describe('refresh-token-in-pull-secret', () => {
  const rt = (expiresAt?: string) =>
    entry({ username: '00000000-0000-0000-0000-000000000000', credentialClass: { kind: 'refresh-token', expiresAt } });
  it('is an error once the token expired, with --attach-acr to drop the secret', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([rt('2026-11-20T21:00:00.000Z')]) }),
      config,
    );
    expect(rules(r)).toEqual(['refresh-token-in-pull-secret:error']);
    expect(r.findings[0].remediation).toBe(
      // The one spelling of rules/remediation.ts attachAcr, with the cluster's subscription.
      `az aks update -g rg -n prod-aks --subscription 1111 --attach-acr ${REGISTRY.id}`,
    );
  });
  it('is a warning while it still works', () => {
    const r = checkPullSecrets(
      inventory([use()]),
      facts({ 'prod/acr-pull': found([rt('2026-11-21T03:00:00.000Z')]) }),
      config,
    );
    expect(rules(r)).toEqual(['refresh-token-in-pull-secret:warning']);
  });
});

describe('live check', () => {
  it('reports pull-secret-credential-rejected when the token endpoint refuses an otherwise healthy-looking credential', () => {
    const e = entry({
      username: 'robot',
      credentialClass: { kind: 'other' },
      registry: undefined,
      key: 'registry.example.com',
      matchKey: 'registry.example.com',
      server: 'registry.example.com',
      live: {
        'org/app': {
          state: 'rejected',
          reason: 'registry.example.com token endpoint rejected the credential (401)',
          httpStatus: 401,
        },
      },
    });
    const u = use({
      ref: {
        original: 'x',
        registry: 'registry.example.com',
        repository: 'org/app',
        tag: '1',
        normalized: 'registry.example.com/org/app:1',
      },
    });
    const r = checkPullSecrets(inventory([u]), facts({ 'prod/acr-pull': found([e]) }), config);
    expect(rules(r)).toEqual(['pull-secret-credential-rejected:error']);
    expect(r.paths[0].state).toBe('broken');
  });
  it('reports pull-secret-unverifiable when the registry is not reachable from here', () => {
    const e = entry({
      username: 'robot',
      credentialClass: { kind: 'other' },
      registry: undefined,
      key: 'registry.example.com',
      matchKey: 'registry.example.com',
      server: 'registry.example.com',
      live: { 'org/app': { state: 'unreachable', reason: 'registry.example.com: connection timed out' } },
    });
    const u = use({
      ref: {
        original: 'x',
        registry: 'registry.example.com',
        repository: 'org/app',
        tag: '1',
        normalized: 'registry.example.com/org/app:1',
      },
    });
    const r = checkPullSecrets(inventory([u]), facts({ 'prod/acr-pull': found([e]) }), config);
    expect(rules(r)).toEqual(['pull-secret-unverifiable:warning']);
    expect(r.paths[0].state).toBe('unknown');
  });
});
