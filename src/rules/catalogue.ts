// The rule catalogue: every stable rule id with its default severity, a title, and help text that says what the
// rule means, why a pull fails, and how to fix it. SARIF rule descriptors, the job summary's per-image columns and
// the README all come from here, so a rule is described once. Must equal the rule table of DESIGN.md (tested).

import type { ImageStatus, RuleId, Severity, UnverifiedReason } from '../types/index.js';
import type { PullFailureClass } from '../types/diagnose.js';

/** Which column of the per-image table a rule's findings mark. */
export type RuleConcern = 'manifest' | 'exists' | 'platforms' | 'identity' | 'network' | 'pull-secret';

export interface RuleDescriptor {
  id: RuleId;
  /** Severity the rule fires with unless the check says otherwise. */
  defaultSeverity: Severity;
  /** Every severity the rule can fire with, when more than one (refresh-token-in-pull-secret: error or warning). */
  severities?: Severity[];
  title: string;
  /** What it means, why the pull fails, how to fix it. Plain text, a few sentences. */
  help: string;
  helpUri?: string;
  concern: RuleConcern;
  /** The per-image status a finding of this rule gives the image it names (verdict.ts ranks the statuses). */
  imageStatus?: ImageStatus;
  /**
   * The error means "this one pull path is broken", not "the image is unreachable for everyone": another working path
   * (pull secret or kubelet identity) downgrades it to a warning (checks/pull-paths.ts).
   */
  pullPath?: boolean;
  /** The gate could not tell (not a failure): the report marks the concern "unverified" rather than failed. */
  unverifiable?: boolean;
  /** Why an unverifiable rule's check is unverified, when the rule itself says so (else read from its evidence). */
  unverifiedReason?: UnverifiedReason;
  /** The image status applies only to the rule's errors (a warning of it leaves the image pulling). */
  imageStatusOnlyAsError?: boolean;
  /**
   * Other concerns a finding of this rule leaves unverified for the images of its registry (registry-unknown: the gate
   * cannot judge the kubelet's permission or the network path to a registry it cannot see).
   */
  leavesUnverified?: RuleConcern[];
  /** The kubelet pull failure a finding of this rule explains (diagnose matches a pod's event to it). */
  pullFailure?: PullFailureClass;
}

const DOCS = {
  troubleshoot:
    'https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/cannot-pull-image-from-acr-to-aks-cluster',
  attach: 'https://learn.microsoft.com/azure/aks/cluster-container-registry-integration',
  abac: 'https://learn.microsoft.com/azure/container-registry/container-registry-rbac-abac-repository-permissions',
  firewall: 'https://learn.microsoft.com/azure/container-registry/container-registry-access-selected-networks',
  privateLink: 'https://learn.microsoft.com/azure/container-registry/container-registry-private-link',
  lock: 'https://learn.microsoft.com/azure/container-registry/container-registry-image-lock',
  tokens: 'https://learn.microsoft.com/azure/container-registry/container-registry-repository-scoped-permissions',
  admin: 'https://learn.microsoft.com/azure/container-registry/container-registry-authentication#admin-account',
  spCredentials: 'https://learn.microsoft.com/azure/aks/update-credentials',
  pullSecret: 'https://kubernetes.io/docs/tasks/configure-pod-container/pull-image-private-registry/',
  reference: 'https://github.com/distribution/reference/blob/main/reference.go',
  multiArch: 'https://docs.docker.com/build/building/multi-platform/',
  objects: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
  helmTemplate: 'https://helm.sh/docs/helm/helm_template/',
  updatingImages: 'https://kubernetes.io/docs/concepts/containers/images/#updating-images',
  quarantine: 'https://github.com/Azure/acr/tree/main/docs/preview/quarantine',
  rbacList: 'https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-cli',
  dismissAlerts:
    'https://docs.github.com/code-security/code-scanning/managing-code-scanning-alerts/resolving-code-scanning-alerts',
} as const;

