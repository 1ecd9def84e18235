export const id = 698;
export const ids = [698];
export const modules = {

/***/ 87698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/settings/config.ts
var settings_config = __webpack_require__(69551);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/settings/from-cli.ts
// Parses the CLI's argv into a Config. Pure: no I/O, so every flag and every mistake is unit-tested. Each action input
// has a flag of the same kebab-case name.


const USAGE = `aks-pull-gate — will every pod in these manifests be able to pull its images on this AKS cluster?

Usage:
  aks-pull-gate check --manifests <path|dir|glob|-> [...] [options]
  aks-pull-gate audit [--cluster <id>] [--registry <id> ...] [options]

Options:
  --manifests <p>            manifest file, directory (recursive), glob, or - for stdin; repeatable
  --cluster <id>             AKS resource id (or --cluster-name + --resource-group + --subscription)
  --cluster-name <name>      AKS cluster name
  --resource-group <rg>      resource group of the cluster
  --subscription <id>        subscription id of the cluster
  --registry <id>            registry resource id for the audit (default: every visible registry); repeatable
  --simulate <world.yaml>    run against a loopback emulator of Azure, Graph, registries and Kubernetes
  --format <f>               text | json | sarif | markdown (default: text)
  --output <file>            write the report there instead of stdout
  --sarif-file <file>        also write a SARIF 2.1.0 file
  --fail-on <level>          error | warning | never (default: error)
  --expiry-warning-days <n>  warn about credentials expiring within n days (default: 30)
  --platform <os/arch>       platform pods can land on when no cluster says so; repeatable (default: linux/amd64)
  --namespace <ns>           namespace of documents that name none (default: default)
  --no-cluster-reads         do not read Secrets/ServiceAccounts from the live cluster
  --offline                  no network at all: inventory and static checks only
  --timeout <seconds>        overall time limit (default: 120)
  --azure-environment <env>  AzureCloud | AzureUSGovernment | AzureChinaCloud (default: AzureCloud)
  --client-id <id>           client id for direct sign-in (with --tenant-id)
  --tenant-id <id>           tenant id for direct sign-in
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 ready, 1 findings at or above --fail-on, 2 usage or configuration error.`;
function parseCli(argv, cwd) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                manifests: { type: 'string', multiple: true },
                cluster: { type: 'string' },
                'cluster-name': { type: 'string' },
                'resource-group': { type: 'string' },
                subscription: { type: 'string' },
                registry: { type: 'string', multiple: true },
                simulate: { type: 'string' },
                format: { type: 'string' },
                output: { type: 'string' },
                'sarif-file': { type: 'string' },
                'fail-on': { type: 'string' },
                'expiry-warning-days': { type: 'string' },
                platform: { type: 'string', multiple: true },
                namespace: { type: 'string' },
                'no-cluster-reads': { type: 'boolean' },
                'cluster-reads': { type: 'boolean' },
                offline: { type: 'boolean' },
                timeout: { type: 'string' },
                'azure-environment': { type: 'string' },
                'client-id': { type: 'string' },
                'tenant-id': { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' },
            },
        });
    }
    catch (err) {
        const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
        throw new settings_config/* ConfigurationError */.j1(`${msg.replace(/\. To specify.*$/, '')} (see aks-pull-gate --help)`);
    }
    const v = parsed.values;
    if (v.help)
        return { kind: 'help' };
    if (v.version)
        return { kind: 'version' };
    const [command, ...rest] = parsed.positionals;
    if (!command)
        throw new settings_config/* ConfigurationError */.j1('a command is required: check or audit (see aks-pull-gate --help)');
    if (command !== 'check' && command !== 'audit') {
        throw new settings_config/* ConfigurationError */.j1(`unknown command "${command}": use check or audit (see aks-pull-gate --help)`);
    }
    // Positional paths after `check` are manifests too: `aks-pull-gate check k8s/`.
    const manifests = [...(v.manifests ?? []), ...rest];
    if (command === 'check' && manifests.length === 0) {
        throw new settings_config/* ConfigurationError */.j1('check needs --manifests <path|dir|glob|-> (see aks-pull-gate --help)');
    }
    if (command === 'audit' && rest.length > 0)
        throw new settings_config/* ConfigurationError */.j1(`audit takes no positional arguments (got "${rest[0]}")`);
    const platforms = (v.platform ?? []).flatMap((p) => p.split(',')).map(settings_config/* parsePlatform */.FL);
    const cluster = (0,settings_config/* resolveClusterId */.mP)({
        cluster: v.cluster,
        clusterName: v['cluster-name'],
        resourceGroup: v['resource-group'],
        subscription: v.subscription,
    });
    const config = {
        mode: command,
        manifests,
        cwd,
        namespace: v.namespace?.trim() || settings_config/* DEFAULTS */.zY.namespace,
        ...(cluster ? { cluster } : {}),
        ...(v['cluster-name'] ? { clusterName: v['cluster-name'] } : {}),
        ...(v['resource-group'] ? { resourceGroup: v['resource-group'] } : {}),
        ...(v.subscription ? { subscription: v.subscription } : {}),
        registries: v.registry ?? [],
        ...(v.simulate ? { simulate: v.simulate } : {}),
        format: v.format ? (0,settings_config/* parseFormat */.Xc)(v.format) : 'text',
        ...(v.output ? { output: v.output } : {}),
        ...(v['sarif-file'] ? { sarifFile: v['sarif-file'] } : {}),
        failOn: v['fail-on'] ? (0,settings_config/* parseFailOn */.XV)(v['fail-on']) : settings_config/* DEFAULTS */.zY.failOn,
        expiryWarningDays: v['expiry-warning-days']
            ? (0,settings_config/* parseNonNegativeInt */.Lz)('expiry-warning-days', v['expiry-warning-days'])
            : settings_config/* DEFAULTS */.zY.expiryWarningDays,
        platforms: platforms.length ? platforms : settings_config/* DEFAULTS */.zY.platforms,
        platformsExplicit: platforms.length > 0,
        clusterReads: !v['no-cluster-reads'],
        offline: !!v.offline,
        azureEnvironment: (0,settings_config/* parseAzureEnvironment */.ak)(v['azure-environment'] ?? ''),
        timeoutMs: v.timeout ? (0,settings_config/* parsePositiveSeconds */.It)('timeout', v.timeout) : settings_config/* DEFAULTS */.zY.timeoutSeconds * 1000,
        ...(v['client-id'] ? { clientId: v['client-id'] } : {}),
        ...(v['tenant-id'] ? { tenantId: v['tenant-id'] } : {}),
        maxFileBytes: settings_config/* DEFAULTS */.zY.maxFileBytes,
    };
    return { kind: 'run', config };
}

