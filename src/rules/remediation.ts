// Every az / kubectl fix the checks print, one spelling each, with the real names and ids filled in (a value the gate
// does not know stays an <angle-bracket> placeholder). Pure text builders: the checks compose their remediation from
// these, so a command is written once and a flag fixed once (there had been two spellings of `--attach-acr`).

/** ` <flag> <value>`, or nothing when the value is not known. */
const opt = (flag: string, value: string | undefined): string => (value === undefined ? '' : ` ${flag} ${value}`);

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Single-quotes a value for POSIX shells (condition strings contain `!`, quotes and brackets). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// ---------------------------------------------------------------------------------------------------------------
// AKS

/** The cluster a command names; what is not known becomes a placeholder (the subscription flag is then left out). */
export interface AksClusterRef {
  name?: string;
  resourceGroup?: string;
  subscriptionId?: string;
}

/** `az aks update --attach-acr`: AcrPull for the kubelet identity on the registry (by its full resource id). */
export function attachAcr(cluster: AksClusterRef | undefined, registryId: string): string {
  return (
    `az aks update -g ${cluster?.resourceGroup ?? '<resource-group>'} -n ${cluster?.name ?? '<cluster-name>'}` +
    `${opt('--subscription', cluster?.subscriptionId)} --attach-acr ${registryId}`
  );
}

/** A new client secret for the cluster's service principal, handed to the cluster in one step. */
export function aksResetServicePrincipal(cluster: AksClusterRef, appId: string): string {
  return (
    `az aks update-credentials -g ${cluster.resourceGroup ?? '<resource-group>'} -n ${cluster.name ?? '<cluster-name>'}` +
    `${opt('--subscription', cluster.subscriptionId)} --reset-service-principal ` +
    `--service-principal ${appId} --client-secret "$(${appCredentialReset(appId)} --query password -o tsv)"`
  );
}

