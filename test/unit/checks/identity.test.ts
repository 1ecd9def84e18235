import { describe, expect, it } from 'vitest';
import { checkIdentity } from '../../../src/checks/identity.js';
import type { ClusterFacts, IdentityFacts, RegistryFacts } from '../../../src/types/facts/identity.js';
import {
  BUILTIN_ROLE_DEFINITIONS,
  BUILTIN_ROLE_IDS,
  repositoryCondition,
  type RoleAssignmentFact,
} from '../../../src/checks/rbac/evaluate.js';
import type { ImageUse } from '../../../src/types/index.js';

const SUB = '11111111-1111-1111-1111-111111111111';
const SUB2 = '22222222-2222-2222-2222-222222222222';
const TENANT = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const KUBELET = '0b0b0b0b-0000-0000-0000-000000000001';
const CONTROL = '0c0c0c0c-0000-0000-0000-000000000002';
const CLUSTER_ID = `/subscriptions/${SUB}/resourcegroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/prod-aks`;
const REG_ID = `/subscriptions/${SUB2}/resourceGroups/rg-acr-v2/providers/Microsoft.ContainerRegistry/registries/prodacr`;
const OLD_ID = `/subscriptions/${SUB2}/resourceGroups/rg-acr/providers/Microsoft.ContainerRegistry/registries/prodacr`;

const cluster: ClusterFacts = {
  id: CLUSTER_ID,
  name: 'prod-aks',
  resourceGroup: 'rg-prod',
  subscriptionId: SUB,
  tenantId: TENANT,
  kubelet: { objectId: KUBELET, clientId: 'k-client', resourceId: '/subscriptions/x/uami/prod-aks-agentpool' },
  controlPlane: [{ principalId: CONTROL, label: 'system-assigned identity' }],
  agentPools: [],
};

function registry(extra: Partial<RegistryFacts> = {}): RegistryFacts {
  return {
    id: REG_ID,
    name: 'prodacr',
    loginServer: 'prodacr.azurecr.io',
    dataEndpointHostNames: [],
    subscriptionId: SUB2,
    resourceGroup: 'rg-acr-v2',
    tenantId: TENANT,
    roleAssignmentMode: 'LegacyRegistryPermissions',
    ...extra,
  };
}