;// CONCATENATED MODULE: ./src/report/evidence.ts
// What of a finding's `evidence` may be shown to people. Evidence is collected for the checks and can hold
// credential material (a decoded pull secret, a token), so renderers never print it verbatim: only keys on this
// allow list (nested records too), and never a value whose key or shape looks like a secret.
/** Evidence keys renderers may show. Checks that want a detail displayed use one of these. */
const SAFE_EVIDENCE_KEYS = [
    'actual',
    'appId',
    'assignment',
    'assignments',
    'availablePlatforms',
    'blocksAllPaths',
    'clusterId',
    'clusterTenantId',
    'conditions',
    'connection',
    'controlPlaneAssignments',
    'daysLeft',
    'defaultAction',
    'digest',
    'displayName',
    'dnsServers',
    'effect',
    'egressIps',
    'endDateTime',
    'expected',
    'expires',
    'httpStatus',
    'identity',
    'ipRules',
    'keyId',
    'nearestTags',
    'nodeVnet',
    'objectId',
    'offered',
    'outboundType',
    'path',
    'pathsTried',
    'permission',
    'principalId',
    'principalObjectId',
    'privateEndpoint',
    'publicNetworkAccess',
    'quarantineState',
    'reach',
    'readEnabled',
    'reason',
    'reasons',
    'record',
    'registryId',
    'registryTenantId',
    'repository',
    'required',
    'requiredPlatforms',
    'role',
    'roleAssignmentMode',
    'scope',
    'secretName',
    'state',
    'status',
    'tagReadEnabled',
    'tokenName',
    'usedBy',
    'username',
    'vnet',
    'what',
    'zone',
    'zones',
];
const SAFE = new Set(SAFE_EVIDENCE_KEYS);
// Belt and braces: even an allowed key is dropped when its name says secret (a future 'tokenPassword' must not
// slip through because someone added it to the list above).
const SECRET_KEY = /pass(word)?|secret|token|credential|auth|dockerconfig|dockercfg|key|hint|bearer|cookie/i;
const MAX_VALUE_CHARS = 300;
const MAX_DEPTH = 3;
/** A JWT, or a long opaque word of mixed case and digits without a slash (passwords, keys), is never shown. */
function looksSecret(value) {
    if (/eyJ[\w-]{8,}\.[\w-]{8,}/.test(value))
        return true;
    return value
        .split(/[\s,;]+/)
        .some((w) => w.length >= 32 && /^[A-Za-z0-9+=_~.-]+$/.test(w) && /[a-z]/.test(w) && /[A-Z]/.test(w) && /\d/.test(w));
}
function safeScalar(v) {
    if (v === null || typeof v === 'number' || typeof v === 'boolean')
        return v;
    if (typeof v !== 'string' || looksSecret(v))
        return undefined;
    return v.length > MAX_VALUE_CHARS ? `${v.slice(0, MAX_VALUE_CHARS)}…` : v;
}
function keyAllowed(key) {
    // Names and ids of secrets (secretName, tokenName, keyId) are not secret themselves.
    return SAFE.has(key) && !(SECRET_KEY.test(key) && !/(Name|Id)$/.test(key));
}
function safeValue(v, depth) {
    if (Array.isArray(v)) {
        if (depth >= MAX_DEPTH)
            return undefined;
        const items = v.map((i) => safeValue(i, depth + 1)).filter((i) => i !== undefined);
        return items.length > 0 ? items : undefined;
    }
    if (typeof v === 'object' && v !== null) {
        if (depth >= MAX_DEPTH)
            return undefined;
        const out = {};
        for (const key of Object.keys(v).sort()) {
            if (!keyAllowed(key))
                continue;
            const s = safeValue(v[key], depth + 1);
            if (s !== undefined)
                out[key] = s;
        }
        return Object.keys(out).length > 0 ? out : undefined;
    }
    return safeScalar(v);
}
/**
 * The displayable part of an evidence object, keys sorted, nested objects kept to the same allow list (a few
 * levels deep); undefined when nothing is displayable.
 */