export function aksNodepoolUpgrade(cluster: AksClusterRef, pool: string, version: string): string {
  return (
    `az aks nodepool upgrade -g ${cluster.resourceGroup ?? '<resource-group>'} --cluster-name ${cluster.name ?? '<cluster-name>'}` +
    `${opt('--subscription', cluster.subscriptionId)} --name ${pool} --kubernetes-version ${version}`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Entra ID and role assignments

/** A new client secret beside the old ones (`--append`: the old secret keeps working until it is replaced). */
export function appCredentialReset(appId: string): string {
  return `az ad app credential reset --id ${appId} --append`;
}

export interface RoleAssignmentSpec {
  /** Object id of the service principal (or managed identity) to assign. */
  assignee: string;
  /** Role name (quoted in the command) or role definition GUID. */
  role: string;
  scope: string;
  /** ABAC condition (version 2.0), quoted for the shell. */
  condition?: string;
}

export function roleAssignmentCreate(a: RoleAssignmentSpec): string {
  const role = GUID_RE.test(a.role) ? a.role : `"${a.role}"`;
  const base = `az role assignment create --assignee-object-id ${a.assignee} --assignee-principal-type ServicePrincipal --role ${role} --scope ${a.scope}`;
  return a.condition === undefined ? base : `${base} --condition ${shellQuote(a.condition)} --condition-version 2.0`;
}

export function roleAssignmentDelete(assignmentId: string): string {
  return `az role assignment delete --ids ${assignmentId}`;
}

/** A deny assignment is owned by a deployment stack or managed application: the exclusion is made there. */
export function denyAssignmentExclude(principal: string, denyAssignmentId: string): string {
  return `Exclude principal ${principal} from deny assignment ${denyAssignmentId} through the deployment stack or managed application that created it (az stack group update ... --deny-settings-excluded-principals ${principal})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Registries (az acr)

export function acrAdminEnable(registry: string): string {
  return `az acr update -n ${registry} --admin-enabled true`;
}

export function acrPublicNetworkEnable(registry: string): string {
  return `az acr update --name ${registry} --public-network-enabled true`;
}

export function acrNetworkRuleAdd(registry: string, ip: string): string {
  return `az acr network-rule add --name ${registry} --ip-address ${ip}`;
}

export function acrNetworkRuleRemove(registry: string, ip: string): string {
  return `az acr network-rule remove --name ${registry} --ip-address ${ip}`;
}

/** Lifts a read lock on a repository (`{repository}`) or on one tag or digest (`{image}`: `repo:tag`, `repo@sha256:...`). */
export function acrReadEnable(registry: string, target: { repository: string } | { image: string }): string {
  const what = 'repository' in target ? `--repository ${target.repository}` : `--image ${target.image}`;
  return `az acr repository update --name ${registry} ${what} --read-enabled true`;
}

export function acrImport(registry: string, source: string, image: string): string {
  return `az acr import --name ${registry} --source ${source} --image ${image}`;
}

export function acrCredentialSetRepair(registry: string, set: string): string {
  return (
    `az acr credential-set show --registry ${registry} --name ${set} (fix the Key Vault secrets it names, or the set's identity access to them), ` +
    `then: az acr credential-set update --registry ${registry} --name ${set} --username-id <username-secret-uri> --password-id <password-secret-uri>`
  );
}

export function acrAuthenticationAsArmEnable(registry: string, subscriptionId: string | undefined): string {
  return `az acr config authentication-as-arm update --registry ${registry}${opt('--subscription', subscriptionId)} --status enabled`;
}

export type TokenPasswordSlotName = 'password1' | 'password2';

/** A new password in one slot of a scoped token. */
export function acrTokenCredentialGenerate(token: string, registry: string, slot: TokenPasswordSlotName): string {
  return `az acr token credential generate --name ${token} --registry ${registry} --${slot}`;
}

export function acrTokenCredentialDelete(token: string, registry: string, slot: TokenPasswordSlotName): string {
  return `az acr token credential delete --name ${token} --registry ${registry} --${slot}`;
}

export function acrTokenEnable(token: string, registry: string): string {
  return `az acr token update --name ${token} --registry ${registry} --status enabled`;
}

export interface AcrTokenSpec {
  registry: string;
  subscriptionId?: string;
  name: string;
  repository: string;
  /** Scope-map actions on the repository, e.g. `content/read`. */
  actions: string[];
  /** Print the new password (for a `$(...)` in the command that stores it). */
  printPassword?: boolean;
}

export function acrTokenCreate(t: AcrTokenSpec): string {
  return (
    `az acr token create --registry ${t.registry}${opt('--subscription', t.subscriptionId)} --name ${t.name} ` +
    `--repository ${t.repository} ${t.actions.join(' ')}` +
    (t.printPassword ? ` --query 'credentials.passwords[0].value' -o tsv` : '')
  );
}

export function acrScopeMapAddRepository(scopeMap: string, registry: string, repository: string): string {
  return `az acr scope-map update --name ${scopeMap} --registry ${registry} --add-repository ${repository} content/read`;
}

export interface TokenPasswordSlot {
  name: string;
  expiry?: string;
}

const SLOTS = ['password1', 'password2'] as const;

/**
 * The fix for a scoped token whose passwords run out: generate the new password in the slot the pull secret does not
 * use (a token has two; with both taken, the one that expires first, which the pull secret should not be holding),
 * then `updateSecret`, then delete the old password. Regenerating the password in use breaks every pull with 401
 * until the secret is rewritten.
 */
export function tokenRotationCommands(
  tokenName: string,
  registry: string,
  passwords: readonly TokenPasswordSlot[],
  updateSecret: string,
): string {
  const used = new Set(passwords.map((p) => p.name.toLowerCase()));
  const free = SLOTS.find((s) => !used.has(s));
  const byExpiry = [...passwords]
    .filter((p) => SLOTS.includes(p.name.toLowerCase() as (typeof SLOTS)[number]))
    .sort((a, b) => Date.parse(a.expiry ?? '9999-12-31') - Date.parse(b.expiry ?? '9999-12-31'));
  const target = (free ?? byExpiry[0]?.name.toLowerCase() ?? 'password2') as TokenPasswordSlotName;
  const old = free
    ? ((byExpiry[0]?.name.toLowerCase() ??
        (target === 'password1' ? 'password2' : 'password1')) as TokenPasswordSlotName)
    : undefined;
  const lines = [
    acrTokenCredentialGenerate(tokenName, registry, target) +
      (free ? '' : ` (both slots are taken: regenerate the one the pull secret does not hold)`),
    `${updateSecret} (update the pull secret with the new password before deleting the old one)`,
  ];
  if (old) lines.push(acrTokenCredentialDelete(tokenName, registry, old));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Kubernetes

/** `kubectl create secret docker-registry` that replaces the secret in place; the password is a placeholder. */
export function kubectlRecreatePullSecret(
  secret: { namespace: string; name: string },
  server: string,
  username: string,
  passwordPlaceholder = '<new-password>',
): string {
  return (
    `kubectl create secret docker-registry ${secret.name} --namespace ${secret.namespace} ` +
    `--docker-server ${server} --docker-username ${username} --docker-password ${passwordPlaceholder} ` +
    `--dry-run=client -o yaml | kubectl apply -f -`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Private networking (az network)

/** `--subscription` only where it differs from the cluster's (the command runs in the cluster's subscription). */
export interface NetworkScope {
  resourceGroup: string;
  subscriptionId?: string;
}

export function privateDnsZoneCreate(resourceGroup: string, zone: string): string {
  return `az network private-dns zone create -g ${resourceGroup} -n ${zone}`;
}

export function privateDnsLinkVnetCreate(at: NetworkScope, zone: string, linkName: string, vnetId: string): string {
  return `az network private-dns link vnet create -g ${at.resourceGroup} -z ${zone} -n ${linkName} -v ${vnetId} -e false${opt('--subscription', at.subscriptionId)}`;
}

export function privateDnsRecordAdd(at: NetworkScope, zone: string, record: string, ip: string): string {
  return `az network private-dns record-set a add-record -g ${at.resourceGroup} -z ${zone} -n ${record} -a ${ip}${opt('--subscription', at.subscriptionId)}`;
}

export function privateDnsRecordRemove(at: NetworkScope, zone: string, record: string, ip: string): string {
  return `az network private-dns record-set a remove-record -g ${at.resourceGroup} -z ${zone} -n ${record} -a ${ip}${opt('--subscription', at.subscriptionId)}`;
}

export function privateEndpointConnectionApprove(connectionId: string): string {
  return `az network private-endpoint-connection approve --id ${connectionId}`;
}

export function privateEndpointCreate(
  resourceGroup: string,
  name: string,
  subnetId: string,
  registryId: string,
): string {
  return `az network private-endpoint create -g ${resourceGroup} -n ${name} --subnet ${subnetId} --private-connection-resource-id ${registryId} --group-id registry --connection-name ${name}`;
}

export function privateEndpointDnsZoneGroupCreate(resourceGroup: string, endpoint: string, zone: string): string {
  return `az network private-endpoint dns-zone-group create -g ${resourceGroup} --endpoint-name ${endpoint} -n default --private-dns-zone ${zone} --zone-name ${zone.replace(/\./g, '-')}`;
}

/** Prints the registry's current admin password (for a `$(...)` in the command that stores it). */
export function acrAdminPassword(registry: string): string {
  return `az acr credential show -n ${registry} --query 'passwords[0].value' -o tsv`;
}

export function acrCacheRuleShow(registry: string, rule: string): string {
  return `az acr cache show --registry ${registry} --name ${rule}`;
}

export function acrNetworkRuleList(registry: string): string {
  return `az acr network-rule list --name ${registry}`;
}

/** Turns the kubeconfig's exec plugin into a non-interactive login (`azurecli` after azure/login, `workloadidentity`). */
export function kubeloginConvert(mode: 'azurecli' | 'workloadidentity'): string {
  return `kubelogin convert-kubeconfig -l ${mode}`;
}

export function kubectlDescribePod(namespace: string, pod: string): string {
  return `kubectl describe pod ${pod} -n ${namespace}`;
}

/** New pods for a workload after the fix (`deployment/orders-api`), so the nodes pull again. */
export function kubectlRolloutRestart(namespace: string, resource: string): string {
  return `kubectl rollout restart ${resource} -n ${namespace}`;
}

export function kubectlDeletePod(namespace: string, pod: string): string {
  return `kubectl delete pod ${pod} -n ${namespace}`;
}

export function kubectlWatchPods(namespace: string): string {
  return `kubectl get pods -n ${namespace} -w`;
}