function assignment(
  role: keyof typeof BUILTIN_ROLE_IDS,
  principalId = KUBELET,
  scope = REG_ID,
  condition?: string,
): RoleAssignmentFact {
  const a: RoleAssignmentFact = {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${role.length}${principalId.slice(0, 4)}`,
    scope,
    roleDefinitionId: `/subscriptions/${SUB2}/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE_IDS[role]}`,
    principalId,
    principalType: 'ServicePrincipal',
  };
  if (condition) a.condition = condition;
  return a;
}

function facts(opts: {
  registry?: RegistryFacts;
  kubelet?: RoleAssignmentFact[];
  control?: RoleAssignmentFact[];
  cluster?: IdentityFacts['cluster'];
  extra?: Partial<IdentityFacts>;
}): IdentityFacts {
  const r = opts.registry ?? registry();
  return {
    now: '2026-11-21T00:00:00Z',
    acrSuffixes: ['.azurecr.io'],
    cluster: opts.cluster ?? cluster,
    discovery: {
      registries: [r],
      hosts: { 'prodacr.azurecr.io': r.id },
      subscriptions: [{ subscriptionId: SUB, tenantId: TENANT }],
      problems: [],
    },
    access: {
      [r.id.toLowerCase()]: {
        registryId: r.id,
        assignments: { [KUBELET]: opts.kubelet ?? [], [CONTROL]: opts.control ?? [] },
        denyAssignments: [],
      },
    },
    definitions: { ...BUILTIN_ROLE_DEFINITIONS },
    groups: {},
    ...opts.extra,
  };
}

function use(image: string, repository: string, host = 'prodacr.azurecr.io', line = 21): ImageUse {
  return {
    image,
    ref: { original: image, registry: host, repository, tag: 'v1', normalized: `${host}/${repository}:v1` },
    location: { file: 'k8s/app.yaml', line, column: 16 },
    workload: { kind: 'Deployment', name: 'orders', namespace: 'prod' },
    container: 'app',
    field: 'containers',
    namespace: 'prod',
    serviceAccount: 'default',
    podPullSecrets: [],
    pullSecrets: [],
    constraints: {},
  };
}

const ORDERS = [use('prodacr.azurecr.io/orders-api:v1', 'orders-api')];
const opts = { expiryWarningDays: 30 };
const errors = (r: ReturnType<typeof checkIdentity>) => r.findings.filter((f) => f.severity === 'error');

describe('kubelet-pull-permission-missing', () => {
  it('fires for the recreated registry whose AcrPull still sits on the old id, with --attach-acr naming the new id', () => {
    const stale = assignment('AcrPull', KUBELET, OLD_ID);
    const r = checkIdentity(
      facts({ kubelet: [], extra: { staleAssignments: { [REG_ID.toLowerCase()]: [stale] } } }),
      ORDERS,
      opts,
    );
    expect(errors(r).map((f) => f.rule)).toEqual(['kubelet-pull-permission-missing']);
    const f = errors(r)[0];
    expect(f.remediation).toBe(`az aks update -g rg-prod -n prod-aks --subscription ${SUB} --attach-acr ${REG_ID}`);
    expect(f.message).toContain(OLD_ID);
    expect(f.location).toEqual({ file: 'k8s/app.yaml', line: 21, column: 16 });
    expect(r.paths).toEqual([
      expect.objectContaining({ image: 'prodacr.azurecr.io/orders-api:v1', path: 'kubelet', state: 'broken' }),
    ]);
  });
  it('stays quiet when AcrPull is on the registry', () => {
    const r = checkIdentity(facts({ kubelet: [assignment('AcrPull')] }), ORDERS, opts);
    expect(r.findings).toEqual([]);
    expect(r.paths[0].state).toBe('works');
  });
  it('stays quiet when AcrPull is inherited from the resource group written with other casing', () => {
    const rg = `/subscriptions/${SUB2}/resourcegroups/RG-ACR-V2`;
    const r = checkIdentity(facts({ kubelet: [assignment('AcrPull', KUBELET, rg)] }), ORDERS, opts);
    expect(errors(r)).toEqual([]);
  });
  it('stays quiet when the role comes through a group assignedTo() returned', () => {
    const r = checkIdentity(
      facts({ kubelet: [assignment('AcrPull', 'eeee0000-0000-0000-0000-00000000000g')] }),
      ORDERS,
      opts,
    );
    expect(errors(r)).toEqual([]);
  });
});

describe('pull-role-on-control-plane-identity', () => {
  it('fires when only the control-plane identity holds AcrPull, moving the role to the kubelet', () => {
    const cp = assignment('AcrPull', CONTROL);
    const r = checkIdentity(facts({ control: [cp] }), ORDERS, opts);
    expect(errors(r).map((f) => f.rule)).toEqual(['pull-role-on-control-plane-identity']);
    expect(errors(r)[0].remediation).toBe(
      `az role assignment create --assignee-object-id ${KUBELET} --assignee-principal-type ServicePrincipal --role "AcrPull" --scope ${REG_ID} && az role assignment delete --ids ${cp.id}`,
    );
  });
  it('stays quiet when both hold it', () => {
    const r = checkIdentity(
      facts({ kubelet: [assignment('AcrPull')], control: [assignment('AcrPull', CONTROL)] }),
      ORDERS,
      opts,
    );
    expect(errors(r)).toEqual([]);
  });
});

describe('ABAC repository-permissions mode', () => {
  const abac = registry({ roleAssignmentMode: 'AbacRepositoryPermissions' });
  it('fires pull-role-not-honored-abac for AcrPull with the Repository Reader command', () => {
    const r = checkIdentity(facts({ registry: abac, kubelet: [assignment('AcrPull')] }), ORDERS, opts);
    expect(errors(r).map((f) => f.rule)).toEqual(['pull-role-not-honored-abac']);
    expect(errors(r)[0].remediation).toBe(
      `az role assignment create --assignee-object-id ${KUBELET} --assignee-principal-type ServicePrincipal --role "Container Registry Repository Reader" --scope ${REG_ID}`,
    );
  });
  it('fires pull-role-condition-excludes-repository for a condition naming another repository', () => {
    const a = assignment('Container Registry Repository Reader', KUBELET, REG_ID, repositoryCondition(['payments']));
    const r = checkIdentity(facts({ registry: abac, kubelet: [a] }), ORDERS, opts);
    expect(errors(r).map((f) => f.rule)).toEqual(['pull-role-condition-excludes-repository']);
    expect(errors(r)[0].remediation).toContain("--condition '((!(ActionMatches{");
    expect(errors(r)[0].remediation).toContain("StringEqualsIgnoreCase '\\''orders-api'\\''");
  });
  it('stays quiet for Repository Reader whose condition covers the repository', () => {
    const a = assignment('Container Registry Repository Reader', KUBELET, REG_ID, repositoryCondition(['orders-api']));
    expect(errors(checkIdentity(facts({ registry: abac, kubelet: [a] }), ORDERS, opts))).toEqual([]);
  });
  it('asks for Repository Reader, not --attach-acr, when nothing is assigned', () => {
    const r = checkIdentity(facts({ registry: abac, kubelet: [] }), ORDERS, opts);
    expect(errors(r)[0].rule).toBe('kubelet-pull-permission-missing');
    expect(errors(r)[0].remediation).toContain('Container Registry Repository Reader');
  });
  it('says unverifiable, not legacy, when the registry body has no roleAssignmentMode', () => {
    const r = checkIdentity(
      facts({ registry: registry({ roleAssignmentMode: undefined }), kubelet: [assignment('AcrPull')] }),
      ORDERS,
      opts,
    );
    expect(errors(r)).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['role-assignments-unverifiable']);
    expect(r.paths[0].state).toBe('unknown');
  });
});

describe('registry-cross-tenant', () => {
  it('fires for a managed-identity cluster and a registry in another tenant', () => {
    const r = checkIdentity(
      facts({
        registry: registry({ tenantId: 'bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb' }),
        kubelet: [assignment('AcrPull')],
      }),
      ORDERS,
      opts,
    );
    expect(errors(r).map((f) => f.rule)).toEqual(['registry-cross-tenant']);
    expect(errors(r)[0].remediation).toContain('az acr token create --registry prodacr');
  });
  it('stays quiet for another subscription of the same tenant', () => {
    expect(errors(checkIdentity(facts({ kubelet: [assignment('AcrPull')] }), ORDERS, opts))).toEqual([]);
  });
});

describe('service-principal clusters', () => {
  const APP = '5a5a5a5a-0000-0000-0000-000000000005';
  const SP_OID = '5b5b5b5b-0000-0000-0000-000000000006';
  const spCluster: ClusterFacts = { ...cluster, kubelet: undefined, controlPlane: [], servicePrincipalClientId: APP };
  const withSecret = (end: string) =>
    facts({
      cluster: spCluster,
      extra: {
        clusterServicePrincipal: {
          appId: APP,
          objectId: SP_OID,
          passwordCredentials: [{ keyId: 'k1', endDateTime: end }],
        },
        access: {
          [REG_ID.toLowerCase()]: { registryId: REG_ID, assignments: { [SP_OID]: [assignment('AcrPull', SP_OID)] } },
        },
      },
    });
  it('fires cluster-sp-secret-expired when every secret has ended, with the reset command', () => {
    const r = checkIdentity(withSecret('2026-11-01T00:00:00Z'), ORDERS, opts);
    expect(errors(r).map((f) => f.rule)).toEqual(['cluster-sp-secret-expired']);
    expect(errors(r)[0].remediation).toContain(`--reset-service-principal --service-principal ${APP}`);
    expect(r.paths[0].state).toBe('broken');
  });
  it('warns cluster-sp-secret-expiring within the threshold only', () => {
    expect(checkIdentity(withSecret('2026-12-01T00:00:00Z'), ORDERS, opts).findings.map((f) => f.rule)).toEqual([
      'cluster-sp-secret-expiring',
    ]);
    expect(checkIdentity(withSecret('2027-06-01T00:00:00Z'), ORDERS, opts).findings).toEqual([]);
  });
});

describe('unverifiable and unknown registries', () => {
  it('names Microsoft.Authorization/roleAssignments/read when assignments cannot be read', () => {
    const f = facts({});
    f.access[REG_ID.toLowerCase()].assignments[KUBELET] = {
      reason: 'ARM answered 403 AuthorizationFailed',
      permission: 'Microsoft.Authorization/roleAssignments/read',
    };
    const r = checkIdentity(f, ORDERS, opts);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'role-assignments-unverifiable', severity: 'warning' });
    expect(r.findings[0].message).toContain('Microsoft.Authorization/roleAssignments/read');
    expect(r.paths[0].state).toBe('unknown');
  });
  it('warns registry-unknown for an ACR-looking host no visible registry serves', () => {
    const r = checkIdentity(facts({}), [use('ghostacr.azurecr.io/app:v1', 'app', 'ghostacr.azurecr.io')], opts);
    expect(r.findings.map((f) => f.rule)).toEqual(['registry-unknown']);
  });
  it('gives no kubelet path for a registry that is not an ACR', () => {
    const r = checkIdentity(facts({}), [use('docker.io/library/nginx:1.27', 'library/nginx', 'docker.io')], opts);
    expect(r).toEqual({ findings: [], paths: [] });
  });
  it('reports one finding per image, not per container, at the first location', () => {
    const twice = [use('prodacr.azurecr.io/orders-api:v1', 'orders-api', undefined, 40), ...ORDERS];
    const r = checkIdentity(facts({}), twice, opts);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0].location?.line).toBe(21);
    expect(r.paths).toHaveLength(1);
  });
});