function safeEvidence(evidence) {
    if (!evidence)
        return undefined;
    const v = safeValue(evidence, 0);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
const isScalar = (v) => v === null || typeof v !== 'object';
/** One line such as `nearestTags: v1.4.1, v1.4.0; requiredPlatforms: linux/arm64`, or '' when nothing is safe. */
function evidenceLine(evidence) {
    const safe = safeEvidence(evidence);
    if (!safe)
        return '';
    // People read one line: plain values and lists of plain values; nested records stay in the JSON/SARIF reports.
    return Object.entries(safe)
        .filter(([, v]) => isScalar(v) || (Array.isArray(v) && v.every(isScalar)))
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
        .join('; ');
}

// EXTERNAL MODULE: ./src/lib/sort.ts
var sort = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/report/json.ts
// The JSON report (`--format json`, the action's `report` output): the contract of DESIGN.md with a fixed key
// order, findings in the deterministic order of sort.ts, and evidence reduced to its safe part, so the same input
// gives byte-identical output and no credential reaches the file.


// Objects already put in contract order: plain() keeps them as they are instead of sorting their keys.
const BUILT = new WeakSet();
/** Known keys in contract order first, then any other keys (added later as optional fields) alphabetically. */
function ordered(obj, order) {
    const src = obj;
    const out = {};
    const rest = Object.keys(src)
        .filter((k) => !order.includes(k))
        .sort();
    for (const k of [...order, ...rest]) {
        const v = src[k];
        if (v !== undefined)
            out[k] = plain(v);
    }
    BUILT.add(out);
    return out;
}
/** Plain JSON value with object keys sorted (for values whose shape the contract does not fix). */
function plain(v) {
    if (v === null || typeof v === 'string' || typeof v === 'boolean')
        return v;
    if (typeof v === 'number')
        return Number.isFinite(v) ? v : null;
    if (Array.isArray(v))
        return v.map(plain);
    if (typeof v === 'object')
        return BUILT.has(v) ? v : ordered(v, []);
    return null;
}
function json_location(l) {
    return ordered(l, ['file', 'line', 'column', 'helmSource']);
}
function findingJson(f) {
    return ordered({ ...f, location: f.location && json_location(f.location), evidence: safeEvidence(f.evidence) }, [
        'rule',
        'severity',
        'message',
        'image',
        'registry',
        'location',
        'remediation',
        'evidence',
    ]);
}
function json_image(i) {
    return ordered({ ...i, locations: i.locations.map((l) => ordered(l, ['file', 'line'])) }, [
        'reference',
        'registry',
        'status',
        'digest',
        'platforms',
        'locations',
    ]);
}
function credential(c) {
    return ordered(c, ['kind', 'name', 'owner', 'registry', 'usedBy', 'expires', 'daysLeft', 'status']);
}
/** The report as an ordered plain object (what renderJson serializes). */
function reportJson(report) {
    const images = [...report.images].sort((a, b) => a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
    return ordered({
        ...report,
        summary: ordered(report.summary, ['images', 'errors', 'warnings', 'notices']),
        images: images.map(json_image),
        findings: (0,sort/* sortFindings */.Tc)(report.findings).map(findingJson),
        credentials: report.credentials?.map(credential),
    }, ['version', 'ready', 'mode', 'cluster', 'summary', 'images', 'findings', 'credentials']);
}
/** Pretty-printed JSON with a trailing newline; byte-identical for the same report. */
function renderJson(report) {
    return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
/** One line of compact JSON for the action's `findings` output. */
function renderFindingsCompact(report) {
    return JSON.stringify(sortFindings(report.findings).map(findingJson));
}

;// CONCATENATED MODULE: ./src/rules/catalogue.ts
// The rule catalogue: every stable rule id with its default severity, a title, and help text that says what the
// rule means, why a pull fails, and how to fix it. SARIF rule descriptors, the job summary's per-image columns and
// the README all come from here, so a rule is described once. Must equal the rule table of DESIGN.md (tested).
const DOCS = {
    troubleshoot: 'https://learn.microsoft.com/troubleshoot/azure/azure-kubernetes/connectivity/cannot-pull-image-from-acr-to-aks-cluster',
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
};
const RULES = [
    {
        id: 'manifest-invalid',
        defaultSeverity: 'error',
        title: 'Manifest file does not parse',
        help: 'The file is not valid YAML/JSON at the reported line, so the rollout would be rejected and no image in it can be checked. Fix the syntax at that line (kubectl apply --dry-run=client -f <file> shows the same error).',
        concern: 'manifest',
    },
    {
        id: 'template-unrendered',
        defaultSeverity: 'error',
        title: 'Image or pull-secret name is an unrendered template',
        help: 'An image or imagePullSecrets name still holds a `{{ ... }}` or `${...}` placeholder. The kubelet would try to pull the literal text and fail with InvalidImageName or an anonymous 401. Render the manifests first (helm template, kustomize build, envsubst) and point the gate at the rendered output.',
        concern: 'exists',
    },
    {
        id: 'image-reference-invalid',
        defaultSeverity: 'error',
        title: 'Image reference is not valid',
        help: 'The image string does not match the distribution reference grammar (uppercase repository, bad tag characters, a digest of the wrong length). The pod fails with InvalidImageName before any pull. Correct the reference: lowercase repository, tag of [A-Za-z0-9_.-] up to 128 characters, digest sha256:<64 hex>.',
        helpUri: DOCS.reference,
        concern: 'exists',
    },
    {
        id: 'image-tag-mutable',
        defaultSeverity: 'warning',
        title: 'Image has no tag or uses latest',
        help: 'Without a tag (implicit latest) or with latest and no digest, what runs depends on when a node pulls, and a rollback redeploys whatever latest is now. Pin a version tag, or better a digest (image@sha256:...).',
        concern: 'exists',
    },
    {
        id: 'image-not-found',
        defaultSeverity: 'error',
        title: 'Tag or digest not found in the registry',
        help: 'The registry answers "manifest unknown" for this tag or digest, so every node fails with ErrImagePull. Push the image (or fix the tag: the finding names the nearest existing tags), e.g. az acr import or docker push, before deploying.',
        helpUri: DOCS.troubleshoot,
        concern: 'exists',
    },
    {
        id: 'repository-not-found',
        defaultSeverity: 'error',
        title: 'Repository not found in the registry',
        help: 'The repository does not exist in the registry (often a typo or a missing path segment). Registries answer 401 or "name unknown", and the pod stays in ImagePullBackOff. Fix the repository name or push the image to it.',
        helpUri: DOCS.troubleshoot,
        concern: 'exists',
    },
    {
        id: 'image-platform-missing',
        defaultSeverity: 'error',
        title: 'No manifest for the node platform',
        help: 'The image (or its index) has no manifest for an os/arch the pod can be scheduled on, e.g. an amd64-only image on an arm64 node pool. The node reports "no match for platform in manifest", or the container crash-loops with "exec format error". Build and push a multi-platform image, or constrain the pod with a nodeSelector on kubernetes.io/arch / kubernetes.io/os.',
        helpUri: DOCS.multiArch,
        concern: 'platforms',
    },
    {
        id: 'image-read-disabled',
        defaultSeverity: 'error',
        title: 'Tag or manifest is locked for reading',
        help: 'The tag or manifest has readEnabled=false in Azure Container Registry, so pulls are denied. Re-enable reading: az acr repository update --name <registry> --image <repo>:<tag> --read-enabled true.',
        helpUri: DOCS.lock,
        concern: 'exists',
    },
    {
        id: 'image-quarantined',
        defaultSeverity: 'error',
        title: 'Image is quarantined',
        help: 'The registry quarantine policy holds the manifest (not yet passed by the scanner), and only quarantine readers can pull it. Wait for or complete the scan and mark the manifest as passed, or disable the quarantine policy if it is not in use.',
        concern: 'exists',
    },
    {
        id: 'registry-unknown',
        defaultSeverity: 'warning',
        title: 'Azure registry not visible to the gate',
        help: 'The host looks like an Azure Container Registry but no registry the gate can see has that login server: a typo, a deleted registry, or one in a subscription the gate cannot read. Check the login server, or grant the gate Reader on the registry so it can verify it.',
        concern: 'exists',
    },
    {
        id: 'image-unverifiable',
        defaultSeverity: 'warning',
        title: 'Image could not be checked',
        help: 'The gate could not verify the image (no credential, network error, permission). The finding says why and which permission would let it check. Unverifiable is not failed: it blocks only with fail-on: warning.',
        concern: 'exists',
    },
    {
        id: 'kubelet-pull-permission-missing',
        defaultSeverity: 'error',
        title: 'Kubelet identity cannot pull from the registry',
        help: 'No role assignment grants Microsoft.ContainerRegistry/registries/pull/read to the cluster kubelet identity at or above the registry, so the token exchange answers 401 Unauthorized. Attach the registry (az aks update --attach-acr <registry resource id>) or assign AcrPull to the kubelet identity on the registry.',
        helpUri: DOCS.attach,
        concern: 'identity',
    },
    {
        id: 'pull-role-on-control-plane-identity',
        defaultSeverity: 'error',
        title: 'Pull role is on the control-plane identity, not the kubelet',
        help: 'The cluster control-plane identity holds the pull role but the kubelet identity, which is the one nodes use to pull, does not. Pulls answer 401. Assign AcrPull to identityProfile.kubeletidentity.objectId (az aks update --attach-acr does this).',
        helpUri: DOCS.attach,
        concern: 'identity',
    },
    {
        id: 'pull-role-not-honored-abac',
        defaultSeverity: 'error',
        title: 'Registry uses ABAC repository permissions; legacy pull roles are not honored',
        help: 'The registry roleAssignmentMode is AbacRepositoryPermissions. In that mode AcrPull, AcrPush, Owner, Contributor and Reader no longer grant data-plane pulls, so the kubelet gets 401 at /oauth2/token. Assign "Container Registry Repository Reader" to the kubelet identity on the registry (optionally with a repository condition).',
        helpUri: DOCS.abac,
        concern: 'identity',
    },
    {
        id: 'pull-role-condition-excludes-repository',
        defaultSeverity: 'error',
        title: 'ABAC condition does not cover the repository',
        help: 'The kubelet identity holds a repository-reader role whose ABAC condition names other repositories, so pulling this one answers 401. Widen the condition to include the repository, or add an assignment for it.',
        helpUri: DOCS.abac,
        concern: 'identity',
    },
    {
        id: 'registry-cross-tenant',
        defaultSeverity: 'error',
        title: 'Registry in another tenant than a managed-identity cluster',
        help: 'The registry lives in a different Entra tenant than the cluster, and a managed identity cannot get tokens for another tenant, so the kubelet cannot pull. Use an imagePullSecret with a credential valid in the registry tenant (scoped ACR token or a multitenant service principal), or move the image to a registry in the cluster tenant.',
        helpUri: DOCS.troubleshoot,
        concern: 'identity',
    },
    {
        id: 'cluster-sp-secret-expired',
        defaultSeverity: 'error',
        title: 'Cluster service principal secret expired',
        help: 'The cluster runs with a service principal whose client secret has expired: every pull (and every Azure call of the cluster) fails with 401 at once. Reset the credential and update the cluster: az ad app credential reset --id <appId> --append, then az aks update-credentials --reset-service-principal.',
        helpUri: DOCS.spCredentials,
        concern: 'identity',
    },
    {
        id: 'cluster-sp-secret-expiring',
        defaultSeverity: 'warning',
        title: 'Cluster service principal secret expires soon',
        help: 'The cluster service principal secret expires within the warning window; when it does, every pull fails with 401 at once. Rotate it before then (az ad app credential reset --id <appId> --append, az aks update-credentials --reset-service-principal), or move the cluster to a managed identity.',
        helpUri: DOCS.spCredentials,
        concern: 'identity',
    },
    {
        id: 'role-assignments-unverifiable',
        defaultSeverity: 'warning',
        title: 'Role assignments could not be read',
        help: 'The gate identity cannot list role assignments on the registry, so it cannot tell whether the kubelet may pull. Grant the gate Reader (Microsoft.Authorization/roleAssignments/read) on the registry or its resource group. Blocks only with fail-on: warning.',
        concern: 'identity',
    },
    {
        id: 'registry-public-access-disabled',
        defaultSeverity: 'error',
        title: 'Registry public access disabled and no private path',
        help: 'publicNetworkAccess is Disabled and no approved private endpoint is usable from the cluster VNet, so nodes get 403 or time out. Create a private endpoint for the registry in (or peered with) the cluster VNet with the privatelink.azurecr.io zone linked, or enable public access with firewall rules.',
        helpUri: DOCS.privateLink,
        concern: 'network',
    },
    {
        id: 'registry-firewall-blocks-cluster',
        defaultSeverity: 'error',
        title: 'Registry firewall does not allow the cluster egress IPs',
        help: 'The registry networkRuleSet has defaultAction Deny and none of the cluster outbound IPs is in ipRules (and there is no private path), so pulls answer 403. Add the egress IPs: az acr network-rule add --name <registry> --ip-address <ip>.',
        helpUri: DOCS.firewall,
        concern: 'network',
    },
    {
        id: 'cluster-egress-unknown',
        defaultSeverity: 'warning',
        title: 'Cluster egress IPs unknown',
        help: 'The cluster uses user-defined routing (a firewall or NVA decides the egress IP), so the gate cannot check the registry allow list. Make sure the firewall public IPs are in the registry ipRules, or use a private endpoint.',
        helpUri: DOCS.firewall,
        concern: 'network',
    },
    {
        id: 'private-endpoint-not-approved',
        defaultSeverity: 'error',
        title: 'Private endpoint connection not approved',
        help: 'The registry private endpoint connection is Pending, Rejected or Disconnected, so traffic through it does not reach the registry. Approve it: az acr private-endpoint-connection approve --registry-name <registry> --name <connection>.',
        helpUri: DOCS.privateLink,
        concern: 'network',
    },
    {
        id: 'private-dns-zone-not-linked',
        defaultSeverity: 'error',
        title: 'privatelink.azurecr.io zone not linked to the cluster VNet',
        help: 'No privatelink.azurecr.io private DNS zone is linked to the cluster VNet, so nodes resolve the registry to its public IP and get 403 (public access off) or time out. Link the zone: az network private-dns link vnet create --zone-name privatelink.azurecr.io --virtual-network <vnet id> ...',
        helpUri: DOCS.privateLink,
        concern: 'network',
    },
    {
        id: 'private-dns-record-missing',
        defaultSeverity: 'error',
        title: 'Private DNS A record missing',
        help: 'The linked privatelink.azurecr.io zone lacks the A record for the registry or one of its data endpoints (per region replica), so those names resolve publicly and pulls fail with 403 or an i/o timeout. Add the record with the private endpoint IP: az network private-dns record-set a add-record ...',
        helpUri: DOCS.privateLink,
        concern: 'network',
    },
    {
        id: 'pull-secret-missing',
        defaultSeverity: 'error',
        title: 'Referenced imagePullSecret does not exist',
        help: 'The pod (or its ServiceAccount) names an imagePullSecret that exists neither in the manifests nor in the cluster. The kubelet pulls anonymously and gets 401. Create the secret in the pod namespace (kubectl create secret docker-registry ...) or fix the name.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'pull-secret-malformed',
        defaultSeverity: 'error',
        title: 'Pull secret is malformed',
        help: 'The secret has the wrong type (not kubernetes.io/dockerconfigjson or dockercfg), bad base64 or JSON, or no auths entry, so the kubelet ignores it and pulls anonymously. Recreate it with kubectl create secret docker-registry.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'pull-secret-no-registry-entry',
        defaultSeverity: 'warning',
        title: 'Pull secrets hold no entry for the registry',
        help: 'None of the pod pull secrets has an auths entry for the image registry host, so they do not help this pull (the kubelet identity may still work). Add an entry for the exact login server, or remove the unused secret reference.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'pull-secret-credential-rejected',
        defaultSeverity: 'error',
        title: 'Pull secret credential rejected by the registry',
        help: 'A live token request with the credential in the pull secret was refused: it is wrong, rotated or expired. Recreate the secret with a current credential.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'sp-secret-expired',
        defaultSeverity: 'error',
        title: 'Pull secret service principal secret expired',
        help: 'The service principal secret in the pull secret (matched by its hint) has expired, so the registry answers 401. Create a new secret (az ad app credential reset --id <appId> --append) and update the pull secret with it.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'sp-secret-expiring',
        defaultSeverity: 'warning',
        title: 'Pull secret service principal secret expires soon',
        help: 'The service principal secret in the pull secret expires within the warning window; pulls start failing with 401 when it does. Rotate it (az ad app credential reset --id <appId> --append) and update the pull secret.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'acr-token-disabled',
        defaultSeverity: 'error',
        title: 'ACR scoped token disabled',
        help: 'The pull secret uses an ACR scoped token whose status is disabled, so the registry answers 401. Enable it: az acr token update --name <token> --registry <registry> --status enabled.',
        helpUri: DOCS.tokens,
        concern: 'pull-secret',
    },
    {
        id: 'acr-token-expired',
        defaultSeverity: 'error',
        title: 'ACR scoped token password expired',
        help: 'The scoped token password in the pull secret has expired, so the registry answers 401. Generate a new one (az acr token credential generate --name <token> --registry <registry> --password1) and update the pull secret.',
        helpUri: DOCS.tokens,
        concern: 'pull-secret',
    },
    {
        id: 'acr-token-expiring',
        defaultSeverity: 'warning',
        title: 'ACR scoped token password expires soon',
        help: 'The scoped token password expires within the warning window. Generate a new password (az acr token credential generate ...) and update the pull secret before it does.',
        helpUri: DOCS.tokens,
        concern: 'pull-secret',
    },
    {
        id: 'acr-token-scope-missing-repository',
        defaultSeverity: 'error',
        title: 'ACR token scope map lacks content/read on the repository',
        help: 'The scoped token scope map does not grant content/read on this repository, so the token exchange answers 401 for it. Add the action: az acr scope-map update --name <scope map> --registry <registry> --add-repository <repo> content/read.',
        helpUri: DOCS.tokens,
        concern: 'pull-secret',
    },
    {
        id: 'admin-user-disabled',
        defaultSeverity: 'error',
        title: 'Pull secret uses the admin user, which is disabled',
        help: 'The pull secret holds the registry admin credentials but the admin user is disabled, so the registry answers 401. Prefer the kubelet identity or a scoped token; or re-enable the admin user (az acr update --name <registry> --admin-enabled true).',
        helpUri: DOCS.admin,
        concern: 'pull-secret',
    },
    {
        id: 'admin-password-rotated',
        defaultSeverity: 'error',
        title: 'Pull secret admin password is no longer current',
        help: 'The admin password in the pull secret matches neither current admin password (it was regenerated), so the registry answers 401. Update the secret with a current password, or better replace it with a scoped token or the kubelet identity.',
        helpUri: DOCS.admin,
        concern: 'pull-secret',
    },
    {
        id: 'admin-user-in-use',
        defaultSeverity: 'notice',
        title: 'Pull secret uses the registry admin user',
        help: 'The admin user is a shared, all-powerful credential whose rotation breaks every consumer at once. Prefer the kubelet identity (az aks update --attach-acr) or a scoped pull-only token.',
        helpUri: DOCS.admin,
        concern: 'pull-secret',
    },
    {
        id: 'refresh-token-in-pull-secret',
        defaultSeverity: 'error',
        severities: ['error', 'warning'],
        title: 'Pull secret holds an ACR refresh token',
        help: 'The pull secret password is an ACR refresh token (az acr login --expose-token), which lives about three hours: error when it has expired, warning while it is still valid. Use a scoped token or the kubelet identity instead.',
        helpUri: DOCS.tokens,
        concern: 'pull-secret',
    },
    {
        id: 'pull-secret-unverifiable',
        defaultSeverity: 'warning',
        title: 'Pull secret credential could not be evaluated',
        help: 'The gate could not evaluate the credential in the pull secret (the finding says why: no read access to the secret, the registry was unreachable, ...). Blocks only with fail-on: warning.',
        helpUri: DOCS.pullSecret,
        concern: 'pull-secret',
    },
    {
        id: 'network-unverifiable',
        defaultSeverity: 'warning',
        title: 'Network posture could not be read',
        help: 'The gate could not read part of the network path (egress public IPs, the node VNet, the private endpoint, the private DNS zone); the finding names the read permission to grant (Reader on that resource or resource group). Blocks only with fail-on: warning.',
        helpUri: DOCS.firewall,
        concern: 'network',
    },
    {
        id: 'private-dns-unverifiable',
        defaultSeverity: 'warning',
        title: 'Private DNS resolution cannot be verified',
        help: 'The node VNet uses custom DNS servers (dhcpOptions.dnsServers), so whether the nodes resolve <registry>.azurecr.io to the private endpoint depends on a forwarder the gate cannot see. Make sure the DNS servers forward privatelink.azurecr.io to 168.63.129.16 (or host the zone).',
        helpUri: DOCS.privateLink,
        concern: 'network',
    },
    {
        id: 'manifest-empty',
        defaultSeverity: 'notice',
        title: 'Manifest file is empty',
        help: 'The file holds no YAML documents (or only comments). Nothing to check; make sure the render step wrote what you expected.',
        concern: 'manifest',
    },
    {
        id: 'no-workloads',
        defaultSeverity: 'notice',
        title: 'No workloads in the manifest file',
        help: 'The file holds no pod spec with an image (or is not Kubernetes YAML at all). Nothing to check in it.',
        concern: 'manifest',
    },
];
const BY_ID = new Map(RULES.map((r) => [r.id, r]));
/** The descriptor of a rule id, or undefined for an id the catalogue does not know. */
function ruleById(id) {
    return BY_ID.get(id);
}

// EXTERNAL MODULE: ./src/types/index.ts
var types = __webpack_require__(31569);
;// CONCATENATED MODULE: ./src/report/common.ts
// Small helpers the renderers share: grouping findings by image, per-image concern marks, verdict words.



/** Images (sorted by reference) with the findings that name them, plus the findings that name no known image. */
function groupByImage(report) {
    const images = [...report.images].sort((a, b) => a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
    const byRef = new Map(images.map((i) => [i.reference, { image: i, findings: [] }]));
    const general = [];
    for (const f of (0,sort/* sortFindings */.Tc)(report.findings)) {
        const g = f.image !== undefined ? byRef.get(f.image) : undefined;
        if (g)
            g.findings.push(f);
        else
            general.push(f);
    }
    const worst = (g) => (g.findings.length ? types/* SEVERITY_ORDER */.B[g.findings[0].severity] : 3);
    // Worst first, so the image that blocks the rollout is the first thing a person reads.
    const groups = [...byRef.values()].sort((a, b) => worst(a) - worst(b));
    return { groups, general };
}
const TABLE_CONCERNS = [
    'exists',
    'platforms',
    'identity',
    'network',
    'pull-secret',
];
function concernOf(rule) {
    return ruleById(rule)?.concern;
}
const ACR_HOST = /\.azurecr\.(io|cn|us)$/i;
/** Does a finding speak about this image's concern? */
function applies(f, image, concern) {
    if (f.image !== undefined)
        return f.image === image.reference;
    // Identity and network are properties of the registry or the cluster, not of one pod: a registry's firewall or a
    // cluster's expired service principal hits every image of that registry (cluster-wide: every ACR image). Pull
    // secrets, though, belong to pods, so a finding about one secret marks only the image it names.
    if (concern !== 'identity' && concern !== 'network')
        return false;
    if (f.registry !== undefined)
        return f.registry === image.registry;
    return ACR_HOST.test(image.registry);
}
/** The mark of one concern for one image: the worst finding of that concern that applies to it. */
function concernMark(report, image, concern) {
    let worst;
    const rules = new Set();
    let unverifiable = false;
    for (const f of report.findings) {
        if (concernOf(f.rule) !== concern || !applies(f, image, concern))
            continue;
        rules.add(f.rule);
        if (f.rule.endsWith('-unverifiable') || f.rule === 'cluster-egress-unknown')
            unverifiable = true;
        else if (worst === undefined || types/* SEVERITY_ORDER */.B[f.severity] < types/* SEVERITY_ORDER */.B[worst])
            worst = f.severity;
    }
    const sorted = [...rules].sort();
    if (worst === 'error' || worst === 'warning')
        return { state: worst, rules: sorted };
    if (unverifiable)
        return { state: 'unverifiable', rules: sorted };
    if (worst === 'notice')
        return { state: 'notice', rules: sorted };
    return { state: quietState(image, concern), rules: [] };
}
/** With no finding, a concern passes only when the gate actually looked at it for this image. */
function quietState(image, concern) {
    const { status } = image;
    if (status === 'unchecked' || status === 'invalid')
        return 'unchecked';
    if (concern === 'exists')
        return status === 'unverifiable' ? 'unverifiable' : 'pass';
    if (concern === 'platforms') {
        if (image.platforms?.length)
            return 'pass';
        return status === 'ok' || status === 'platform-missing' ? 'pass' : 'unchecked';
    }
    // The gate checks identity and network paths for Azure registries only.
    if ((concern === 'identity' || concern === 'network') && !ACR_HOST.test(image.registry))
        return 'unchecked';
    return 'pass';
}
function verdictWords(report) {
    const { errors, warnings, notices, images } = report.summary;
    const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${notices} notice${notices === 1 ? '' : 's'}`;
    const what = `${images} image${images === 1 ? '' : 's'}`;
    if (report.mode === 'audit') {
        const list = report.credentials ?? [];
        const creds = `${list.length} credential${list.length === 1 ? '' : 's'}`;
        const states = ['expired', 'disabled', 'expiring']
            .map((st) => [st, list.filter((c) => c.status === st).length])
            .filter(([, k]) => k > 0)
            .map(([st, k]) => `${k} ${st}`);
        const detail = states.length ? states.join(', ') : 'none expired, disabled or expiring';
        return report.ready
            ? `Audit passed: ${creds}, ${detail} (${counts})`
            : `Audit needs attention: ${creds}, ${detail} (${counts})`;
    }
    if (!report.ready)
        return `Not ready: ${counts} across ${what}`;
    // "Every image can be pulled" only when every image was actually checked: offline runs and unverifiable registries
    // are ready by the verdict rules, but the reader must not take them for a proof.
    const unchecked = report.images.filter((i) => i.status === 'unchecked').length;
    const unverifiable = report.images.filter((i) => i.status === 'unverifiable').length;
    const gaps = [
        unchecked ? `${unchecked} not checked against a registry` : '',
        unverifiable ? `${unverifiable} could not be verified` : '',
    ]
        .filter(Boolean)
        .join(', ');
    return gaps
        ? `Ready: nothing blocks the rollout (${what}, ${gaps}; ${counts})`
        : `Ready: every image can be pulled (${what}; ${counts})`;
}
function locationText(f) {
    if (!f.location)
        return '';
    const { file, line, column } = f.location;
    return `${file}:${line}${column ? `:${column}` : ''}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
// The job summary (GITHUB_STEP_SUMMARY) and the Markdown building blocks the PR comment reuses: a verdict line,
// one table row per image with a mark per concern, every finding with its remediation in a copyable fenced block,
// long sections collapsed in <details>, and a hard size budget (GitHub rejects a step summary over 1 MiB) that
// truncates with a pointer to the JSON report rather than failing the upload.




const SUMMARY_MAX_BYTES = 1_000_000;
/** Findings of one severity shown before the rest are folded into a <details>. */
const OPEN_FINDINGS = 20;
/** Image rows shown before the table is folded into a <details>. */
const OPEN_IMAGE_ROWS = 30;
/** Share of the size budget the image table may take before the findings. */
const TABLE_SHARE = 0.3;
const SEV_ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const MARK_ICON = {
    pass: '✅',
    error: '❌',
    warning: '⚠️',
    notice: 'ℹ️',
    unverifiable: '❔',
    unchecked: '➖',
};
const CONCERN_HEADING = {
    exists: 'exists',
    platforms: 'platforms',
    identity: 'identity',
    network: 'network',
    'pull-secret': 'pull secret',
};
/** Text that goes into Markdown/HTML as-is: no raw HTML, no table breaks, no stray emphasis. */
function escapeMd(s) {
    return s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|#~])/g, '\\$1')
        .replace(/\r?\n/g, ' ');
}
/** An inline code span that survives backticks in the content. */
function code(s) {
    const flat = s.replace(/\r?\n/g, ' ');
    const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${flat}${pad}${fence}`;
}
/** A fenced block that survives backtick runs in the content (copyable remediation commands). */
function fenced(s, lang = 'sh') {
    const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${s.replace(/\r\n/g, '\n').replace(/\n+$/, '')}\n${fence}`;
}
function markCell(m, extra) {
    const rules = m.rules.map(code).join(' ');
    return [MARK_ICON[m.state], rules, extra].filter((x) => x).join(' ');
}
function imageRow(report, image) {
    const cells = TABLE_CONCERNS.map((c) => {
        const m = concernMark(report, image, c);
        const extra = c === 'platforms' && m.state === 'pass' && image.platforms?.length
            ? escapeMd(image.platforms.join(', '))
            : undefined;
        return markCell(m, extra);
    });
    return `| ${code(image.reference)} | ${code(image.registry)} | ${cells.join(' | ')} |`;
}
function imageTableHeader() {
    const heads = TABLE_CONCERNS.map((c) => CONCERN_HEADING[c]);
    return [`| image | registry | ${heads.join(' | ')} |`, `|---|---|${heads.map(() => '---|').join('')}`];
}
const MARK_LEGEND = '✅ passes · ❌ blocks the pull · ⚠️ warning · ❔ could not verify · ℹ️ notice · ➖ not checked';
/** One finding: heading line, message, safe evidence, where, and the remediation in a copyable block. */
function findingBlock(f, opts = {}) {
    const rule = ruleById(f.rule);
    const title = rule ? ` ${escapeMd(rule.title)}` : '';
    const where = f.location
        ? ` at ${code(`${f.location.file}:${f.location.line}${f.location.column ? `:${f.location.column}` : ''}`)}`
        : '';
    const subject = f.image ? ` ${code(f.image)}` : f.registry ? ` ${code(f.registry)}` : '';
    const lines = [`${SEV_ICON[f.severity]} **${code(f.rule)}**${title ? ` —${title}` : ''}${subject}${where}`, ''];
    lines.push(escapeMd(f.message));
    const ev = evidenceLine(f.evidence);
    if (ev)
        lines.push('', `<sub>${escapeMd(ev)}</sub>`);
    if (f.remediation)
        lines.push('', fenced(f.remediation));
    if (opts.helpLinks && rule?.helpUri)
        lines.push('', `<sub>[About ${escapeMd(rule.id)}](${rule.helpUri})</sub>`);
    return `${lines.join('\n')}\n`;
}
/** Accumulates Markdown up to a byte budget; once something does not fit, everything after is dropped. */
class SizedMarkdown {
    limit;
    measure;
    parts = [];
    used = 0;
    truncated = false;
    constructor(limit, measure) {
        this.limit = limit;
        this.measure = measure;
    }
    /** Adds `s` when it fits (leaving room for `reserve`); returns false, and stops, when it does not. */
    push(s, reserve = 0) {
        if (this.truncated)
            return false;
        const n = this.measure(s);
        if (this.used + n + reserve > this.limit) {
            this.truncated = true;
            return false;
        }
        this.parts.push(s);
        this.used += n;
        return true;
    }
    /** Adds `s` whatever the budget (closing tags, the truncation footer: their room was reserved). */
    force(s) {
        this.parts.push(s);
        this.used += this.measure(s);
    }
    get size() {
        return this.used;
    }
    toString() {
        return this.parts.join('');
    }
}
const utf8Bytes = (s) => Buffer.byteLength(s, 'utf8');
// Room kept for closing tags and the truncation footer, so a truncated document is still well formed.
const FOOTER_RESERVE = 2_000;
/**
 * Writes the findings, errors first, each severity under its own heading; beyond `openCount` the rest of a severity
 * (and warnings/notices when there are errors) go in a <details>. Stops when the budget runs out.
 */
function writeFindings(out, findings, openCount, helpLinks) {
    let shown = 0;
    const sorted = (0,sort/* sortFindings */.Tc)(findings);
    const hasErrors = sorted.some((f) => f.severity === 'error');
    for (const sev of ['error', 'warning', 'notice']) {
        const list = sorted.filter((f) => f.severity === sev);
        if (list.length === 0)
            continue;
        const label = `${list.length} ${sev}${list.length === 1 ? '' : 's'}`;
        const collapseAll = sev !== 'error' && (hasErrors || list.length > openCount);
        let open = collapseAll ? 0 : Math.min(list.length, openCount);
        if (!out.push(`\n### ${SEV_ICON[sev]} ${label}\n\n`, FOOTER_RESERVE))
            return { shown };
        for (let i = 0; i < list.length; i++) {
            if (i === open) {
                const rest = list.length - open;
                const summary = open === 0 ? `Show ${label}` : `${rest} more ${sev}${rest === 1 ? '' : 's'}`;
                if (!out.push(`<details><summary>${summary}</summary>\n\n`, FOOTER_RESERVE))
                    return { shown };
                open = -1;
            }
            if (!out.push(`${findingBlock(list[i], { helpLinks })}\n`, FOOTER_RESERVE)) {
                if (open === -1)
                    out.force('</details>\n');
                return { shown };
            }
            shown++;
        }
        if (open === -1 && !out.push('</details>\n'))
            out.force('</details>\n');
    }
    return { shown };
}
function renderSummary(report, opts = {}) {
    const limit = Math.min(opts.maxBytes ?? SUMMARY_MAX_BYTES, SUMMARY_MAX_BYTES);
    const out = new SizedMarkdown(limit, utf8Bytes);
    const title = opts.title ?? 'aks-pull-gate';
    out.force(`## ${report.ready ? '✅' : '❌'} ${escapeMd(title)}: ${escapeMd(verdictWords(report))}\n\n`);
    if (report.cluster)
        out.force(`Cluster: ${code(report.cluster)} · mode: ${report.mode}\n\n`);
    const { groups } = groupByImage(report);
    let rowsShown = 0;
    if (groups.length > 0) {
        const fold = groups.length > OPEN_IMAGE_ROWS;
        out.push('### Images\n\n', FOOTER_RESERVE);
        if (fold)
            out.push(`<details${report.ready ? '' : ' open'}><summary>${groups.length} images</summary>\n\n`, FOOTER_RESERVE);
        out.push(`${imageTableHeader().join('\n')}\n`, FOOTER_RESERVE);
        // The findings with their fix commands matter more than the table: it gets at most a share of the budget.
        const tableBudget = out.size + limit * TABLE_SHARE;
        for (const g of groups) {
            if (out.size > tableBudget || !out.push(`${imageRow(report, g.image)}\n`, FOOTER_RESERVE))
                break;
            rowsShown++;
        }
        if (rowsShown < groups.length) {
            out.push(`| … | ${groups.length - rowsShown} more images in the JSON report | | | | | |\n`, FOOTER_RESERVE);
        }
        out.push(`\n<sub>${MARK_LEGEND}</sub>\n`, FOOTER_RESERVE);
        if (fold)
            out.force('\n</details>\n');
    }
    const { shown } = writeFindings(out, report.findings, OPEN_FINDINGS, true);
    if (report.credentials?.length && !out.truncated) {
        const rows = report.credentials.map((c) => `| ${escapeMd(c.kind)} | ${code(c.name)} | ${escapeMd(c.owner ?? '')} | ${c.registry ? code(c.registry) : ''} | ${escapeMd(c.expires ?? '')} | ${c.daysLeft ?? ''} | ${escapeMd(c.status)} | ${escapeMd(c.usedBy.join(', '))} |`);
        out.push(`\n### Credentials\n\n<details><summary>${report.credentials.length} credentials</summary>\n\n| kind | name | owner | registry | expires | days left | status | used by |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\n</details>\n`, FOOTER_RESERVE);
    }
    const hiddenFindings = report.findings.length - shown;
    const hiddenImages = groups.length - rowsShown;
    if (out.truncated || hiddenFindings > 0 || hiddenImages > 0) {
        const what = [
            hiddenFindings > 0 ? `${hiddenFindings} finding${hiddenFindings === 1 ? '' : 's'}` : '',
            hiddenImages > 0 ? `${hiddenImages} image row${hiddenImages === 1 ? '' : 's'}` : '',
        ]
            .filter((x) => x)
            .join(' and ');
        const where = opts.reportPath ? `the JSON report ${code(opts.reportPath)}` : 'the JSON report (`--format json`)';
        // The same renderer feeds the audit's tracking issue with a smaller budget (an issue body holds 65,536 characters).
        const limitLabel = limit === SUMMARY_MAX_BYTES ? "GitHub's 1 MiB job-summary limit" : `${Math.floor(limit / 1000)} kB`;
        const sarif = opts.sarifPath ? ` and the SARIF file ${code(opts.sarifPath)}` : '';
        out.force(`\n> [!WARNING]\n> Truncated to stay under ${limitLabel}${what ? `: ${what} not shown` : ''}. Everything is in ${where}${sarif}.\n`);
    }
    return out.toString();
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/report/sarif.ts
// SARIF 2.1.0 for GitHub code scanning (`sarif-file` input, `--format sarif`): one rule descriptor per catalogue
// entry with its help and remediation, one result per finding with a relative physical location, and a stable
// fingerprint so re-runs update alerts instead of duplicating them.




const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL = { error: 'error', warning: 'warning', notice: 'note' };
// GitHub ranks code-scanning alerts by `problem.severity` (error / warning / recommendation).
const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', notice: 'recommendation' };
function pascal(id) {
    return id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c) => c.toUpperCase());
}
function descriptor(rule) {
    const md = `${rule.help}${rule.helpUri ? `\n\n[Documentation](${rule.helpUri})` : ''}`;
    const d = {
        id: rule.id,
        name: pascal(rule.id),
        shortDescription: { text: rule.title },
        fullDescription: { text: rule.help },
        help: { text: rule.help, markdown: md },
        defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
        properties: {
            tags: ['aks', 'image-pull', rule.concern],
            precision: 'very-high',
            'problem.severity': PROBLEM_SEVERITY[rule.defaultSeverity],
        },
    };
    if (rule.helpUri)
        d.helpUri = rule.helpUri;
    return d;
}
/** A relative URI reference for a workspace-relative path: forward slashes, each segment percent-encoded. */
function fileUri(file) {
    return file
        .replace(/\\/g, '/')
        .replace(/^\.\//, '')
        .split('/')
        .map((seg) => encodeURIComponent(seg))
        .join('/');
}
function physical(loc) {
    return {
        physicalLocation: {
            artifactLocation: { uri: fileUri(loc.file) },
            region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column ?? 1) },
        },
    };
}
function fingerprint(f) {
    const key = [f.rule, f.image ?? '', f.registry ?? '', f.location?.file ?? '', f.message].join('\u0000');
    return (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 32);
}
function renderSarif(report, opts) {
    const rules = RULES.map(descriptor);
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const findings = (0,sort/* sortFindings */.Tc)(report.findings);
    // A rule id the catalogue does not know still gets a descriptor, so every result has a valid ruleIndex.
    for (const f of findings) {
        if (!index.has(f.rule)) {
            index.set(f.rule, rules.length);
            rules.push({
                id: f.rule,
                name: pascal(f.rule),
                shortDescription: { text: f.rule },
                defaultConfiguration: { level: LEVEL[f.severity] },
            });
        }
    }
    // Cluster- and registry-wide findings have no manifest line; code scanning needs a location, so they point at
    // the first line that uses the image (or the first image of the report) and say so in their properties.
    const imageLocation = new Map(report.images.filter((i) => i.locations.length > 0).map((i) => [i.reference, i.locations[0]]));
    const firstLocation = report.images.find((i) => i.locations.length > 0)?.locations[0];
    const results = findings.map((f) => {
        const text = f.remediation ? `${f.message}\nFix: ${f.remediation}` : f.message;
        const r = {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule) ?? 0,
            level: LEVEL[f.severity],
            message: { text },
            partialFingerprints: { 'aksPullGate/v1': fingerprint(f) },
        };
        const fallback = (f.image !== undefined ? imageLocation.get(f.image) : undefined) ?? firstLocation;
        if (f.location)
            r.locations = [physical(f.location)];
        else if (fallback)
            r.locations = [physical(fallback)];
        const props = {};
        if (f.image)
            props.image = f.image;
        if (f.registry)
            props.registry = f.registry;
        if (f.remediation)
            props.remediation = f.remediation;
        if (!f.location && fallback)
            props.locationIsApproximate = true;
        if (f.location?.helmSource)
            props.helmSource = f.location.helmSource;
        const ev = safeEvidence(f.evidence);
        if (ev)
            props.evidence = ev;
        if (Object.keys(props).length > 0)
            r.properties = props;
        return r;
    });
    const run = {
        tool: {
            driver: {
                name: 'aks-pull-gate',
                version: opts.toolVersion,
                semanticVersion: /^\d+\.\d+\.\d+/.test(opts.toolVersion) ? opts.toolVersion : undefined,
                rules,
            },
        },
        results,
        columnKind: 'unicodeCodePoints',
    };
    if (run.tool.driver.semanticVersion === undefined)
        delete run.tool.driver.semanticVersion;
    if (opts.informationUri)
        run.tool.driver.informationUri = opts.informationUri;
    if (opts.category)
        run.automationDetails = { id: opts.category };
    if (report.cluster)
        run.properties = { cluster: report.cluster, mode: report.mode, ready: report.ready };
    return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

;// CONCATENATED MODULE: ./src/report/text.ts
// CLI text output: readable at a glance, grouped by image, ANSI colours only when the caller asks for them
// (the CLI decides from TTY and NO_COLOR; this module never looks at the environment).


const SGR = { red: '31', yellow: '33', cyan: '36', green: '32', dim: '2', bold: '1' };
const LABEL = { error: 'error', warning: 'warning', notice: 'notice' };
const SEV_COLOR = { error: 'red', warning: 'yellow', notice: 'cyan' };
function renderText(report, opts) {
    const paint = (code, s) => (opts.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
    const lines = [];
    if (report.cluster)
        lines.push(paint('dim', `cluster ${report.cluster} (${report.mode})`), '');
    const finding = (f) => {
        const where = locationText(f);
        lines.push(`  ${paint(SEV_COLOR[f.severity], LABEL[f.severity].padEnd(7))} ${paint('bold', f.rule)}${where ? `  ${paint('dim', where)}` : ''}`);
        for (const l of f.message.split('\n'))
            lines.push(`          ${l}`);
        const ev = evidenceLine(f.evidence);
        if (ev)
            lines.push(`          ${paint('dim', ev)}`);
        if (f.remediation) {
            const [first, ...rest] = f.remediation.split('\n');
            lines.push(`          fix: ${paint('green', first)}`);
            for (const l of rest)
                lines.push(`               ${paint('green', l)}`);
        }
    };
    const { groups, general } = groupByImage(report);
    for (const { image, findings } of groups) {
        const worst = findings[0]?.severity;
        const mark = worst === 'error' ? paint('red', '✗') : worst === 'warning' ? paint('yellow', '!') : paint('green', '✓');
        const where = image.locations.map((l) => `${l.file}:${l.line}`).join(', ');
        const platforms = image.platforms?.length ? `  [${image.platforms.join(', ')}]` : '';
        lines.push(`${mark} ${paint('bold', image.reference)}  ${image.status}${platforms}${where ? `  ${paint('dim', where)}` : ''}`);
        for (const f of findings)
            finding(f);
    }
    if (general.length > 0) {
        if (lines.length > 0)
            lines.push('');
        lines.push(paint('bold', 'Cluster, registries and manifests (not tied to one image)'));
        for (const f of general)
            finding(f);
    }
    if (report.credentials?.length) {
        lines.push('', paint('bold', 'Credentials'));
        for (const c of report.credentials) {
            const days = c.daysLeft !== undefined ? `, ${c.daysLeft} days left` : '';
            const expires = c.expires ? `  expires ${c.expires}${days}` : '';
            const color = c.status === 'ok' ? 'green' : c.status === 'expiring' || c.status === 'unknown' ? 'yellow' : 'red';
            lines.push(`  ${paint(color, c.status.padEnd(8))} ${c.kind} ${c.name}${c.owner ? ` (${c.owner})` : ''}${expires}`);
            if (c.usedBy.length)
                lines.push(`           used by ${c.usedBy.join(', ')}`);
        }
    }
    if (lines.length > 0)
        lines.push('');
    lines.push(paint(report.ready ? 'green' : 'red', verdictWords(report)));
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/render.ts
// Chooses the renderer for an output format. The renderers themselves live in src/report/.




function renderReport(report, format, opts) {
    switch (format) {
        case 'json':
            return renderJson(report);
        case 'sarif':
            return JSON.stringify(renderSarif(report, { toolVersion: opts.version }), null, 2) + '\n';
        case 'markdown':
            return renderSummary(report);
        case 'text':
            return renderText(report, { color: opts.color });
    }
}

;// CONCATENATED MODULE: ./src/version.ts
// The release version, printed by --version and written into SARIF. A test keeps it equal to package.json's.
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/cli-main.ts
// CLI: argv -> Config -> gate -> rendered report -> exit code. A ConfigurationError is one line on stderr and
// exit 2; anything else unexpected is also one line (the stack only with AKS_PULL_GATE_DEBUG=1).





async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
async function main(argv) {
    const debug = process.env.AKS_PULL_GATE_DEBUG === '1';
    try {
        const cmd = parseCli(argv, process.cwd());
        if (cmd.kind === 'help') {
            process.stdout.write(USAGE + '\n');
            return 0;
        }
        if (cmd.kind === 'version') {
            process.stdout.write(VERSION + '\n');
            return 0;
        }
        const { config } = cmd;
        const tty = !!process.stderr.isTTY;
        const logger = {
            debug: (m) => debug && process.stderr.write(`debug: ${m}\n`),
            info: (m) => (debug || tty) && process.stderr.write(`${m}\n`),
            warning: (m) => process.stderr.write(`warning: ${m}\n`),
        };
        // The gate (Azure SDKs, HTTP stack) loads only for a real run: --help, --version and usage errors stay instant.
        const { runGate } = await Promise.all(/* import() */[__webpack_require__.e(481), __webpack_require__.e(738)]).then(__webpack_require__.bind(__webpack_require__, 50738));
        const { report, exitCode } = await runGate(config, {
            logger,
            // The CLI prints nothing a secret could reach; masking is the action's concern.
            maskSecret: () => undefined,
            readStdin,
            env: process.env,
            phase: (name) => tty && process.stderr.write(`… ${name}\n`),
        });
        const color = !!process.stdout.isTTY && !process.env.NO_COLOR && !config.output;
        const out = renderReport(report, config.format, { color, version: VERSION });
        if (config.output)
            await (0,promises_.writeFile)(config.output, out);
        else
            process.stdout.write(out.endsWith('\n') ? out : out + '\n');
        if (config.sarifFile)
            await (0,promises_.writeFile)(config.sarifFile, renderReport(report, 'sarif', { color: false, version: VERSION }));
        return exitCode;
    }
    catch (err) {
        if (err instanceof settings_config/* ConfigurationError */.j1) {
            process.stderr.write(`aks-pull-gate: ${err.message}\n`);
            return 2;
        }
        const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
        process.stderr.write(`aks-pull-gate: unexpected error: ${msg}\n`);
        if (debug && err instanceof Error && err.stack)
            process.stderr.write(err.stack + '\n');
        return 2;
    }
}


/***/ }),

/***/ 9715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tc: () => (/* binding */ sortFindings),
/* harmony export */   eh: () => (/* binding */ summarize)
/* harmony export */ });
/* unused harmony export compareFindings */
/* harmony import */ var _types_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31569);
// Deterministic order of findings (severity, file, line, rule, then message) and the summary counts.
// Every renderer sorts through here so the same input gives the same output, byte for byte.