/**
 * Where docs/rules.md is published: package.json names no repository or homepage, so the base is the repository the
 * README's `uses: aks-pull-gate/aks-pull-gate@v0` names, at its default branch. Each rule has a section there whose
 * GitHub anchor is the rule id.
 */
export const RULES_DOC_URL = 'https://github.com/aks-pull-gate/aks-pull-gate/blob/main/docs/rules.md';

/** The rule's section of docs/rules.md (absolute: SARIF viewers resolve no relative helpUri). */
export function ruleDocUri(id: RuleId): string {
  return `${RULES_DOC_URL}#${id}`;
}

/** What the catalogue says about each rule id (the id is the key). */
export type RuleSpec = Omit<RuleDescriptor, 'id'>;

/** Every rule, keyed by its id: the compiler refuses a RuleId without an entry. Order = SARIF and docs order. */
export const CATALOGUE: Readonly<Record<RuleId, RuleSpec>> = {
  'manifest-invalid': {
    defaultSeverity: 'error',
    title: 'Manifest file does not parse',
    help: 'The file is not valid YAML/JSON at the reported line, so the rollout would be rejected and no image in it can be checked. Fix the syntax at that line (kubectl apply --dry-run=client -f <file> shows the same error).',
    helpUri: DOCS.objects,
    concern: 'manifest',
  },
  'template-unrendered': {
    defaultSeverity: 'error',
    title: 'Image or pull-secret name is an unrendered template',
    help: 'An image or imagePullSecrets name still holds a `{{ ... }}` or `${...}` placeholder. The kubelet would try to pull the literal text and fail with InvalidImageName or an anonymous 401. Render the manifests first (helm template, kustomize build, envsubst) and point the gate at the rendered output.',
    helpUri: DOCS.helmTemplate,
    concern: 'exists',
    imageStatus: 'invalid',
  },
  'image-reference-invalid': {
    defaultSeverity: 'error',
    title: 'Image reference is not valid',
    help: 'The image string does not match the distribution reference grammar (uppercase repository, bad tag characters, a digest of the wrong length). The pod fails with InvalidImageName before any pull. Correct the reference: lowercase repository, tag of [A-Za-z0-9_.-] up to 128 characters, digest sha256:<64 hex>.',
    helpUri: DOCS.reference,
    concern: 'exists',
    imageStatus: 'invalid',
    pullFailure: 'image',
  },
  'image-tag-mutable': {
    defaultSeverity: 'warning',
    title: 'Image has no tag or uses latest',
    help: 'Without a tag (implicit latest) or with latest and no digest, what runs depends on when a node pulls, and a rollback redeploys whatever latest is now. Pin a version tag, or better a digest (image@sha256:...).',
    helpUri: DOCS.updatingImages,
    concern: 'exists',
  },
  'image-not-found': {
    defaultSeverity: 'error',
    title: 'Tag or digest not found in the registry',
    help: 'The registry answers "manifest unknown" for this tag or digest, so every node fails with ErrImagePull. Push the image (or fix the tag: the finding names the nearest existing tags), e.g. az acr import or docker push, before deploying.',
    helpUri: DOCS.troubleshoot,
    concern: 'exists',
    imageStatus: 'not-found',
    pullFailure: 'image',
  },
  'repository-not-found': {
    defaultSeverity: 'error',
    title: 'Repository not found in the registry',
    help: 'The repository does not exist in the registry (often a typo or a missing path segment). Registries answer 401 or "name unknown", and the pod stays in ImagePullBackOff. Fix the repository name or push the image to it.',
    helpUri: DOCS.troubleshoot,
    concern: 'exists',
    imageStatus: 'repository-not-found',
    pullFailure: 'image',
  },
  'image-platform-missing': {
    defaultSeverity: 'error',
    title: 'No manifest for the node platform',
    help: 'The image (or its index) has no manifest for an os/arch the pod can be scheduled on, e.g. an amd64-only image on an arm64 node pool. The node reports "no match for platform in manifest", or the container crash-loops with "exec format error". Build and push a multi-platform image, or constrain the pod with a nodeSelector on kubernetes.io/arch / kubernetes.io/os.',
    helpUri: DOCS.multiArch,
    concern: 'platforms',
    imageStatus: 'platform-missing',
    pullFailure: 'platform',
  },
  'image-read-disabled': {
    defaultSeverity: 'error',
    title: 'Repository, tag or manifest is locked for reading',
    help: 'The repository, tag or manifest has readEnabled=false in Azure Container Registry, so pulls are denied. Re-enable reading: az acr repository update --name <registry> --image <repo>:<tag> --read-enabled true (or --repository <repo> for a repository lock).',
    helpUri: DOCS.lock,
    concern: 'exists',
    imageStatus: 'read-disabled',
    pullFailure: 'image',
  },
  'image-quarantined': {
    defaultSeverity: 'error',
    title: 'Image is quarantined',
    help: 'The registry quarantine policy holds the manifest (not yet passed by the scanner), and only quarantine readers can pull it. Wait for or complete the scan and mark the manifest as passed, or disable the quarantine policy if it is not in use.',
    helpUri: DOCS.quarantine,
    concern: 'exists',
    imageStatus: 'quarantined',
    pullFailure: 'image',
  },
  'cache-rule-credentials-unhealthy': {
    defaultSeverity: 'error',
    severities: ['error', 'warning'],
    title: 'Artifact-cache credential set is unhealthy',
    help: "The image is served through an artifact-cache rule (cacheRules) whose credential set reports credentialHealth.status Unhealthy, so ACR cannot sign in to the upstream registry and the first pull of a tag that is not cached yet fails (already cached tags keep pulling: then a warning). Fix the Key Vault secrets or the credential set identity's access to them, then refresh it: az acr credential-set update --registry <registry> --name <credential-set> --username-id <secret-uri> --password-id <secret-uri>.",
    helpUri: 'https://learn.microsoft.com/azure/container-registry/artifact-cache-overview',
    concern: 'exists',
    imageStatus: 'not-found',
    imageStatusOnlyAsError: true,
  },
  'registry-unknown': {
    defaultSeverity: 'warning',
    title: 'Azure registry not visible to the gate',
    help: 'The host looks like an Azure Container Registry but no registry the gate can see has that login server: a typo, a deleted registry, or one in a subscription the gate cannot read. Check the login server, or grant the gate Reader on the registry so it can verify it.',
    helpUri: DOCS.troubleshoot,
    concern: 'exists',
    unverifiedReason: 'permission',
    leavesUnverified: ['identity', 'network'],
  },
  'image-host-is-data-endpoint': {
    defaultSeverity: 'error',
    title: 'Image names a registry data endpoint instead of its login server',
    help: "The image's host is a dedicated data endpoint (<registry>.<region>.data.azurecr.io). Data endpoints serve layer blobs behind redirects from the login server; the kubelet does not pull from them (the AKS credential provider does not treat them as login servers). Name the registry's login server (<registry>.azurecr.io) or one of its regional endpoints (<registry>.<region>.geo.azurecr.io) in the image.",
    helpUri: 'https://learn.microsoft.com/azure/container-registry/container-registry-dedicated-data-endpoints',
    concern: 'exists',
  },
  'image-unverifiable': {
    defaultSeverity: 'warning',
    title: 'Image could not be checked',
    help: 'The gate could not verify the image (no credential, network error, permission). The finding says why and which permission would let it check. Unverified is not ready: the run fails (Not verified) unless unverified: warn.',
    helpUri: DOCS.troubleshoot,
    concern: 'exists',
    imageStatus: 'unverifiable',
    unverifiable: true,
  },
  'registry-firewall-blocks-gate': {
    defaultSeverity: 'warning',
    title: "Registry firewall refuses the gate's runner",
    help: "The registry answered the gate's own reads with 403 DENIED \"client with IP '<ip>' is not allowed access\": the runner (a GitHub-hosted runner is outside any allow list) is not in the registry's network rules, so the gate could not check the image, and the image is unverified (not ready unless unverified: warn). This says nothing about the cluster's access and is not a role problem. Run the job on a self-hosted runner inside the registry's network, or allow the runner's IP for the job: az acr network-rule add --name <registry> --ip-address <ip> before the gate and az acr network-rule remove --name <registry> --ip-address <ip> after.",
    helpUri: DOCS.firewall,
    concern: 'exists',
    imageStatus: 'unverifiable',
    unverifiable: true,
    unverifiedReason: 'firewall',
  },
  'kubelet-pull-permission-missing': {
    defaultSeverity: 'error',
    title: 'Kubelet identity cannot pull from the registry',
    help: 'No role assignment grants Microsoft.ContainerRegistry/registries/pull/read to the cluster kubelet identity at or above the registry, so the token exchange answers 401 Unauthorized. Attach the registry (az aks update --attach-acr <registry resource id>) or assign AcrPull to the kubelet identity on the registry.',
    helpUri: DOCS.attach,
    concern: 'identity',
    pullPath: true,
    pullFailure: 'authorization',
  },
  'pull-role-on-control-plane-identity': {
    defaultSeverity: 'error',
    title: 'Pull role is on the control-plane identity, not the kubelet',
    help: 'The cluster control-plane identity holds the pull role but the kubelet identity, which is the one nodes use to pull, does not. Pulls answer 401. Assign AcrPull to identityProfile.kubeletidentity.objectId (az aks update --attach-acr does this).',
    helpUri: DOCS.attach,
    concern: 'identity',
    pullPath: true,
    pullFailure: 'authorization',
  },
  'pull-role-not-honored-abac': {
    defaultSeverity: 'error',
    title: 'Registry uses ABAC repository permissions; legacy pull roles are not honored',
    help: 'The registry roleAssignmentMode is AbacRepositoryPermissions. In that mode AcrPull, AcrPush, Owner, Contributor and Reader no longer grant data-plane pulls, so the kubelet gets 401 at /oauth2/token. Assign "Container Registry Repository Reader" to the kubelet identity on the registry (optionally with a repository condition).',
    helpUri: DOCS.abac,
    concern: 'identity',
    pullPath: true,
    pullFailure: 'authorization',
  },
  'pull-role-condition-excludes-repository': {
    defaultSeverity: 'error',
    title: 'ABAC condition does not cover the repository',
    help: 'The kubelet identity holds a repository-reader role whose ABAC condition names other repositories, so pulling this one answers 401. Widen the condition to include the repository, or add an assignment for it.',
    helpUri: DOCS.abac,
    concern: 'identity',
    pullPath: true,
    pullFailure: 'authorization',
  },
  'registry-cross-tenant': {
    defaultSeverity: 'error',
    title: 'Registry in another tenant than a managed-identity cluster',
    help: 'The registry lives in a different Entra tenant than the cluster, and a managed identity cannot get tokens for another tenant, so the kubelet cannot pull. Use an imagePullSecret with a credential valid in the registry tenant (scoped ACR token or a multitenant service principal), or move the image to a registry in the cluster tenant.',
    helpUri: DOCS.troubleshoot,
    concern: 'identity',
    pullPath: true,
    pullFailure: 'authorization',
  },
  'registry-arm-audience-disabled': {
    defaultSeverity: 'error',
    severities: ['error', 'warning'],
    title: 'Registry refuses the ARM-audience tokens old credential providers send',
    help: "The registry's azureADAuthenticationAsArmPolicy is disabled, so it accepts only Entra tokens for the ACR audience, and the kubelet's ACR credential provider asked for ARM-audience tokens until cloud-provider-azure v1.29.14, v1.30.11, v1.31.5 and v1.32.4: nodes with an older provider get 401 on every pull. Assumption: a node pool runs the provider of its Kubernetes patch, so a pool whose currentOrchestratorVersion is older than 1.29.14, 1.30.11, 1.31.5 or 1.32.4 in its minor (or any minor before 1.29) is an error; a pool whose version the gate cannot read is a warning. Fix: re-enable the policy (az acr config authentication-as-arm update --registry <name> --status enabled), or upgrade the pool (az aks nodepool upgrade --kubernetes-version <fixed patch>).",
    helpUri: 'https://learn.microsoft.com/cli/azure/acr/config/authentication-as-arm',
    concern: 'identity',
  },
  'cluster-sp-secret-expired': {
    defaultSeverity: 'error',
    title: 'Cluster service principal secret expired',
    help: 'The cluster runs with a service principal whose client secret has expired: every pull (and every Azure call of the cluster) fails with 401 at once. Reset the credential and update the cluster: az ad app credential reset --id <appId> --append, then az aks update-credentials --reset-service-principal.',
    helpUri: DOCS.spCredentials,
    concern: 'identity',
    pullPath: true,
    pullFailure: 'authorization',
  },
  'cluster-sp-secret-expiring': {
    defaultSeverity: 'warning',
    title: 'Cluster service principal secret expires soon',
    help: 'The cluster service principal secret expires within the warning window; when it does, every pull fails with 401 at once. Rotate it before then (az ad app credential reset --id <appId> --append, az aks update-credentials --reset-service-principal), or move the cluster to a managed identity.',
    helpUri: DOCS.spCredentials,
    concern: 'identity',
  },
  'role-assignments-unverifiable': {
    defaultSeverity: 'warning',
    title: 'Role assignments could not be read',
    help: 'The gate identity cannot list role assignments on the registry, so it cannot tell whether the kubelet may pull. Grant the gate Reader (Microsoft.Authorization/roleAssignments/read) on the registry or its resource group. Blocks only with fail-on: warning.',
    helpUri: DOCS.rbacList,
    concern: 'identity',
    unverifiable: true,
    unverifiedReason: 'permission',
  },
  'registry-public-access-disabled': {
    defaultSeverity: 'error',
    title: 'Registry public access disabled and no private path',
    help: 'publicNetworkAccess is Disabled and no approved private endpoint is usable from the cluster VNet, so nodes get 403 or time out. Create a private endpoint for the registry in (or peered with) the cluster VNet with the privatelink.azurecr.io zone linked, or enable public access with firewall rules.',
    helpUri: DOCS.privateLink,
    concern: 'network',
    pullFailure: 'firewall',
  },
  'registry-firewall-blocks-cluster': {
    defaultSeverity: 'error',
    title: 'Registry firewall does not allow the cluster egress IPs',
    help: 'The registry networkRuleSet has defaultAction Deny and none of the cluster outbound IPs is in ipRules (and there is no private path), so pulls answer 403. Add the egress IPs: az acr network-rule add --name <registry> --ip-address <ip>.',
    helpUri: DOCS.firewall,
    concern: 'network',
    pullFailure: 'firewall',
  },
  'cluster-egress-unknown': {
    defaultSeverity: 'warning',
    title: 'Cluster egress IPs unknown',
    help: 'The cluster uses user-defined routing (a firewall or NVA decides the egress IP), so the gate cannot check the registry allow list. Make sure the firewall public IPs are in the registry ipRules, or use a private endpoint.',
    helpUri: DOCS.firewall,
    concern: 'network',
    unverifiable: true,
  },
  'private-endpoint-not-approved': {
    defaultSeverity: 'error',
    title: 'Private endpoint connection not approved',
    help: 'The registry private endpoint connection is Pending, Rejected or Disconnected, so traffic through it does not reach the registry. Approve it: az acr private-endpoint-connection approve --registry-name <registry> --name <connection>.',
    helpUri: DOCS.privateLink,
    concern: 'network',
    pullFailure: 'network',
  },
  'private-dns-zone-not-linked': {
    defaultSeverity: 'error',
    title: 'privatelink.azurecr.io zone not linked to the cluster VNet',
    help: 'No privatelink.azurecr.io private DNS zone is linked to the cluster VNet, so nodes resolve the registry to its public IP and get 403 (public access off) or time out. Link the zone: az network private-dns link vnet create --zone-name privatelink.azurecr.io --virtual-network <vnet id> ...',
    helpUri: DOCS.privateLink,
    concern: 'network',
    pullFailure: 'network',
  },
  'private-dns-record-missing': {
    defaultSeverity: 'error',
    title: 'Private DNS A record missing',
    help: 'The linked privatelink.azurecr.io zone lacks the A record for the registry or one of its data endpoints (per region replica), so those names resolve publicly and pulls fail with 403 or an i/o timeout. Add the record with the private endpoint IP: az network private-dns record-set a add-record ...',
    helpUri: DOCS.privateLink,
    concern: 'network',
    pullFailure: 'network',
  },
  'pull-secret-missing': {
    defaultSeverity: 'error',
    title: 'Referenced imagePullSecret does not exist',
    help: 'The pod (or its ServiceAccount) names an imagePullSecret that exists neither in the manifests nor in the cluster. The kubelet pulls anonymously and gets 401. Create the secret in the pod namespace (kubectl create secret docker-registry ...) or fix the name.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'pull-secret-malformed': {
    defaultSeverity: 'error',
    title: 'Pull secret is malformed',
    help: 'The secret has the wrong type (not kubernetes.io/dockerconfigjson or dockercfg), bad base64 or JSON, or no auths entry, so the kubelet ignores it and pulls anonymously. Recreate it with kubectl create secret docker-registry.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'pull-secret-no-registry-entry': {
    defaultSeverity: 'warning',
    title: 'Pull secrets hold no entry for the registry',
    help: 'None of the pod pull secrets has an auths entry for the image registry host, so they do not help this pull (the kubelet identity may still work). Add an entry for the exact login server, or remove the unused secret reference.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
    pullFailure: 'pull-secret',
  },
  'pull-secret-credential-rejected': {
    defaultSeverity: 'error',
    title: 'Pull secret credential rejected by the registry',
    help: 'A live token request with the credential in the pull secret was refused: it is wrong, rotated or expired. Recreate the secret with a current credential.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'sp-secret-expired': {
    defaultSeverity: 'error',
    title: 'Pull secret service principal secret expired',
    help: 'The service principal secret in the pull secret (matched by its hint) has expired, so the registry answers 401. Create a new secret (az ad app credential reset --id <appId> --append) and update the pull secret with it.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'sp-secret-expiring': {
    defaultSeverity: 'warning',
    title: 'Pull secret service principal secret expires soon',
    help: 'The service principal secret in the pull secret expires within the warning window; pulls start failing with 401 when it does. Rotate it (az ad app credential reset --id <appId> --append) and update the pull secret.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
  },
  'acr-token-disabled': {
    defaultSeverity: 'error',
    title: 'ACR scoped token disabled',
    help: 'The pull secret uses an ACR scoped token whose status is disabled, so the registry answers 401. Enable it: az acr token update --name <token> --registry <registry> --status enabled.',
    helpUri: DOCS.tokens,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'acr-token-expired': {
    defaultSeverity: 'error',
    title: 'ACR scoped token password expired',
    help: 'The scoped token password in the pull secret has expired, so the registry answers 401. Generate a new one (az acr token credential generate --name <token> --registry <registry> --password1) and update the pull secret.',
    helpUri: DOCS.tokens,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'acr-token-expiring': {
    defaultSeverity: 'warning',
    title: 'ACR scoped token password expires soon',
    help: 'The scoped token password expires within the warning window. Generate the new password in the slot the pull secret does not use (az acr token credential generate ... --password2 when it holds password1), update the pull secret with it, and only then delete the old password: regenerating the password in use fails every pull with 401 until the secret is rewritten.',
    helpUri: DOCS.tokens,
    concern: 'pull-secret',
  },
  'acr-token-scope-missing-repository': {
    defaultSeverity: 'error',
    title: 'ACR token scope map lacks content/read on the repository',
    help: 'The scoped token scope map does not grant content/read on this repository, so the token exchange answers 401 for it. Add the action: az acr scope-map update --name <scope map> --registry <registry> --add-repository <repo> content/read.',
    helpUri: DOCS.tokens,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'admin-user-disabled': {
    defaultSeverity: 'error',
    title: 'Pull secret uses the admin user, which is disabled',
    help: 'The pull secret holds the registry admin credentials but the admin user is disabled, so the registry answers 401. Prefer the kubelet identity or a scoped token; or re-enable the admin user (az acr update --name <registry> --admin-enabled true).',
    helpUri: DOCS.admin,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'admin-password-rotated': {
    defaultSeverity: 'error',
    title: 'Pull secret admin password is no longer current',
    help: 'The admin password in the pull secret matches neither current admin password (it was regenerated), so the registry answers 401. Update the secret with a current password, or better replace it with a scoped token or the kubelet identity.',
    helpUri: DOCS.admin,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'admin-user-in-use': {
    defaultSeverity: 'notice',
    title: 'Pull secret uses the registry admin user',
    help: 'The admin user is a shared, all-powerful credential whose rotation breaks every consumer at once. Prefer the kubelet identity (az aks update --attach-acr) or a scoped pull-only token.',
    helpUri: DOCS.admin,
    concern: 'pull-secret',
  },
  'refresh-token-in-pull-secret': {
    defaultSeverity: 'error',
    severities: ['error', 'warning'],
    title: 'Pull secret holds an ACR refresh token',
    help: 'The pull secret password is an ACR refresh token (az acr login --expose-token), which lives about three hours: error when it has expired, warning while it is still valid. Use a scoped token or the kubelet identity instead.',
    helpUri: DOCS.tokens,
    concern: 'pull-secret',
    pullPath: true,
    pullFailure: 'pull-secret',
  },
  'cluster-credentials-interactive': {
    defaultSeverity: 'warning',
    title: 'Kubeconfig login waits for a person',
    help: "The kubeconfig's exec credential plugin (kubelogin get-token --login devicecode or interactive, what az aks get-credentials writes for Entra-enabled clusters) waits for someone to open a browser; in CI nobody does and the run would hang. The gate does not start it, so the cluster's pull secrets are not read. Use azure/aks-set-context with use-kubelogin: 'true', or kubelogin convert-kubeconfig -l azurecli (after azure/login) or -l workloadidentity.",
    helpUri: 'https://azure.github.io/kubelogin/concepts/login-modes.html',
    concern: 'pull-secret',
    unverifiable: true,
  },
  'pull-secret-unverifiable': {
    defaultSeverity: 'warning',
    title: 'Pull secret credential could not be evaluated',
    help: 'The gate could not evaluate the credential in the pull secret (the finding says why: no read access to the secret, the registry was unreachable, ...). Blocks only with fail-on: warning.',
    helpUri: DOCS.pullSecret,
    concern: 'pull-secret',
    unverifiable: true,
  },
  'network-unverifiable': {
    defaultSeverity: 'warning',
    title: 'Network posture could not be read',
    help: 'The gate could not read part of the network path (egress public IPs, the node VNet, the private endpoint, the private DNS zone); the finding names the read permission to grant (Reader on that resource or resource group). Blocks only with fail-on: warning.',
    helpUri: DOCS.firewall,
    concern: 'network',
    unverifiable: true,
  },
  'private-dns-unverifiable': {
    defaultSeverity: 'warning',
    title: 'Private DNS resolution cannot be verified',
    help: 'The node VNet uses custom DNS servers (dhcpOptions.dnsServers), so whether the nodes resolve <registry>.azurecr.io to the private endpoint depends on a forwarder the gate cannot see. Make sure the DNS servers forward privatelink.azurecr.io to 168.63.129.16 (or host the zone).',
    helpUri: DOCS.privateLink,
    concern: 'network',
    unverifiable: true,
  },
  'workloads-unreadable': {
    defaultSeverity: 'warning',
    title: 'Running workloads could not be read',
    help: "The audit could not list some of what the cluster runs (a workload kind, pods or nodes): the Kubernetes API refused the read (403) or did not answer. The images of those workloads are not checked, so one whose tag was deleted or whose registry is now closed stays unseen until a node re-pulls it. Bind the gate's identity to the README's least-privilege ClusterRole aks-pull-gate-reader (get and list only). Blocks only with fail-on: warning.",
    helpUri: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
    concern: 'manifest',
    unverifiable: true,
  },
  'manifest-empty': {
    defaultSeverity: 'notice',
    title: 'Manifest file is empty',
    help: 'The file holds no YAML documents (or only comments). Nothing to check; make sure the render step wrote what you expected.',
    helpUri: DOCS.objects,
    concern: 'manifest',
  },
  'no-workloads': {
    defaultSeverity: 'notice',
    title: 'No workloads in the manifest file',
    help: 'The file holds no pod spec with an image (or is not Kubernetes YAML at all). Nothing to check in it.',
    helpUri: DOCS.objects,
    concern: 'manifest',
  },
  'suppression-expired': {
    defaultSeverity: 'warning',
    title: 'Accepted finding is past its expiry date',
    help: 'An `ignore:` entry of .aks-pull-gate.yaml or an aks-pull-gate.io/ignore annotation is past its `expires` date, so it no longer suppresses: the findings it accepted count again. Fix what it accepted, or renew the entry with a new date and reason.',
    helpUri: DOCS.dismissAlerts,
    concern: 'manifest',
  },
  'suppression-unused': {
    defaultSeverity: 'notice',
    title: 'Accepted-finding entry matches nothing',
    help: 'An `ignore:` entry or aks-pull-gate.io/ignore annotation matched no finding of this run: what it accepted is fixed (remove the entry), or its rule, image, namespace or workload is misspelt.',
    helpUri: DOCS.dismissAlerts,
    concern: 'manifest',
  },
  'suppression-too-long': {
    defaultSeverity: 'warning',
    title: 'An error that stops pods from starting is accepted for more than 30 days',
    help: 'Errors that mean no pod would start (image-not-found, repository-not-found, kubelet-pull-permission-missing, ...) can be accepted only with `expires` at most 30 days ahead: accepting them means shipping a rollout that cannot start, which is only ever a short, deliberate bridge. The entry does not suppress; give it an earlier date.',
    helpUri: DOCS.dismissAlerts,
    concern: 'manifest',
  },
};

export const RULES: readonly RuleDescriptor[] = (Object.keys(CATALOGUE) as RuleId[]).map((id) => ({
  id,
  ...CATALOGUE[id],
}));

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/**
 * An error of this catalogue means a pod would not start (its image cannot be pulled, or the manifest is rejected):
 * accepting one ships a rollout that cannot run, so an `ignore:` entry or annotation for an error rule may run at
 * most this many days ahead; a longer one does not suppress (suppression-too-long).
 */
export const MAX_ERROR_SUPPRESSION_DAYS = 30;

/** Whether a rule's findings mean no pod starts (an error rule), so its suppressions are held to 30 days. */
export function stopsPods(id: string): boolean {
  const r = BY_ID.get(id as RuleId);
  return r !== undefined && (r.defaultSeverity === 'error' || (r.severities ?? []).includes('error'));
}

/** The descriptor of a rule id, or undefined for an id the catalogue does not know. */
export function ruleById(id: string): RuleDescriptor | undefined {
  return BY_ID.get(id as RuleId);
}