function cmp(a, b) {
    // Findings without a location (cluster- or registry-wide) come after those with one of the same severity.
    if (a === b)
        return 0;
    if (a === undefined)
        return 1;
    if (b === undefined)
        return -1;
    if (typeof a === 'number' && typeof b === 'number')
        return a - b;
    // Code-unit order, not localeCompare: the result must not depend on the machine's locale.
    return String(a) < String(b) ? -1 : 1;
}
function compareFindings(a, b) {
    return (_types_index_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_ORDER */ .B[a.severity] - _types_index_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITY_ORDER */ .B[b.severity] ||
        cmp(a.location?.file, b.location?.file) ||
        cmp(a.location?.line, b.location?.line) ||
        cmp(a.location?.column, b.location?.column) ||
        cmp(a.rule, b.rule) ||
        cmp(a.message, b.message) ||
        cmp(a.image, b.image) ||
        cmp(a.registry, b.registry));
}
/** A sorted copy; the input is not modified. */
function sortFindings(findings) {
    return [...findings].sort(compareFindings);
}
function summarize(findings, images = 0) {
    const s = { images, errors: 0, warnings: 0, notices: 0 };
    for (const f of findings) {
        if (f.severity === 'error')
            s.errors++;
        else if (f.severity === 'warning')
            s.warnings++;
        else
            s.notices++;
    }
    return s;
}


/***/ }),

/***/ 69551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   It: () => (/* binding */ parsePositiveSeconds),
/* harmony export */   Lz: () => (/* binding */ parseNonNegativeInt),
/* harmony export */   XV: () => (/* binding */ parseFailOn),
/* harmony export */   Xc: () => (/* binding */ parseFormat),
/* harmony export */   ak: () => (/* binding */ parseAzureEnvironment),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   mP: () => (/* binding */ resolveClusterId),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony exports parseMode, parseList */
// Typed configuration shared by the action and the CLI, and the parsers that build it from raw strings.
// A user's mistake is a ConfigurationError: one clear line naming the accepted values, exit code 2, no stack.
class ConfigurationError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ConfigurationError';
    }
}
const DEFAULTS = {
    namespace: 'default',
    failOn: 'error',
    expiryWarningDays: 30,
    timeoutSeconds: 120,
    maxFileBytes: 20 * 1024 * 1024,
    platforms: [{ os: 'linux', architecture: 'amd64' }],
};
function parseFailOn(value) {
    const v = value.trim().toLowerCase();
    if (v === 'error' || v === 'warning' || v === 'never')
        return v;
    throw new ConfigurationError(`fail-on must be one of error, warning, never (got "${value}")`);
}
function parseFormat(value) {
    const v = value.trim().toLowerCase();
    if (v === 'text' || v === 'json' || v === 'sarif' || v === 'markdown')
        return v;
    throw new ConfigurationError(`format must be one of text, json, sarif, markdown (got "${value}")`);
}
function parseMode(value) {
    const v = value.trim().toLowerCase();
    if (v === 'check' || v === 'audit')
        return v;
    throw new ConfigurationError(`mode must be one of check, audit (got "${value}")`);
}
function parseAzureEnvironment(value) {
    const v = value.trim().toLowerCase();
    if (v === '' || v === 'azurecloud' || v === 'azurepubliccloud' || v === 'public')
        return 'AzureCloud';
    if (v === 'azureusgovernment' || v === 'azureusgovernmentcloud' || v === 'usgovernment')
        return 'AzureUSGovernment';
    if (v === 'azurechinacloud' || v === 'china')
        return 'AzureChinaCloud';
    throw new ConfigurationError(`azure-environment must be one of AzureCloud, AzureUSGovernment, AzureChinaCloud (got "${value}")`);
}
function parseNonNegativeInt(name, value) {
    const v = value.trim();
    if (!/^\d+$/.test(v))
        throw new ConfigurationError(`${name} must be a whole number of 0 or more (got "${value}")`);
    return Number(v);
}
function parsePositiveSeconds(name, value) {
    const v = value.trim().replace(/s$/, '');
    if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0) {
        throw new ConfigurationError(`${name} must be a number of seconds greater than 0, e.g. 120 (got "${value}")`);
    }
    return Math.round(Number(v) * 1000);
}
const OS_VALUES = new Set(['linux', 'windows']);
const ARCH_VALUES = new Set(['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64']);
/** `linux/amd64`, `linux/arm64/v8`, `windows/amd64:10.0.20348`. */
function parsePlatform(value) {
    const v = value.trim().toLowerCase();
    const m = /^([a-z0-9]+)\/([a-z0-9]+)(?:\/([a-z0-9]+))?(?::([0-9.]+))?$/.exec(v);
    if (!m || !OS_VALUES.has(m[1]) || !ARCH_VALUES.has(m[2])) {
        throw new ConfigurationError(`platform must be os/arch[/variant] with os one of ${[...OS_VALUES].join(', ')} and arch one of ${[...ARCH_VALUES].join(', ')}, e.g. linux/arm64 (got "${value}")`);
    }
    const p = { os: m[1], architecture: m[2] };
    if (m[3])
        p.variant = m[3];
    if (m[4])
        p.osVersion = m[4];
    return p;
}
/** Splits a list input: newlines and commas separate items; blank lines and `#` comments are ignored. */
function parseList(value) {
    if (!value)
        return [];
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
const RESOURCE_GROUP_RE = /^[-\w._()]{1,90}$/;
const CLUSTER_ID_RE = /^\/subscriptions\/([0-9a-f-]{36})\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)$/i;
/** Validates an AKS resource id, or assembles one from name + resource group + subscription. */
function resolveClusterId(opts) {
    if (opts.cluster) {
        const id = opts.cluster.trim().replace(/\/+$/, '');
        if (!CLUSTER_ID_RE.test(id)) {
            throw new ConfigurationError(`cluster must be an AKS resource id like /subscriptions/<guid>/resourceGroups/<rg>/providers/Microsoft.ContainerService/managedClusters/<name> (got "${opts.cluster}")`);
        }
        return id;
    }
    if (opts.clusterName || opts.resourceGroup) {
        if (!opts.clusterName || !opts.resourceGroup) {
            throw new ConfigurationError('cluster-name and resource-group must be given together (or give cluster as a resource id)');
        }
        if (!RESOURCE_GROUP_RE.test(opts.resourceGroup)) {
            throw new ConfigurationError(`resource-group is not a valid resource group name (got "${opts.resourceGroup}")`);
        }
        if (!opts.subscription) {
            throw new ConfigurationError('subscription is required with cluster-name and resource-group (a subscription id)');
        }
        return `/subscriptions/${opts.subscription}/resourceGroups/${opts.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${opts.clusterName}`;
    }
    return undefined;
}


/***/ }),

/***/ 31569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SEVERITY_ORDER)
/* harmony export */ });
// Shared data shapes of the pipeline: inventory -> facts -> checks -> report.
// Everything here is plain data (JSON-serializable) so checks stay pure and reports deterministic.
const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 };


/***/ })

};
