export const id = 732;
export const ids = [732];
export const modules = {

/***/ 75039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ checkImages),
/* harmony export */   Bq: () => (/* binding */ formatPlatform),
/* harmony export */   QD: () => (/* binding */ checkedImages),
/* harmony export */   vG: () => (/* binding */ IMAGE_NOT_FOUND)
/* harmony export */ });
/* unused harmony exports platformsForUse, platformMatches */
/* harmony import */ var _lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7076);
/* harmony import */ var _rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27870);
// Image rules: what the registry said about each image, turned into one finding per image use.
// image-not-found, repository-not-found, image-platform-missing, image-read-disabled, image-quarantined,
// cache-rule-credentials-unhealthy (errors) and image-unverifiable (warning). Pure: no I/O, never throws on odd facts.


const ACR_PULL_ROLES = 'AcrPull or Container Registry Repository Reader';
/** The id of the image-not-found rule, for the callers that add to its findings (checks/workloads.ts). */
const IMAGE_NOT_FOUND = 'image-not-found';
function unique(values) {
    return [...new Set(values)];
}
function lower(values) {
    return values?.map((v) => v.toLowerCase());
}
/**
 * The platforms this pod can be scheduled on: the defaults (the `--platform` list, or the cluster's node pools)
 * narrowed by the pod's own `kubernetes.io/os` / `kubernetes.io/arch` constraints. When the constraints exclude every
 * default (a pod pinned to arm64, defaults linux/amd64), the pod's constraint wins, as the scheduler would place it
 * only on such nodes.
 */
function platformsForUse(use, defaults) {
    const os = lower(use.constraints?.os);
    const arch = lower(use.constraints?.arch);
    if (!os && !arch)
        return defaults;
    const kept = defaults.filter((p) => (!os || os.includes(p.os.toLowerCase())) && (!arch || arch.includes(p.architecture.toLowerCase())));
    if (kept.length > 0)
        return kept;
    const oses = os ?? unique(defaults.map((p) => p.os.toLowerCase()));
    const arches = arch ?? unique(defaults.map((p) => p.architecture.toLowerCase()));
    const out = [];
    for (const o of oses.length > 0 ? oses : ['linux']) {
        for (const a of arches.length > 0 ? arches : ['amd64'])
            out.push({ os: o, architecture: a });
    }
    return out;
}
/** `10.0.20348.2113` -> `10.0.20348`: Windows containers need the same build, not the same revision. */
function windowsBuild(osVersion) {
    return osVersion.split('.').slice(0, 3).join('.');
}
function normalizedVariant(arch, variant) {
    // arm64 images are v8 whether or not they say so; the kubelet treats the two as equal.
    if (arch === 'arm64' && variant === 'v8')
        return undefined;
    return variant;
}
/** Would a node of `required` pull this image entry? */
function platformMatches(required, offered) {
    const ra = required.architecture.toLowerCase();
    if (required.os.toLowerCase() !== offered.os.toLowerCase())
        return false;
    if (ra !== offered.architecture.toLowerCase())
        return false;
    const rv = normalizedVariant(ra, required.variant);
    const ov = normalizedVariant(ra, offered.variant);
    if (rv !== undefined && ov !== undefined && rv !== ov)
        return false;
    if (required.os.toLowerCase() === 'windows' && required.osVersion && offered.osVersion) {
        return windowsBuild(required.osVersion) === windowsBuild(offered.osVersion);
    }
    return true;
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}${p.osVersion ? `:${p.osVersion}` : ''}`;
}
/** `repo:tag`, or `repo@digest` when pinned by digest (what the kubelet pulls). */
function imageSpec(ref) {
    return ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag ?? 'latest'}`;
}
function written(ref) {
    return `${ref.registry}/${imageSpec(ref)}`;
}
function finding(c, rule, severity, message, extra = {}) {
    const f = {
        rule,
        severity,
        message,
        image: c.ref.normalized,
        registry: c.ref.registry,
        location: c.use.location,
        ...extra,
    };
    return f;
}
function notFound(c) {
    const { ref, result } = c;
    const nearest = result.nearestTags ?? [];
    const where = `${c.use.location.file}:${c.use.location.line}`;
    const what = ref.digest ? `digest ${ref.digest}` : `tag ${ref.tag ?? 'latest'}`;
    const have = result.repositoryTags ?? [];
    const hint = !ref.digest && result.tagListed === true
        ? `; the tag is listed but ${result.digest ? `its manifest ${result.digest}` : 'its manifest'} is gone (deleted under the tag); tags the repository has: ${have.join(', ')}`
        : nearest.length > 0
            ? `; nearest existing tags: ${nearest.join(', ')}`
            : have.length > 0
                ? `; tags the repository has: ${have.join(', ')}`
                : '; the repository has no tags';
    const remediation = ref.digest
        ? `pin a digest that exists (docker buildx imagetools inspect ${ref.registry}/${ref.repository}:<tag>) in ${where}, or push the image: docker push ${ref.registry}/${ref.repository}@${ref.digest}`
        : nearest[0] !== undefined
            ? `change the tag to ${nearest[0]} in ${where}, or push it: docker push ${written(ref)}`
            : `docker push ${written(ref)}`;
    const evidence = { nearestTags: nearest };
    if (result.tagListed === true)
        evidence.tagListed = true;
    return finding(c, 'image-not-found', 'error', `${written(ref)}: ${what} does not exist in ${ref.registry}${hint}`, {
        remediation,
        evidence,
    });
}
function repositoryNotFound(c) {
    const { ref } = c;
    const remediation = (0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .isAcrHost */ .n0)(ref.registry)
        ? `docker push ${written(ref)} (or import it: ${(0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrImport */ .UX)((0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .acrName */ .ur)(ref.registry), '<source image>', imageSpec(ref))})`
        : `docker push ${written(ref)}`;
    return finding(c, 'repository-not-found', 'error', `${written(ref)}: repository ${ref.repository} does not exist in ${ref.registry} (typo in the repository name, or never pushed)`, { remediation });
}
/**
 * The registry's firewall refused the gate itself (not the cluster): nothing about the image is known, and the fix is
 * the gate's network position, never a role. Warning; the image is unverified.
 */
function firewallBlocksGate(c) {
    const { ref, result } = c;
    const ip = result.clientIp ?? "the runner's IP";
    const name = (0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .acrName */ .ur)(ref.registry);
    const message = `${written(ref)} could not be checked: ${ref.registry}'s firewall refused the gate's request from IP ${ip} (403 DENIED); the gate's runner is outside the registry's network rules`;
    const remediation = [
        `Run the job on a self-hosted runner inside ${name}'s network (an allowed subnet or a VNet with its private endpoint), or`,
        `allow the runner for the job only: ${(0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrNetworkRuleAdd */ .UY)(name, ip)} (before the gate) and ${(0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrNetworkRuleRemove */ .TC)(name, ip)} (after)`,
    ].join('\n');
    return finding(c, 'registry-firewall-blocks-gate', 'warning', message, {
        remediation,
        evidence: { status: 403, code: 'DENIED', failure: 'firewall', clientIp: ip },
    });
}
function unverifiable(c) {
    const { ref, result } = c;
    if (result.failure === 'firewall')
        return firewallBlocksGate(c);
    const why = result.reason ?? `registry answered ${result.status}`;
    let message = `${written(ref)} could not be checked: ${why}`;
    const evidence = { status: result.status };
    if (result.failure)
        evidence.failure = result.failure;
    const acr = result.acr ?? (0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .isAcrHost */ .n0)(ref.registry);
    if (acr && (result.status === 'unauthorized' || result.status === 'denied')) {
        message += `; the gate's identity needs ${ACR_PULL_ROLES} on ${(0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .acrName */ .ur)(ref.registry)} to check it`;
        evidence.missingRole = ACR_PULL_ROLES;
    }
    else if (result.status === 'unauthorized') {
        message += '; give the gate a pull credential for this registry to check it';
    }
    return finding(c, 'image-unverifiable', 'warning', message, { evidence });
}
function attributeFindings(c) {
    const { ref, result } = c;
    const a = result.attributes;
    if (!a)
        return [];
    const out = [];
    const name = (0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .acrName */ .ur)(ref.registry);
    const digestSpec = result.digest ? `${ref.repository}@${result.digest}` : imageSpec(ref);
    if (a.repositoryReadEnabled === false) {
        out.push(finding(c, 'image-read-disabled', 'error', `${written(ref)}: repository ${ref.repository} is locked for reads (readEnabled: false on the repository); every pull from it fails`, {
            remediation: (0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrReadEnable */ .WR)(name, { repository: ref.repository }),
            evidence: { repositoryReadEnabled: false },
        }));
    }
    if (a.tagReadEnabled === false && !ref.digest) {
        out.push(finding(c, 'image-read-disabled', 'error', `${written(ref)}: the tag is locked for reads (readEnabled: false); pulls fail`, {
            remediation: (0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrReadEnable */ .WR)(name, { image: imageSpec(ref) }),
            evidence: { tagReadEnabled: false },
        }));
    }
    if (a.readEnabled === false) {
        out.push(finding(c, 'image-read-disabled', 'error', `${written(ref)}: the manifest ${result.digest ?? ''} is locked for reads (readEnabled: false); pulls fail`, {
            remediation: (0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrReadEnable */ .WR)(name, { image: digestSpec }),
            evidence: { readEnabled: false, digest: result.digest },
        }));
    }
    const q = a.quarantineState;
    // A quarantine state only blocks pulls while the registry's quarantine policy is on; the registry then refuses the
    // manifest. When it served the manifest to us, the state is a leftover and the pull works.
    if (q !== undefined && q.toLowerCase() !== 'passed' && result.status !== 'ok') {
        out.push(finding(c, 'image-quarantined', 'error', `${written(ref)}: the manifest is quarantined (quarantineState: ${q}); the registry refuses pulls until a scan passes it`, {
            remediation: `after the scan passes, release it: az rest --method patch --resource https://containerregistry.azure.net ` +
                `--url https://${ref.registry}/acr/v1/${ref.repository}/_manifests/${result.digest ?? '<digest>'} ` +
                `--body '{"quarantineState":"Passed"}'`,
            evidence: { quarantineState: q, digest: result.digest },
        }));
    }
    return out;
}
/**
 * An image behind an artifact-cache rule. An Unhealthy credential set is the cause when the tag is not cached yet
 * (error) and a warning once it is. A repository ACR has not filled is not "missing": the upstream's answer decides.
 */
function cacheFindings(c, cache) {
    const { ref, result } = c;
    const name = (0,_lib_acr_host_js__WEBPACK_IMPORTED_MODULE_0__/* .acrName */ .ur)(ref.registry);
    const cached = result.status === 'ok';
    const out = [];
    if (cache.unhealthy?.length) {
        const why = cache.unhealthy
            .map((u) => [u.name, u.errorCode, u.errorMessage].filter(Boolean).join(': '))
            .filter(Boolean)
            .join('; ');
        const set = cache.credentialSet ?? '<credential-set>';
        out.push(finding(c, 'cache-rule-credentials-unhealthy', cached ? 'warning' : 'error', cached
            ? `${written(ref)} is cached, but cache rule ${cache.rule} signs in to its upstream (${cache.upstream}) with credential set ${set}, which is Unhealthy${why ? ` (${why})` : ''}: tags not cached yet will not pull`
            : `${written(ref)} is served through cache rule ${cache.rule} from ${cache.upstream}, and its credential set ${set} is Unhealthy${why ? ` (${why})` : ''}: ACR cannot sign in upstream, so the first pull fails`, {
            remediation: (0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrCredentialSetRepair */ .HL)(name, set),
            evidence: { cacheRule: cache.rule, credentialSet: set, unhealthy: cache.unhealthy, upstream: cache.upstream },
        }));
        if (!cached)
            return { findings: out, done: true };
    }
    if (result.status !== 'not-found' && result.status !== 'repository-not-found')
        return { findings: out, done: false };
    const evidence = { cacheRule: cache.rule, upstream: cache.upstream };
    switch (cache.upstreamStatus) {
        case 'ok':
            // ACR answered not found, the upstream has it: the kubelet's first pull fills the cache.
            return { findings: out, done: true };
        case 'not-found':
        case 'repository-not-found':
            out.push(finding(c, 'image-not-found', 'error', `${written(ref)}: served through cache rule ${cache.rule}, and ${cache.upstream} does not exist upstream (${cache.upstreamReason ?? 'not found'}); the cache cannot fill it`, {
                remediation: `change the tag in ${c.use.location.file}:${c.use.location.line} to one that exists upstream (docker buildx imagetools inspect ${cache.upstream}), or fix the cache rule: ${(0,_rules_remediation_js__WEBPACK_IMPORTED_MODULE_1__/* .acrCacheRuleShow */ .ce)(name, cache.rule)}`,
                evidence,
            }));
            return { findings: out, done: true };
        default:
            out.push(finding(c, 'image-unverifiable', 'warning', `${written(ref)} is served through cache rule ${cache.rule} and not cached yet; the gate could not ask the upstream ${cache.upstream} anonymously (${cache.upstreamReason ?? cache.upstreamStatus ?? 'not asked'})${cache.credentialSet ? `; the cache signs in with credential set ${cache.credentialSet}` : ''}: whether the first pull fills it is unverified`, { evidence: { ...evidence, status: result.status, upstreamStatus: cache.upstreamStatus } }));
            return { findings: out, done: true };
    }
}
function platformFinding(c) {
    const { ref, result } = c;
    const offered = result.platforms;
    if (!offered)
        return undefined;
    const required = platformsForUse(c.use, c.defaults);
    const missing = required.filter((r) => !offered.some((o) => platformMatches(r, o)));
    if (missing.length === 0)
        return undefined;
    const wanted = unique([...offered, ...missing].filter((p) => p.os !== 'windows').map((p) => `${p.os}/${p.architecture}`));
    const windows = missing.filter((p) => p.os === 'windows');
    const remediation = windows.length > 0 && wanted.length === 0
        ? `rebuild on a Windows ${windows.map((w) => w.osVersion ?? '').join(', ')} base image and push ${written(ref)} ` +
            `(docker buildx build --platform ${unique(windows.map((w) => `${w.os}/${w.architecture}`)).join(',')} -t ${written(ref)} --push .)`
        : `docker buildx build --platform ${wanted.join(',')} -t ${written(ref)} --push .`;
    const offeredText = offered.length > 0 ? offered.map(formatPlatform).join(', ') : 'no runnable platform';
    return finding(c, 'image-platform-missing', 'error', `${written(ref)} has no manifest for ${missing.map(formatPlatform).join(', ')} where this pod can run (image offers ${offeredText})`, {
        remediation,
        evidence: { required: required.map(formatPlatform), offered: offered.map(formatPlatform), digest: result.digest },
    });
}
/** One finding per rule per image use; uses without a parsed reference or without a result are skipped. */
function checkImages(uses, results, defaults) {
    const out = [];
    for (const use of uses) {
        const ref = use.ref;
        if (!ref)
            continue;
        const result = results.get(ref.normalized);
        if (!result)
            continue;
        const c = { use, ref, result, defaults };
        if (result.cache) {
            const handled = cacheFindings(c, result.cache);
            out.push(...handled.findings);
            if (handled.done)
                continue;
        }
        // ACR attributes explain a refused or missing manifest better than "not found" does.
        const attrs = attributeFindings(c);
        if (attrs.length > 0) {
            out.push(...attrs);
            continue;
        }
        switch (result.status) {
            case 'ok': {
                const p = platformFinding(c);
                if (p)
                    out.push(p);
                break;
            }
            case 'not-found':
                out.push(notFound(c));
                break;
            case 'repository-not-found':
                out.push(repositoryNotFound(c));
                break;
            case 'unauthorized':
            case 'denied':
            case 'unverifiable':
                out.push(unverifiable(c));
                break;
            default:
                out.push(unverifiable(c));
        }
    }
    return out;
}
/** What the registries confirmed, by normalized reference: how it was asked, its digest and its platforms. */
function checkedImages(results) {
    const out = new Map();
    for (const [ref, r] of results) {
        if (r.status === 'ok')
            out.set(ref, {
                ...(r.auth ? { auth: r.auth } : {}),
                ...(r.digest ? { digest: r.digest } : {}),
                ...(r.platforms ? { platforms: r.platforms.map(formatPlatform) } : {}),
            });
    }
    return out;
}


/***/ }),

/***/ 54208:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   oC: () => (/* binding */ ArmGetter)
/* harmony export */ });
/* unused harmony exports NETWORK_API_VERSION, flattenProperties */
// Plain ARM GETs (I/O): the Azure core pipeline (the gate's credential as a bearer token, retries on 429/5xx, the
// abort signal, proxy settings) without an SDK client, for resources no installed SDK covers or whose SDK is too
// large for the reads the gate makes: the network reads (@azure/arm-network's bundle chunk was 3.5 MB, and the SDK
// clients it builds, for eight reads) and the user-assigned identities of identity bindings (identity-bindings.ts).
// Network reads use the api-version @azure/arm-network 39 sent (2026-01-01), so the bodies are what the SDK read; list
// reads follow `nextLink` as the SDK's pager did.
//
// The SDK handed back its models with every `properties` bag flattened into its resource (`vnet.subnets`, not
// `vnet.properties.subnets`), nested resources alike (peerings, zone configs): `flattenProperties` does the same, so the
// shapes below are the SDK's, reduced to the fields the network facts read.
/** The api-version @azure/arm-network 39.0.0 sent for Microsoft.Network reads. */
const NETWORK_API_VERSION = '2026-01-01';
/**
 * Copies a resource body with every `properties` object merged into the object that holds it, recursively (pure):
 * the shape the ARM SDKs' deserializers give. A field of the resource itself (id, name, type, etag) wins over a
 * same-named one inside `properties`.
 */
function flattenProperties(value) {
    if (Array.isArray(value))
        return value.map(flattenProperties);
    if (!value || typeof value !== 'object')
        return value;
    const src = value;
    const out = {};
    const props = src.properties;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
        for (const [k, v] of Object.entries(props))
            out[k] = flattenProperties(v);
    }
    for (const [k, v] of Object.entries(src)) {
        if (k === 'properties' && props && typeof props === 'object' && !Array.isArray(props))
            continue;
        out[k] = flattenProperties(v);
    }
    return out;
}
/**
 * GETs ARM resources through one pipeline (bearer token for the cloud's ARM scope). The pipeline module loads with the
 * first request, not with this file (docs/DESIGN.md, "Loading").
 */
class ArmGetter {
    credential;
    scope;
    signal;
    ready;
    base;
    constructor(credential, resourceManager, scope, signal) {
        this.credential = credential;
        this.scope = scope;
        this.signal = signal;
        this.base = new URL(resourceManager.replace(/\/*$/, '/'));
    }
    setup() {
        this.ready ??= Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978)]).then(__webpack_require__.bind(__webpack_require__, 38978)).then((core) => {
            const pipeline = core.createPipelineFromOptions({});
            pipeline.addPolicy(core.bearerTokenAuthenticationPolicy({ credential: this.credential, scopes: this.scope }));
            return { core, pipeline, http: core.createDefaultHttpClient() };
        });
        return this.ready;
    }
    /** One resource (flattened), by its ARM path (`/subscriptions/.../virtualNetworks/v`). Throws RestError on non-2xx. */
    async get(path, apiVersion = NETWORK_API_VERSION) {
        return flattenProperties(await this.send(this.url(path, apiVersion)));
    }
    /** Every item of a list (flattened), following `nextLink` on the same ARM host. */
    async list(path, apiVersion = NETWORK_API_VERSION) {
        const out = [];
        let next = this.url(path, apiVersion);
        const seen = new Set();
        while (next) {
            if (seen.has(next))
                throw new Error(`ARM paging loops at ${next}`);
            seen.add(next);
            const page = (await this.send(next));
            for (const item of page?.value ?? [])
                out.push(flattenProperties(item));
            next = page?.nextLink ? this.nextUrl(page.nextLink, apiVersion) : undefined;
        }
        return out;
    }
    url(path, apiVersion) {
        const u = new URL(path.replace(/^\/+/, ''), this.base);
        u.searchParams.set('api-version', apiVersion);
        return u.toString();
    }
    /** A nextLink must stay on the ARM host (the bearer token goes with it); it keeps its api-version, or gets ours. */
    nextUrl(link, apiVersion) {
        const u = new URL(link, this.base);
        if (u.origin !== this.base.origin)
            throw new Error(`ARM nextLink leaves ${this.base.origin}: ${u.origin}`);
        if (!u.searchParams.has('api-version'))
            u.searchParams.set('api-version', apiVersion);
        return u.toString();
    }
    async send(url) {
        const { core, pipeline, http } = await this.setup();
        const { RestError } = core;
        const request = core.createPipelineRequest({ url, method: 'GET', abortSignal: this.signal });
        request.headers.set('accept', 'application/json');
        const res = await pipeline.sendRequest(http, request);
        let body = null;
        try {
            body = res.bodyAsText ? JSON.parse(res.bodyAsText) : null;
        }
        catch {
            if (res.status >= 200 && res.status < 300)
                throw new RestError(`ARM answered ${res.status} with no JSON body`, {
                    statusCode: res.status,
                    request,
                    response: res,
                });
        }
        if (res.status >= 200 && res.status < 300)
            return body;
        const error = body?.error;
        const code = typeof error?.code === 'string' ? error.code : undefined;
        const message = typeof error?.message === 'string' ? error.message : `ARM answered HTTP ${res.status}`;
        throw new RestError(message, { statusCode: res.status, request, response: res, ...(code ? { code } : {}) });
    }
}


/***/ }),

/***/ 42513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rz: () => (/* binding */ armScope),
/* harmony export */   So: () => (/* binding */ cloudEndpoints),
/* harmony export */   vp: () => (/* binding */ isKnownCloud)
/* harmony export */ });
// Endpoints of the Azure clouds the gate signs in to (`azure-environment`): Entra authority, ARM, Microsoft Graph,
// ACR login-server suffixes and the audience for ACR data-plane Entra tokens. The simulated world is not one of
// these: the emulator hands the gate its own AzureEndpoints, treated as a custom cloud.
// ACR accepts Entra tokens for its own audience in every cloud: the Azure CLI (`az acr login` with
// authentication-as-arm disabled) asks for https://containerregistry.azure.net regardless of the active cloud, and
// the ACR service team told the SDKs to default to it "for all clouds" (Azure/azure-sdk-for-net#34785). The ARM
// audience also works where authentication-as-arm is enabled, but not where a registry turned it off.
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
const CLOUDS = {
    AzureCloud: {
        name: 'AzureCloud',
        authorityHost: 'https://login.microsoftonline.com',
        resourceManager: 'https://management.azure.com',
        graph: 'https://graph.microsoft.com',
        acrSuffixes: ['.azurecr.io'],
        acrScope: ACR_SCOPE,
    },
    AzureUSGovernment: {
        name: 'AzureUSGovernment',
        authorityHost: 'https://login.microsoftonline.us',
        resourceManager: 'https://management.usgovcloudapi.net',
        graph: 'https://graph.microsoft.us',
        acrSuffixes: ['.azurecr.us'],
        acrScope: ACR_SCOPE,
    },
    AzureChinaCloud: {
        name: 'AzureChinaCloud',
        authorityHost: 'https://login.chinacloudapi.cn',
        resourceManager: 'https://management.chinacloudapi.cn',
        graph: 'https://microsoftgraph.chinacloudapi.cn',
        acrSuffixes: ['.azurecr.cn'],
        acrScope: ACR_SCOPE,
    },
};
/** Endpoints of a named Azure cloud. Returns a fresh copy, so callers may adjust it without touching the table. */
function cloudEndpoints(name) {
    const cloud = CLOUDS[name];
    return { ...cloud, acrSuffixes: [...cloud.acrSuffixes] };
}
/** True for the three public clouds above; anything else (the emulator, an Azure Stack Hub) is a custom cloud. */
function isKnownCloud(endpoints) {
    const host = hostOf(endpoints.authorityHost);
    return Object.values(CLOUDS).some((c) => hostOf(c.authorityHost) === host);
}
/** The `.default` scope for ARM tokens of this cloud. */
function armScope(endpoints) {
    return `${endpoints.resourceManager.replace(/\/+$/, '')}/.default`;
}
function hostOf(url) {
    try {
        return new URL(url).host.toLowerCase();
    }
    catch {
        return url.toLowerCase();
    }
}


/***/ }),

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q1: () => (/* binding */ kubeApi),
/* harmony export */   V2: () => (/* binding */ failure),
/* harmony export */   W3: () => (/* binding */ KubeApiError)
/* harmony export */ });
/* unused harmony export proxyFor */
/* harmony import */ var _proxy_fetch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20806);
/* harmony import */ var _read_capped_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99169);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34629);
// A small reader of the Kubernetes API for the gate's few calls (get, list with pagination, one POST): the current
// context's server over undici with the kubeconfig's TLS (CA, client certificate, tls-server-name, skip-verify) and
// proxy (the entry's proxy-url wins, else HTTPS_PROXY / NO_PROXY through proxyUrlFor), the user's credentials from
// kubeconfig.ts, each request bounded by a timeout and the run's deadline, each body by a size cap. Every failure is a
// KubeApiError that `failure` turns into one line; a response body is never echoed.



/** Why a call failed: an HTTP status, no answer (`code` from the socket or TLS), or something the gate refused. */
class KubeApiError extends Error {
    kind;
    status;
    code;
    constructor(kind, message, status, code) {
        super(message);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.name = 'KubeApiError';
    }
}
/** One line about a failed call: 404 is absent, 401/403 name the RBAC verb to grant, the rest say what happened. */
function failure(err, verb, where) {
    const e = err instanceof KubeApiError ? err : undefined;
    if (e?.status === 404)
        return { state: 'absent' };
    if (e?.status === 401)
        return {
            state: 'unverifiable',
            reason: 'the Kubernetes API server rejected the kubeconfig credentials (401)',
            permission: verb,
        };
    if (e?.status === 403)
        return {
            state: 'unverifiable',
            reason: `the Kubernetes API server denied ${verb} ${where} (403)`,
            permission: verb,
        };
    // Credentials that could not be had (a failed exec plugin, a legacy auth-provider) say so in their own words.
    if (!e || e.kind === 'refused')
        return { state: 'unverifiable', reason: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
    const what = e.kind === 'status'
        ? `answered ${e.status}`
        : e.kind === 'timeout' || e.kind === 'deadline' || e.kind === 'too-large' || e.kind === 'not-json'
            ? e.message
            : `could not be reached${e.code ? ` (${e.code})` : ''}`;
    return { state: 'unverifiable', reason: `the Kubernetes API server ${what} for ${verb} ${where}` };
}
const MB = 1024 * 1024;
const MAX_PAGES = 2000;
/** The proxy the server is reached through, as kubectl chooses it: the entry's own `proxy-url` wins, else the env. */
function proxyFor(cluster, proxyEnv) {
    return cluster.proxyUrl ?? (proxyEnv ? (0,_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyUrlFor */ .tr)(cluster.server, proxyEnv) : undefined);
}
function fileOrData(file, data, what) {
    // As kubectl: the inline data overrides the file.
    if (data)
        return Buffer.from(data, 'base64');
    return file ? (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .readKubeconfigFile */ .s9)(file, what) : undefined;
}
/**
 * The dispatcher for the cluster's TLS (and proxy), built once undici is loaded (by the first request); what cannot be
 * used (a file the kubeconfig names, a proxy scheme) throws here, at once.
 */
function dispatcherFor(cluster, user, proxy) {
    const tls = {};
    // No CA in the kubeconfig: the default store (system CAs and NODE_EXTRA_CA_CERTS) applies.
    const ca = fileOrData(cluster.caFile, cluster.caData, 'certificate-authority');
    if (ca)
        tls.ca = ca;
    const cert = fileOrData(user?.certFile, user?.certData, 'client-certificate');
    if (cert)
        tls.cert = cert;
    const key = fileOrData(user?.keyFile, user?.keyData, 'client-key');
    if (key)
        tls.key = key;
    if (cluster.skipTLSVerify)
        tls.rejectUnauthorized = false;
    if (cluster.tlsServerName)
        tls.servername = cluster.tlsServerName;
    if (!proxy)
        return (u) => new u.Agent({ connect: tls });
    // Only the scheme goes into the message: a proxy URL may carry credentials.
    if (!/^https?:/i.test(proxy))
        throw new Error(`the kubeconfig's proxy-url is a ${proxy.split(':')[0]} proxy; only http and https proxies are supported`);
    return (u) => new u.ProxyAgent({ uri: proxy, requestTls: tls });
}
function errorCode(err) {
    for (let e = err, i = 0; e && i < 4; e = e.cause, i++) {
        const code = e.code;
        if (typeof code === 'string' && code)
            return code;
    }
    return undefined;
}
/**
 * A reader of the kubeconfig's current context. Throws when the context, its cluster, or a file the kubeconfig names
 * cannot be used, or KubeconfigProblem (from credentialsFor) when its exec plugin waits for a person or is missing.
 */
function kubeApi(kc, opts) {
    const { cluster, user } = (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .currentTarget */ .fs)(kc);
    const server = new URL(cluster.server);
    if (server.protocol === 'http:' && !cluster.skipTLSVerify)
        throw new Error('HTTP protocol is not allowed when insecure-skip-tls-verify is not set');
    if (server.protocol !== 'http:' && server.protocol !== 'https:')
        throw new Error(`the kubeconfig's server is not an http(s) URL (${server.protocol})`);
    const auth = (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsFor */ .Og)(user, opts);
    const wire = (0,_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_0__/* .lazyRequest */ .Qr)(dispatcherFor(cluster, user, proxyFor(cluster, opts.proxyEnv)));
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const maxBody = opts.maxBodyBytes ?? 64 * MB;
    const base = cluster.server.replace(/\/+$/, '');
    let count = 0;
    async function call(method, path, query, body) {
        let creds;
        try {
            creds = await auth();
        }
        catch (err) {
            throw new KubeApiError('refused', err instanceof Error ? err.message : String(err));
        }
        const url = new URL(base + path);
        for (const [k, v] of Object.entries(query ?? {}))
            if (v !== undefined)
                url.searchParams.set(k, v);
        if (opts.signal?.aborted)
            throw new KubeApiError('deadline', "did not answer before the run's deadline");
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
        const why = (err) => {
            if (opts.signal?.aborted)
                return new KubeApiError('deadline', "did not answer before the run's deadline");
            if (timeout.aborted)
                return new KubeApiError('timeout', `did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`);
            if (err instanceof KubeApiError)
                return err;
            return new KubeApiError('unreachable', 'could not be reached', undefined, errorCode(err));
        };
        count += 1;
        let res;
        try {
            const { request, dispatcher } = await wire();
            res = await request(url, {
                method,
                dispatcher,
                signal,
                headers: {
                    accept: 'application/json',
                    'user-agent': 'aks-pull-gate',
                    ...creds.headers,
                    ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
                },
                ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
            });
        }
        catch (err) {
            throw why(err);
        }
        try {
            if (res.statusCode < 200 || res.statusCode >= 300) {
                await res.body.dump({ signal, limit: 64 * 1024 }).catch(() => undefined);
                throw new KubeApiError('status', `answered ${res.statusCode}`, res.statusCode);
            }
            const tooLarge = () => new KubeApiError('too-large', `sent a body over ${maxBody < MB ? `${Math.round(maxBody / 1024)} KB` : `${Math.round(maxBody / MB)} MB`}`);
            const declared = Number(res.headers['content-length']);
            if (Number.isFinite(declared) && declared > maxBody) {
                res.body.destroy();
                throw tooLarge();
            }
            const bytes = await (0,_read_capped_js__WEBPACK_IMPORTED_MODULE_2__/* .readCapped */ .E)(res.body, maxBody);
            if (!bytes)
                throw tooLarge();
            try {
                return JSON.parse(bytes.toString('utf8'));
            }
            catch {
                throw new KubeApiError('not-json', 'sent a body that is not JSON');
            }
        }
        catch (err) {
            throw why(err);
        }
    }
    return {
        get: (path, query) => call('GET', path, query),
        post: (path, body) => call('POST', path, undefined, body),
        async list(path, query) {
            const out = [];
            let cont;
            let pages = 0;
            do {
                // A server that never stops sending `continue` is cut off (1,000,000 objects at 500 a page).
                if (++pages > MAX_PAGES)
                    throw new KubeApiError('too-large', `sent more than ${MAX_PAGES} pages`);
                const page = (await call('GET', path, { ...query, limit: '500', continue: cont }));
                if (Array.isArray(page?.items))
                    for (const i of page.items)
                        if (typeof i === 'object' && i !== null)
                            out.push(i);
                cont =
                    typeof page?.metadata?.continue === 'string' && page.metadata.continue ? page.metadata.continue : undefined;
            } while (cont);
            return out;
        },
        requests: () => count,
    };
}


/***/ }),

/***/ 34629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ KubeconfigElsewhereError),
/* harmony export */   Og: () => (/* binding */ credentialsFor),
/* harmony export */   Ve: () => (/* binding */ KubeconfigProblem),
/* harmony export */   fs: () => (/* binding */ currentTarget),
/* harmony export */   iz: () => (/* binding */ loadKubeconfig),
/* harmony export */   s9: () => (/* binding */ readKubeconfigFile),
/* harmony export */   wD: () => (/* binding */ selectClusterContext)
/* harmony export */ });
/* unused harmony exports loadKubeconfigFile, mergeKubeconfigs, currentContextOf, interactiveLoginMode */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38815);
// The kubeconfig as kubectl reads it: a file, or a KUBECONFIG list merged (first definition of a name wins), relative
// file paths resolved against the file that names them, the context tied to the cluster under check, and the current
// user's credentials turned into what a request carries (bearer token, basic auth, client certificate, impersonation).
// Exec credential plugins are run here, once, under the run's deadline; a legacy auth-provider (azure, gcp, oidc:
// removed from kubectl) is refused with the fix instead of being dropped. Only what the gate's reads need.




const text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const list = (v) => (Array.isArray(v) ? v.map((e) => obj(e) ?? {}) : []);
/** Parses one kubeconfig file; relative file paths in it resolve against its directory, as kubectl resolves them. */
function loadKubeconfigFile(file) {
    const doc = obj((0,yaml__WEBPACK_IMPORTED_MODULE_3__/* .parse */ .qg)((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8'))) ?? {};
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(file));
    const abs = (p) => (p ? node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir, p) : undefined);
    const clusters = list(doc.clusters).map((e, i) => {
        const name = text(e.name);
        const c = obj(e.cluster);
        if (!name)
            throw new Error(`clusters[${i}].name is missing`);
        if (!c)
            throw new Error(`clusters[${i}].cluster is missing`);
        const server = text(c.server);
        if (!server)
            throw new Error(`clusters[${i}].cluster.server is missing`);
        const out = {
            name,
            server: server.replace(/\/+$/, ''),
            skipTLSVerify: c['insecure-skip-tls-verify'] === true,
        };
        const caFile = abs(text(c['certificate-authority']));
        if (caFile)
            out.caFile = caFile;
        const caData = text(c['certificate-authority-data']);
        if (caData)
            out.caData = caData;
        const tlsServerName = text(c['tls-server-name']);
        if (tlsServerName)
            out.tlsServerName = tlsServerName;
        const proxyUrl = text(c['proxy-url']);
        if (proxyUrl)
            out.proxyUrl = proxyUrl;
        return out;
    });
    const users = list(doc.users).map((e, i) => {
        const name = text(e.name);
        if (!name)
            throw new Error(`users[${i}].name is missing`);
        const u = obj(e.user) ?? {};
        const out = { name };
        const set = (k, v) => {
            if (v !== undefined)
                out[k] = v;
        };
        set('token', text(u.token));
        set('tokenFile', abs(text(u.tokenFile) ?? text(u['token-file'])));
        set('certFile', abs(text(u['client-certificate'])));
        set('certData', text(u['client-certificate-data']));
        set('keyFile', abs(text(u['client-key'])));
        set('keyData', text(u['client-key-data']));
        set('username', text(u.username));
        set('password', typeof u.password === 'string' ? u.password : undefined);
        set('impersonateUser', text(u.as));
        const groups = Array.isArray(u['as-groups']) ? u['as-groups'].filter((g) => typeof g === 'string') : [];
        if (groups.length > 0)
            out.impersonateGroups = groups;
        const exec = obj(u.exec);
        if (exec && text(exec.command))
            out.exec = execSpec(exec, dir);
        const ap = obj(u['auth-provider']);
        if (ap)
            out.authProvider = {
                ...(text(ap.name) ? { name: text(ap.name) } : {}),
                ...(obj(ap.config) ? { config: obj(ap.config) } : {}),
            };
        return out;
    });
    const contexts = list(doc.contexts).map((e, i) => {
        const name = text(e.name);
        const c = obj(e.context);
        if (!name)
            throw new Error(`contexts[${i}].name is missing`);
        if (!c)
            throw new Error(`contexts[${i}].context is missing`);
        const cluster = text(c.cluster);
        if (!cluster)
            throw new Error(`contexts[${i}].context.cluster is missing`);
        const out = { name, cluster };
        if (text(c.user))
            out.user = text(c.user);
        if (text(c.namespace))
            out.namespace = text(c.namespace);
        return out;
    });
    return { clusters, users, contexts, currentContext: text(doc['current-context']) ?? '' };
}
/** kubectl resolves an exec command against the kubeconfig's directory only when it is a path (has a separator). */
function execSpec(exec, dir) {
    const command = String(exec.command);
    const out = {
        command: command.includes('/') || command.includes((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)) ? node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(dir, command) : command,
    };
    if (Array.isArray(exec.args))
        out.args = exec.args.map(String);
    const env = list(exec.env).filter((e) => typeof e.name === 'string');
    if (env.length > 0)
        out.env = env.map((e) => ({ name: String(e.name), value: String(e.value ?? '') }));
    return out;
}
/**
 * Merges a KUBECONFIG list as kubectl does: the first file to define a cluster, user or context name wins (later
 * ones are ignored, not an error), and current-context comes from the first file that sets one.
 */
function mergeKubeconfigs(paths) {
    const merged = { clusters: [], users: [], contexts: [], currentContext: '' };
    for (const p of paths) {
        const kc = loadKubeconfigFile(p);
        for (const c of kc.clusters)
            if (!merged.clusters.some((x) => x.name === c.name))
                merged.clusters.push(c);
        for (const u of kc.users)
            if (!merged.users.some((x) => x.name === u.name))
                merged.users.push(u);
        for (const c of kc.contexts)
            if (!merged.contexts.some((x) => x.name === c.name))
                merged.contexts.push(c);
        if (!merged.currentContext && kc.currentContext)
            merged.currentContext = kc.currentContext;
    }
    return merged;
}
/** A kubeconfig path as the gate is given it: one file, or a KUBECONFIG list joined with the path delimiter. */
function loadKubeconfig(kubeconfigPath) {
    return mergeKubeconfigs(kubeconfigPath.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter)).filter((p) => p));
}
function currentContextOf(kc) {
    return kc.contexts.find((c) => c.name === kc.currentContext);
}
/** The current context's cluster and user (no user: anonymous). Throws when the context or its cluster is absent. */
function currentTarget(kc) {
    const ctx = currentContextOf(kc);
    if (!ctx)
        throw new Error(kc.currentContext ? `context ${kc.currentContext} is not defined` : 'no current-context');
    const cluster = kc.clusters.find((c) => c.name === ctx.cluster);
    if (!cluster)
        throw new Error(`cluster ${ctx.cluster} of context ${ctx.name} is not defined`);
    const user = ctx.user ? kc.users.find((u) => u.name === ctx.user) : undefined;
    return user ? { cluster, user } : { cluster };
}
/** The kubeconfig points at another cluster than the one under check: live reads are off, and this says why. */
class KubeconfigElsewhereError extends Error {
}
/** `https://Prod-AKS-dns-1a2b.hcp.westeurope.azmk8s.io:443/` -> `prod-aks-dns-1a2b.hcp.westeurope.azmk8s.io`. */
function serverHost(server) {
    if (!server)
        return '';
    try {
        return new URL(server).hostname.toLowerCase();
    }
    catch {
        return server.toLowerCase();
    }
}
/**
 * Ties the kubeconfig to the cluster under check: with the cluster's API server hosts known (fqdn, privateFQDN),
 * keeps current-context when it points there, else switches to a context that does, else refuses (the reads would
 * go to another cluster: aks-set-context for staging while the gate checks prod).
 */
function selectClusterContext(kc, servers) {
    const wanted = new Set(servers.map((s) => serverHost(s)).filter((h) => h));
    if (wanted.size === 0)
        return kc.currentContext;
    const hostOf = (ctxName) => {
        const ctx = kc.contexts.find((c) => c.name === ctxName);
        return serverHost(kc.clusters.find((c) => c.name === ctx?.cluster)?.server);
    };
    if (wanted.has(hostOf(kc.currentContext)))
        return kc.currentContext;
    const match = kc.contexts.find((c) => wanted.has(hostOf(c.name)));
    if (match) {
        kc.currentContext = match.name;
        return match.name;
    }
    const current = hostOf(kc.currentContext) || 'no server';
    throw new KubeconfigElsewhereError(`the kubeconfig points at ${current} (context ${kc.currentContext || 'none'}), not at the cluster under check (${[...wanted].join(', ')}): live cluster reads are off; run azure/aks-set-context for this cluster before the gate`);
}
/** The kubeconfig cannot be used as it stands: its credential plugin waits for a person, or is not installed. */
class KubeconfigProblem extends Error {
    kind;
    command;
    mode;
    constructor(kind, message, command, mode) {
        super(message);
        this.kind = kind;
        this.command = command;
        this.mode = mode;
        this.name = 'KubeconfigProblem';
    }
}
/**
 * The login mode a kubelogin-style plugin will use: `--login devicecode` / `-l interactive`, and kubelogin's own default
 * (devicecode) when `get-token` names none. Undefined when the plugin does not wait for a person.
 */
function interactiveLoginMode(exec) {
    const args = exec.args ?? [];
    let mode;
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        const m = /^(?:--login|-l)=(.+)$/.exec(a);
        if (m)
            mode = m[1];
        else if ((a === '--login' || a === '-l') && args[i + 1])
            mode = args[i + 1];
    }
    const kubelogin = /(^|[\\/])kubelogin(\.exe)?$/i.test(exec.command);
    if (!mode && kubelogin && args.includes('get-token'))
        mode = 'devicecode';
    return mode && /^(devicecode|interactive)$/i.test(mode) ? mode.toLowerCase() : undefined;
}
function onPath(command, env) {
    if (command.includes('/') || command.includes('\\'))
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(command);
    return (env.PATH ?? '')
        .split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter))
        .some((dir) => dir && ['', '.exe', '.cmd'].some((ext) => (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, command + ext))));
}
/** Runs the exec credential plugin once, killed at the deadline; returns its bearer token. */
function runPlugin(exec, signal) {
    const env = { ...process.env };
    for (const e of exec.env ?? [])
        env[e.name] = e.value;
    return new Promise((resolve, reject) => {
        // Its own process group, so the deadline kills the plugin and whatever it started (a shell's `sleep`, a browser).
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(exec.command, exec.args ?? [], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: process.platform !== 'win32',
        });
        const kill = () => {
            try {
                if (child.pid && process.platform !== 'win32')
                    process.kill(-child.pid, 'SIGKILL');
                else
                    child.kill('SIGKILL');
            }
            catch {
                // already gone
            }
            reject(new Error(`the credential plugin ${exec.command} did not finish before the deadline and was stopped`));
        };
        if (signal?.aborted)
            kill();
        else
            signal?.addEventListener('abort', kill, { once: true });
        child.on('exit', () => signal?.removeEventListener('abort', kill));
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (out += d.slice(0, 1 << 20)));
        child.stderr.setEncoding('utf8').on('data', (d) => (err += d.slice(0, 4096)));
        child.on('error', (e) => reject(new Error(`the credential plugin ${exec.command} could not run (${e.code ?? e.message})`)));
        child.on('close', (code) => {
            if (signal?.aborted)
                return; // kill() has said it
            if (code !== 0)
                return reject(new Error(`the credential plugin ${exec.command} failed (exit ${code})`));
            try {
                const token = JSON.parse(out).status?.token;
                if (!token)
                    return reject(new Error(`the credential plugin ${exec.command} returned no token`));
                resolve(token);
            }
            catch {
                reject(new Error(`the credential plugin ${exec.command} printed no ExecCredential JSON`));
            }
        });
    });
}
/** A file a kubeconfig names (certificate, key, token), or one line saying which could not be read and why. */
function readKubeconfigFile(file, what) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file);
    }
    catch (err) {
        throw new Error(`the kubeconfig's ${what} ${file} could not be read (${err.code ?? 'error'})`, { cause: err });
    }
}
/** The fix for a legacy auth-provider, by its name. */
const PROVIDER_FIX = {
    azure: 'run kubelogin convert-kubeconfig -l azurecli (or -l workloadidentity) to use the exec plugin',
    gcp: 'install gke-gcloud-auth-plugin and run gcloud container clusters get-credentials again',
    oidc: 'use an exec credential plugin (kubectl oidc-login) instead',
};
/**
 * The current user's credentials as a function that yields the request headers: a token (or tokenFile, or an exec
 * plugin's token), else basic auth; impersonation headers on top. Throws KubeconfigProblem when the exec plugin waits
 * for a person in a non-interactive run or is not installed, and when a token file cannot be read; the returned
 * function rejects when the plugin fails or the user has a legacy auth-provider (its message says which and the fix).
 */
function credentialsFor(user, opts) {
    const base = {};
    if (user?.impersonateUser)
        base['Impersonate-User'] = user.impersonateUser;
    if (user?.impersonateGroups?.length)
        base['Impersonate-Group'] = user.impersonateGroups.join(', ');
    const withBearer = (token) => {
        const headers = { ...base };
        if (token)
            headers.Authorization = `Bearer ${token}`;
        else if (user?.username !== undefined || user?.password !== undefined)
            headers.Authorization = `Basic ${Buffer.from(`${user.username ?? ''}:${user.password ?? ''}`).toString('base64')}`;
        return { headers };
    };
    if (!user)
        return () => Promise.resolve(withBearer(undefined));
    const exec = user.exec ?? user.authProvider?.config?.exec;
    if (exec?.command) {
        const mode = interactiveLoginMode(exec);
        if (mode && !opts.interactive)
            throw new KubeconfigProblem('interactive', `the kubeconfig's credential plugin ${exec.command} asks for ${mode} login, which waits for a person`, exec.command, mode);
        if (!onPath(exec.command, opts.env ?? process.env))
            throw new KubeconfigProblem('plugin-missing', `the kubeconfig's exec credential plugin ${exec.command} was not found on PATH`, exec.command);
        // Run once, under the run's deadline, for every request of this reader.
        let p;
        return () => (p ??= runPlugin(exec, opts.signal).then(withBearer));
    }
    if (user.token)
        return () => Promise.resolve(withBearer(user.token));
    const tokenFile = user.tokenFile ?? text(user.authProvider?.config?.tokenFile);
    if (tokenFile) {
        const token = readKubeconfigFile(tokenFile, 'token file').toString('utf8').trim();
        return () => Promise.resolve(withBearer(token));
    }
    if (user.authProvider) {
        const name = user.authProvider.name ?? 'unnamed';
        const refusal = new Error(`the kubeconfig's user ${user.name} signs in with the ${name} auth-provider, which kubectl no longer supports and the gate does not run: ${PROVIDER_FIX[name] ?? 'use an exec credential plugin instead'}`);
        return () => Promise.reject(refusal);
    }
    return () => Promise.resolve(withBearer(undefined));
}


/***/ }),

/***/ 92732:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGate: () => (/* binding */ runGate)
});

// UNUSED EXPORTS: runAudit

// EXTERNAL MODULE: ./src/settings/config.ts
var settings_config = __webpack_require__(69551);
// EXTERNAL MODULE: ./src/inventory/inventory.ts + 6 modules
var inventory_inventory = __webpack_require__(89238);
// EXTERNAL MODULE: ./src/types/index.ts
var types = __webpack_require__(31569);
// EXTERNAL MODULE: ./src/lib/sort.ts
var sort = __webpack_require__(9715);
;// CONCATENATED MODULE: ./src/lib/group-findings.ts
// One finding per (rule, image, cause): a missing tag used by 6,000 pods is one error listing 6,000 places, not 6,000
// errors. Applied once, in the verdict, before any renderer sees the findings, so JSON, SARIF, annotations, the summary
// and the PR comment all count the same thing. The cause is the message (it never names a location); the remediation
// and evidence of the first place are kept.

function cmp(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}
function causeKey(f) {
    return JSON.stringify([f.rule, f.severity, f.image ?? '', f.registry ?? '', f.message, f.suppressed?.by ?? '']);
}
function locKey(l) {
    return `${l.file}\u0000${l.line}\u0000${l.column}`;
}
/** Merges findings of one cause into one with every location (`location` = the first, `locations` = all, sorted). */
function groupFindings(findings) {
    const groups = new Map();
    // Sorted first: the kept remediation and evidence are those of the first place.
    for (const f of (0,sort/* sortFindings */.Tc)(findings)) {
        const key = causeKey(f);
        let g = groups.get(key);
        if (!g) {
            g = { first: f, locations: new Map() };
            groups.set(key, g);
        }
        for (const l of f.locations ?? (f.location ? [f.location] : [])) {
            if (!g.locations.has(locKey(l)))
                g.locations.set(locKey(l), l);
        }
    }
    return [...groups.values()].map(({ first, locations }) => {
        const { location: _l, locations: _ls, ...rest } = first;
        if (locations.size === 0)
            return rest;
        const sorted = [...locations.values()].sort(cmp);
        return { ...rest, location: sorted[0], locations: sorted };
    });
}

// EXTERNAL MODULE: ./src/lib/findings-by-image.ts
var findings_by_image = __webpack_require__(19979);
// EXTERNAL MODULE: ./src/rules/catalogue.ts
var catalogue = __webpack_require__(91062);
;// CONCATENATED MODULE: ./src/verdict.ts
// Turns findings into the report's verdict: the per-image status table, the summary counts, `ready`, and the exit code.
// `ready` is true exactly when the exit code is 0 (DESIGN.md).





/** The image statuses findings give (rules/catalogue.ts: imageStatus), most decisive first. Earlier entries win. */
const STATUS_RANK = [
    'invalid',
    'repository-not-found',
    'not-found',
    'read-disabled',
    'quarantined',
    'platform-missing',
    'unverifiable',
];
function verdict_cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Removes exact duplicates (same rule, location, image, message) that several uses of one line can produce. */
function dedupeFindings(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = JSON.stringify([
            f.rule,
            f.severity,
            f.location?.file,
            f.location?.line,
            f.location?.column,
            f.image,
            f.message,
        ]);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function exitCodeFor(findings, failOn) {
    if (failOn === 'never')
        return 0;
    const threshold = failOn === 'warning' ? types/* SEVERITY_ORDER */.B.warning : types/* SEVERITY_ORDER */.B.error;
    return findings.some((f) => !f.suppressed && types/* SEVERITY_ORDER */.B[f.severity] <= threshold) ? 1 : 0;
}
function buildReport(opts) {
    // Grouped once here, before any renderer: one finding per (rule, image, cause) with every location.
    const findings = (0,sort/* sortFindings */.Tc)(groupFindings(dedupeFindings(opts.findings)));
    const images = reportImages(opts.uses, findings, opts.images);
    const scope = opts.scope;
    const about = (0,findings_by_image/* findingsForImage */.d)(findings);
    if (scope)
        for (const image of images)
            image.checks = imageChecks(image, about(image.reference), scope, opts.images);
    const verified = images.every((i) => !i.checks || !hasUnverified(i.checks));
    const summary = (0,sort/* summarize */.eh)(findings, images.length);
    let exitCode = exitCodeFor(findings, opts.failOn);
    // "Unverified is not ready": a check that decides pullability and did not run blocks like a failure, unless the
    // team chose to fail open (unverified: warn) or never to fail. An offline run chose to ask nothing: it is not blocked.
    if (!verified && opts.unverified !== 'warn' && opts.failOn !== 'never' && !scope?.offline)
        exitCode = 1;
    const report = {
        version: 1,
        ready: exitCode === 0,
        verified,
        ...(scope ? { scope: scope.offline ? 'manifests-only' : scope.cluster ? 'cluster' : 'images-only' } : {}),
        mode: opts.mode,
        ...(opts.cluster ? { cluster: opts.cluster } : {}),
        summary,
        images,
        findings,
    };
    return { report, exitCode };
}
function reportImages(uses, findings, facts) {
    const byRef = new Map();
    for (const use of uses) {
        const reference = use.ref?.normalized ?? use.image;
        let entry = byRef.get(reference);
        if (!entry) {
            entry = { reference, registry: use.ref?.registry ?? '', status: 'unchecked', locations: [] };
            byRef.set(reference, entry);
        }
        if (!entry.locations.some((l) => l.file === use.location.file && l.line === use.location.line)) {
            entry.locations.push({ file: use.location.file, line: use.location.line });
        }
    }
    // An accepted (suppressed) finding no longer decides the image's status.
    const deciding = findings.filter((f) => !f.suppressed);
    const naming = Map.groupBy(deciding, (f) => f.image);
    // The places an invalid-reference finding points at: an image whose place is one of them is invalid.
    const invalidAt = new Set(deciding
        .filter((f) => (0,catalogue/* ruleById */.BD)(f.rule)?.imageStatus === 'invalid')
        .flatMap((f) => (f.locations ?? (f.location ? [f.location] : [])).map((l) => `${l.file}\u0000${l.line}`)));
    for (const entry of byRef.values()) {
        const rules = new Set((naming.get(entry.reference) ?? [])
            // Once the tag is cached (a warning), the image itself pulls: its status stays ok.
            .filter((f) => !(0,catalogue/* ruleById */.BD)(f.rule)?.imageStatusOnlyAsError || f.severity === 'error')
            .map((f) => f.rule));
        const invalid = entry.locations.some((l) => invalidAt.has(`${l.file}\u0000${l.line}`));
        const checked = facts.checked.get(entry.reference);
        if (checked?.digest)
            entry.digest = checked.digest;
        if (checked?.platforms?.length)
            entry.platforms = checked.platforms;
        const statuses = new Set([...rules].map((r) => (0,catalogue/* ruleById */.BD)(r)?.imageStatus));
        const decisive = invalid ? 'invalid' : STATUS_RANK.find((s) => statuses.has(s));
        entry.status = decisive ?? (checked ? 'ok' : 'unchecked');
        entry.locations.sort((a, b) => verdict_cmp(a.file, b.file) || a.line - b.line);
    }
    return [...byRef.values()].sort((a, b) => verdict_cmp(a.reference, b.reference));
}
function hasUnverified(checks) {
    const all = Object.values(checks);
    return all.some((c) => c.state === 'unverified' && !c.accepted);
}
const EXISTS_FAILED = new Set([
    'invalid',
    'not-found',
    'repository-not-found',
    'read-disabled',
    'quarantined',
]);
/** Rules that say "this could not be checked" rather than "this is broken" (rules/catalogue.ts). */
function isUnverifiedRule(rule) {
    const r = (0,catalogue/* ruleById */.BD)(rule);
    return r?.unverifiable === true || r?.unverifiedReason !== undefined;
}
const ACR_HOST = /\.azurecr\.(io|cn|us)$/i;
/** Does a finding of this concern speak about this image? Identity and network findings may name only a registry. */
function applies(f, image, concern) {
    if (f.image !== undefined)
        return f.image === image.reference;
    if (concern !== 'identity' && concern !== 'network')
        return false;
    if (f.registry !== undefined)
        return f.registry === image.registry;
    return ACR_HOST.test(image.registry);
}
/** The finding that leaves a check unverified: one nobody accepted first, else an accepted one. */
function firstGap(found, is) {
    return found.find((f) => is(f) && !f.suppressed) ?? found.find(is);
}
/** One unverified check from the finding that says why. */
function unverifiedFrom(f) {
    const first = f.message.split('\n')[0];
    const toCheck = f.remediation?.split('\n')[0];
    return {
        state: 'unverified',
        why: first,
        ...(toCheck ? { toCheck } : {}),
        reason: reasonOf(f),
        // Accepted on purpose: stays unverified (nothing was checked) but no longer blocks.
        ...(f.suppressed ? { accepted: f.suppressed } : {}),
    };
}
function reasonOf(f) {
    const failure = typeof f.evidence?.failure === 'string' ? f.evidence.failure : '';
    const fixed = (0,catalogue/* ruleById */.BD)(f.rule)?.unverifiedReason;
    if (fixed === 'firewall' || failure === 'firewall')
        return 'firewall';
    if (failure === 'proxy' || /\bproxy\b/i.test(f.message))
        return 'proxy';
    if (failure === 'timeout' || /did not (answer|finish) within/.test(f.message))
        return 'timeout';
    if (failure === 'unauthorized' ||
        failure === 'denied' ||
        fixed === 'permission' ||
        /\b(40[13]|permission|not authorized|authorization)/i.test(f.message))
        return 'permission';
    if (['dns', 'tls', 'connection-refused', 'network'].includes(failure))
        return 'network';
    return 'other';
}
function imageChecks(image, findings, scope, facts) {
    const about = (concern) => findings.filter((f) => {
        const r = (0,catalogue/* ruleById */.BD)(f.rule);
        return (r?.concern === concern || r?.leavesUnverified?.includes(concern) === true) && applies(f, image, concern);
    });
    const exists = existsCheck(image, about('exists'), scope);
    const platforms = platformsCheck(image, about('platforms'), exists);
    if (scope.offline) {
        const na = { state: 'not-applicable', why: 'offline run: no cluster was asked' };
        return { exists, platforms, pullPath: na, network: na };
    }
    if (!scope.cluster) {
        const na = { state: 'not-applicable', why: 'no cluster given' };
        return { exists, platforms, pullPath: na, network: na };
    }
    const acr = ACR_HOST.test(image.registry);
    return {
        exists,
        platforms,
        pullPath: pullPathCheck(image, [...about('identity'), ...about('pull-secret')], scope, facts, acr, exists),
        network: networkCheck(about('network'), scope, acr),
    };
}
function existsCheck(image, found, scope) {
    if (EXISTS_FAILED.has(image.status))
        return { state: 'failed', why: image.status };
    const gap = firstGap(found, (f) => isUnverifiedRule(f.rule));
    if (gap)
        return unverifiedFrom(gap);
    if (image.status === 'ok' || image.status === 'platform-missing')
        return { state: 'ok' };
    if (scope.offline)
        return {
            state: 'unverified',
            why: 'offline run: no registry was asked',
            toCheck: 'run without --offline',
            reason: 'other',
        };
    return { state: 'unverified', why: 'the registry was not asked', reason: 'other' };
}
function platformsCheck(image, found, exists) {
    if (found.some((f) => (0,catalogue/* ruleById */.BD)(f.rule)?.imageStatus === 'platform-missing') || image.status === 'platform-missing')
        return { state: 'failed', why: 'platform-missing' };
    if (exists.state === 'failed')
        return { state: 'not-applicable', why: 'the image itself cannot be pulled' };
    if (exists.state === 'unverified')
        return { ...exists };
    if (image.platforms?.length)
        return { state: 'ok' };
    return {
        state: 'unverified',
        why: 'the registry did not say which platforms the image offers',
        reason: 'other',
    };
}
function pullPathCheck(image, found, scope, facts, acr, exists) {
    const failed = found.find((f) => f.severity === 'error' && !isUnverifiedRule(f.rule));
    if (failed)
        return { state: 'failed', why: failed.rule };
    // A pull as the pod would make it (anonymously, or with its pull secret; never the gate's own identity) that got the
    // manifest proves a path. It settles a registry the gate cannot see (a rule that leavesUnverified), nothing else.
    const provenByPull = pulledAsThePod(facts.checked.get(image.reference)?.auth);
    const gaps = found.filter((f) => isUnverifiedRule(f.rule));
    if (provenByPull && gaps.length > 0 && gaps.every((f) => (0,catalogue/* ruleById */.BD)(f.rule)?.leavesUnverified !== undefined))
        return { state: 'ok' };
    const gap = firstGap(found, (f) => isUnverifiedRule(f.rule));
    if (gap)
        return unverifiedFrom(gap);
    if (acr) {
        if (scope.identityRead)
            return { state: 'ok' };
        return {
            state: 'unverified',
            why: "the cluster's kubelet identity and role assignments could not be read",
            toCheck: 'give the gate Reader on the cluster and the registry',
            reason: 'permission',
        };
    }
    // Outside Azure the gate proves a pull path by pulling the manifest as the pod would: anonymously or with its secret.
    if (provenByPull)
        return { state: 'ok' };
    if (exists.state === 'unverified')
        return { ...exists };
    return { state: 'unverified', why: 'no pull of the manifest succeeded', reason: 'other' };
}
function pulledAsThePod(auth) {
    return auth === 'anonymous' || auth === 'credential';
}
function networkCheck(found, scope, acr) {
    const failed = found.find((f) => f.severity === 'error' && !isUnverifiedRule(f.rule));
    if (failed)
        return { state: 'failed', why: failed.rule };
    // The gate's own runner outside the firewall says nothing about the cluster's network path.
    const gap = firstGap(found, (f) => isUnverifiedRule(f.rule) && (0,catalogue/* ruleById */.BD)(f.rule)?.unverifiedReason !== 'firewall');
    if (gap)
        return unverifiedFrom(gap);
    if (!acr)
        return { state: 'not-applicable', why: 'the gate checks the network path to Azure registries only' };
    if (scope.networkRead)
        return { state: 'ok' };
    return {
        state: 'unverified',
        why: "the cluster's network could not be read",
        toCheck: 'give the gate Reader on the cluster, its VNet and the registry',
        reason: 'permission',
    };
}
/** Unverified images grouped by reason: `{firewall: 1, timeout: 2}`. */
function unverifiedByReason(images) {
    const out = {};
    for (const i of images) {
        if (!i.checks)
            continue;
        const all = Object.values(i.checks);
        const first = all.find((c) => c.state === 'unverified' && !c.accepted);
        if (!first)
            continue;
        const r = first.reason ?? 'other';
        out[r] = (out[r] ?? 0) + 1;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/facts/collect.ts
// The run's deadline over the fact phases: a phase that has not answered when the overall timeout passes (or the run
// is stopped) ends as "timed out", and what it had not learned is unverifiable, not a hang.
/** Ends a phase at the overall deadline: what it had not learned by then is unverifiable, not a hang. */
async function guard(work, signal, graceMs = 0) {
    let onAbort;
    let timer;
    const timeout = new Promise((resolve) => {
        const fire = () => resolve({ timedOut: true });
        onAbort = () => {
            if (graceMs > 0)
                timer = setTimeout(fire, graceMs);
            else
                fire();
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([work, timeout]);
    }
    finally {
        if (onAbort)
            signal.removeEventListener('abort', onAbort);
        if (timer)
            clearTimeout(timer);
    }
}
/**
 * One read per run and key. The gate starts some reads before the manifests are read (the cluster, the registries
 * ARM lists); the collectors that need them later share that answer instead of asking ARM again.
 */
function oncePerRun(read) {
    const runs = new WeakMap();
    return (ctx, key) => {
        let byKey = runs.get(ctx);
        if (!byKey)
            runs.set(ctx, (byKey = new Map()));
        let answer = byKey.get(key);
        if (!answer)
            byKey.set(key, (answer = read(ctx, key)));
        return answer;
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/facts/azure/clouds.ts
var clouds = __webpack_require__(42513);
// EXTERNAL MODULE: ./src/lib/acr-host.ts
var acr_host = __webpack_require__(7076);
;// CONCATENATED MODULE: ./src/lib/docker-config.ts
// Pull-secret parsing and registry matching, the way the kubelet does it (k8s.io/kubernetes pkg/credentialprovider:
// secrets.MakeDockerKeyring, config.go DockerConfigEntry.UnmarshalJSON, keyring.go BasicDockerKeyring.Add/Lookup).
// Pure: no I/O. Every decoded password is handed to the masker the moment it is decoded, and never leaves this module
// except inside a DockerCredential (which callers must keep out of findings, evidence and logs).
const DOCKER_CONFIG_JSON_TYPE = 'kubernetes.io/dockerconfigjson';
const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';
const DOCKERCFG_TYPE = 'kubernetes.io/dockercfg';
const DOCKERCFG_KEY = '.dockercfg';
/** The keyring key Docker Hub credentials end up under (`https://index.docker.io/v1/` -> `index.docker.io`). */
const DEFAULT_REGISTRY_HOST = 'index.docker.io';
const STRICT_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Decodes base64 the way Go's StdEncoding/RawStdEncoding do: strict alphabet, no whitespace inside. */
function decodeBase64Strict(value, padded) {
    const v = value.trim();
    if (!STRICT_BASE64.test(v))
        return undefined;
    if (padded && v.length % 4 !== 0)
        return undefined;
    if (!padded && (v.includes('=') || v.length % 4 === 1))
        return undefined;
    return Buffer.from(v, 'base64');
}
/** Go's decodeDockerConfigFieldAuth: padded when it ends in `=`, raw otherwise; `user:pass` split at the first `:`. */
function decodeAuthField(field) {
    const padded = field.trim().endsWith('=');
    const bytes = decodeBase64Strict(field, padded);
    if (!bytes)
        return undefined;
    const text = bytes.toString('utf8');
    const colon = text.indexOf(':');
    if (colon < 0)
        return undefined;
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * The kubelet's keyring key for a registry key: `https://` added when no scheme, then host + path, where a path
 * starting with `/v1/` or `/v2/` loses that prefix and a bare `/` is dropped. Undefined when the URL does not parse.
 */
function keyringKey(key) {
    const value = key.startsWith('https://') || key.startsWith('http://') ? key : `https://${key}`;
    try {
        new URL(value);
    }
    catch {
        return undefined;
    }
    // Read host and path from the text, not from URL: WHATWG URL lowercases the host and drops default ports, Go's
    // url.Parse (which the kubelet uses) does neither.
    const m = /^https?:\/\/([^/?#]*)([^?#]*)/.exec(value);
    if (!m)
        return undefined;
    const authority = m[1];
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    if (host === '')
        return undefined;
    let path = decodeURIComponentSafe(m[2]);
    if (path.startsWith('/v2/') || path.startsWith('/v1/'))
        path = path.slice(3);
    const matchKey = path.length > 0 && path !== '/' ? host + path : host;
    return { matchKey, server: host };
}
function decodeURIComponentSafe(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function malformed(reason, detail, blocksAllPaths) {
    return { ok: false, reason, detail, blocksAllPaths };
}
/**
 * Parses a pull secret into its credentials. `mask` receives every decoded password (and the encoded forms that
 * carry it) before anything else happens with it.
 */
function parsePullSecret(secret, mask) {
    const type = secret.type ?? 'Opaque';
    let dataKey;
    if (type === DOCKER_CONFIG_JSON_TYPE)
        dataKey = DOCKER_CONFIG_JSON_KEY;
    else if (type === DOCKERCFG_TYPE)
        dataKey = DOCKERCFG_KEY;
    else {
        return malformed('wrong-type', `type is ${type}; the kubelet only reads ${DOCKER_CONFIG_JSON_TYPE} (key ${DOCKER_CONFIG_JSON_KEY}) or ${DOCKERCFG_TYPE} (key ${DOCKERCFG_KEY}) and ignores this secret`, false);
    }
    const encoded = secret.data[dataKey];
    if (encoded === undefined || encoded === '') {
        return malformed('missing-key', `type ${type} but no data key ${dataKey}; the kubelet ignores this secret`, false);
    }
    safeMask(mask, encoded);
    const bytes = decodeBase64Strict(encoded, true);
    if (!bytes)
        return malformed('bad-base64', `data ${dataKey} is not valid base64`, true);
    const text = bytes.toString('utf8');
    safeMask(mask, text);
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return malformed('bad-json', `data ${dataKey} does not decode to JSON`, true);
    }
    if (!isRecord(doc))
        return malformed('bad-json', `data ${dataKey} is not a JSON object`, true);
    let auths = doc;
    if (type === DOCKER_CONFIG_JSON_TYPE) {
        auths = doc.auths;
        if (auths === undefined || auths === null) {
            return malformed('no-auths', `${dataKey} has no "auths" object; the kubelet finds no credentials in it`, false);
        }
        if (!isRecord(auths))
            return malformed('bad-json', `"auths" in ${dataKey} is not an object`, true);
    }
    return readEntries(auths, dataKey, mask);
}
function readEntries(auths, dataKey, mask) {
    const credentials = [];
    for (const [key, raw] of Object.entries(auths)) {
        if (!isRecord(raw))
            return malformed('bad-json', `entry "${key}" in ${dataKey} is not an object`, true);
        const field = (name) => {
            const v = raw[name];
            if (v === undefined || v === null)
                return undefined;
            return typeof v === 'string' ? v : null;
        };
        const username = field('username');
        const password = field('password');
        const auth = field('auth');
        if (username === null || password === null || auth === null || field('email') === null) {
            return malformed('bad-json', `entry "${key}" in ${dataKey} has a field that is not a string`, true);
        }
        if (password)
            safeMask(mask, password);
        let user = username ?? '';
        let pass = password ?? '';
        if (auth) {
            safeMask(mask, auth);
            const decoded = decodeAuthField(auth);
            if (!decoded) {
                return malformed('bad-auth-field', `entry "${key}" in ${dataKey}: "auth" is not base64 of username:password`, true);
            }
            safeMask(mask, decoded.password);
            user = decoded.username;
            pass = decoded.password;
        }
        const k = keyringKey(key);
        // The kubelet skips keys that do not parse as URLs (it logs and continues), so do we.
        if (!k)
            continue;
        credentials.push({ key, matchKey: k.matchKey, server: k.server, username: user, password: pass });
    }
    if (credentials.length === 0) {
        return malformed('no-auths', `${dataKey} has no registry entries`, false);
    }
    return { ok: true, credentials };
}
function safeMask(mask, value) {
    // Masking very short strings would blank out ordinary words in every log line; they are not worth hiding.
    if (value.trim().length >= 4)
        mask(value);
}
// ---- matching (keyring.go URLsMatch / Lookup / isDefaultRegistryMatch) ----
function splitHostPort(hostPort) {
    const m = /^(.*):(\d*)$/.exec(hostPort);
    if (m && !m[1].includes(':'))
        return { labels: m[1].split('.'), port: m[2] };
    return { labels: hostPort.split('.'), port: '' };
}
/** Go's path.Match for one host label: `*` any run, `?` one char, `[...]` classes. */
function globMatch(pattern, value) {
    let re = '^';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*')
            re += '[^/]*';
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 1);
            if (end < 0)
                return false;
            let cls = pattern.slice(i + 1, end);
            if (cls.startsWith('^'))
                cls = '!' + cls.slice(1);
            re += '[' + (cls.startsWith('!') ? '^' + cls.slice(1) : cls).replace(/\\/g, '\\\\') + ']';
            i = end;
        }
        else if (c === '\\' && i + 1 < pattern.length) {
            re += escapeRegExp(pattern[++i]);
        }
        else
            re += escapeRegExp(c);
    }
    try {
        return new RegExp(re + '$').test(value);
    }
    catch {
        return false;
    }
}
function splitHostPath(schemeless) {
    const slash = schemeless.indexOf('/');
    return slash < 0
        ? { host: schemeless, path: '' }
        : { host: schemeless.slice(0, slash), path: schemeless.slice(slash) };
}
/** keyring.go URLsMatch over schemeless `host[:port][/path]` strings. */
function keyMatchesImage(matchKey, target) {
    const glob = splitHostPath(matchKey);
    const img = splitHostPath(target);
    const g = splitHostPort(glob.host);
    const t = splitHostPort(img.host);
    if (g.port !== t.port)
        return false;
    if (g.labels.length !== t.labels.length)
        return false;
    // A string prefix, not a path-segment prefix: `host/team` also matches `host/teamwork/app`, as in the kubelet.
    if (!img.path.startsWith(glob.path))
        return false;
    return g.labels.every((label, i) => globMatch(label, t.labels[i]));
}
/** keyring.go isDefaultRegistryMatch, on the kubelet's lookup string. */
function isDefaultRegistryMatch(image) {
    const parts = image.split('/');
    if (parts[0] === '')
        return false;
    if (parts.length === 1)
        return true;
    if (parts[0] === 'docker.io' || parts[0] === 'index.docker.io')
        return true;
    return !/[.:]/.test(parts[0]) && parts[0] !== 'localhost';
}
/**
 * The credentials the kubelet would try for an image, in its order: all keys that match, most specific first
 * (the keyring index is sorted in reverse string order), and Docker Hub's `index.docker.io` key for Docker Hub
 * images when nothing else matched.
 */
function lookupCredentials(credentials, image) {
    const target = `${image.registry}/${image.repository}`;
    const keys = [...new Set(credentials.map((c) => c.matchKey))].sort().reverse();
    const out = [];
    for (const key of keys) {
        if (keyMatchesImage(key, target))
            out.push(...credentials.filter((c) => c.matchKey === key));
    }
    if (out.length > 0)
        return out;
    if (isDefaultRegistryMatch(target))
        return credentials.filter((c) => c.matchKey === DEFAULT_REGISTRY_HOST);
    return [];
}

;// CONCATENATED MODULE: ./src/facts/azure/sign-in.ts
// Azure sign-in for the gate's own identity: picks one credential from @azure/identity in the order users expect in
// GitHub Actions, probes it once with an ARM token request, and returns the AzureContext every fact collector uses.
// Order: direct GitHub OIDC (client-id + tenant-id), the Azure CLI session `azure/login` leaves, an environment service
// principal, workload identity. No usable sign-in is not a failure: the gate runs its non-Azure checks and says what
// to add to the workflow. A sign-in the user configured that does not work is a ConfigurationError (one line, exit 2).




/** The audience GitHub's OIDC token must carry for Entra ID workload identity federation. */
const GITHUB_OIDC_AUDIENCE = 'api://AzureADTokenExchange';
const NO_SIGN_IN_MESSAGE = 'No Azure sign-in: add an azure/login step before the gate, or give the gate client-id and tenant-id ' +
    '(with `permissions: id-token: write` on the job), to check cluster, registry, RBAC and network facts';
/**
 * Chooses, probes and returns the gate's Azure credential, or `{unavailable}` with one line saying what to add to
 * the workflow. Throws ConfigurationError when a sign-in that is configured fails (so the user hears about it,
 * instead of silently getting a gate that checks less).
 */
async function createAzureContext(opts) {
    // Loaded here, not at the top: a run that never signs in loads no Azure SDK (docs/DESIGN.md, "Loading").
    const { AzureCliCredential, ClientAssertionCredential, ClientCertificateCredential, ClientSecretCredential } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(563)]).then(__webpack_require__.bind(__webpack_require__, 25563));
    const env = opts.env ?? process.env;
    const authority = authorityOptions(opts.endpoints);
    const scope = (0,clouds/* armScope */.Rz)(opts.endpoints);
    // 1. Direct GitHub OIDC: explicit inputs win over anything the environment holds.
    if (opts.clientId && opts.tenantId) {
        if (!opts.getIdToken) {
            throw new settings_config/* ConfigurationError */.j1('client-id and tenant-id sign in with a GitHub OIDC token, which exists only inside GitHub Actions: ' +
                'outside Actions, sign in with `az login` or AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET instead');
        }
        const getIdToken = opts.getIdToken;
        let idTokenError;
        const credential = new ClientAssertionCredential(opts.tenantId, opts.clientId, async () => {
            try {
                return await getIdToken(GITHUB_OIDC_AUDIENCE);
            }
            catch (err) {
                idTokenError = err;
                throw err;
            }
        }, authority);
        let token;
        try {
            token = await probe(credential, scope, (err) => idTokenError !== undefined
                ? idTokenFailure(idTokenError)
                : entraFailure('GitHub OIDC (client-id ' + opts.clientId + ')', err));
        }
        catch (err) {
            // No OIDC token for this job (no `id-token: write`, or a fork PR that never gets one) is a missing sign-in,
            // not a broken one: the Azure checks become unverifiable and the job result follows the findings.
            if (idTokenError !== undefined)
                return { unavailable: idTokenFailure(idTokenError) };
            throw err;
        }
        return signedIn('github-oidc', credential, token, opts, opts.tenantId);
    }
    // 2. The Azure CLI session azure/login leaves behind (also a developer's `az login`).
    const cli = new AzureCliCredential({
        ...(opts.tenantId ? { tenantId: opts.tenantId } : {}),
        ...(opts.subscriptionId ? { subscription: opts.subscriptionId } : {}),
        processTimeoutInMs: opts.cliTimeoutMs ?? 30_000,
    });
    const cliToken = await tryAzureCli(cli, scope, opts.logger);
    if (cliToken)
        return signedIn('azure-cli', cli, cliToken, opts, undefined);
    // 3. A service principal in the environment (what DefaultAzureCredential's EnvironmentCredential reads).
    const envTenant = env.AZURE_TENANT_ID;
    const envClient = env.AZURE_CLIENT_ID;
    if (envTenant && envClient && env.AZURE_CLIENT_SECRET) {
        const credential = new ClientSecretCredential(envTenant, envClient, env.AZURE_CLIENT_SECRET, authority);
        const token = await probe(credential, scope, (err) => entraFailure(`the service principal in AZURE_CLIENT_ID (${envClient}) with AZURE_CLIENT_SECRET`, err));
        return signedIn('environment-client-secret', credential, token, opts, envTenant);
    }
    if (envTenant && envClient && env.AZURE_CLIENT_CERTIFICATE_PATH) {
        const credential = new ClientCertificateCredential(envTenant, envClient, {
            certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH,
            ...(env.AZURE_CLIENT_CERTIFICATE_PASSWORD
                ? { certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD }
                : {}),
        }, authority);
        const token = await probe(credential, scope, (err) => entraFailure(`the service principal in AZURE_CLIENT_ID (${envClient}) with AZURE_CLIENT_CERTIFICATE_PATH`, err));
        return signedIn('environment-client-certificate', credential, token, opts, envTenant);
    }
    // 4. Workload identity (a self-hosted runner on AKS with the workload identity webhook).
    if (envTenant && envClient && env.AZURE_FEDERATED_TOKEN_FILE) {
        const { WorkloadIdentityCredential } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(563)]).then(__webpack_require__.bind(__webpack_require__, 25563));
        const credential = new WorkloadIdentityCredential({
            tenantId: envTenant,
            clientId: envClient,
            tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
            ...authority,
        });
        const token = await probe(credential, scope, (err) => entraFailure(`workload identity (AZURE_CLIENT_ID ${envClient}, AZURE_FEDERATED_TOKEN_FILE)`, err));
        return signedIn('workload-identity', credential, token, opts, envTenant);
    }
    return { unavailable: NO_SIGN_IN_MESSAGE };
}
/** Options every MSAL-backed credential gets: the cloud's authority, and no instance discovery off the known clouds. */
function authorityOptions(endpoints) {
    // MSAL asks login.microsoftonline.com to validate any authority it does not know; a custom cloud (the emulator,
    // Azure Stack Hub) is unknown there and the discovery call would fail or leak the run's existence.
    return (0,clouds/* isKnownCloud */.vp)(endpoints)
        ? { authorityHost: endpoints.authorityHost }
        : { authorityHost: endpoints.authorityHost, disableInstanceDiscovery: true };
}
async function probe(credential, scope, explain) {
    let token;
    try {
        token = await credential.getToken(scope);
    }
    catch (err) {
        throw new settings_config/* ConfigurationError */.j1(explain(err));
    }
    if (!token)
        throw new settings_config/* ConfigurationError */.j1(explain(new Error('no token returned')));
    return token;
}
/** The CLI path is "not there" when az is missing or not logged in; any other failure of a logged-in az is reported. */
async function tryAzureCli(cli, scope, logger) {
    try {
        return (await cli.getToken(scope)) ?? undefined;
    }
    catch (err) {
        const message = errorMessage(err);
        if (/could not be found|az login|not recognized|ENOENT/i.test(message)) {
            logger.debug(`Azure CLI sign-in not available: ${oneLine(message)}`);
            return undefined;
        }
        throw new settings_config/* ConfigurationError */.j1(`The Azure CLI session could not get an ARM token: ${oneLine(message)}`);
    }
}
function idTokenFailure(err) {
    const message = errorMessage(err);
    if (/ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(message)) {
        return ('client-id and tenant-id need a GitHub OIDC token, and this job may not request one: ' +
            'add `permissions: id-token: write` to the workflow job (pull requests from forks never get one)');
    }
    return `Could not get a GitHub OIDC token for ${GITHUB_OIDC_AUDIENCE}: ${oneLine(message)}`;
}
function entraFailure(what, err) {
    const message = oneLine(errorMessage(err));
    const code = /AADSTS\d+/.exec(message)?.[0];
    let hint = '';
    if (code === 'AADSTS70021' || code === 'AADSTS700213' || code === 'AADSTS700211') {
        hint = ' (the app has no federated credential matching this workflow: check its issuer and subject)';
    }
    else if (code === 'AADSTS7000215' || code === 'AADSTS7000222') {
        hint = ' (the client secret is wrong or expired)';
    }
    else if (code === 'AADSTS700016') {
        hint = ' (no application with this client id in the tenant)';
    }
    else if (code === 'AADSTS90002') {
        hint = ' (tenant not found: check tenant-id / AZURE_TENANT_ID and azure-environment)';
    }
    return `Azure sign-in with ${what} failed${hint}: ${message}`;
}
async function signedIn(method, credential, probeToken, opts, knownTenant) {
    const tenantId = knownTenant ?? tenantOfToken(probeToken.token);
    opts.logger.info(`Signed in to Azure (${opts.endpoints.name}) with ${describe(method)}`);
    return {
        method,
        credential: cachingCredential(credential, probeToken, (0,clouds/* armScope */.Rz)(opts.endpoints)),
        endpoints: opts.endpoints,
        ...(opts.subscriptionId ? { subscriptionId: opts.subscriptionId } : {}),
        ...(tenantId ? { tenantId } : {}),
    };
}
function describe(method) {
    switch (method) {
        case 'github-oidc':
            return 'the workflow GitHub OIDC token';
        case 'azure-cli':
            return 'the Azure CLI session';
        case 'environment-client-secret':
            return 'the service principal in AZURE_CLIENT_ID/AZURE_CLIENT_SECRET';
        case 'environment-client-certificate':
            return 'the service principal in AZURE_CLIENT_ID/AZURE_CLIENT_CERTIFICATE_PATH';
        case 'workload-identity':
            return 'workload identity (AZURE_FEDERATED_TOKEN_FILE)';
    }
}
/** The `tid` claim of an Entra access token (read for information only, never trusted for a decision). */
function tenantOfToken(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof claims.tid === 'string' ? claims.tid : undefined;
    }
    catch {
        return undefined;
    }
}
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Why this run needs an Azure sign-in, or undefined when nothing in it reads an Azure fact (pure). Azure facts are
 * read for: the cluster (`cluster`, audits), an ACR image (Entra token exchange, registry discovery, cache rules), a
 * pull-secret credential for an ACR (its admin user, scoped tokens) or of a service principal (Graph expiry), and a
 * pull secret the cluster holds (unknown until read, so it counts). A run with none of these starts no credential and
 * no `az` process (a Python start-up of ~0.6 s on a hosted runner).
 */
function azureNeed(input) {
    if (input.offline)
        return undefined;
    if (input.mode === 'audit')
        return 'the audit reads Azure';
    if (input.cluster)
        return 'a cluster is named';
    const suffixes = [...new Set([...input.endpoints.acrSuffixes, ...acr_host/* ACR_SUFFIXES */.HK])];
    // Thousands of pods name a handful of registries: each registry is judged once, in the order the pods name them.
    const registries = new Set();
    for (const u of input.inventory.uses)
        if (u.ref)
            registries.add(u.ref.registry);
    for (const registry of registries)
        if ((0,acr_host/* isAcrHost */.n0)(registry, suffixes))
            return `${registry} is an Azure Container Registry`;
    const named = new Set(input.inventory.uses.flatMap((u) => u.pullSecrets.map((n) => `${u.namespace}/${n}`)));
    for (const s of input.inventory.secrets) {
        if (!named.has(`${s.namespace}/${s.name}`))
            continue;
        const parsed = parsePullSecret(s, () => undefined);
        if (!parsed.ok)
            continue;
        for (const c of parsed.credentials)
            if ((0,acr_host/* isAcrHost */.n0)(c.server, suffixes) || GUID_RE.test(c.username))
                return `pull secret ${s.namespace}/${s.name} holds an Azure credential`;
    }
    // The cluster may hold pull secrets (named by pods, or on their ServiceAccounts) whose credentials are Azure ones:
    // unknown until read, so a run that can read them signs in.
    if (input.liveSecrets && input.inventory.uses.some((u) => u.ref))
        return 'pull secrets may be read from the cluster';
    return undefined;
}
const REFRESH_MARGIN_MS = 5 * 60_000;
/**
 * Shares tokens between the many SDK clients the facts create: each client's pipeline caches its own token, and the
 * Azure CLI credential spawns `az` (a second or more) for every request it gets. Concurrent callers share one request.
 */
function cachingCredential(inner, seed, seedScope) {
    const cache = new Map();
    const inflight = new Map();
    if (seed && seedScope)
        cache.set(seedScope, seed);
    return {
        async getToken(scopes, options) {
            // Claims challenges must reach the real credential; a tenant switch is cached under its own key, so `az` (or
            // any credential) is asked at most once per scope and tenant.
            if (options?.claims)
                return inner.getToken(scopes, options);
            const scopeKey = typeof scopes === 'string' ? scopes : [...scopes].sort().join(' ');
            const key = options?.tenantId ? `${scopeKey}\n${options.tenantId.toLowerCase()}` : scopeKey;
            const cached = cache.get(key);
            if (cached && cached.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now())
                return cached;
            let pending = inflight.get(key);
            if (!pending) {
                pending = inner.getToken(scopes, options).finally(() => inflight.delete(key));
                inflight.set(key, pending);
            }
            const token = await pending;
            if (token)
                cache.set(key, token);
            return token;
        },
    };
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}
/** First meaningful line, capped: Entra errors carry trace ids and a wall of help after the AADSTS line. */
function oneLine(message) {
    const first = message
        .split(/\r?\n/)
        .map((l) => l.trim())
        .find((l) => l !== '' && !/^Error message:\s*$/.test(l));
    const line = (first ?? 'unknown error').replace(/\s+/g, ' ');
    return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

// EXTERNAL MODULE: ./src/facts/proxy-fetch.ts
var proxy_fetch = __webpack_require__(20806);
;// CONCATENATED MODULE: ./src/facts/context.ts
// The FactContext of a run, decided once from the settings: the cloud's endpoints (or the simulated world's, which
// the gate treats as a custom cloud), the gate's own Azure sign-in (probed once, bounded), the kubeconfig when cluster
// reads are on, and the fetch registry clients use (proxy-aware, or routed to the emulator).






/** How the facts reach the network: the emulator's routing under --simulate, else the environment's proxy settings. */
function factTransport(deps, emulator) {
    return {
        fetch: emulator?.fetch ?? (0,proxy_fetch.proxyAwareFetch)(deps.env ?? process.env),
        request: emulator?.request ?? (0,proxy_fetch/* proxyAwareRequest */.wv)(deps.env ?? process.env),
    };
}
async function createFactContext(config, deps, emulator, now, signal, inventory, { acrNamed, transport = factTransport(deps, emulator) } = {}) {
    const endpoints = emulator?.endpoints ?? (0,clouds/* cloudEndpoints */.So)(config.azureEnvironment);
    const kubeconfigPath = config.clusterReads
        ? (emulator?.kubeconfigPath ?? findKubeconfig(deps.env ?? process.env))
        : undefined;
    // Lazy sign-in: a run that reads no Azure fact starts no credential (and no `az` process).
    const liveSecrets = !!kubeconfigPath;
    // The settings alone (the audit, a named cluster) or a manifest naming an ACR login server (acrNamed, seen while the
    // files are still being read) start the sign-in at once; otherwise the whole inventory decides.
    const need = azureNeed({ ...config, liveSecrets, inventory: { uses: [], secrets: [] }, endpoints }) ??
        (await Promise.race([
            ...(acrNamed ? [acrNamed.then((host) => `the manifests name ${host}, an Azure Container Registry`)] : []),
            Promise.resolve(inventory).then((inv) => azureNeed({ ...config, liveSecrets, inventory: inv, endpoints })),
        ]));
    deps.logger.debug(need ? `Azure sign-in: ${need}` : 'No Azure sign-in: nothing in this run reads an Azure fact');
    deps.mark?.('signing in');
    const azure = need ? await signIn(config, deps, endpoints, emulator) : undefined;
    deps.mark?.('signed in');
    return {
        logger: deps.logger,
        maskSecret: deps.maskSecret,
        now,
        signal,
        ...transport,
        ...(azure ? { azure } : {}),
        ...(kubeconfigPath ? { kubeconfigPath } : {}),
        ...(config.clusterReads ? {} : { clusterReadsOff: 'cluster reads are turned off (--no-cluster-reads)' }),
        ...(config.cluster ? { cluster: config.cluster } : {}),
        ...(config.registries.length ? { registryIds: config.registries } : {}),
        ...(emulator ? {} : { proxyEnv: deps.env ?? process.env }),
    };
}
/** The world names the gate's own identity; elsewhere the sign-in chain of the Actions ecosystem decides. */
async function signIn(config, deps, endpoints, emulator) {
    if (emulator) {
        const g = emulator.gate;
        deps.maskSecret(g.clientSecret);
        const { ClientSecretCredential } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(563)]).then(__webpack_require__.bind(__webpack_require__, 25563));
        const credential = new ClientSecretCredential(g.tenantId, g.clientId, g.clientSecret, {
            authorityHost: endpoints.authorityHost,
            disableInstanceDiscovery: true,
        });
        // Probe once, bounded: an identity provider that fails or stalls makes Azure facts unverifiable quickly, instead
        // of every collector waiting out the deadline and taking the cluster-read findings down with it.
        const problem = await probeToken(credential, `${endpoints.resourceManager.replace(/\/+$/, '')}/.default`, config);
        if (problem) {
            deps.logger.warning(problem);
            return undefined;
        }
        return {
            credential: cachingCredential(credential),
            endpoints,
            tenantId: g.tenantId,
            ...(config.subscription ? { subscriptionId: config.subscription } : {}),
        };
    }
    const result = await createAzureContext({
        endpoints,
        logger: deps.logger,
        ...(config.clientId ? { clientId: config.clientId } : {}),
        ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        ...(config.subscription ? { subscriptionId: config.subscription } : {}),
        ...(deps.getIdToken ? { getIdToken: deps.getIdToken } : {}),
        ...(deps.env ? { env: deps.env } : {}),
    });
    if ('unavailable' in result) {
        if (config.cluster || config.mode === 'audit')
            deps.logger.warning(result.unavailable);
        else
            deps.logger.info(result.unavailable);
        return undefined;
    }
    return result;
}
async function probeToken(credential, scope, config) {
    const boundMs = Math.min(15_000, Math.max(1_000, Math.round(config.timeoutMs / 3)));
    let timer;
    const stalled = new Promise((resolve) => {
        timer = setTimeout(() => resolve(`Azure sign-in did not answer within ${Math.round(boundMs / 1000)} s: Azure facts are unverifiable`), boundMs);
    });
    const answered = credential.getToken(scope).then(() => undefined, (err) => `Azure sign-in failed (${err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : 'no token'}): Azure facts are unverifiable`);
    try {
        return await Promise.race([answered, stalled]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** Every existing file of KUBECONFIG (kubectl merges them in order), joined with the path delimiter. */
function findKubeconfig(env) {
    const candidates = env.KUBECONFIG
        ? env.KUBECONFIG.split((external_node_path_default()).delimiter)
        : [external_node_path_default().join(external_node_os_default().homedir(), '.kube', 'config')];
    const found = candidates.filter((p) => p && (0,external_node_fs_.existsSync)(p));
    return found.length ? found.join((external_node_path_default()).delimiter) : undefined;
}

;// CONCATENATED MODULE: ./src/lib/unverifiable.ts
// Telling an Unverifiable fact from a read one (pure; shared by the collectors and the checks).
function isUnverifiable(x) {
    return typeof x === 'object' && x !== null && 'reason' in x && !('id' in x);
}

// EXTERNAL MODULE: ./src/lib/arm-id.ts
var arm_id = __webpack_require__(51863);
;// CONCATENATED MODULE: ./src/lib/azure-builtin-roles.ts
// The checks' one table of Azure built-in roles that matter to image pulls: the published role definition GUIDs
// (constant across tenants and clouds) and their permissions, from MicrosoftDocs/azure-docs
// articles/role-based-access-control/built-in-roles/containers.md and general.md. Used when a role definition cannot
// be read (the GUID alone then says what the role grants). The emulator keeps its own table
// (src/simulate/builtin-roles.ts) so it stays an independent oracle; test/unit/builtin-roles.test.ts pins both to the
// published GUIDs.

/** The action that grants pull in a registry in legacy ("RBAC Registry Permissions") mode. */
const PULL_ACTION = 'Microsoft.ContainerRegistry/registries/pull/read';
/** The data action that grants pull in a registry in ABAC repository-permissions mode. */
const PULL_DATA_ACTION = 'Microsoft.ContainerRegistry/registries/repositories/content/read';
/** Built-in role GUIDs the rules name (constant across tenants and clouds). */
const BUILTIN_ROLE_IDS = {
    Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    AcrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
    AcrPush: '8311e382-0749-4cb8-b61a-304f252e45ec',
    AcrDelete: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
    'Container Registry Repository Reader': 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
    'Container Registry Repository Writer': '2a1e307c-b015-4ebd-883e-5b7698a07328',
    'Container Registry Repository Contributor': '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
    'Container Registry Repository Catalog Lister': 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
};
/** Role definition GUID of a roleDefinitionId (last segment, lower-cased). */
function roleGuid(roleDefinitionId) {
    return (0,arm_id/* resourceNameOf */.r2)(roleDefinitionId).toLowerCase();
}
const CONTRIBUTOR_NOT_ACTIONS = [
    'Microsoft.Authorization/*/Delete',
    'Microsoft.Authorization/*/Write',
    'Microsoft.Authorization/elevateAccess/Action',
    'Microsoft.Blueprint/blueprintAssignments/write',
    'Microsoft.Blueprint/blueprintAssignments/delete',
    'Microsoft.Compute/galleries/share/action',
    'Microsoft.Purview/consents/write',
    'Microsoft.Purview/consents/delete',
    'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
    'Microsoft.Subscription/cancel/action',
    'Microsoft.Subscription/enable/action',
];
function builtin(name, permission) {
    return {
        id: `/providers/Microsoft.Authorization/roleDefinitions/${BUILTIN_ROLE_IDS[name]}`,
        roleName: name,
        roleType: 'BuiltInRole',
        permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...permission }],
    };
}
const REPO = 'Microsoft.ContainerRegistry/registries/repositories';
/**
 * The pull-relevant built-in roles (Microsoft's published definitions, docs "Azure built-in roles for Containers").
 * Used only when reading a built-in definition from ARM fails: built-in GUIDs and these permissions are the same in
 * every tenant.
 */
const BUILTIN_ROLE_DEFINITIONS = Object.fromEntries([
    builtin('Owner', { actions: ['*'] }),
    builtin('Contributor', { actions: ['*'], notActions: CONTRIBUTOR_NOT_ACTIONS }),
    builtin('Reader', { actions: ['*/read'] }),
    builtin('AcrPull', { actions: [PULL_ACTION] }),
    builtin('AcrPush', { actions: [PULL_ACTION, 'Microsoft.ContainerRegistry/registries/push/write'] }),
    builtin('AcrDelete', { actions: ['Microsoft.ContainerRegistry/registries/artifacts/delete'] }),
    builtin('Container Registry Repository Reader', {
        dataActions: [`${REPO}/metadata/read`, `${REPO}/content/read`],
    }),
    builtin('Container Registry Repository Writer', {
        dataActions: [`${REPO}/metadata/read`, `${REPO}/content/read`, `${REPO}/metadata/write`, `${REPO}/content/write`],
    }),
    builtin('Container Registry Repository Contributor', {
        dataActions: [
            `${REPO}/metadata/read`,
            `${REPO}/content/read`,
            `${REPO}/metadata/write`,
            `${REPO}/content/write`,
            `${REPO}/metadata/delete`,
            `${REPO}/content/delete`,
        ],
    }),
    builtin('Container Registry Repository Catalog Lister', {
        dataActions: ['Microsoft.ContainerRegistry/registries/catalog/read'],
    }),
].map((d) => [roleGuid(d.id), d]));
/** Built-in roles that grant pull only in legacy mode (named by pull-role-not-honored-abac). */
const LEGACY_PULL_ROLE_IDS = new Set([
    BUILTIN_ROLE_IDS.AcrPull,
    BUILTIN_ROLE_IDS.AcrPush,
    BUILTIN_ROLE_IDS.Owner,
    BUILTIN_ROLE_IDS.Contributor,
    BUILTIN_ROLE_IDS.Reader,
]);

;// CONCATENATED MODULE: ./src/lib/rbac-actions.ts
// Azure RBAC action matching: does a role's permission block grant an action or data action (wildcards, notActions,
// notDataActions)? Pure knowledge shared by the role-assignment reader (which keeps only pull-relevant definitions)
// and the RBAC evaluator.
const patternCache = new Map();
/** ARM action pattern match: case-insensitive, `*` matches any run of characters (including `/`). */
function actionMatches(pattern, action) {
    let re = patternCache.get(pattern);
    if (!re) {
        const body = pattern
            .trim()
            .split('*')
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*');
        re = new RegExp(`^${body}$`, 'i');
        patternCache.set(pattern, re);
    }
    return re.test(action.trim());
}
/**
 * Whether a role definition grants `action` (kind `action`: actions/notActions; `dataAction`: dataActions/notDataActions).
 * `actions` never grant data actions, whatever their wildcards (`Microsoft.ContainerRegistry/*` grants no data action):
 * that is how Azure RBAC separates control and data plane.
 */
function roleGrants(definition, action, kind) {
    const matchedBy = [];
    for (const p of definition.permissions) {
        const allow = (kind === 'action' ? p.actions : p.dataActions) ?? [];
        const deny = (kind === 'action' ? p.notActions : p.notDataActions) ?? [];
        const hits = allow.filter((a) => actionMatches(a, action));
        if (hits.length === 0)
            continue;
        if (deny.some((n) => actionMatches(n, action)))
            continue;
        matchedBy.push(...hits);
    }
    return {
        granted: matchedBy.length > 0,
        viaWildcardOnly: matchedBy.length > 0 && matchedBy.every((m) => m.includes('*')),
        matchedBy,
    };
}

;// CONCATENATED MODULE: ./src/facts/azure/sdk-bodies.ts
// The SDK bodies behind the cluster and registry facts, kept inside facts/: the network collector needs the whole
// ManagedCluster and Registry bodies, the checks only the fields types/facts/identity.ts names. No SDK body crosses
// into types/ (the reducers in cluster.ts and registries.ts remember the body here, keyed by the facts object).
const clusters = new WeakMap();
const registries = new WeakMap();
function rememberClusterBody(facts, body) {
    clusters.set(facts, body);
}
function rememberRegistryBody(facts, body) {
    registries.set(facts, body);
}
/** The ManagedCluster these facts were reduced from, when they came from ARM. */
function clusterBody(facts) {
    return clusters.get(facts);
}
/** The Registry bodies of these facts (those that came from ARM), in order. */
function registryBodies(facts) {
    return facts.flatMap((r) => {
        const body = registries.get(r);
        return body ? [body] : [];
    });
}

;// CONCATENATED MODULE: ./src/facts/azure/cluster.ts
// The AKS cluster as ARM describes it (I/O): kubelet identity, control-plane identity, service principal, tenant and
// agent pools, read with @azure/arm-containerservice. Also the small helpers the other identity fact modules share:
// client options for the injected cloud, and turning an SDK error into "unverifiable: why + which permission".


const CLUSTER_ID_RE = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)\/?$/i;
/**
 * Options for the modular ARM clients: the injected cloud's endpoint, and its scope. The clients default to the public
 * cloud's scope whatever the endpoint, which would send a token for the wrong audience to sovereign clouds and the
 * emulator.
 */
function armClientOptions(ctx) {
    const endpoints = ctx.azure.endpoints;
    return { endpoint: endpoints.resourceManager, credentials: { scopes: [(0,clouds/* armScope */.Rz)(endpoints)] } };
}
/** HTTP status of an SDK (RestError) or fetch error, when it has one. */
function statusOf(err) {
    if (typeof err === 'object' && err !== null && 'statusCode' in err) {
        const s = err.statusCode;
        return typeof s === 'number' ? s : undefined;
    }
    return undefined;
}
/** One line, no secrets: the SDK error's code and status (messages may quote request URLs, never credentials). */
function describeError(err) {
    const status = statusOf(err);
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    const message = err instanceof Error ? err.message.split('\n')[0].slice(0, 300) : String(err).slice(0, 300);
    return [status ? `HTTP ${status}` : '', code && code !== 'undefined' ? code : '', message].filter(Boolean).join(' ');
}
/** Turns a failed read into Unverifiable; 401/403 name the permission that would let the gate read it. */
function unverifiableFrom(err, what, permission) {
    const status = statusOf(err);
    const u = { reason: `cannot read ${what}: ${describeError(err)}` };
    if (status === 401 || status === 403)
        u.permission = permission;
    return u;
}
function noSignIn(what) {
    return {
        reason: `no Azure sign-in, so ${what} could not be read`,
        permission: 'an Azure sign-in (azure/login or client-id + tenant-id)',
    };
}
function agentPoolLike(p) {
    const out = {};
    if (p.name)
        out.name = p.name;
    if (p.osType)
        out.osType = p.osType;
    if (p.osSKU)
        out.osSKU = p.osSKU;
    if (p.vmSize)
        out.vmSize = p.vmSize;
    if (p.currentOrchestratorVersion)
        out.currentOrchestratorVersion = p.currentOrchestratorVersion;
    return out;
}
/** Reduces a ManagedCluster body to the identity facts (pure; exported for tests and the audit). */
function clusterFactsFrom(mc, clusterId, pools) {
    const m = CLUSTER_ID_RE.exec(mc.id ?? clusterId) ?? CLUSTER_ID_RE.exec(clusterId);
    const facts = {
        id: mc.id ?? clusterId,
        name: mc.name ?? m?.[3] ?? '',
        resourceGroup: m?.[2] ?? '',
        subscriptionId: m?.[1] ?? '',
        controlPlane: [],
        agentPools: (pools ?? mc.agentPoolProfiles ?? []).map(agentPoolLike),
    };
    rememberClusterBody(facts, mc);
    if (mc.fqdn)
        facts.fqdn = mc.fqdn;
    if (mc.privateFqdn)
        facts.privateFqdn = mc.privateFqdn;
    if (mc.identity?.tenantId)
        facts.tenantId = mc.identity.tenantId;
    // identityProfile keys are documented as "kubeletidentity"; compare case-insensitively all the same.
    const kubeletKey = Object.keys(mc.identityProfile ?? {}).find((k) => k.toLowerCase() === 'kubeletidentity');
    const k = kubeletKey ? mc.identityProfile?.[kubeletKey] : undefined;
    if (k) {
        facts.kubelet = {};
        if (k.objectId)
            facts.kubelet.objectId = k.objectId;
        if (k.clientId)
            facts.kubelet.clientId = k.clientId;
        if (k.resourceId)
            facts.kubelet.resourceId = k.resourceId;
    }
    if (mc.identity?.principalId) {
        facts.controlPlane.push({ principalId: mc.identity.principalId, label: 'system-assigned control-plane identity' });
    }
    for (const [resourceId, v] of Object.entries(mc.identity?.userAssignedIdentities ?? {})) {
        if (v.principalId)
            facts.controlPlane.push({ principalId: v.principalId, label: `control-plane identity ${resourceId}` });
    }
    const spClient = mc.servicePrincipalProfile?.clientId;
    // `msi` means "managed identity"; a GUID is the service principal's app id.
    if (spClient && spClient.toLowerCase() !== 'msi')
        facts.servicePrincipalClientId = spClient;
    return facts;
}
/**
 * Reads the cluster (managedClusters.get) and its agent pools (agentPools.list; falls back to the body's
 * agentPoolProfiles when listing is refused). Never throws.
 */
async function getCluster(ctx, clusterId) {
    if (!ctx.azure)
        return noSignIn(`cluster ${clusterId}`);
    const m = CLUSTER_ID_RE.exec(clusterId.trim());
    if (!m)
        return { reason: `"${clusterId}" is not an AKS resource id` };
    const [, subscriptionId, resourceGroup, name] = m;
    const { ContainerServiceClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(834), __webpack_require__.e(614)]).then(__webpack_require__.bind(__webpack_require__, 35614));
    const client = new ContainerServiceClient(ctx.azure.credential, subscriptionId, armClientOptions(ctx));
    let mc;
    try {
        mc = await client.managedClusters.get(resourceGroup, name, { abortSignal: ctx.signal });
    }
    catch (err) {
        if (statusOf(err) === 404)
            return { reason: await notFoundLine(client, resourceGroup, name, ctx), notFound: true };
        return unverifiableFrom(err, `cluster ${clusterId}`, 'Microsoft.ContainerService/managedClusters/read');
    }
    let pools;
    try {
        pools = [];
        for await (const p of client.agentPools.list(resourceGroup, name, { abortSignal: ctx.signal }))
            pools.push(p);
    }
    catch (err) {
        ctx.logger.debug(`agentPools.list failed, using agentPoolProfiles: ${describeError(err)}`);
        pools = undefined;
    }
    return clusterFactsFrom(mc, clusterId, pools);
}
/** One line naming what the gate can see where the missing cluster was looked for: the group's clusters, or the subscription's. */
async function notFoundLine(client, resourceGroup, name, ctx) {
    const names = async (it) => {
        const out = [];
        for await (const c of it) {
            const id = c.id ?? '';
            const rg = /\/resourcegroups\/([^/]+)\//i.exec(id)?.[1];
            if (c.name)
                out.push(rg && rg.toLowerCase() !== resourceGroup.toLowerCase() ? `${rg}/${c.name}` : c.name);
            if (out.length >= 20)
                break;
        }
        return out.sort();
    };
    try {
        const inGroup = await names(client.managedClusters.listByResourceGroup(resourceGroup, { abortSignal: ctx.signal }));
        return `cluster ${name} was not found in resource group ${resourceGroup}; the gate sees ${inGroup.length ? `these clusters there: ${inGroup.join(', ')}` : 'no AKS cluster in that resource group'}`;
    }
    catch (err) {
        if (statusOf(err) !== 404)
            return `cluster ${name} was not found in resource group ${resourceGroup} (${describeError(err)})`;
    }
    try {
        const inSub = await names(client.managedClusters.list({ abortSignal: ctx.signal }));
        return `resource group ${resourceGroup} was not found (cluster ${name}); the gate sees ${inSub.length ? `these clusters in the subscription: ${inSub.join(', ')}` : 'no AKS cluster in the subscription'}`;
    }
    catch (err) {
        return `resource group ${resourceGroup} was not found (cluster ${name}; listing the subscription failed: ${describeError(err)})`;
    }
}

// EXTERNAL MODULE: ./src/facts/azure/arm-get.ts
var arm_get = __webpack_require__(54208);
;// CONCATENATED MODULE: ./src/facts/azure/identity-bindings.ts
// Identity bindings (service-account image pull): a pod whose ServiceAccount carries
// `kubernetes.azure.com/acr-client-id` pulls with that user-assigned identity (cloud-provider-azure identity bindings;
// AgentBaker's credential-provider config names the annotation). This finds each such identity by its client id:
// `Microsoft.ManagedIdentity/userAssignedIdentities` in every visible subscription (`properties.clientId`,
// `properties.principalId`), read with plain ARM GETs (arm-get.ts: no SDK for it is installed).
// Never throws: an identity the gate cannot find or read is Unverifiable.



const ACR_CLIENT_ID_ANNOTATION = 'kubernetes.azure.com/acr-client-id';
const API_VERSION = '2023-01-31';
/** Every user-assigned identity of one subscription, or why they could not be listed. */
async function listIdentities(arm, subscriptionId) {
    try {
        return await arm.list(`/subscriptions/${subscriptionId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`, API_VERSION);
    }
    catch (err) {
        return unverifiableFrom(err, `the user-assigned identities of subscription ${subscriptionId}`, 'Microsoft.ManagedIdentity/userAssignedIdentities/read');
    }
}
/** The identity behind each client id (lower-case keys), searched in every given subscription. */
async function findBoundIdentities(ctx, clientIds, subscriptionIds) {
    const out = {};
    const wanted = [...new Set(clientIds.map((c) => c.trim().toLowerCase()))].filter(Boolean);
    if (wanted.length === 0)
        return out;
    if (!ctx.azure) {
        for (const c of wanted)
            out[c] = noSignIn(`the identity with client id ${c}`);
        return out;
    }
    const endpoints = ctx.azure.endpoints;
    const arm = new arm_get/* ArmGetter */.oC(ctx.azure.credential, endpoints.resourceManager, (0,clouds/* armScope */.Rz)(endpoints), ctx.signal);
    const lists = await Promise.all(subscriptionIds.map((s) => listIdentities(arm, s)));
    const problems = lists.filter((l) => !Array.isArray(l));
    const all = lists.filter((l) => Array.isArray(l)).flat();
    for (const c of wanted) {
        const hit = all.find((i) => (i.clientId ?? '').toLowerCase() === c && i.principalId);
        if (hit?.principalId) {
            out[c] = { clientId: c, principalId: hit.principalId, resourceId: hit.id ?? '' };
            continue;
        }
        out[c] = problems[0]
            ? { ...problems[0], reason: `no visible user-assigned identity has client id ${c} (${problems[0].reason})` }
            : { reason: `no user-assigned identity the gate can see has client id ${c}` };
    }
    return out;
}

;// CONCATENATED MODULE: ./src/facts/azure/graph.ts
// Microsoft Graph reads (I/O, fetch + a token for `<graph>/.default`): an application by appId (its
// passwordCredentials: expiry of service-principal secrets), a service principal by appId (its object id, the principal
// role assignments name), and a principal's transitive group memberships. 401/403 become Unverifiable naming the Graph
// permission. Shared with the pull-secret checks. Tokens never leave this module or reach a log line.

const GRAPH_APP_PERMISSION = 'Application.Read.All';
/** transitiveMemberOf needs directory read rights beyond Application.Read.All. */
const GRAPH_MEMBERSHIP_PERMISSION = 'GroupMember.Read.All (or Directory.Read.All)';
function base(ctx) {
    return ctx.azure.endpoints.graph.replace(/\/+$/, '');
}
/** GET a Graph URL (must be on the Graph endpoint: the token is only ever sent there). */
async function graphGet(ctx, url, permission) {
    if (!ctx.azure)
        return noSignIn('Microsoft Graph');
    const graph = new URL(base(ctx));
    const target = new URL(url);
    if (target.origin !== graph.origin)
        return { reason: `refusing to send a Graph token to ${target.origin}` };
    let token;
    try {
        const t = await ctx.azure.credential.getToken(`${base(ctx)}/.default`, { abortSignal: ctx.signal });
        if (!t)
            return { reason: 'no token for Microsoft Graph', permission };
        token = t.token;
    }
    catch (err) {
        return { reason: `no token for Microsoft Graph: ${describeError(err)}`, permission };
    }
    let res;
    try {
        res = await ctx.fetch(target, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            signal: ctx.signal,
        });
    }
    catch (err) {
        return { reason: `Microsoft Graph unreachable: ${describeError(err)}` };
    }
    if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        return { reason: `Microsoft Graph answered ${res.status}`, permission };
    }
    if (res.status === 404) {
        await res.body?.cancel();
        return { status: 404 };
    }
    if (!res.ok) {
        await res.body?.cancel();
        return { reason: `Microsoft Graph answered ${res.status}` };
    }
    try {
        return { status: res.status, body: (await res.json()) };
    }
    catch {
        return { reason: 'Microsoft Graph returned a body that is not JSON' };
    }
}
function isU(x) {
    return typeof x === 'object' && x !== null && 'reason' in x;
}
function str(v) {
    return typeof v === 'string' ? v : undefined;
}
function passwordCredentials(v) {
    if (!Array.isArray(v))
        return [];
    return v
        .filter((p) => typeof p === 'object' && p !== null)
        .map((p) => {
        // secretText and hint stay behind: neither is needed for expiry.
        const out = {};
        if (str(p.keyId))
            out.keyId = str(p.keyId);
        if (str(p.displayName))
            out.displayName = str(p.displayName);
        if (str(p.startDateTime))
            out.startDateTime = str(p.startDateTime);
        if (p.endDateTime === null)
            out.endDateTime = null;
        else if (str(p.endDateTime))
            out.endDateTime = str(p.endDateTime);
        return out;
    });
}
/** GET /v1.0/applications(appId='...')?$select=id,appId,displayName,passwordCredentials */
async function getApplicationByAppId(ctx, appId) {
    if (!ctx.azure)
        return noSignIn('Microsoft Graph');
    const url = `${base(ctx)}/v1.0/applications(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName,passwordCredentials`;
    const r = await graphGet(ctx, url, GRAPH_APP_PERMISSION);
    if (isU(r))
        return r;
    if (r.status === 404 || !r.body)
        return { notFound: `no application with appId ${appId} in the gate's tenant` };
    const app = {
        id: str(r.body.id) ?? '',
        appId: str(r.body.appId) ?? appId,
        passwordCredentials: passwordCredentials(r.body.passwordCredentials),
    };
    if (str(r.body.displayName))
        app.displayName = str(r.body.displayName);
    return { found: app };
}
/** GET /v1.0/servicePrincipals(appId='...')?$select=id,appId,displayName,appOwnerOrganizationId */
async function getServicePrincipalByAppId(ctx, appId) {
    if (!ctx.azure)
        return noSignIn('Microsoft Graph');
    const url = `${base(ctx)}/v1.0/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName,appOwnerOrganizationId`;
    const r = await graphGet(ctx, url, GRAPH_APP_PERMISSION);
    if (isU(r))
        return r;
    if (r.status === 404 || !r.body)
        return { notFound: `no service principal with appId ${appId} in the gate's tenant` };
    const sp = { id: str(r.body.id) ?? '', appId: str(r.body.appId) ?? appId };
    if (str(r.body.displayName))
        sp.displayName = str(r.body.displayName);
    if (str(r.body.appOwnerOrganizationId))
        sp.appOwnerOrganizationId = str(r.body.appOwnerOrganizationId);
    return { found: sp };
}
/**
 * Object ids of every group `objectId` belongs to, directly or through nested groups
 * (GET /v1.0/directoryObjects/{id}/transitiveMemberOf, following @odata.nextLink on the Graph endpoint only).
 */
async function getTransitiveGroups(ctx, objectId) {
    if (!ctx.azure)
        return noSignIn('Microsoft Graph');
    const ids = [];
    let url = `${base(ctx)}/v1.0/directoryObjects/${encodeURIComponent(objectId)}/transitiveMemberOf?$select=id`;
    for (let page = 0; url && page < 50; page++) {
        const r = await graphGet(ctx, url, GRAPH_MEMBERSHIP_PERMISSION);
        if (isU(r))
            return r;
        if (r.status === 404 || !r.body)
            return { reason: `principal ${objectId} not found in Microsoft Graph` };
        const value = Array.isArray(r.body.value) ? r.body.value : [];
        for (const o of value) {
            const type = str(o['@odata.type']);
            if (str(o.id) && (!type || type === '#microsoft.graph.group'))
                ids.push(str(o.id));
        }
        url = str(r.body['@odata.nextLink']);
    }
    return [...new Set(ids)];
}

;// CONCATENATED MODULE: ./src/facts/azure/registries.ts
// Which registry serves each image host (I/O): lists every subscription the gate can see (with its tenant) and the
// registries in each (another subscription is normal), and matches hosts to loginServer, dataEndpointHostNames and
// regional endpoints (<registry>.<region>.geo.azurecr.io), case-insensitively. Keeps the SDK's Registry objects for the network checks.
//
// api-version: @azure/arm-containerregistry 12 asks for 2025-11-01 by default, whose Registry carries
// `roleAssignmentMode`; a body without it stays "unknown" (never read as legacy).




function hostKey(host) {
    return host.trim().toLowerCase().replace(/\.$/, '');
}
/**
 * `geo` for `<label>.<region>.geo<suffix>` (a regional endpoint, the login server of one replica: Microsoft's ACR
 * endpoint reference) and `data` for `<label>.<region>.data<suffix>` (a dedicated data endpoint), where `<label>` is the
 * first label of the login server; undefined for any other host (pure).
 */
function replicaHostOf(host, loginServer, suffixes) {
    const h = hostKey(host);
    const login = hostKey(loginServer);
    const dot = login.indexOf('.');
    if (dot <= 0)
        return undefined;
    const label = login.slice(0, dot);
    for (const suffix of suffixes) {
        const s = suffix.toLowerCase().startsWith('.') ? suffix.toLowerCase() : `.${suffix.toLowerCase()}`;
        if (!login.endsWith(s))
            continue;
        const m = /^([^.]+)\.([a-z0-9]+)\.(geo|data)$/.exec(h.endsWith(s) ? h.slice(0, -s.length) : '');
        if (m && m[1] === label)
            return m[3];
    }
    return undefined;
}
/** Reduces a Registry body to the facts the identity checks use (pure). */
function registryFactsFrom(r, tenantId) {
    const id = r.id ?? '';
    const facts = {
        id,
        name: r.name ?? '',
        loginServer: (r.loginServer ?? '').toLowerCase(),
        dataEndpointHostNames: (r.dataEndpointHostNames ?? []).map(hostKey),
        subscriptionId: (0,arm_id/* subscriptionOf */.XD)(id) ?? '',
        resourceGroup: (0,arm_id/* resourceGroupOf */.Tp)(id) ?? '',
    };
    rememberRegistryBody(facts, r);
    if (r.anonymousPullEnabled !== undefined)
        facts.anonymousPullEnabled = r.anonymousPullEnabled;
    if (r.adminUserEnabled !== undefined)
        facts.adminUserEnabled = r.adminUserEnabled;
    const quarantine = r.policies?.quarantinePolicy?.status;
    if (quarantine)
        facts.quarantinePolicy = quarantine;
    if (tenantId)
        facts.tenantId = tenantId;
    if (r.roleAssignmentMode)
        facts.roleAssignmentMode = r.roleAssignmentMode;
    const armPolicy = r.policies?.azureADAuthenticationAsArmPolicy?.status;
    if (armPolicy)
        facts.armAudiencePolicy = armPolicy;
    return facts;
}
/** Lists the subscriptions and their registries, once per run (never throws). */
const listRegistries = oncePerRun(async (ctx) => {
    const azure = ctx.azure;
    const listing = { subscriptions: [], lists: [] };
    if (!azure)
        return listing;
    const [{ SubscriptionClient }, { ContainerRegistryManagementClient }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(570)]).then(__webpack_require__.bind(__webpack_require__, 13570)),
        Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(834), __webpack_require__.e(751)]).then(__webpack_require__.bind(__webpack_require__, 69751)),
    ]);
    try {
        const subs = new SubscriptionClient(azure.credential, armClientOptions(ctx));
        for await (const s of subs.subscriptions.list({ abortSignal: ctx.signal })) {
            if (!s.subscriptionId)
                continue;
            const entry = { subscriptionId: s.subscriptionId };
            if (s.tenantId)
                entry.tenantId = s.tenantId;
            if (s.displayName)
                entry.displayName = s.displayName;
            listing.subscriptions.push(entry);
        }
    }
    catch (err) {
        listing.problem = unverifiableFrom(err, 'the subscription list', 'Reader on the subscriptions that hold the registries');
        return listing;
    }
    listing.lists = await Promise.all(listing.subscriptions.map(async (s) => {
        const client = new ContainerRegistryManagementClient(azure.credential, s.subscriptionId, armClientOptions(ctx));
        const found = [];
        try {
            for await (const r of client.registries.list({ abortSignal: ctx.signal }))
                found.push(r);
            return { s, found };
        }
        catch (err) {
            ctx.logger.debug(`registries.list in ${s.subscriptionId} failed: ${describeError(err)}`);
            return {
                s,
                found,
                problem: {
                    ...unverifiableFrom(err, `the registries of subscription ${s.subscriptionId}`, 'Microsoft.ContainerRegistry/registries/read'),
                    subscriptionId: s.subscriptionId,
                },
            };
        }
    }));
    return listing;
});
/**
 * Starts ARM's registry listing for this run before the image hosts are known (the gate calls it while the
 * manifests are still being read); discoverRegistries then matches hosts against the same answer.
 */
function prefetchRegistries(ctx) {
    if (ctx.azure)
        void listRegistries(ctx, '');
}
/**
 * Finds the registry behind each host across every visible subscription. Never throws: a subscription whose
 * registries cannot be listed lands in `problems` (and its hosts stay unmatched).
 */
async function discoverRegistries(ctx, hosts) {
    const wanted = new Set(hosts.map(hostKey));
    const out = { registries: [], hosts: {}, subscriptions: [], problems: [] };
    for (const h of wanted)
        out.hosts[h] = null;
    if (!ctx.azure) {
        out.problems.push(noSignIn('the registries'));
        return out;
    }
    if (wanted.size === 0)
        return out;
    const suffixes = ctx.azure.endpoints.acrSuffixes;
    const listing = await listRegistries(ctx, '');
    out.subscriptions.push(...listing.subscriptions.map((s) => ({ ...s })));
    if (listing.problem) {
        out.problems.push(listing.problem);
        return out;
    }
    for (const { s, found, problem } of listing.lists) {
        if (problem)
            out.problems.push(problem);
        for (const r of found)
            adopt(out, registryFactsFrom(r, s.tenantId), wanted, suffixes);
    }
    await readNamedRegistries(ctx, out, wanted, suffixes);
    out.registries.sort((a, b) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1));
    return out;
}
/** Takes a registry into the discovery when it serves a wanted host: its login server, a data or regional endpoint. */
function adopt(out, facts, wanted, suffixes) {
    const regional = [...wanted].filter((h) => replicaHostOf(h, facts.loginServer, suffixes) === 'geo');
    const data = [...wanted].filter((h) => replicaHostOf(h, facts.loginServer, suffixes) === 'data');
    if (regional.length > 0)
        facts.regionalEndpointHostNames = regional;
    for (const h of data)
        if (!facts.dataEndpointHostNames.includes(h))
            facts.dataEndpointHostNames.push(h);
    const served = [facts.loginServer, ...facts.dataEndpointHostNames, ...regional].filter((h) => wanted.has(h));
    if (served.length === 0)
        return;
    out.registries.push(facts);
    for (const h of served)
        out.hosts[h] = facts.id;
}
/**
 * A registry in a subscription the gate cannot list (another tenant, or no Reader on the subscription) can still be
 * named by id (`registries`): the gate reads it directly. When ARM refuses the gate's token there with 401
 * InvalidAuthenticationTokenTenant, its answer names the subscription's tenant ("It must match the tenant
 * 'https://sts.windows.net/<tenant>/'"), which the registry-unknown finding passes on.
 */
async function readNamedRegistries(ctx, out, wanted, suffixes) {
    const azure = ctx.azure;
    if (!azure)
        return;
    for (const id of ctx.registryIds ?? []) {
        const sub = (0,arm_id/* subscriptionOf */.XD)(id);
        const rg = (0,arm_id/* resourceGroupOf */.Tp)(id);
        const name = (0,arm_id/* resourceNameOf */.r2)(id).toLowerCase();
        if (!sub || !rg || !name)
            continue;
        const hosts = [...wanted].filter((h) => out.hosts[h] === null && h.split('.')[0] === name);
        if (hosts.length === 0)
            continue;
        try {
            const { ContainerRegistryManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(834), __webpack_require__.e(751)]).then(__webpack_require__.bind(__webpack_require__, 69751));
            const client = new ContainerRegistryManagementClient(azure.credential, sub, armClientOptions(ctx));
            const r = await client.registries.get(rg, (0,arm_id/* resourceNameOf */.r2)(id), { abortSignal: ctx.signal });
            const tenantId = out.subscriptions.find((s) => s.subscriptionId === sub)?.tenantId;
            adopt(out, registryFactsFrom(r, tenantId), new Set(hosts), suffixes);
        }
        catch (err) {
            ctx.logger.debug(`registries.get ${id} failed: ${describeError(err)}`);
            const tenantId = otherTenantOf(err);
            if (!tenantId)
                continue;
            out.otherTenant ??= {};
            for (const h of hosts)
                out.otherTenant[h] = { registryId: id, tenantId };
        }
    }
}
/**
 * core-rest-pipeline's own `isRestError`, without loading the pipeline to ask: a RestError from any copy of it (the
 * SDKs bundle ts-http-runtime's as well) is an Error named "RestError".
 */
function isRestError(err) {
    return err instanceof Error && err.name === 'RestError';
}
/** The tenant ARM names in a 401 InvalidAuthenticationTokenTenant (body message or WWW-Authenticate), if that is it. */
function otherTenantOf(err) {
    if (!isRestError(err) || err.statusCode !== 401 || err.code !== 'InvalidAuthenticationTokenTenant')
        return undefined;
    const guid = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
    // "The access token is from the wrong issuer '<caller's>'. It must match the tenant '<subscription's>' …"
    const fromBody = new RegExp(`must match the tenant '[^']*/${guid}/?'`, 'i').exec(err.message);
    if (fromBody)
        return fromBody[1].toLowerCase();
    // WWW-Authenticate: Bearer authorization_uri="https://login.windows.net/<subscription's tenant>", error=...
    const header = err.response?.headers.get('www-authenticate') ?? '';
    const fromHeader = new RegExp(`authorization_uri="[^"]*/${guid}"`, 'i').exec(header);
    if (fromHeader)
        return fromHeader[1].toLowerCase();
    return undefined;
}

;// CONCATENATED MODULE: ./src/facts/azure/role-assignments.ts
// Role assignments, role definitions and deny assignments that bear on pulls (I/O, @azure/arm-authorization), and
// `collectIdentityFacts`, which gathers everything checks/identity.ts judges: the cluster, the registry behind each
// host, the assignments of the kubelet (or cluster service principal) and of the control-plane identity at or above
// each registry, and the cluster service principal's secrets. Never throws; what cannot be read is Unverifiable.










const EVERYONE = '00000000-0000-0000-0000-000000000000';
// One cache per run (per FactContext), so nothing leaks between runs or tests.
const caches = new WeakMap();
function cacheOf(ctx) {
    let c = caches.get(ctx);
    if (!c) {
        c = { definitions: new Map(), lists: new Map() };
        caches.set(ctx, c);
    }
    return c;
}
/** One client per run and subscription. */
const authClient = oncePerRun(async (ctx, subscriptionId) => {
    const { AuthorizationManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(860), __webpack_require__.e(43)]).then(__webpack_require__.bind(__webpack_require__, 71043));
    // arm-authorization 9 is a core-client ServiceClient: `credentialScopes`, not `credentials.scopes`.
    return new AuthorizationManagementClient(ctx.azure.credential, subscriptionId, {
        endpoint: armClientOptions(ctx).endpoint,
        credentialScopes: [(0,clouds/* armScope */.Rz)(ctx.azure.endpoints)],
    });
});
/** The SDK's `{scope}` path parameter is not encoded and the template already has the leading slash. */
function bare(scope) {
    return scope.replace(/^\/+/, '');
}
function assignmentFact(a) {
    if (!a.id || !a.roleDefinitionId || !a.principalId)
        return undefined;
    const f = {
        id: a.id,
        // ARM returns scope for every assignment; derive it from the id when a payload omits it.
        scope: a.scope ?? a.id.replace(/\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/]+$/i, '') ?? '/',
        roleDefinitionId: a.roleDefinitionId,
        principalId: a.principalId,
    };
    if (a.principalType)
        f.principalType = a.principalType;
    if (a.condition)
        f.condition = a.condition;
    if (a.conditionVersion)
        f.conditionVersion = a.conditionVersion;
    return f;
}
async function list(ctx, key, run, what) {
    const c = cacheOf(ctx);
    let p = c.lists.get(key);
    if (!p) {
        p = (async () => {
            try {
                const out = [];
                for await (const a of await run()) {
                    const f = assignmentFact(a);
                    if (f)
                        out.push(f);
                }
                return out;
            }
            catch (err) {
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
function listAssignmentsForPrincipalAtScope(ctx, scope, objectId) {
    if (!ctx.azure)
        return Promise.resolve(noSignIn('role assignments'));
    const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? ctx.azure.subscriptionId ?? '';
    const filter = `atScope() and assignedTo('${objectId}')`;
    return list(ctx, `scope|${scope.toLowerCase()}|${objectId.toLowerCase()}`, async () => (await authClient(ctx, sub)).roleAssignments.listForScope(bare(scope), { filter, abortSignal: ctx.signal }), `role assignments on ${scope}`);
}
/** Every assignment of `objectId` (and its groups) in a subscription, at any scope (`assignedTo('<oid>')`). */
function listAssignmentsForPrincipalInSubscription(ctx, subscriptionId, objectId) {
    if (!ctx.azure)
        return Promise.resolve(noSignIn('role assignments'));
    return list(ctx, `sub|${subscriptionId.toLowerCase()}|${objectId.toLowerCase()}`, async () => (await authClient(ctx, subscriptionId)).roleAssignments.listForSubscription({
        filter: `assignedTo('${objectId}')`,
        abortSignal: ctx.signal,
    }), `role assignments in subscription ${subscriptionId}`);
}
/** A role definition by its full id (roleDefinitions.getById), cached by GUID. Built-ins fall back to the published table. */
function getRoleDefinition(ctx, roleDefinitionId) {
    const guid = roleGuid(roleDefinitionId);
    const c = cacheOf(ctx);
    let p = c.definitions.get(guid);
    if (!p) {
        p = (async () => {
            if (!ctx.azure)
                return noSignIn('role definitions');
            const sub = /^\/subscriptions\/([^/]+)/i.exec(roleDefinitionId)?.[1] ?? ctx.azure.subscriptionId ?? '';
            try {
                const d = await (await authClient(ctx, sub)).roleDefinitions.getById(bare(roleDefinitionId), {
                    abortSignal: ctx.signal,
                });
                const fact = {
                    id: d.id ?? roleDefinitionId,
                    permissions: (d.permissions ?? []).map((x) => ({
                        actions: x.actions ?? [],
                        notActions: x.notActions ?? [],
                        dataActions: x.dataActions ?? [],
                        notDataActions: x.notDataActions ?? [],
                    })),
                };
                if (d.roleName)
                    fact.roleName = d.roleName;
                if (d.roleType)
                    fact.roleType = d.roleType;
                return fact;
            }
            catch (err) {
                const builtin = BUILTIN_ROLE_DEFINITIONS[guid];
                if (builtin) {
                    ctx.logger.debug(`role definition ${guid} unreadable (${describeError(err)}); using the published built-in`);
                    return builtin;
                }
                return unverifiableFrom(err, `role definition ${roleDefinitionId}`, 'Microsoft.Authorization/roleDefinitions/read');
            }
        })();
        c.definitions.set(guid, p);
    }
    return p;
}
/** Deny assignments at or above `scope` (`$filter=atScope()`); an API that is not there (404) counts as none. */
async function listDenyAssignmentsAtScope(ctx, scope) {
    if (!ctx.azure)
        return noSignIn('deny assignments');
    const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? '';
    try {
        const out = [];
        for await (const d of (await authClient(ctx, sub)).denyAssignments.listForScope(bare(scope), {
            filter: 'atScope()',
            abortSignal: ctx.signal,
        })) {
            if (!d.id || !d.scope)
                continue;
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
                principals: (d.principals ?? []).filter((x) => x.id).map((x) => ({ id: x.id, type: x.type })),
                excludePrincipals: (d.excludePrincipals ?? []).filter((x) => x.id).map((x) => ({ id: x.id, type: x.type })),
            });
        }
        return out;
    }
    catch (err) {
        if (statusOf(err) === 404)
            return [];
        return unverifiableFrom(err, `deny assignments on ${scope}`, 'Microsoft.Authorization/denyAssignments/read');
    }
}
function grantsPullAnywhere(def) {
    return Boolean(def && (roleGrants(def, PULL_ACTION, 'action').granted || roleGrants(def, PULL_DATA_ACTION, 'dataAction').granted));
}
async function clusterServicePrincipal(ctx, appId) {
    const [app, sp] = await Promise.all([getApplicationByAppId(ctx, appId), getServicePrincipalByAppId(ctx, appId)]);
    if (isUnverifiable(sp) && isUnverifiable(app))
        return sp;
    const facts = { appId, passwordCredentials: [] };
    if ('found' in sp) {
        facts.objectId = sp.found.id;
        if (sp.found.displayName)
            facts.displayName = sp.found.displayName;
    }
    if ('found' in app) {
        facts.passwordCredentials = app.found.passwordCredentials;
        if (!facts.displayName && app.found.displayName)
            facts.displayName = app.found.displayName;
    }
    else if (isUnverifiable(app)) {
        facts.passwordCredentials = app;
    }
    else {
        // The application lives in another tenant (a multitenant app): its secrets are not visible from here.
        facts.passwordCredentials = { reason: app.notFound };
    }
    return facts;
}
/**
 * Everything the identity checks need for one cluster and the image hosts of the manifests. `clusterId` is an AKS
 * resource id; `hosts` are image registry hosts (any; only those a visible registry serves are evaluated).
 */
async function collectIdentityFacts(ctx, clusterId, hosts, serviceAccountBindings = {}) {
    return collectAccessFacts(ctx, await readClusterAndRegistries(ctx, clusterId, hosts), serviceAccountBindings);
}
/** The cluster read once per run: the gate starts it while the manifests are read (prefetchCluster). */
const readCluster = oncePerRun(getCluster);
/** Starts the cluster read before the image hosts are known; readClusterAndRegistries takes the same answer. */
function prefetchCluster(ctx, clusterId) {
    if (ctx.azure)
        void readCluster(ctx, clusterId);
}
/** The first step of collectIdentityFacts (two ARM reads in parallel), so the gate can start the image checks then. */
async function readClusterAndRegistries(ctx, clusterId, hosts) {
    const [cluster, discovery] = await Promise.all([readCluster(ctx, clusterId), discoverRegistries(ctx, hosts)]);
    if (!isUnverifiable(cluster))
        fillClusterTenant(cluster, discovery.subscriptions);
    return { cluster, discovery };
}
/**
 * The rest of collectIdentityFacts: the kubelet's principal, bound workload identities, role and deny assignments
 * at every registry, role definitions, groups and stale assignments. Runs beside the image checks.
 */
async function collectAccessFacts(ctx, { cluster, discovery }, serviceAccountBindings = {}) {
    const facts = {
        now: ctx.now.toISOString(),
        acrSuffixes: ctx.azure?.endpoints.acrSuffixes ?? ['.azurecr.io', '.azurecr.cn', '.azurecr.us'],
        cluster,
        discovery,
        access: {},
        definitions: {},
        groups: {},
    };
    if (isUnverifiable(cluster))
        return facts;
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
        facts.boundIdentities = await findBoundIdentities(ctx, bindingIds, discovery.subscriptions.map((s) => s.subscriptionId));
    }
    const bound = Object.values(facts.boundIdentities ?? {}).flatMap((b) => ('principalId' in b ? [b.principalId] : []));
    const principals = [
        ...new Set([puller, ...cluster.controlPlane.map((c) => c.principalId), ...bound].filter((p) => Boolean(p))),
    ];
    await Promise.all(discovery.registries.map((r) => collectRegistryAccess(ctx, facts, r, principals)));
    await collectDefinitions(ctx, facts);
    if (puller) {
        await collectGroupsIfNeeded(ctx, facts, puller);
        await collectStaleAssignments(ctx, facts, puller);
    }
    return facts;
}
function fillClusterTenant(cluster, subs) {
    if (cluster.tenantId)
        return;
    const s = subs.find((x) => x.subscriptionId.toLowerCase() === cluster.subscriptionId.toLowerCase());
    if (s?.tenantId)
        cluster.tenantId = s.tenantId;
}
async function collectRegistryAccess(ctx, facts, r, principals) {
    const access = { registryId: r.id, assignments: {} };
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
        if (isUnverifiable(l))
            continue;
        for (const a of l) {
            const m = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)\/?$/i.exec(a.scope);
            if (m)
                groups.add(m[1]);
        }
    }
    if (groups.size > 0)
        r.managementGroups = [...groups];
    facts.access[r.id.toLowerCase()] = access;
}
async function collectDefinitions(ctx, facts) {
    const ids = new Map();
    for (const access of Object.values(facts.access)) {
        for (const l of Object.values(access.assignments)) {
            if (isUnverifiable(l))
                continue;
            for (const a of l)
                ids.set(roleGuid(a.roleDefinitionId), a.roleDefinitionId);
        }
    }
    await Promise.all([...ids.entries()].map(async ([guid, id]) => {
        const d = await getRoleDefinition(ctx, id);
        if (!isUnverifiable(d))
            facts.definitions[guid] = d;
    }));
}
/** Graph group membership only matters for deny assignments naming groups (role assignments come via assignedTo). */
async function collectGroupsIfNeeded(ctx, facts, puller) {
    const needs = Object.values(facts.access).some((a) => Array.isArray(a.denyAssignments) &&
        a.denyAssignments.some((d) => d.principals.some((p) => p.id !== EVERYONE && p.id.toLowerCase() !== puller.toLowerCase())));
    if (!needs)
        return;
    const groups = await getTransitiveGroups(ctx, puller);
    if (!isUnverifiable(groups))
        facts.groups[puller.toLowerCase()] = groups;
    else
        ctx.logger.debug(`group membership of ${puller} unreadable: ${groups.reason}`);
}
/**
 * The seed incident: a registry recreated under the same name elsewhere leaves the kubelet's AcrPull on the old id.
 * Finds pull-granting assignments of the puller on other registries with the same name (same subscriptions).
 */
async function collectStaleAssignments(ctx, facts, puller) {
    const stale = {};
    await Promise.all(facts.discovery.registries.map(async (r) => {
        const subs = new Set([r.subscriptionId.toLowerCase()]);
        if (!isUnverifiable(facts.cluster))
            subs.add(facts.cluster.subscriptionId.toLowerCase());
        for (const sub of subs) {
            const l = await listAssignmentsForPrincipalInSubscription(ctx, sub, puller);
            if (isUnverifiable(l))
                continue;
            for (const a of l) {
                if (!/\/providers\/Microsoft\.ContainerRegistry\/registries\/[^/]+$/i.test(a.scope))
                    continue;
                if ((0,arm_id/* resourceNameOf */.r2)(a.scope).toLowerCase() !== r.name.toLowerCase() || (0,arm_id/* sameArmId */.e1)(a.scope, r.id))
                    continue;
                let def = facts.definitions[roleGuid(a.roleDefinitionId)];
                if (!def)
                    def = await getRoleDefinition(ctx, a.roleDefinitionId);
                if (isUnverifiable(def) || !grantsPullAnywhere(def))
                    continue;
                (stale[r.id.toLowerCase()] ??= []).push(a);
            }
        }
    }));
    if (Object.keys(stale).length > 0)
        facts.staleAssignments = stale;
}

;// CONCATENATED MODULE: ./src/facts/network/for-cluster.ts
// The network facts of the cluster the identity facts read: the collector needs the ManagedCluster and Registry bodies,
// which stay inside facts/ (azure/sdk-bodies.ts). @azure/arm-network is the largest module of the bundle: it is
// loaded only when there is a cluster to check.

/** Undefined when the cluster facts did not come from an ARM body (nothing to read the network of). */
async function collectClusterNetworkFacts(ctx, cluster, registries) {
    const body = clusterBody(cluster);
    if (!body)
        return undefined;
    const { collectNetworkFacts } = await __webpack_require__.e(/* import() */ 652).then(__webpack_require__.bind(__webpack_require__, 68652));
    return collectNetworkFacts(ctx, body, registryBodies(registries));
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/facts/registry/credential-policy.ts
// Where a registry credential may be sent (DESIGN.md, verdict principles): over HTTPS (plain HTTP only to loopback),
// to the registry's own host, or to a token realm on the same host or in the same registrable domain
// (auth.docker.io for docker.io). Anything else is refused and the secret never leaves the process.

/** Where Docker Hub's API really lives: `docker.io` is a name, not a host that serves /v2/. */
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ENDPOINT = 'registry-1.docker.io';
/**
 * Suffixes under which different labels belong to different owners (a subset of the Public Suffix List that matters
 * for registries): `evil.azurecr.io` must not receive `prodacr.azurecr.io`'s credential.
 */
const SHARED_SUFFIXES = new Set([
    'azurecr.io',
    'azurecr.cn',
    'azurecr.us',
    'azurewebsites.net',
    'cloudapp.azure.com',
    'cloudapp.net',
    'blob.core.windows.net',
    'amazonaws.com',
    'cloudfront.net',
    'pkg.dev',
    'appspot.com',
    'github.io',
    'githubusercontent.com',
    'herokuapp.com',
    'ngrok.io',
    'ngrok-free.app',
    'nip.io',
    'sslip.io',
    'co.uk',
    'org.uk',
    'ac.uk',
    'com.au',
    'net.au',
    'co.jp',
    'co.nz',
    'com.br',
    'com.cn',
    'co.in',
    'co.kr',
    'co.za',
]);
function hostnameOf(hostWithPort) {
    // `[::1]:5000` -> `::1`; `host:5000` -> `host`
    if (hostWithPort.startsWith('['))
        return hostWithPort.slice(1, hostWithPort.indexOf(']')).toLowerCase();
    const colon = hostWithPort.lastIndexOf(':');
    return (colon > 0 && hostWithPort.indexOf(':') === colon ? hostWithPort.slice(0, colon) : hostWithPort).toLowerCase();
}
function isLoopbackHost(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (h === 'localhost' || h.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_.isIP)(h) === 4)
        return h.startsWith('127.');
    if ((0,external_node_net_.isIP)(h) === 6)
        return h === '::1' || h === '0:0:0:0:0:0:0:1';
    return false;
}
/** The registrable domain ("eTLD+1") of a host name; IP addresses are their own domain. */
function registrableDomain(hostname) {
    const h = hostname
        .replace(/^\[|\]$/g, '')
        .toLowerCase()
        .replace(/\.$/, '');
    if ((0,external_node_net_.isIP)(h) !== 0)
        return h;
    const labels = h.split('.');
    if (labels.length <= 2)
        return h;
    for (let i = 1; i < labels.length - 1; i++) {
        const suffix = labels.slice(i).join('.');
        if (SHARED_SUFFIXES.has(suffix))
            return labels.slice(i - 1).join('.');
    }
    return labels.slice(-2).join('.');
}
/** The host that serves /v2/ for a registry name. */
function registryEndpointHost(registry) {
    return registry.toLowerCase() === DOCKER_HUB ? DOCKER_HUB_ENDPOINT : registry;
}
/** May a registry credential (Basic password, refresh token) for `registry` be sent to `url`? */
function mayReceiveCredential(registry, url) {
    const target = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(target))) {
        return { ok: false, reason: `${url.origin} is not HTTPS; a credential is never sent over plain HTTP` };
    }
    const own = hostnameOf(registry);
    const endpoint = hostnameOf(registryEndpointHost(registry));
    if (target === own || target === endpoint)
        return { ok: true };
    if ((0,external_node_net_.isIP)(target) === 0 && (0,external_node_net_.isIP)(own) === 0 && registrableDomain(target) === registrableDomain(own))
        return { ok: true };
    return {
        ok: false,
        reason: `token realm ${url.origin} is neither ${own} nor in its domain; the credential was not sent there`,
    };
}
/** May an anonymous token request go to this realm? (Nothing secret travels, but plain HTTP is still refused off-host.) */
function mayUseRealm(url) {
    if (url.protocol === 'https:')
        return { ok: true };
    if (url.protocol === 'http:' && isLoopbackHost(url.hostname))
        return { ok: true };
    return { ok: false, reason: `token realm ${url.origin} is not HTTPS` };
}

// EXTERNAL MODULE: ./src/facts/registry/errors.ts
var errors = __webpack_require__(72612);
// EXTERNAL MODULE: ./src/facts/registry/http.ts
var registry_http = __webpack_require__(38843);
;// CONCATENATED MODULE: ./src/facts/registry/acr.ts
// Azure Container Registry extras: exchanging an Entra access token for an ACR refresh token (`POST /oauth2/exchange`),
// and the `/acr/v1/` attributes that decide pulls beyond the manifest's existence (readEnabled, quarantineState).
// Shapes: shared/material/azure-arm/containerregistry-dataplane/ (2021-07-01).




/** Default ACR test of the registry client: any ACR host kind (lib/acr-host.ts). */

/**
 * `POST https://<registry>/oauth2/exchange` (grant_type=access_token): an Entra access token for an ACR refresh token.
 * The Entra token is a secret: it goes only where a registry credential may go.
 */
async function exchangeEntraToken(http, base, registry, entraToken, tenant) {
    const url = new URL('/oauth2/exchange', base);
    const verdict = mayReceiveCredential(registry, url);
    if (!verdict.ok)
        throw new errors/* RegistryError */.gl('credential-refused', verdict.reason);
    const form = new URLSearchParams({ grant_type: 'access_token', service: registry, access_token: entraToken });
    if (tenant)
        form.set('tenant', tenant);
    const res = await http.send('acr-exchange', url, {
        method: 'POST',
        pool: registry,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
    });
    if (res.status === 401 || res.status === 403) {
        if (res.status === 403)
            (0,registry_http/* throwIfFirewall */.O_)(res, registry);
        throw new errors/* RegistryError */.gl(res.status === 401 ? 'unauthorized' : 'denied', `${registry} refused to exchange the gate's Entra token for a registry token (${res.status})`, res.status);
    }
    if (res.status !== 200) {
        const kind = res.status === 429 ? 'throttled' : res.status >= 500 ? 'server-error' : 'protocol';
        throw new errors/* RegistryError */.gl(kind, `${registry} /oauth2/exchange answered ${res.status}`, res.status);
    }
    const text = (0,registry_http/* readBounded */.CB)(res, 1024 * 1024, registry);
    let token;
    try {
        token = JSON.parse(text).refresh_token;
    }
    catch {
        token = undefined;
    }
    if (typeof token !== 'string' || token === '') {
        throw new errors/* RegistryError */.gl('protocol', `${registry} /oauth2/exchange returned no refresh_token`);
    }
    return token;
}
function rec(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}
/** `changeableAttributes.readEnabled` of a `GET /acr/v1/<repo>/_tags/<tag>` body, plus the tag's digest. */
function parseTagAttributes(body) {
    try {
        const tag = rec(rec(JSON.parse(body))?.tag);
        const ca = rec(tag?.changeableAttributes);
        const out = {};
        if (typeof ca?.readEnabled === 'boolean')
            out.readEnabled = ca.readEnabled;
        if (typeof tag?.digest === 'string')
            out.digest = tag.digest;
        return out;
    }
    catch {
        return {};
    }
}
/** changeableAttributes.readEnabled of a `GET /acr/v1/<repo>` body (the repository's own lock). */
function parseRepositoryReadEnabled(body) {
    try {
        const ca = rec(rec(JSON.parse(body))?.changeableAttributes);
        return typeof ca?.readEnabled === 'boolean' ? ca.readEnabled : undefined;
    }
    catch {
        return undefined;
    }
}
/** readEnabled and quarantineState of a `GET /acr/v1/<repo>/_manifests/<digest>` body. */
function parseManifestAttributes(body) {
    try {
        const m = rec(rec(JSON.parse(body))?.manifest);
        const ca = rec(m?.changeableAttributes);
        const out = {};
        if (typeof ca?.readEnabled === 'boolean')
            out.readEnabled = ca.readEnabled;
        // The quarantine state sits beside changeableAttributes in current API versions, inside it in older ones.
        const q = m?.quarantineState ?? ca?.quarantineState;
        if (typeof q === 'string' && q !== '')
            out.quarantineState = q;
        return out;
    }
    catch {
        return {};
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/facts/registry/auth.ts
// Registry authentication: the `GET /v2/` challenge, `WWW-Authenticate` parsing, Bearer tokens (anonymous, with Basic
// credentials, with a refresh token) and Basic, and a token cache per registry + scope + credential.
// Every credential goes through credential-policy.ts before it is put on the wire.




/** Parses `WWW-Authenticate` (RFC 7235), including quoted values with commas (`scope="repository:a:pull,push"`). */
function parseWwwAuthenticate(header) {
    const out = [];
    const tokenChar = /[\w!#$%&'*+.^`|~-]/;
    let i = 0;
    const skip = (chars) => {
        while (i < header.length && chars.test(header[i] ?? ''))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < header.length && tokenChar.test(header[i] ?? ''))
            i++;
        return header.slice(start, i);
    };
    let current;
    while (i < header.length) {
        skip(/[\s,]/);
        const name = readToken();
        if (!name) {
            i++;
            continue;
        }
        skip(/\s/);
        if (header[i] === '=' && current && header[i + 1] !== '=') {
            i++;
            skip(/\s/);
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < header.length && header[i] !== '"') {
                    if (header[i] === '\\')
                        i++;
                    value += header[i] ?? '';
                    i++;
                }
                i++;
            }
            else {
                value = readToken();
            }
            current.params[name.toLowerCase()] = value;
        }
        else {
            current = { scheme: name.toLowerCase(), params: {} };
            out.push(current);
        }
    }
    return out;
}
/** Picks the challenge we can answer: Bearer first (it carries a scope), then Basic. */
function challengeFrom(header, registryHost) {
    if (header === null)
        return { kind: 'basic' };
    const list = parseWwwAuthenticate(header);
    const bearer = list.find((c) => c.scheme === 'bearer');
    if (bearer) {
        const realm = bearer.params.realm;
        if (!realm)
            return new errors/* RegistryError */.gl('protocol', `${registryHost}: Bearer challenge without a realm`);
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            return new errors/* RegistryError */.gl('protocol', `${registryHost}: Bearer realm is not a URL (${(0,errors/* oneLine */.TN)(realm, 80)})`);
        }
        const c = { kind: 'bearer', realm: url };
        if (bearer.params.service !== undefined)
            c.service = bearer.params.service;
        return c;
    }
    const basic = list.find((c) => c.scheme === 'basic');
    if (basic) {
        const c = { kind: 'basic' };
        if (basic.params.realm !== undefined)
            c.realm = basic.params.realm;
        return c;
    }
    return new errors/* RegistryError */.gl('protocol', `${registryHost}: unsupported authentication scheme (${(0,errors/* oneLine */.TN)(header, 80)})`);
}
/** A stable, non-reversible key for a credential, so caches can tell credentials apart without holding secrets in keys. */
function credentialKey(credential) {
    if (!credential)
        return 'anonymous';
    const material = credential.kind === 'basic' ? `basic\0${credential.username}\0${credential.password}` : `rt\0${credential.token}`;
    return (0,external_node_crypto_.createHash)('sha256').update(material).digest('hex').slice(0, 32);
}
function basicHeader(username, password) {
    return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
/** Distribution's default when a token response says nothing (token spec: 60 s). */
const DEFAULT_TOKEN_TTL_S = 60;
/** Renew this long before expiry so a token does not lapse mid-request. */
const TOKEN_MARGIN_MS = 5_000;
const MAX_TOKEN_BODY = 1024 * 1024;
class TokenCache {
    http;
    tokens = new Map();
    inflight = new Map();
    /** The deadline is the transport's (RegistryHttp bounds every request and body read). */
    constructor(http) {
        this.http = http;
    }
    /** A bearer token for the scope, from cache or the realm; concurrent callers share one request. */
    async token(req) {
        const key = `${req.registry}|${req.scope}|${credentialKey(req.credential)}`;
        const hit = this.tokens.get(key);
        if (hit && hit.expiresAt > Date.now())
            return hit.token;
        const pending = this.inflight.get(key);
        if (pending)
            return pending;
        const p = this.fetchToken(req)
            .then((t) => {
            this.tokens.set(key, t);
            return t.token;
        })
            .finally(() => this.inflight.delete(key));
        this.inflight.set(key, p);
        return p;
    }
    async fetchToken(req) {
        const { realm, service } = req.challenge;
        const cred = req.credential;
        const verdict = cred ? mayReceiveCredential(req.registry, realm) : mayUseRealm(realm);
        if (!verdict.ok)
            throw new errors/* RegistryError */.gl('credential-refused', verdict.reason);
        const url = new URL(realm);
        let res;
        if (cred?.kind === 'refresh-token') {
            // OAuth2 refresh grant (distribution token spec, ACR's /oauth2/token).
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: cred.token, scope: req.scope });
            if (service !== undefined)
                form.set('service', service);
            form.set('client_id', 'aks-pull-gate');
            res = await this.http.send('token', url, {
                method: 'POST',
                pool: req.registry,
                headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
                body: form.toString(),
            });
        }
        else {
            if (service !== undefined)
                url.searchParams.set('service', service);
            url.searchParams.set('scope', req.scope);
            const headers = { accept: 'application/json' };
            if (cred?.kind === 'basic')
                headers.authorization = basicHeader(cred.username, cred.password);
            res = await this.http.send('token', url, { method: 'GET', pool: req.registry, headers });
        }
        const where = `${realm.host} token endpoint`;
        if (res.status === 401) {
            throw new errors/* RegistryError */.gl('unauthorized', cred ? `${where} rejected the credential (401)` : `${where} refused an anonymous token (401)`, 401);
        }
        if (res.status === 403) {
            (0,registry_http/* throwIfFirewall */.O_)(res, realm.host);
            throw new errors/* RegistryError */.gl('denied', `${where} denied the token for ${req.scope} (403)`, 403);
        }
        if (res.status === 429) {
            throw new errors/* RegistryError */.gl('throttled', `${where} is throttling requests (429); retries exhausted`, 429);
        }
        if (res.status >= 500) {
            throw new errors/* RegistryError */.gl('server-error', `${where} answered ${res.status}; retries exhausted`, res.status);
        }
        if (res.status !== 200) {
            throw new errors/* RegistryError */.gl('protocol', `${where} answered ${res.status}`, res.status);
        }
        const text = (0,registry_http/* readBounded */.CB)(res, MAX_TOKEN_BODY, realm.host);
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            throw new errors/* RegistryError */.gl('protocol', `${where} returned a body that is not JSON`);
        }
        const b = (typeof body === 'object' && body !== null ? body : {});
        const token = typeof b.token === 'string' ? b.token : typeof b.access_token === 'string' ? b.access_token : '';
        if (!token)
            throw new errors/* RegistryError */.gl('protocol', `${where} returned no token`);
        const ttl = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : DEFAULT_TOKEN_TTL_S;
        return { token, expiresAt: Date.now() + Math.max(1_000, ttl * 1000 - TOKEN_MARGIN_MS) };
    }
}

;// CONCATENATED MODULE: ./src/facts/registry/manifests.ts
// Manifest media types and the pure parsing of manifest bodies and image configs into platforms.
// An index / manifest list names its platforms; a single-arch manifest names its config blob, whose os/architecture
// is the platform.
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
/** All four, always: distribution answers 404 to HEAD on an OCI index when only the Docker v2 type is accepted. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.dockerList,
    MEDIA_TYPES.dockerManifest,
].join(', ');
const SCHEMA1 = new Set([
    'application/vnd.docker.distribution.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v1+prettyjws',
]);
function baseMediaType(contentType) {
    if (!contentType)
        return undefined;
    return contentType.split(';')[0]?.trim().toLowerCase() || undefined;
}
function isIndexType(mediaType) {
    return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}
function isImageManifestType(mediaType) {
    return mediaType === MEDIA_TYPES.ociManifest || mediaType === MEDIA_TYPES.dockerManifest;
}
function manifests_rec(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
}
function manifests_str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function platformFrom(o) {
    if (!o)
        return undefined;
    const os = manifests_str(o.os);
    const architecture = manifests_str(o.architecture);
    if (!os || !architecture)
        return undefined;
    const p = { os, architecture };
    const variant = manifests_str(o.variant);
    if (variant)
        p.variant = variant;
    const osVersion = manifests_str(o['os.version']);
    if (osVersion)
        p.osVersion = osVersion;
    return p;
}
/** Entries that are not runnable images: BuildKit attestations, and `unknown/unknown`. */
function isAttestation(entry, platform) {
    const ann = manifests_rec(entry.annotations);
    if (ann && ann['vnd.docker.reference.type'] === 'attestation-manifest')
        return true;
    return platform?.os === 'unknown' && platform.architecture === 'unknown';
}
/** Parses a manifest body; `contentType` is the response's media type (the body's own `mediaType` wins when present). */
function parseManifest(body, contentType) {
    let json;
    try {
        json = JSON.parse(body);
    }
    catch {
        return { kind: 'unknown', reason: 'manifest body is not JSON' };
    }
    const m = manifests_rec(json);
    if (!m)
        return { kind: 'unknown', reason: 'manifest body is not a JSON object' };
    const mediaType = manifests_str(m.mediaType) ?? contentType;
    if (Array.isArray(m.manifests) || isIndexType(mediaType)) {
        const platforms = [];
        let without = 0;
        for (const e of Array.isArray(m.manifests) ? m.manifests : []) {
            const entry = manifests_rec(e);
            if (!entry)
                continue;
            const p = platformFrom(manifests_rec(entry.platform));
            if (isAttestation(entry, p))
                continue;
            if (p)
                platforms.push(p);
            else
                without++;
        }
        return { kind: 'index', mediaType: mediaType ?? MEDIA_TYPES.ociIndex, platforms, entriesWithoutPlatform: without };
    }
    if (m.schemaVersion === 1 || (mediaType !== undefined && SCHEMA1.has(mediaType))) {
        const arch = manifests_str(m.architecture);
        return {
            kind: 'schema1',
            mediaType: mediaType ?? 'schema1',
            platforms: arch ? [{ os: 'linux', architecture: arch }] : [],
        };
    }
    const config = manifests_rec(m.config);
    if (config || isImageManifestType(mediaType)) {
        const out = { kind: 'image', mediaType: mediaType ?? MEDIA_TYPES.ociManifest };
        const digest = manifests_str(config?.digest);
        if (digest)
            out.configDigest = digest;
        const cmt = manifests_str(config?.mediaType);
        if (cmt)
            out.configMediaType = cmt;
        return out;
    }
    const r = { kind: 'unknown', reason: `unrecognized manifest type ${mediaType ?? '(none)'}` };
    if (mediaType)
        r.mediaType = mediaType;
    return r;
}
/** Config media types that describe a runnable image (others are artifacts: Helm charts, signatures, SBOMs). */
function isImageConfigType(mediaType) {
    return (mediaType === undefined ||
        mediaType === 'application/vnd.oci.image.config.v1+json' ||
        mediaType === 'application/vnd.docker.container.image.v1+json');
}
/** The platform an image config blob declares. */
function platformFromConfig(body) {
    try {
        return platformFrom(manifests_rec(JSON.parse(body)));
    }
    catch {
        return undefined;
    }
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}${p.osVersion ? ` (${p.osVersion})` : ''}`;
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/lib/nearest-tags.ts
// Which existing tags did the author most likely mean? Semver-aware first (v1.4.2 missing: v1.4.1 before v1.4.0,
// same prefix style before others), then edit distance, then lexical (newest-looking last-sorted first).

const DEFAULT_LIMIT = 3;
function asVersion(tag) {
    const prefixed = /^v/i.test(tag);
    const v = semver_default().parse(prefixed ? tag.slice(1) : tag, { loose: true });
    if (v)
        return { tag, v, prefixed };
    // Two-part versions (`1.4`, `v2`) are common tags: compare them as x.y.0.
    const m = /^v?(\d+)(?:\.(\d+))?$/i.exec(tag);
    if (!m)
        return undefined;
    const c = semver_default().parse(`${m[1]}.${m[2] ?? '0'}.0`);
    return c ? { tag, v: c, prefixed } : undefined;
}
/** Levenshtein distance, bounded to short strings (tags are at most 128 characters). */
function editDistance(a, b) {
    const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0] ?? 0;
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = prev[j] ?? 0;
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
            diag = up;
        }
    }
    return prev[b.length] ?? 0;
}
function versionDistance(a, b) {
    return [
        Math.abs(a.major - b.major),
        Math.abs(a.minor - b.minor),
        Math.abs(a.patch - b.patch),
        a.prerelease.length === b.prerelease.length ? 0 : 1,
    ];
}
function compareTuples(x, y) {
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        const d = (x[i] ?? 0) - (y[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** The tags nearest to `missing`, best first. */
function nearestTags(missing, tags, limit = DEFAULT_LIMIT) {
    const existing = [...new Set(tags)].filter((t) => t !== missing);
    const want = asVersion(missing);
    const ranked = [];
    if (want) {
        const versions = existing.map(asVersion).filter((v) => v !== undefined);
        versions.sort((p, q) => {
            const byDistance = compareTuples(versionDistance(p.v, want.v), versionDistance(q.v, want.v));
            if (byDistance !== 0)
                return byDistance;
            const byStyle = Number(p.prefixed !== want.prefixed) - Number(q.prefixed !== want.prefixed);
            if (byStyle !== 0)
                return byStyle;
            // Equally near: the one released before the missing one is the likelier intent (the push that never happened).
            const pBelow = semver_default().lt(p.v, want.v) ? 0 : 1;
            const qBelow = semver_default().lt(q.v, want.v) ? 0 : 1;
            if (pBelow !== qBelow)
                return pBelow - qBelow;
            return semver_default().rcompare(p.v, q.v) || p.tag.localeCompare(q.tag);
        });
        ranked.push(...versions.map((v) => v.tag));
    }
    const rest = existing.filter((t) => !ranked.includes(t));
    rest.sort((a, b) => editDistance(a, missing) - editDistance(b, missing) || b.localeCompare(a));
    ranked.push(...rest);
    return ranked.slice(0, limit);
}

;// CONCATENATED MODULE: ./src/facts/registry/client.ts
// The OCI distribution client: answers the kubelet's question for one image reference (does it resolve to a
// manifest, for which platforms, and may this identity read it?) with as few requests as the protocol allows:
// one challenge per registry, one token per repository + scope, HEAD before GET, platforms cached by digest,
// each unique image checked once even when asked concurrently.








const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;
const MAX_TAGS_BYTES = 8 * 1024 * 1024;
const MAX_TAG_PAGES = 20;
class RegistryClient {
    opts;
    http;
    tokens;
    fetchFn;
    challenges = new Map();
    checks = new Map();
    /** Platforms by manifest digest: content-addressed, so shared across repositories and tags. */
    platformsByDigest = new Map();
    acrRefreshTokens = new Map();
    /** Follows opts.signal, so the caller's signal carries one listener however many checks are pending. */
    deadline;
    constructor(opts = {}) {
        this.opts = opts;
        this.fetchFn = opts.fetch ?? globalThis.fetch.bind(globalThis);
        if (opts.signal) {
            const outer = opts.signal;
            const inner = new AbortController();
            (0,external_node_events_.setMaxListeners)(0, inner.signal);
            if (outer.aborted)
                inner.abort(outer.reason);
            else
                outer.addEventListener('abort', () => inner.abort(outer.reason), { once: true });
            this.deadline = inner.signal;
        }
        const httpOpts = {
            fetch: this.fetchFn,
            concurrencyPerRegistry: opts.concurrencyPerRegistry ?? registry_http/* DEFAULT_CONCURRENCY_PER_REGISTRY */.gf,
            maxRetries: opts.maxRetries ?? 3,
            requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
            maxRetryDelayMs: opts.maxRetryDelayMs ?? 10_000,
            baseRetryDelayMs: opts.baseRetryDelayMs ?? 250,
        };
        if (this.deadline)
            httpOpts.signal = this.deadline;
        if (opts.logger)
            httpOpts.logger = opts.logger;
        if (opts.request)
            httpOpts.request = opts.request;
        this.http = new registry_http/* RegistryHttp */.WR(httpOpts);
        this.tokens = new TokenCache(this.http);
    }
    /** Requests sent so far, by kind (every attempt, retries and redirects included), plus `retries`. */
    requestCounts() {
        return this.http.requestCounts();
    }
    /**
     * Checks one image. Never throws: every failure is a status with a reason. The same reference with the same
     * credential is checked once, also when asked concurrently.
     */
    checkImage(ref, credential) {
        const key = `${ref.normalized}|${credential ? credentialKey(credential) : 'default'}`;
        let p = this.checks.get(key);
        if (!p) {
            p = this.withDeadline(ref, this.check(ref, credential));
            this.checks.set(key, p);
        }
        return p;
    }
    /**
     * Checks an image whose answer no credential can change, or says it cannot: for a registry that needs none (`GET
     * /v2/` answered 200: no credential is ever sent) or that cannot be reached at all (the failure comes before any
     * credential is looked at). `open` tells the two apart. Undefined when the registry wants authentication. What lets
     * the gate check images while the manifests are still being read, before it knows every pod's pull secrets.
     */
    async checkIfNoCredentialMatters(ref) {
        const ping = this.challenge(ref.registry, this.baseUrl(ref.registry)).then((c) => (c.kind === 'none' ? 'open' : 'authenticates'), () => 'unreachable');
        const state = await this.untilDeadline(ping);
        if (state === 'authenticates')
            return undefined;
        // Unreachable, or out of time before it answered: the check ends as the same failure whatever the credential.
        return { check: await this.checkImage(ref), open: state === 'open' };
    }
    /** Guarantees an answer when the overall deadline passes, even if a socket never gives up. */
    async withDeadline(ref, work) {
        const r = await this.untilDeadline(work);
        if (r !== 'deadline')
            return r;
        return {
            status: 'unverifiable',
            failure: 'timeout',
            reason: `${ref.registry}: no answer before the overall deadline`,
        };
    }
    /** `work`'s answer, or 'deadline' once the overall deadline passes first (`work` must not reject). */
    untilDeadline(work) {
        const signal = this.deadline;
        if (!signal)
            return work;
        if (signal.aborted)
            return Promise.resolve('deadline');
        return new Promise((resolve) => {
            const onAbort = () => resolve('deadline');
            signal.addEventListener('abort', onAbort, { once: true });
            void work.then((r) => {
                signal.removeEventListener('abort', onAbort);
                resolve(r);
            });
        });
    }
    isAcr(registry) {
        return this.opts.isAcr ? this.opts.isAcr(registry) : (0,acr_host/* isAcrHost */.n0)(registry);
    }
    baseUrl(registry) {
        const host = registryEndpointHost(registry);
        const plain = this.opts.plainHttp?.(registry) === true && isLoopbackHost(hostnameOf(host));
        return new URL(`${plain ? 'http' : 'https'}://${host}/`);
    }
    async check(ref, explicit) {
        const acr = this.isAcr(ref.registry);
        let auth = 'anonymous';
        try {
            const base = this.baseUrl(ref.registry);
            const challenge = await this.challenge(ref.registry, base);
            const resolved = await this.resolveCredential(ref.registry, base, challenge, explicit);
            const credential = resolved?.credential;
            if (resolved)
                auth = resolved.auth;
            const session = { registry: ref.registry, base, challenge };
            if (credential)
                session.credential = credential;
            let result;
            try {
                result = await this.checkManifest(session, ref);
            }
            catch (err) {
                result = failureResult(err, ref);
            }
            // ACR refuses a read-disabled or quarantined manifest (403/404): its attributes say which.
            if (acr)
                await this.addAcrAttributes(session, ref, result);
            return { ...result, acr, auth };
        }
        catch (err) {
            return { ...failureResult(err, ref), acr, auth };
        }
    }
    async resolveCredential(registry, base, challenge, explicit) {
        if (explicit)
            return { credential: explicit, auth: 'credential' };
        const given = await this.opts.credentialFor?.(registry);
        if (given)
            return { credential: given, auth: 'credential' };
        if (challenge.kind === 'none' || !this.opts.getEntraToken || !this.isAcr(registry))
            return undefined;
        let p = this.acrRefreshTokens.get(registry);
        if (!p) {
            const getEntraToken = this.opts.getEntraToken;
            p = (async () => {
                let entra;
                try {
                    entra = await getEntraToken();
                }
                catch {
                    throw new errors/* RegistryError */.gl('unauthorized', `the gate could not get an Entra token for ${registry}`);
                }
                const token = await exchangeEntraToken(this.http, base, registry, entra, this.opts.acrTenant);
                return { kind: 'refresh-token', token };
            })();
            this.acrRefreshTokens.set(registry, p);
        }
        return { credential: await p, auth: 'gate-identity' };
    }
    /** `GET /v2/`: which authentication the registry wants. Once per registry; a failure is kept for the run. */
    challenge(registry, base) {
        let p = this.challenges.get(registry);
        if (!p) {
            p = (async () => {
                const res = await this.http.send('ping', new URL('/v2/', base), { method: 'GET', pool: registry });
                if (res.status === 403)
                    (0,registry_http/* throwIfFirewall */.O_)(res, registry);
                if (res.status === 200)
                    return { kind: 'none' };
                if (res.status === 401) {
                    const c = challengeFrom(res.headers.get('www-authenticate'), registry);
                    if (c instanceof errors/* RegistryError */.gl)
                        throw c;
                    return c;
                }
                throw statusError(res, `${registry} GET /v2/`);
            })();
            this.challenges.set(registry, p);
        }
        return p;
    }
    /** The Authorization header for a scope, or undefined (anonymous, or no auth needed). */
    async authorization(s, scope) {
        const c = s.challenge;
        if (c.kind === 'none')
            return undefined;
        if (c.kind === 'basic') {
            if (s.credential?.kind !== 'basic')
                return undefined;
            const verdict = mayReceiveCredential(s.registry, s.base);
            if (!verdict.ok)
                throw new errors/* RegistryError */.gl('credential-refused', verdict.reason);
            return basicHeader(s.credential.username, s.credential.password);
        }
        const req = { registry: s.registry, challenge: c, scope };
        if (s.credential)
            req.credential = s.credential;
        return `Bearer ${await this.tokens.token(req)}`;
    }
    async get(kind, s, path, scope, method = 'GET', accept) {
        const headers = {};
        const authz = await this.authorization(s, scope);
        if (authz)
            headers.authorization = authz;
        if (accept)
            headers.accept = accept;
        return this.http.send(kind, new URL(path, s.base), { method, headers, pool: s.registry });
    }
    async checkManifest(s, ref) {
        const repo = ref.repository;
        const scope = `repository:${repo}:pull`;
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const path = `/v2/${repo}/manifests/${reference}`;
        // One GET, not HEAD + GET: the body is needed for the platforms anyway, and undici closes the connection after
        // every HEAD, so a HEAD first also costs each image a new TLS handshake. Without platforms, HEAD suffices.
        const resolve = this.opts.resolvePlatforms !== false;
        const head = resolve
            ? await this.get('manifest-get', s, path, scope, 'GET', MANIFEST_ACCEPT)
            : await this.get('manifest-head', s, path, scope, 'HEAD', MANIFEST_ACCEPT);
        if (head.status === 403 && resolve)
            (0,registry_http/* throwIfFirewall */.O_)(head, s.registry);
        if (head.status === 404)
            return this.missing(s, ref);
        if (head.status === 401) {
            throw new errors/* RegistryError */.gl('unauthorized', s.credential
                ? `${s.registry} refused the credential for ${repo} (401)`
                : `${s.registry} requires authentication for ${repo} (401) and no credential was given`, 401);
        }
        if (head.status === 403)
            throw new errors/* RegistryError */.gl('denied', `${s.registry} denied pull of ${repo} (403)`, 403);
        if (head.status !== 200)
            throw statusError(head, `${s.registry} HEAD ${repo}:${reference}`);
        const out = { status: 'ok' };
        const digest = head.headers.get('docker-content-digest') ?? ref.digest;
        if (digest)
            out.digest = digest;
        const mediaType = baseMediaType(head.headers.get('content-type'));
        if (mediaType)
            out.mediaType = mediaType;
        if (!resolve)
            return out;
        const platforms = await this.platformsOf(s, repo, digest ?? reference, scope, head);
        if ('platforms' in platforms)
            out.platforms = platforms.platforms;
        else
            out.reason = platforms.reason;
        return out;
    }
    /** Platforms of a manifest, cached by digest (tags are resolved per call; digests never change content). */
    platformsOf(s, repo, reference, scope, fetched) {
        const cacheable = reference.includes(':');
        const cached = cacheable ? this.platformsByDigest.get(reference) : undefined;
        // Another tag already resolved this digest: the body in hand is not needed.
        if (cached)
            return cached;
        const p = this.readPlatforms(s, repo, scope, fetched);
        if (cacheable)
            this.platformsByDigest.set(reference, p);
        return p;
    }
    /** Platforms from a manifest GET response: an index lists them; a single image's config blob says its own. */
    async readPlatforms(s, repo, scope, res) {
        if (res.status !== 200) {
            return { reason: `platforms unknown: manifest GET answered ${res.status}` };
        }
        const contentType = baseMediaType(res.headers.get('content-type'));
        const body = (0,registry_http/* readBounded */.CB)(res, MAX_MANIFEST_BYTES, s.registry);
        const parsed = parseManifest(body, contentType);
        if (parsed.kind === 'index' || parsed.kind === 'schema1') {
            if (parsed.kind === 'index' && parsed.platforms.length === 0 && parsed.entriesWithoutPlatform > 0) {
                return { reason: 'platforms unknown: the index entries declare no platform' };
            }
            return { platforms: parsed.platforms };
        }
        if (parsed.kind === 'unknown')
            return { reason: `platforms unknown: ${parsed.reason}` };
        if (!parsed.configDigest)
            return { reason: 'platforms unknown: the manifest names no config blob' };
        if (!isImageConfigType(parsed.configMediaType)) {
            return { reason: `not a runnable image: config media type ${parsed.configMediaType ?? ''}` };
        }
        const blob = await this.get('blob', s, `/v2/${repo}/blobs/${parsed.configDigest}`, scope);
        if (blob.status !== 200) {
            return { reason: `platforms unknown: config blob GET answered ${blob.status}` };
        }
        const config = (0,registry_http/* readBounded */.CB)(blob, MAX_CONFIG_BYTES, s.registry);
        const platform = platformFromConfig(config);
        return platform
            ? { platforms: [platform] }
            : { reason: 'platforms unknown: the image config has no os/architecture' };
    }
    /** HEAD said 404: is it the tag (name the nearest ones) or the whole repository? `tags/list` tells. */
    async missing(s, ref) {
        const repo = ref.repository;
        const what = ref.digest ? `${repo}@${ref.digest}` : `${repo}:${ref.tag ?? 'latest'}`;
        const listed = await this.listTags(s, repo);
        if (listed === 'repository-missing' && ref.digest) {
            // distribution answers NAME_UNKNOWN to tags/list also for a repository that holds only untagged manifests,
            // so for a digest it cannot tell "no such repository" from "no such digest": say both.
            return {
                status: 'not-found',
                failure: 'not-found',
                reason: `${what} not found in ${s.registry} (the repository has no tags, or does not exist)`,
            };
        }
        if (listed === 'repository-missing') {
            return {
                status: 'repository-not-found',
                failure: 'not-found',
                reason: `repository ${repo} does not exist in ${s.registry}`,
            };
        }
        const out = { status: 'not-found', failure: 'not-found', reason: `${what} not found in ${s.registry}` };
        if (Array.isArray(listed)) {
            out.repositoryTags = [...listed].sort().slice(0, 10);
            if (!ref.digest)
                out.tagListed = listed.includes(ref.tag ?? 'latest');
            if (!ref.digest && ref.tag !== undefined)
                out.nearestTags = nearestTags(ref.tag, listed);
            else if (!ref.digest)
                out.nearestTags = nearestTags('latest', listed);
        }
        else {
            out.reason += ` (tags could not be listed: ${listed.reason})`;
        }
        return out;
    }
    async listTags(s, repo) {
        const scope = `repository:${repo}:pull`;
        const tags = [];
        let path = `/v2/${repo}/tags/list?n=1000`;
        for (let page = 0; page < MAX_TAG_PAGES; page++) {
            const res = await this.get('tags', s, path, scope);
            if (res.status === 404) {
                // NAME_UNKNOWN is distribution's "no such repository"; a bare 404 means the same on registries without codes.
                return page === 0 ? 'repository-missing' : tags;
            }
            if (res.status !== 200) {
                return { reason: `tags/list answered ${res.status}` };
            }
            const link = res.headers.get('link');
            const body = (0,registry_http/* readBounded */.CB)(res, MAX_TAGS_BYTES, s.registry);
            try {
                const list = JSON.parse(body).tags;
                if (Array.isArray(list))
                    for (const t of list)
                        if (typeof t === 'string')
                            tags.push(t);
            }
            catch {
                return { reason: 'tags/list body is not JSON' };
            }
            const next = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1] : undefined;
            if (!next)
                break;
            path = next;
        }
        return tags;
    }
    /** ACR: readEnabled of the tag and manifest, and the quarantine state. Best effort: failures only add a reason. */
    async addAcrAttributes(s, ref, result) {
        // A manifest the registry served is readable and not held by quarantine (ACR refuses both with 403/404): its
        // attributes could not explain a failed pull, so they are read only when the manifest was refused.
        if (result.status !== 'not-found' && result.status !== 'denied')
            return;
        // A tag that tags/list does not have was never pushed (or was deleted): no lock can explain it either, unless the
        // registry quarantines (ACR answers a quarantined tag with 404 and may leave it out of the list).
        const quarantine = (await this.opts.quarantineEnabled?.(s.registry)) === true;
        if (result.status === 'not-found' && result.tagListed === false && !quarantine)
            return;
        const repo = ref.repository;
        const scope = `repository:${repo}:metadata_read`;
        const attrs = {};
        const notes = [];
        let digest = ref.digest ?? result.digest;
        try {
            // The repository's own lock refuses every tag and digest in it.
            const r = await this.get('acr-attributes', s, `/acr/v1/${repo}`, scope);
            if (r.status === 200) {
                const enabled = parseRepositoryReadEnabled((0,registry_http/* readBounded */.CB)(r, MAX_MANIFEST_BYTES, s.registry));
                if (enabled !== undefined)
                    attrs.repositoryReadEnabled = enabled;
            }
            else {
                if (r.status !== 404)
                    notes.push(`repository attributes answered ${r.status}`);
            }
            if (ref.tag !== undefined && !ref.digest) {
                const res = await this.get('acr-attributes', s, `/acr/v1/${repo}/_tags/${ref.tag}`, scope);
                if (res.status === 200) {
                    const t = parseTagAttributes((0,registry_http/* readBounded */.CB)(res, MAX_MANIFEST_BYTES, s.registry));
                    if (t.readEnabled !== undefined)
                        attrs.tagReadEnabled = t.readEnabled;
                    digest ??= t.digest;
                }
                else {
                    if (res.status !== 404)
                        notes.push(`tag attributes answered ${res.status}`);
                }
            }
            if (digest) {
                const res = await this.get('acr-attributes', s, `/acr/v1/${repo}/_manifests/${digest}`, scope);
                if (res.status === 200) {
                    const m = parseManifestAttributes((0,registry_http/* readBounded */.CB)(res, MAX_MANIFEST_BYTES, s.registry));
                    if (m.readEnabled !== undefined)
                        attrs.readEnabled = m.readEnabled;
                    if (m.quarantineState !== undefined)
                        attrs.quarantineState = m.quarantineState;
                }
                else {
                    if (res.status !== 404)
                        notes.push(`manifest attributes answered ${res.status}`);
                }
            }
        }
        catch (err) {
            notes.push(err instanceof errors/* RegistryError */.gl ? err.message : 'attributes could not be read');
        }
        if (Object.keys(attrs).length > 0)
            result.attributes = attrs;
        if (notes.length > 0) {
            const note = `ACR attributes not checked (${notes.join('; ')}; needs metadata_read)`;
            result.reason = result.reason ? `${result.reason}; ${note}` : note;
        }
        if (result.digest === undefined && digest)
            result.digest = digest;
    }
    /** For remediations: `az acr ... --name <this>`. */
    static acrName(registry) {
        return (0,acr_host/* acrName */.ur)(registry);
    }
}
function statusError(res, what) {
    const s = res.status;
    if (s === 429) {
        const after = res.headers.get('retry-after');
        return new errors/* RegistryError */.gl('throttled', `${what}: throttled (429${after ? `, Retry-After ${after}` : ''}); retries exhausted`, s);
    }
    if (s === 401)
        return new errors/* RegistryError */.gl('unauthorized', `${what}: unauthorized (401)`, s);
    if (s === 403)
        return new errors/* RegistryError */.gl('denied', `${what}: denied (403)`, s);
    if (s >= 500)
        return new errors/* RegistryError */.gl('server-error', `${what}: server error ${s}; retries exhausted`, s);
    if (s === 404)
        return new errors/* RegistryError */.gl('protocol', `${what}: 404, not a registry API endpoint`, s);
    return new errors/* RegistryError */.gl('protocol', `${what}: unexpected status ${s}`, s);
}
function failureResult(err, ref) {
    const e = err instanceof errors/* RegistryError */.gl ? err : (0,errors/* transportError */.WQ)(err, ref.registry, 'other');
    const status = e.kind === 'unauthorized' ? 'unauthorized' : e.kind === 'denied' ? 'denied' : 'unverifiable';
    return { status, failure: e.kind, reason: e.message, ...(e.clientIp ? { clientIp: e.clientIp } : {}) };
}

// EXTERNAL MODULE: ./src/lib/image-reference.ts
var image_reference = __webpack_require__(74538);
;// CONCATENATED MODULE: ./src/facts/registry/early.ts
// Image checks that start while the manifests are still being read (I/O). A file's images are known as soon as it is
// parsed, but which credential each image is checked with is not: a pull secret or a ServiceAccount in a later file
// can change it. So only the checks no credential can change start early:
// - images at a registry that needs no authentication (`GET /v2/` answers 200, so no credential is ever sent) or that
//   cannot be reached at all; each registry's `GET /v2/` starts with the first file that names it, whatever it
//   answers;
// - once the gate has signed in, images at a host named like an ACR (`*.azurecr.io`): a signed-in run checks those
//   with its own identity (Entra token, `/oauth2/exchange`), never with a pod's pull secret, so nothing a later file
//   holds can change their answer. They start before the registry discovery (ARM) has answered; the one thing a check
//   takes from it, whether the registry quarantines (read only for a manifest ACR refused), waits for it.
// collectImageFacts takes an early answer where it stands for the check it would make, and checks anew where it does
// not.




/** The registry client's options for ACR checks with the gate's own identity. */
function gateIdentityOptions(azure) {
    return {
        getEntraToken: async () => {
            const t = await azure.credential.getToken(azure.endpoints.acrScope);
            if (!t)
                throw new Error('no Entra token for the registry audience');
            return t.token;
        },
        ...(azure.tenantId ? { acrTenant: azure.tenantId } : {}),
    };
}
class EarlyImageChecks {
    signal;
    logger;
    client;
    ready;
    started = new Map();
    /** Image texts already seen: most images are named by many pods. */
    seen = new Set();
    /** ACR-named images seen so far, checked once the gate has signed in. */
    acrImages = new Map();
    acrChecks = new Map();
    acrClient;
    /** Which registries quarantine, once the registry discovery has answered (collectImageFacts says). */
    quarantine = Promise.withResolvers();
    constructor(transport, signal, logger) {
        this.signal = signal;
        this.logger = logger;
        this.ready = transport.then((t) => (this.client = new RegistryClient({
            fetch: t.fetch,
            request: t.request,
            signal,
            logger,
            // Hosts named like an ACR are never checked here; another host the discovery later finds to be an ACR
            // (a custom domain) does not take the early answer.
            isAcr: () => false,
        })), () => undefined);
    }
    /** An image a manifest names (the text of its `image:` field), as soon as its file is parsed. */
    add(image) {
        if (this.seen.has(image))
            return;
        this.seen.add(image);
        const parsed = (0,image_reference/* parseImageReference */.o_)(image);
        if (!parsed.ok)
            return;
        const ref = parsed.ref;
        if ((0,acr_host/* isAcrHost */.n0)(ref.registry)) {
            if (this.acrImages.has(ref.normalized))
                return;
            this.acrImages.set(ref.normalized, ref);
            if (this.acrClient)
                this.startAcr(this.acrClient, ref);
            return;
        }
        if (this.started.has(ref.normalized))
            return;
        this.started.set(ref.normalized, this.ready.then((c) => c?.checkIfNoCredentialMatters(ref)));
    }
    /**
     * The gate has signed in: the ACR-named images seen so far are checked with its identity, and every later one. Given
     * the run's transport (the fact context's), so the checks start at once, before anything else of the run is asked.
     */
    signedIn(azure, transport) {
        if (this.acrClient)
            return;
        const client = new RegistryClient({
            fetch: transport.fetch,
            request: transport.request,
            signal: this.signal,
            logger: this.logger,
            isAcr: acr_host/* isAcrHost */.n0,
            quarantineEnabled: (registry) => this.quarantine.promise.then((q) => q(registry)),
            ...gateIdentityOptions(azure),
        });
        this.acrClient = client;
        for (const ref of this.acrImages.values())
            this.startAcr(client, ref);
    }
    startAcr(client, ref) {
        this.acrChecks.set(ref.normalized, client.checkImage(ref));
    }
    /** The registry discovery has answered (or will not): which registries quarantine. */
    discovered(quarantineEnabled) {
        this.quarantine.resolve(quarantineEnabled);
    }
    /**
     * The early answer for `ref` checked with `credential` (undefined: anonymously), when there is one that stands for
     * that check: any answer for an anonymous check or an unreachable registry; at a registry that needs no
     * authentication, the same answer under the credential (it is never sent), except a 401 (whose message names it).
     */
    async answer(ref, credential) {
        const early = await this.started.get(ref.normalized);
        if (!early)
            return undefined;
        if (!credential || !early.open)
            return early.check;
        if (early.check.status === 'unauthorized')
            return undefined;
        return { ...early.check, auth: 'credential' };
    }
    /** The check of an ACR-named image with the gate's identity, when it started after the sign-in. */
    acrAnswer(ref) {
        return this.acrChecks.get(ref.normalized);
    }
    /** Requests the early checks sent, by kind (empty when none started). */
    requestCounts() {
        return (0,registry_http/* sumCounts */.W_)(this.client?.requestCounts() ?? {}, this.acrClient?.requestCounts() ?? {});
    }
}

;// CONCATENATED MODULE: ./src/facts/azure/cache-rules.ts
// Artifact cache (I/O): the cacheRules and credentialSets of the registries that serve the images, through the SDK
// (`cacheRules.list`, `credentialSets.list`). A credential set reports `authCredentials[].credentialHealth`
// (recording arm-registry-credentialset-unhealthy-2023-01-01-preview). Never throws: a registry whose rules cannot be
// read lands in `problems`.

/** Reduces a credential set body to its health (pure). */
function credentialSetFactFrom(c) {
    const out = { id: c.id ?? '', name: c.name ?? '', unhealthy: [] };
    if (c.loginServer)
        out.loginServer = c.loginServer;
    for (const a of c.authCredentials ?? []) {
        const h = a.credentialHealth;
        if ((h?.status ?? '').toLowerCase() !== 'unhealthy')
            continue;
        out.unhealthy.push({
            ...(a.name ? { name: a.name } : {}),
            ...(h?.errorCode ? { errorCode: h.errorCode } : {}),
            ...(h?.errorMessage ? { errorMessage: h.errorMessage } : {}),
        });
    }
    return out;
}
/** Reduces a cache rule body (pure); undefined without source or target. */
function cacheRuleFactFrom(r, registry) {
    if (!r.sourceRepository || !r.targetRepository)
        return undefined;
    const out = {
        registryId: registry.id,
        loginServer: registry.loginServer.toLowerCase(),
        name: r.name ?? '',
        sourceRepository: r.sourceRepository,
        targetRepository: r.targetRepository,
    };
    if (r.credentialSetResourceId)
        out.credentialSetResourceId = r.credentialSetResourceId;
    return out;
}
async function collectCacheRules(ctx, registries) {
    const out = { rules: [], problems: [] };
    const azure = ctx.azure;
    if (!azure)
        return out;
    const { ContainerRegistryManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(834), __webpack_require__.e(751)]).then(__webpack_require__.bind(__webpack_require__, 69751));
    await Promise.all(registries.map(async (reg) => {
        if (!reg.subscriptionId || !reg.resourceGroup || !reg.name)
            return;
        const client = new ContainerRegistryManagementClient(azure.credential, reg.subscriptionId, armClientOptions(ctx));
        try {
            const rules = [];
            for await (const r of client.cacheRules.list(reg.resourceGroup, reg.name, { abortSignal: ctx.signal })) {
                const f = cacheRuleFactFrom(r, reg);
                if (f)
                    rules.push(f);
            }
            if (rules.some((r) => r.credentialSetResourceId)) {
                const sets = new Map();
                for await (const c of client.credentialSets.list(reg.resourceGroup, reg.name, { abortSignal: ctx.signal })) {
                    const f = credentialSetFactFrom(c);
                    sets.set(f.id.toLowerCase(), f);
                }
                for (const r of rules) {
                    const set = r.credentialSetResourceId ? sets.get(r.credentialSetResourceId.toLowerCase()) : undefined;
                    if (set)
                        r.credentialSet = set;
                }
            }
            out.rules.push(...rules);
        }
        catch (err) {
            // Basic/Standard registries without the feature, or no read permission: the images keep their plain verdict.
            const reason = describeError(err);
            ctx.logger.debug(`cache rules of ${reg.id} could not be read: ${reason}`);
            out.problems.push({ registryId: reg.id, reason });
        }
    }));
    return out;
}

;// CONCATENATED MODULE: ./src/lib/cache-rule.ts
// Which artifact-cache rule serves a repository: an exact targetRepository first, then the longest `prefix/*`
// wildcard (ACR's wildcard rules map `library/*` to `docker.io/library/*`). Pure.
function cacheRuleFor(rules, loginServer, repository) {
    const mine = rules.filter((r) => r.loginServer === loginServer.toLowerCase());
    const exact = mine.find((r) => r.targetRepository === repository && !r.sourceRepository.endsWith('*'));
    if (exact)
        return { rule: exact, upstreamRepository: exact.sourceRepository };
    let best;
    for (const r of mine) {
        if (!r.targetRepository.endsWith('/*') || !r.sourceRepository.endsWith('/*'))
            continue;
        const prefix = r.targetRepository.slice(0, -1);
        if (!repository.startsWith(prefix) || repository.length === prefix.length)
            continue;
        if (best && best.rule.targetRepository.length >= r.targetRepository.length)
            continue;
        best = { rule: r, upstreamRepository: r.sourceRepository.slice(0, -1) + repository.slice(prefix.length) };
    }
    return best;
}

;// CONCATENATED MODULE: ./src/facts/registry/images.ts
// What each image's registry says (I/O): one registry client for the run (Entra tokens for ACR when signed in, else
// the pod's own pull-secret credential from the manifests), the artifact-cache rules of the visible registries (and,
// behind one, the upstream asked anonymously), and for a run out of time, every unanswered image as unverifiable.








async function collectImageFacts(inventory, ctx, discovery, timeoutMs, early) {
    const acrHosts = new Set(Object.entries(discovery?.hosts ?? {}).flatMap(([h, id]) => (id ? [h.toLowerCase()] : [])));
    const isAcr = (registry) => acrHosts.has(registry.toLowerCase()) || (0,acr_host/* isAcrHost */.n0)(registry);
    const quarantining = new Set((discovery?.registries ?? []).flatMap((r) => (r.quarantinePolicy ?? '').toLowerCase() === 'enabled'
        ? [r.loginServer.toLowerCase(), ...r.dataEndpointHostNames]
        : []));
    const quarantineEnabled = (registry) => quarantining.has(registry.toLowerCase());
    early?.discovered(quarantineEnabled);
    const azure = ctx.azure;
    const client = new RegistryClient({
        fetch: ctx.fetch,
        request: ctx.request,
        signal: ctx.signal,
        logger: ctx.logger,
        isAcr,
        quarantineEnabled,
        ...(azure ? gateIdentityOptions(azure) : {}),
    });
    const secrets = manifestCredentials(inventory, ctx.maskSecret);
    // Uses grouped by image once: the pull-secret credential of an image is looked up among its own uses only.
    const byRef = new Map();
    for (const u of inventory.uses)
        if (u.ref)
            byRef.set(u.ref.normalized, [...(byRef.get(u.ref.normalized) ?? []), u]);
    const results = new Map();
    // The cache rules are read beside the image checks (one ARM list per registry), not before them: a check needs them
    // only once it has its answer.
    const cacheRead = azure && discovery?.registries.length ? collectCacheRules(ctx, discovery.registries) : undefined;
    cacheRead?.catch(() => undefined); // awaited by each check; a run with no image to check never asks for it
    // Upstream registries of cache rules are asked anonymously, as a separate client: no Entra token, no pull secret.
    const upstream = new RegistryClient({
        fetch: ctx.fetch,
        request: ctx.request,
        signal: ctx.signal,
        logger: ctx.logger,
        isAcr: () => false,
    });
    await Promise.all([...byRef.values()].map(async (uses) => {
        const ref = uses[0].ref;
        // ACR with a sign-in goes through Entra; elsewhere the pod's own pull-secret credential, if the manifests carry one.
        const credential = azure && isAcr(ref.registry) ? undefined : podCredential(uses, secrets);
        // Started while the manifests were read, where no credential could change the answer (facts/registry/early.ts):
        // with the gate's identity at an ACR once signed in; anonymously at a registry that needs no credential.
        // (acrAnswer has none without a sign-in: the ACR checks start at it.)
        const started = isAcr(ref.registry) ? await early?.acrAnswer(ref) : await early?.answer(ref, credential);
        const r = started ?? (await client.checkImage(ref, credential));
        const cache = await cacheRead;
        if (cache)
            await addCacheUse(r, ref, cache, upstream);
        // Say which limit ran out in the user's terms: the `timeout` input, not the client's internal deadline.
        if (r.failure === 'timeout' && ctx.signal.aborted)
            r.reason = noAnswer(ref.registry, timeoutMs);
        results.set(ref.normalized, r);
    }));
    return { results, requests: (0,registry_http/* sumCounts */.W_)(client.requestCounts(), early?.requestCounts() ?? {}) };
}
/**
 * A repository behind an artifact-cache rule: note the rule (and an Unhealthy credential set) on the result; when ACR
 * answered not found, ask the rule's upstream for the tag anonymously (the kubelet's first pull would fill the cache
 * from there).
 */
async function addCacheUse(r, ref, cache, upstream) {
    const match = cacheRuleFor(cache.rules, ref.registry, ref.repository);
    if (!match)
        return;
    const reference = ref.digest ? `@${ref.digest}` : `:${ref.tag ?? 'latest'}`;
    const use = {
        rule: match.rule.name,
        registryId: match.rule.registryId,
        upstream: `${match.upstreamRepository}${reference}`,
    };
    if (match.rule.credentialSetResourceId)
        use.credentialSet = match.rule.credentialSet?.name ?? match.rule.credentialSetResourceId;
    if (match.rule.credentialSet?.unhealthy.length)
        use.unhealthy = match.rule.credentialSet.unhealthy;
    if (r.status === 'not-found' || r.status === 'repository-not-found') {
        const parsed = (0,image_reference/* parseImageReference */.o_)(use.upstream);
        if (!parsed.ok) {
            use.upstreamStatus = 'unverifiable';
            use.upstreamReason = `the cache rule's source ${match.rule.sourceRepository} is not an image reference`;
        }
        else {
            const u = await upstream.checkImage(parsed.ref);
            use.upstreamStatus = u.status;
            if (u.reason)
                use.upstreamReason = u.reason;
        }
    }
    r.cache = use;
}
function manifestCredentials(inventory, mask) {
    const out = new Map();
    for (const s of inventory.secrets) {
        const parsed = parsePullSecret(s, mask);
        if (parsed.ok)
            out.set(`${s.namespace}/${s.name}`, parsed.credentials);
    }
    return out;
}
function podCredential(uses, secrets) {
    for (const use of uses) {
        if (!use.ref)
            continue;
        const creds = use.pullSecrets.flatMap((name) => secrets.get(`${use.namespace}/${name}`) ?? []);
        const [first] = lookupCredentials(creds, use.ref);
        if (first)
            return { kind: 'basic', username: first.username, password: first.password };
    }
    return undefined;
}
/** Every image the registries did not answer for by the deadline: unverifiable, naming its registry. */
function unansweredImages(inventory, timeoutMs) {
    const out = new Map();
    for (const u of inventory.uses) {
        if (!u.ref || out.has(u.ref.normalized))
            continue;
        out.set(u.ref.normalized, {
            status: 'unverifiable',
            failure: 'timeout',
            reason: noAnswer(u.ref.registry, timeoutMs),
        });
    }
    return out;
}
function noAnswer(registry, timeoutMs) {
    return `${registry} did not answer within the ${Math.round(timeoutMs / 1000)} s timeout`;
}

// EXTERNAL MODULE: ./src/facts/kubernetes/api.ts
var kubernetes_api = __webpack_require__(1196);
// EXTERNAL MODULE: ./src/facts/kubernetes/kubeconfig.ts
var kubeconfig = __webpack_require__(34629);
;// CONCATENATED MODULE: ./src/facts/kubernetes/cluster-objects.ts
// Live cluster reads for pull secrets: Secrets and ServiceAccounts (and, for the audit, Pods), read only, through the
// small API reader in api.ts from the kubeconfig `azure/aks-set-context` leaves behind. Every failure is data:
// 404 is "absent", 401/403 is "unverifiable" naming the RBAC verb to grant, anything else "unverifiable: why".
// Secret data stays base64 as the API returns it; decoding (and masking) is docker-config.ts's job.


const PULL_SECRET_TYPES = ['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg'];
const strings = (o) => Object.fromEntries(Object.entries(typeof o === 'object' && o !== null ? o : {}).filter((e) => typeof e[1] === 'string'));
const refNames = (refs) => (Array.isArray(refs) ? refs : [])
    .map((r) => (typeof r?.name === 'string' ? r.name : ''))
    .filter((n) => n !== '');
function secretFromApi(s) {
    const data = strings(s.data);
    for (const [k, v] of Object.entries(strings(s.stringData)))
        data[k] = Buffer.from(v, 'utf8').toString('base64');
    const out = {
        name: s.metadata?.name ?? '',
        namespace: s.metadata?.namespace ?? '',
        data,
        origin: 'cluster',
    };
    if (s.type)
        out.type = s.type;
    return out;
}
function serviceAccountFromApi(sa) {
    return {
        name: sa.metadata?.name ?? '',
        namespace: sa.metadata?.namespace ?? '',
        imagePullSecrets: refNames(sa.imagePullSecrets),
        origin: 'cluster',
    };
}
function podRefFromApi(p) {
    const refs = Array.isArray(p.metadata?.ownerReferences) ? p.metadata.ownerReferences : [];
    const owner = refs.find((o) => o?.controller) ?? refs[0];
    const ref = {
        namespace: p.metadata?.namespace ?? '',
        name: p.metadata?.name ?? '',
        serviceAccount: p.spec?.serviceAccountName ?? 'default',
        imagePullSecrets: refNames(p.spec?.imagePullSecrets),
    };
    if (owner)
        ref.owner = `${owner.kind}/${owner.name}`;
    return ref;
}
/**
 * A reader over a kubeconfig (a file, or a KUBECONFIG list joined with the path delimiter, merged as kubectl does),
 * tied to the cluster under check when its API server hosts are given. Throws when the kubeconfig is unusable,
 * KubeconfigElsewhereError when it points at another cluster, or KubeconfigProblem when its credential plugin waits
 * for a person or is not installed.
 */
function clusterObjectReader(kubeconfigPath, servers = [], opts = { interactive: true }) {
    const kc = (0,kubeconfig/* loadKubeconfig */.iz)(kubeconfigPath);
    (0,kubeconfig/* selectClusterContext */.wD)(kc, servers);
    const api = (0,kubernetes_api/* kubeApi */.Q1)(kc, opts);
    const seg = encodeURIComponent;
    return {
        async readSecret(namespace, name) {
            try {
                const s = (await api.get(`/api/v1/namespaces/${seg(namespace)}/secrets/${seg(name)}`));
                return { state: 'found', value: secretFromApi(s) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'get secrets', `in namespace ${namespace}`);
            }
        },
        async readServiceAccount(namespace, name) {
            try {
                const sa = (await api.get(`/api/v1/namespaces/${seg(namespace)}/serviceaccounts/${seg(name)}`));
                return { state: 'found', value: serviceAccountFromApi(sa) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'get serviceaccounts', `in namespace ${namespace}`);
            }
        },
        async listPullSecrets() {
            const out = [];
            for (const type of PULL_SECRET_TYPES) {
                try {
                    const items = (await api.list('/api/v1/secrets', { fieldSelector: `type=${type}` }));
                    // Filter here too: a server (or proxy) that ignores fieldSelector must not widen what is decoded.
                    out.push(...items.filter((i) => i.type === type).map(secretFromApi));
                }
                catch (err) {
                    const f = (0,kubernetes_api/* failure */.V2)(err, 'list secrets', 'in all namespaces');
                    return f.state === 'absent' ? { state: 'found', value: out } : f;
                }
            }
            return { state: 'found', value: out };
        },
        async listServiceAccounts() {
            try {
                const items = (await api.list('/api/v1/serviceaccounts'));
                return { state: 'found', value: items.map(serviceAccountFromApi) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'list serviceaccounts', 'in all namespaces');
            }
        },
        async listPods() {
            try {
                const items = (await api.list('/api/v1/pods'));
                return { state: 'found', value: items.map(podRefFromApi) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'list pods', 'in all namespaces');
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/facts/credentials/azure-reads.ts
// The Azure reads credential facts need, each returning data or "unverifiable: why" (never throwing):
// visible registries (ARM), the admin user's current passwords (listCredentials, compared in memory and dropped),
// scoped tokens and their scope maps (ARM), and Entra applications by appId with their passwordCredentials (Graph).
// Clients are made per call site from ctx.azure so the simulated world swaps endpoints, never code.

const ACTIONS = {
    listRegistries: 'Microsoft.ContainerRegistry/registries/read',
    listCredentials: 'Microsoft.ContainerRegistry/registries/listCredentials/action',
    tokens: 'Microsoft.ContainerRegistry/registries/tokens/read',
    scopeMaps: 'Microsoft.ContainerRegistry/registries/scopeMaps/read',
};
const GRAPH_PERMISSION = 'Application.Read.All (Microsoft Graph application permission)';
function azure_reads_statusOf(err) {
    if (typeof err === 'object' && err !== null && 'statusCode' in err) {
        const s = err.statusCode;
        if (typeof s === 'number')
            return s;
    }
    return undefined;
}
function armFailure(err, what, action) {
    const status = azure_reads_statusOf(err);
    if (status === 401 || status === 403) {
        return {
            ok: false,
            status,
            reason: `ARM denied ${what} (${status})`,
            permission: `${action} (e.g. the Reader role; listCredentials needs Contributor)`,
        };
    }
    const name = err instanceof Error ? err.name : 'error';
    return { ok: false, status, reason: `${what} failed (${status ?? name})` };
}
function parseRegistryId(id) {
    const p = (0,arm_id/* parseTypedArmId */.Fj)(id, 'Microsoft.ContainerRegistry', ['registries']);
    return p ? { subscriptionId: p.subscriptionId, resourceGroup: p.resourceGroup, name: p.names[0] } : undefined;
}
async function armClient(azure, subscriptionId) {
    const { ContainerRegistryManagementClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(834), __webpack_require__.e(751)]).then(__webpack_require__.bind(__webpack_require__, 69751));
    const endpoint = azure.endpoints.resourceManager.replace(/\/+$/, '');
    return new ContainerRegistryManagementClient(azure.credential, subscriptionId, {
        endpoint,
        credentials: { scopes: [`${endpoint}/.default`] },
    });
}
function iso(d) {
    if (d === undefined)
        return undefined;
    return typeof d === 'string' ? d : d.toISOString();
}
/** Every registry in a subscription the gate can see. */
async function azure_reads_listRegistries(azure, subscriptionId) {
    try {
        const out = [];
        for await (const r of (await armClient(azure, subscriptionId)).registries.list()) {
            if (!r.id || !r.name || !r.loginServer)
                continue;
            const reg = { id: r.id, name: r.name, loginServer: r.loginServer.toLowerCase() };
            if (r.adminUserEnabled !== undefined)
                reg.adminUserEnabled = r.adminUserEnabled;
            out.push(reg);
        }
        return { ok: true, value: out };
    }
    catch (err) {
        return armFailure(err, `listing registries in subscription ${subscriptionId}`, ACTIONS.listRegistries);
    }
}
/** One registry by resource id. */
async function getRegistry(azure, id) {
    const p = parseRegistryId(id);
    if (!p)
        return { ok: false, reason: `${id} is not a registry resource id` };
    try {
        const r = await (await armClient(azure, p.subscriptionId)).registries.get(p.resourceGroup, p.name);
        const reg = {
            id: r.id ?? id,
            name: r.name ?? p.name,
            loginServer: (r.loginServer ?? '').toLowerCase(),
        };
        if (r.adminUserEnabled !== undefined)
            reg.adminUserEnabled = r.adminUserEnabled;
        return { ok: true, value: reg };
    }
    catch (err) {
        return armFailure(err, `reading registry ${p.name}`, ACTIONS.listRegistries);
    }
}
/**
 * Whether `password` is one of the registry's current admin passwords. The listed passwords are masked, compared and
 * dropped here; only the boolean leaves.
 */
async function adminPasswordIsCurrent(azure, registry, password, mask) {
    const p = parseRegistryId(registry.id);
    if (!p)
        return { ok: false, reason: `${registry.id} is not a registry resource id` };
    try {
        const creds = await (await armClient(azure, p.subscriptionId)).registries.listCredentials(p.resourceGroup, p.name);
        const values = (creds.passwords ?? []).map((x) => x.value ?? '').filter((v) => v !== '');
        for (const v of values)
            mask(v);
        return { ok: true, value: values.includes(password) };
    }
    catch (err) {
        return armFailure(err, `listing the admin credentials of ${registry.name}`, ACTIONS.listCredentials);
    }
}
async function listTokens(azure, registry) {
    const p = parseRegistryId(registry.id);
    if (!p)
        return { ok: false, reason: `${registry.id} is not a registry resource id` };
    try {
        const out = [];
        for await (const t of (await armClient(azure, p.subscriptionId)).tokens.list(p.resourceGroup, p.name)) {
            if (!t.name)
                continue;
            const info = {
                id: t.id ?? `${registry.id}/tokens/${t.name}`,
                name: t.name,
                status: t.status ?? 'enabled',
                passwords: (t.credentials?.passwords ?? []).map((pw) => {
                    const x = { name: pw.name ?? 'password' };
                    const c = iso(pw.creationTime);
                    const e = iso(pw.expiry);
                    if (c)
                        x.creationTime = c;
                    if (e)
                        x.expiry = e;
                    return x;
                }),
            };
            if (t.scopeMapId)
                info.scopeMapId = t.scopeMapId;
            out.push(info);
        }
        return { ok: true, value: out };
    }
    catch (err) {
        return armFailure(err, `listing the scoped tokens of ${registry.name}`, ACTIONS.tokens);
    }
}
async function getScopeMapActions(azure, scopeMapId) {
    const p = (0,arm_id/* parseTypedArmId */.Fj)(scopeMapId, 'Microsoft.ContainerRegistry', ['registries', 'scopeMaps']);
    if (!p)
        return { ok: false, reason: `${scopeMapId} is not a scope map id` };
    const [registryName, scopeMapName] = p.names;
    try {
        const sm = await (await armClient(azure, p.subscriptionId)).scopeMaps.get(p.resourceGroup, registryName, scopeMapName);
        return { ok: true, value: sm.actions ?? [] };
    }
    catch (err) {
        return armFailure(err, `reading scope map ${scopeMapName}`, ACTIONS.scopeMaps);
    }
}
/** GET <graph>/v1.0/applications(appId='...'): 404 -> value undefined (no such app in the tenant). */
async function getApplication(azure, fetchFn, appId, signal) {
    const graph = azure.endpoints.graph.replace(/\/+$/, '');
    let token;
    try {
        const t = await azure.credential.getToken(`${graph}/.default`, signal ? { abortSignal: signal } : {});
        if (!t)
            return { ok: false, reason: 'no token for Microsoft Graph', permission: GRAPH_PERMISSION };
        token = t.token;
    }
    catch {
        return { ok: false, reason: 'could not get a token for Microsoft Graph', permission: GRAPH_PERMISSION };
    }
    const url = `${graph}/v1.0/applications(appId='${encodeURIComponent(appId)}')?$select=id,appId,displayName,passwordCredentials`;
    let res;
    try {
        res = await fetchFn(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            signal: signal ?? null,
        });
    }
    catch (err) {
        return { ok: false, reason: `Microsoft Graph could not be reached (${err instanceof Error ? err.name : 'error'})` };
    }
    if (res.status === 404) {
        await res.body?.cancel();
        return { ok: true, value: undefined };
    }
    if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        return {
            ok: false,
            status: res.status,
            reason: `Microsoft Graph denied reading application ${appId} (${res.status})`,
            permission: GRAPH_PERMISSION,
        };
    }
    if (res.status !== 200) {
        await res.body?.cancel();
        return { ok: false, status: res.status, reason: `Microsoft Graph answered ${res.status} for application ${appId}` };
    }
    let body;
    try {
        body = await res.json();
    }
    catch {
        return { ok: false, reason: `Microsoft Graph returned a body that is not JSON for application ${appId}` };
    }
    const o = (typeof body === 'object' && body !== null ? body : {});
    const app = {
        appId: typeof o.appId === 'string' ? o.appId : appId,
        passwordCredentials: Array.isArray(o.passwordCredentials)
            ? o.passwordCredentials
            : [],
    };
    if (typeof o.id === 'string')
        app.id = o.id;
    if (typeof o.displayName === 'string')
        app.displayName = o.displayName;
    return { ok: true, value: app };
}

;// CONCATENATED MODULE: ./src/lib/credential-classify.ts
// What kind of credential a pull-secret entry holds (service principal, ACR refresh token, admin user, scoped token,
// other), plus the pure helpers that evaluate one without printing it: JWT `exp` without verification, Graph
// password-credential matching by hint, ACR scope-map actions. No I/O.
const ACR_REFRESH_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000';
const credential_classify_GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isGuid(value) {
    return credential_classify_GUID_RE.test(value);
}
/**
 * Classifies by username, most specific first: the all-zero GUID is ACR's marker for a token password; a registry's
 * name is its admin user (ACR usernames compare case-insensitively); a token name of that registry is a scoped token;
 * any other GUID is an Entra application (client) id.
 */
function classifyCredential(username, password, ctx) {
    if (username === ACR_REFRESH_TOKEN_USERNAME) {
        const claims = decodeJwtClaims(password);
        const out = { kind: 'refresh-token' };
        if (claims && typeof claims.exp === 'number')
            out.expiresAt = new Date(claims.exp * 1000).toISOString();
        if (claims && typeof claims.tenant === 'string')
            out.tenant = claims.tenant;
        return out;
    }
    if (ctx.registryName && username.toLowerCase() === ctx.registryName.toLowerCase()) {
        return { kind: 'admin-user', registryName: ctx.registryName };
    }
    const token = ctx.tokenNames?.find((t) => t.toLowerCase() === username.toLowerCase());
    if (token)
        return { kind: 'acr-token', tokenName: token };
    if (isGuid(username))
        return { kind: 'service-principal', appId: username.toLowerCase() };
    return { kind: 'other' };
}
/** The claims of a JWT, decoded without verifying the signature. Undefined when it is not a JWT. */
function decodeJwtClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const json = Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
        const claims = JSON.parse(json);
        return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
            ? claims
            : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Graph's `hint` is the first three characters of the secret: the credential whose hint matches is the one in use.
 * When several share the hint, the latest-ending one is assumed (a live token request settles it).
 */
function matchPasswordCredential(secret, credentials) {
    const hint = secret.slice(0, 3);
    const matches = credentials.filter((c) => typeof c.hint === 'string' && c.hint !== '' && c.hint === hint);
    if (matches.length === 0)
        return undefined;
    const best = [...matches].sort((a, b) => endTime(b) - endTime(a))[0];
    const out = { candidates: matches.length };
    if (best.keyId)
        out.keyId = best.keyId;
    if (best.displayName)
        out.displayName = best.displayName;
    if (best.endDateTime)
        out.endDateTime = best.endDateTime;
    return out;
}
function endTime(c) {
    const t = c.endDateTime ? Date.parse(c.endDateTime) : NaN;
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
/** Whole days from `now` until `iso` (negative once passed). Undefined when `iso` is absent or not a date. */
function daysUntil(iso, now) {
    if (!iso)
        return undefined;
    const t = Date.parse(iso);
    if (Number.isNaN(t))
        return undefined;
    return Math.floor((t - now.getTime()) / 86_400_000);
}
/** Expired when the moment has passed; expiring when it falls within `warningDays` days; no date means no expiry. */
function expiryState(iso, now, warningDays) {
    if (iso === undefined || iso === null || iso === '')
        return 'ok';
    const t = Date.parse(iso);
    if (Number.isNaN(t))
        return 'unknown';
    if (t <= now.getTime())
        return 'expired';
    if (t - now.getTime() <= warningDays * 86_400_000)
        return 'expiring';
    return 'ok';
}
/**
 * Whether a scope map's actions grant `content/read` on a repository. ACR actions look like
 * `repositories/<repo>/content/read`; the repository part may end in `/*` (that namespace and below) or be `*`.
 */
function scopeGrantsPull(actions, repository) {
    const repo = repository.toLowerCase();
    return actions.some((action) => {
        const m = /^repositories\/(.+)\/content\/read$/i.exec(action.trim());
        if (!m)
            return false;
        const pattern = m[1].toLowerCase();
        if (pattern === '*')
            return true;
        if (pattern.endsWith('/*'))
            return repo.startsWith(pattern.slice(0, -1));
        return pattern === repo;
    });
}

;// CONCATENATED MODULE: ./src/types/facts/credentials.ts
// The credential facts that collect-facts.ts gathers (I/O) and checks/pull-secrets.ts judges (pure).
// Deliberately secret-free: passwords are compared and matched while collecting, and only the outcome (which Graph
// credential matched, whether the admin password is still current, what the token endpoint said) is kept here, so
// facts can be logged, snapshotted or dumped without leaking anything.
function secretKey(namespace, name) {
    return `${namespace}/${name}`;
}

;// CONCATENATED MODULE: ./src/facts/credentials/live-check.ts
// The kubelet-equivalent check of one pull-secret credential: ping the registry's /v2/, answer its challenge with the
// secret's own username and password for `repository:<repo>:pull`, and read the granted access from the token.
// Built on the registry client's transport and token cache (src/registry: same retries, deadline and the
// credential policy: HTTPS only, plain HTTP only to loopback, realm on the registry's host or registrable domain).
// Outcome: works / rejected (the kubelet would get 401 too) / unreachable (could not tell from here).





/** Failures that mean "the registry said no to this credential", as opposed to "we could not ask". */
const REJECTIONS = new Set(['unauthorized', 'denied']);
class LiveCredentialChecker {
    opts;
    http;
    tokens;
    pings = new Map();
    constructor(opts) {
        this.opts = opts;
        const httpOpts = {
            fetch: opts.fetch,
            concurrencyPerRegistry: 4,
            maxRetries: 2,
            requestTimeoutMs: opts.requestTimeoutMs ?? 15_000,
            maxRetryDelayMs: 5_000,
            baseRetryDelayMs: 250,
        };
        if (opts.signal)
            httpOpts.signal = opts.signal;
        if (opts.logger)
            httpOpts.logger = opts.logger;
        if (opts.request)
            httpOpts.request = opts.request;
        this.http = new registry_http/* RegistryHttp */.WR(httpOpts);
        this.tokens = new TokenCache(this.http);
    }
    base(registry) {
        const host = registryEndpointHost(registry);
        // Plain HTTP only for loopback registries (local test registries); everything else is HTTPS.
        const scheme = isLoopbackHost(hostnameOf(host)) && this.plainHttpLoopback ? 'http' : 'https';
        return new URL(`${scheme}://${host}/`);
    }
    /** Tests against a plain-HTTP registry on 127.0.0.1 turn this on; never used for other hosts. */
    plainHttpLoopback = false;
    /** Asks the registry whether `username`/`password` may pull `repository`. Never throws. */
    async check(registry, repository, username, password) {
        const scope = `repository:${repository}:pull`;
        try {
            const base = this.base(registry);
            const ping = await this.ping(registry, base);
            if (ping instanceof errors/* RegistryError */.gl)
                return unreachable(ping.message);
            if (ping.status === 200) {
                return { state: 'works' };
            }
            if (ping.status !== 401)
                return unreachable(`${registry}/v2/ answered ${ping.status}`);
            const challenge = challengeFrom(ping.headers.get('www-authenticate'), registry);
            if (challenge instanceof errors/* RegistryError */.gl)
                return unreachable(challenge.message);
            if (challenge.kind === 'basic')
                return await this.basicCheck(registry, base, username, password);
            if (challenge.kind !== 'bearer')
                return { state: 'works' };
            const token = await this.tokens.token({
                registry,
                challenge,
                scope,
                credential: { kind: 'basic', username, password },
            });
            return grantedPull(token, repository, registry);
        }
        catch (err) {
            const e = err instanceof errors/* RegistryError */.gl ? err : (0,errors/* transportError */.WQ)(err, registry, 'other');
            if (REJECTIONS.has(e.kind)) {
                const out = { state: 'rejected', reason: e.message };
                if (e.status !== undefined)
                    out.httpStatus = e.status;
                return out;
            }
            if (e.kind === 'credential-refused')
                return unreachable(e.message, 'a token realm on the registry’s own host');
            return unreachable(e.message);
        }
    }
    /** One unauthenticated /v2/ ping per registry, shared by every credential checked against it. */
    ping(registry, base) {
        let p = this.pings.get(registry);
        if (!p) {
            p = this.http
                .send('ping', new URL('/v2/', base), { method: 'GET', pool: registry, headers: { accept: 'application/json' } })
                .catch((err) => (err instanceof errors/* RegistryError */.gl ? err : (0,errors/* transportError */.WQ)(err, registry, 'other')));
            this.pings.set(registry, p);
        }
        return p;
    }
    /** Registries that answer with a Basic challenge (htpasswd): the credential is checked against /v2/ itself. */
    async basicCheck(registry, base, username, password) {
        const url = new URL('/v2/', base);
        const verdict = mayReceiveCredential(registry, url);
        if (!verdict.ok)
            return unreachable(verdict.reason);
        const res = await this.http.send('ping', url, {
            method: 'GET',
            pool: registry,
            headers: { authorization: basicHeader(username, password), accept: 'application/json' },
        });
        if (res.status === 200)
            return { state: 'works' };
        if (res.status === 401 || res.status === 403) {
            return {
                state: 'rejected',
                reason: `${registry} refused the credential (${res.status})`,
                httpStatus: res.status,
            };
        }
        return unreachable(`${registry}/v2/ answered ${res.status} with the credential`);
    }
}
function unreachable(reason, permission) {
    const out = { state: 'unreachable', reason };
    if (permission)
        out.permission = permission;
    return out;
}
/**
 * A token endpoint may sign a credential in and still grant nothing on the repository (ACR, Docker Hub do):
 * the pull then fails with 401 at the manifest. Read the `access` claim when the token carries one.
 */
function grantedPull(token, repository, registry) {
    const claims = decodeJwtClaims(token);
    const access = claims?.access;
    if (!Array.isArray(access))
        return { state: 'works' };
    const ok = access.some((a) => {
        if (typeof a !== 'object' || a === null)
            return false;
        // Real ACR anonymous tokens carry `{"Type":"repository","Name":"*","Actions":["pull"]}` (recording
        // acr-anonymous-token-for-delete-scope-200); the distribution spec writes the keys in lower case. The casing of
        // other ACR token kinds is not documented, so both are read, and `*` names every repository.
        const o = a;
        const type = o.type ?? o.Type;
        const name = o.name ?? o.Name;
        const actions = o.actions ?? o.Actions;
        return (type === 'repository' &&
            (name === repository || name === '*') &&
            Array.isArray(actions) &&
            actions.some((x) => x === 'pull' || x === '*'));
    });
    return ok
        ? { state: 'works' }
        : { state: 'rejected', reason: `${registry} signed the credential in but granted no pull on ${repository}` };
}

;// CONCATENATED MODULE: ./src/facts/credentials/collect.ts
// Collects the credential facts for the gate (I/O): which pull secrets each pod uses (manifests first, then the live
// cluster), their decoded credentials (masked at once), what Azure says about each (Graph expiry by hint, admin user,
// scoped tokens and scope maps) and what the registry's token endpoint says to the credential itself.
// Produces secret-free CredentialFacts (fact-types.ts); every failure is recorded as unverifiable, never thrown.









const NO_AZURE = 'no Azure sign-in';
/** Runs async work over items with a concurrency limit, keeping order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return out;
}
function memo(fn) {
    const cache = new Map();
    return (k) => {
        let p = cache.get(k);
        if (!p) {
            p = fn(k);
            cache.set(k, p);
        }
        return p;
    };
}
function clusterFromConfig(id) {
    if (!id)
        return undefined;
    const p = (0,arm_id/* parseTypedArmId */.Fj)(id, 'Microsoft.ContainerService', ['managedClusters']);
    return p ? { id, name: p.names[0], resourceGroup: p.resourceGroup } : undefined;
}
function unverifiableOf(r) {
    if (r.ok)
        return { reason: 'unknown' };
    const u = { reason: r.reason };
    if (r.permission)
        u.permission = r.permission;
    return u;
}
/**
 * The clusters reader for this run, or why there is none. Construction errors (unreadable kubeconfig) become an
 * "unverifiable" reason, not a crash.
 */
function makeClusterReader(ctx, opts) {
    if (opts.cluster)
        return { reader: opts.cluster, state: { state: 'read' } };
    if (ctx.clusterReadsOff)
        return { state: { state: 'off', reason: ctx.clusterReadsOff } };
    if (!ctx.kubeconfigPath)
        return {
            state: {
                state: 'off',
                reason: 'no kubeconfig to read the cluster with: add an azure/aks-set-context step before the gate (or set cluster-reads: false)',
            },
        };
    try {
        const env = process.env;
        // A person can answer a login prompt only outside CI and on a terminal.
        const interactive = env.CI !== 'true' && env.GITHUB_ACTIONS !== 'true' && !!process.stdin.isTTY;
        return {
            reader: clusterObjectReader(ctx.kubeconfigPath, opts.clusterServers, {
                interactive,
                signal: ctx.signal,
                env,
                ...(ctx.proxyEnv ? { proxyEnv: ctx.proxyEnv } : {}),
            }),
            state: { state: 'read' },
        };
    }
    catch (err) {
        if (err instanceof kubeconfig/* KubeconfigElsewhereError */.IB)
            return { state: { state: 'off', reason: err.message } };
        if (err instanceof kubeconfig/* KubeconfigProblem */.Ve && err.kind === 'interactive')
            return {
                state: {
                    state: 'unverifiable',
                    reason: err.message,
                    interactiveLogin: { command: err.command, mode: err.mode ?? 'devicecode' },
                },
            };
        const why = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : 'unreadable';
        return { state: { state: 'unverifiable', reason: `the kubeconfig could not be loaded: ${why}` } };
    }
}
/** Secrets and the images each serves, after adding live ServiceAccounts' pull secrets. */
async function resolveSecretUses(inventory, reader, clusterServiceAccounts) {
    const manifestSAs = new Set(inventory.serviceAccounts.map((s) => secretKey(s.namespace, s.name)));
    const saKeys = new Set();
    for (const u of inventory.uses) {
        const k = secretKey(u.namespace, u.serviceAccount);
        if (!manifestSAs.has(k))
            saKeys.add(k);
    }
    if (reader) {
        await mapLimit([...saKeys], 8, async (k) => {
            const [ns, name] = [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)];
            const r = await reader.readServiceAccount(ns, name);
            if (r.state === 'found' && r.value.imagePullSecrets.length > 0)
                clusterServiceAccounts[k] = r.value.imagePullSecrets;
        });
    }
    const byKey = new Map();
    for (const u of inventory.uses) {
        if (!u.ref)
            continue;
        const names = [...u.pullSecrets, ...(clusterServiceAccounts[secretKey(u.namespace, u.serviceAccount)] ?? [])];
        for (const name of names) {
            const k = secretKey(u.namespace, name);
            let s = byKey.get(k);
            if (!s) {
                s = { namespace: u.namespace, name, images: [] };
                byKey.set(k, s);
            }
            if (!s.images.some((i) => i.normalized === u.ref?.normalized))
                s.images.push(u.ref);
        }
    }
    return [...byKey.values()];
}
async function collectCredentialFacts(ctx, inventory, registries, opts = {}) {
    const { reader, state } = makeClusterReader(ctx, opts);
    const facts = {
        now: ctx.now.toISOString(),
        secrets: {},
        clusterServiceAccounts: {},
        clusterReads: state,
    };
    const cluster = clusterFromConfig(ctx.cluster);
    if (cluster)
        facts.cluster = cluster;
    const secretUses = await resolveSecretUses(inventory, reader, facts.clusterServiceAccounts);
    if (secretUses.length === 0)
        return facts;
    const hosts = [...new Set(secretUses.flatMap((u) => u.images.map((i) => i.registry.toLowerCase())))];
    const azure = new AzureCredentialFacts(ctx, hosts, registries);
    const live = opts.liveChecks === false
        ? undefined
        : (opts.liveChecker ??
            new LiveCredentialChecker({
                fetch: ctx.fetch,
                request: ctx.request,
                signal: ctx.signal,
                logger: ctx.logger,
            }));
    await mapLimit(secretUses, 8, async (use) => {
        const { lookup, raw } = await lookupSecret(inventory, reader, state, use);
        facts.secrets[secretKey(use.namespace, use.name)] = lookup;
        if (lookup.state !== 'found' || !raw)
            return;
        const parsed = parsePullSecret(raw, ctx.maskSecret);
        if (!parsed.ok) {
            lookup.secret.parsed = {
                ok: false,
                reason: parsed.reason,
                detail: parsed.detail,
                blocksAllPaths: parsed.blocksAllPaths,
            };
            return;
        }
        lookup.secret.parsed = { ok: true, entries: await describeEntries(parsed.credentials, use.images, azure, live) };
    });
    ctx.logger.debug(`credentials: ${Object.keys(facts.secrets).length} pull secret(s) looked up (${state.state} cluster reads)`);
    return facts;
}
function findSecret(secrets, use) {
    return secrets.find((s) => s.namespace === use.namespace && s.name === use.name);
}
async function lookupSecret(inventory, reader, state, use) {
    // The manifests win: they are what the rollout applies.
    const m = findSecret(inventory.secrets, use);
    if (m) {
        const secret = {
            namespace: use.namespace,
            name: use.name,
            origin: 'manifest',
            parsed: { ok: true, entries: [] },
        };
        if (m.location)
            secret.location = m.location;
        return { lookup: { state: 'found', secret }, raw: m };
    }
    if (!reader) {
        return {
            lookup: {
                state: 'unverifiable',
                reason: state.reason ?? 'the cluster was not read',
                permission: 'a kubeconfig allowed to get secrets (azure/aks-set-context)',
            },
        };
    }
    const r = await reader.readSecret(use.namespace, use.name);
    if (r.state === 'absent')
        return { lookup: { state: 'absent' } };
    if (r.state === 'unverifiable') {
        const out = { state: 'unverifiable', reason: r.reason };
        if (r.permission)
            out.permission = `${r.permission} in namespace ${use.namespace}`;
        return { lookup: out };
    }
    const secret = {
        namespace: use.namespace,
        name: use.name,
        origin: 'cluster',
        parsed: { ok: true, entries: [] },
    };
    return { lookup: { state: 'found', secret }, raw: r.value };
}
async function describeEntries(credentials, images, azure, live) {
    // Which repositories each credential would be used for (the kubelet's choice per image).
    const reposByCred = new Map();
    for (const img of images) {
        for (const c of lookupCredentials(credentials, img)) {
            const list = reposByCred.get(c) ?? [];
            list.push(img);
            reposByCred.set(c, list);
        }
    }
    return Promise.all(credentials.map(async (cred) => {
        const imgs = reposByCred.get(cred) ?? [];
        const host = (imgs[0]?.registry ?? cred.server).toLowerCase();
        const entry = newEntry(cred);
        if (imgs.length === 0) {
            entry.credentialClass = classifyCredential(cred.username, cred.password, {});
            return entry;
        }
        await azure.describe(entry, cred, host, imgs);
        if (live) {
            await Promise.all(imgs.map(async (img) => {
                entry.live[img.repository] = await live.check(img.registry, img.repository, cred.username, cred.password);
            }));
        }
        return entry;
    }));
}
function normalizeRegistry(r) {
    const out = { id: r.id, name: r.name, loginServer: r.loginServer.toLowerCase() };
    const admin = r.adminUserEnabled;
    if (admin !== undefined)
        out.adminUserEnabled = admin;
    return out;
}
/** The registries behind the image hosts, through the shared discovery (every visible subscription). */
async function discover(ctx, hosts) {
    const d = await discoverRegistries(ctx, hosts);
    if (d.registries.length === 0 && d.problems.length > 0) {
        const p = d.problems[0];
        const out = { ok: false, reason: p.reason };
        if (p.permission)
            out.permission = p.permission;
        return out;
    }
    return { ok: true, value: d.registries.map(normalizeRegistry) };
}
/** Azure lookups shared across secrets of one run (each registry/app read once). */
class AzureCredentialFacts {
    ctx;
    registriesP;
    tokens;
    scopeMaps;
    apps;
    constructor(ctx, hosts, given) {
        this.ctx = ctx;
        const azure = ctx.azure;
        if (given)
            this.registriesP = Promise.resolve({ ok: true, value: given.map(normalizeRegistry) });
        else if (azure)
            this.registriesP = discover(ctx, hosts);
        else
            this.registriesP = Promise.resolve({ ok: false, reason: NO_AZURE });
        this.tokens = memo(async (id) => {
            const reg = await this.registryById(id);
            if (!reg)
                return { ok: false, reason: `registry ${id} is not visible` };
            return azure ? listTokens(azure, reg) : { ok: false, reason: NO_AZURE };
        });
        this.scopeMaps = memo((id) => azure ? getScopeMapActions(azure, id) : Promise.resolve({ ok: false, reason: NO_AZURE }));
        this.apps = memo((appId) => azure
            ? getApplication(azure, ctx.fetch, appId, ctx.signal)
            : Promise.resolve({ ok: false, reason: NO_AZURE, permission: GRAPH_PERMISSION }));
    }
    async registryById(id) {
        const r = await this.registriesP;
        return r.ok ? r.value.find((x) => x.id.toLowerCase() === id.toLowerCase()) : undefined;
    }
    async registryForHost(host) {
        const r = await this.registriesP;
        return r.ok ? r.value.find((x) => x.loginServer.toLowerCase() === host) : undefined;
    }
    async describe(entry, cred, host, _imgs) {
        const reg = await this.registryForHost(host);
        let tokens;
        if (reg) {
            entry.registry = { id: reg.id, name: reg.name, loginServer: reg.loginServer };
            const t = await this.tokens(reg.id);
            if (t.ok)
                tokens = t.value;
            else
                entry.tokensUnverifiable = unverifiableOf(t);
        }
        const cls = classifyCredential(cred.username, cred.password, {
            registryName: reg?.name,
            tokenNames: tokens?.map((t) => t.name),
        });
        entry.credentialClass = cls;
        if (cls.kind === 'service-principal')
            entry.servicePrincipal = await this.servicePrincipal(cls.appId, cred.password);
        else if (cls.kind === 'admin-user' && reg)
            await this.admin(entry, reg, cred.password);
        else if (cls.kind === 'acr-token' && tokens)
            entry.token = await this.token(cls.tokenName, tokens);
    }
    async servicePrincipal(appId, password) {
        const r = await this.apps(appId);
        if (!r.ok)
            return { state: 'unverifiable', appId, ...unverifiableOf(r) };
        if (!r.value)
            return { state: 'app-not-found', appId };
        const out = {
            state: 'found',
            appId,
            credentialCount: r.value.passwordCredentials.length,
        };
        if (r.value.displayName)
            out.displayName = r.value.displayName;
        const matched = matchPasswordCredential(password, r.value.passwordCredentials);
        if (matched)
            out.matched = matched;
        return out;
    }
    async admin(entry, reg, password) {
        const azure = this.ctx.azure;
        if (reg.adminUserEnabled === undefined || !azure) {
            entry.adminUser = {
                state: 'unverifiable',
                reason: azure ? `registry ${reg.name} did not say whether its admin user is enabled` : NO_AZURE,
            };
            return;
        }
        if (!reg.adminUserEnabled) {
            entry.adminUser = { state: 'found', adminUserEnabled: false };
            return;
        }
        const current = await adminPasswordIsCurrent(azure, reg, password, this.ctx.maskSecret);
        entry.adminUser = current.ok
            ? { state: 'found', adminUserEnabled: true, passwordCurrent: current.value }
            : { state: 'found', adminUserEnabled: true, passwordUnverifiable: unverifiableOf(current) };
    }
    async token(name, tokens) {
        const t = tokens.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t)
            return { state: 'unverifiable', tokenName: name, reason: `token ${name} not found` };
        const out = {
            state: 'found',
            tokenName: t.name,
            tokenId: t.id,
            status: t.status,
            passwords: t.passwords,
        };
        if (t.scopeMapId) {
            out.scopeMapId = t.scopeMapId;
            out.scopeMapName = t.scopeMapId.split('/').pop();
            const actions = await this.scopeMaps(t.scopeMapId);
            if (actions.ok)
                out.actions = actions.value;
            else
                out.scopeUnverifiable = unverifiableOf(actions);
        }
        return out;
    }
}
/** The fact of one pull-secret credential before it is classified and described (no secret value in it). */
function newEntry(cred) {
    return {
        key: cred.key,
        matchKey: cred.matchKey,
        server: cred.server,
        username: cred.username,
        credentialClass: { kind: 'other' },
        live: {},
    };
}

;// CONCATENATED MODULE: ./src/facts/audit.ts
// What the scheduled credential audit reads (`aks-pull-gate audit`, `mode: audit`): every registry the gate can see
// (or the ones named) with its scoped tokens and admin user, every pull secret of the cluster with the ServiceAccounts
// and pod owners that use it, and the service principal of each named cluster with its client secrets. Reads only;
// secrets are masked on decode and never leave the fact layer. What it cannot read is a gap, never thrown; judging
// is checks/audit.ts's job (the same rule functions as the gate).








async function collectAuditFacts(ctx, opts) {
    const gaps = [];
    const registries = await auditRegistries(ctx, opts.registryIds, gaps);
    const tokens = {};
    for (const reg of registries) {
        const t = ctx.azure ? await listTokens(ctx.azure, reg) : undefined;
        if (t?.ok)
            tokens[reg.id] = t.value;
        else if (t)
            gaps.push(gapOf(`the scoped tokens of ${reg.name}`, t, reg.loginServer));
    }
    const facts = { registries, tokens, secrets: [], clusters: [], gaps };
    const named = (0,arm_id/* parseTypedArmId */.Fj)(ctx.cluster, 'Microsoft.ContainerService', ['managedClusters']);
    if (named && ctx.cluster)
        facts.cluster = { id: ctx.cluster, name: named.names[0], resourceGroup: named.resourceGroup };
    facts.secrets = await auditPullSecrets(ctx, opts, registries, gaps);
    for (const id of opts.clusterIds)
        facts.clusters.push(await auditCluster(ctx, id, gaps));
    return facts;
}
function gapOf(what, r, registry) {
    const reason = r.ok ? 'unknown' : r.reason;
    const permission = r.ok ? undefined : r.permission;
    const g = {
        reason,
        message: `Audit could not read ${what}: ${reason}${permission ? `. Grant the gate ${permission}.` : '.'}`,
        evidence: { reason, permission },
    };
    if (permission)
        g.permission = permission;
    if (registry)
        g.registry = registry;
    return g;
}
async function auditRegistries(ctx, ids, gaps) {
    const azure = ctx.azure;
    if (!azure) {
        gaps.push(gapOf('the registries', { ok: false, reason: 'no Azure sign-in' }));
        return [];
    }
    if (ids.length > 0) {
        const out = [];
        for (const id of ids) {
            const r = await getRegistry(azure, id);
            if (r.ok)
                out.push(r.value);
            else
                gaps.push(gapOf(`registry ${id}`, r));
        }
        return out;
    }
    // Every registry the gate can see, across its subscriptions.
    const subs = [];
    try {
        const { SubscriptionClient } = await Promise.all(/* import() */[__webpack_require__.e(725), __webpack_require__.e(978), __webpack_require__.e(570)]).then(__webpack_require__.bind(__webpack_require__, 13570));
        const client = new SubscriptionClient(azure.credential, armClientOptions(ctx));
        for await (const s of client.subscriptions.list({ abortSignal: ctx.signal }))
            if (s.subscriptionId)
                subs.push(s.subscriptionId);
    }
    catch {
        if (azure.subscriptionId)
            subs.push(azure.subscriptionId);
    }
    const out = [];
    for (const sub of subs) {
        const r = await azure_reads_listRegistries(azure, sub);
        if (r.ok)
            out.push(...r.value);
        else
            gaps.push(gapOf(`the registries of subscription ${sub}`, r));
    }
    return out;
}
function clusterReaderFor(ctx, opts, gaps) {
    if (opts.cluster)
        return opts.cluster;
    if (ctx.clusterReadsOff || !ctx.kubeconfigPath) {
        gaps.push({
            reason: 'no kubeconfig, or cluster reads are off',
            message: 'Audit did not read the cluster’s pull secrets: no kubeconfig (run azure/aks-set-context first) or cluster reads are off.',
            evidence: { permission: 'a kubeconfig allowed to list secrets, serviceaccounts and pods' },
        });
        return undefined;
    }
    try {
        return clusterObjectReader(ctx.kubeconfigPath, [], {
            interactive: true,
            signal: ctx.signal,
            ...(ctx.proxyEnv ? { proxyEnv: ctx.proxyEnv } : {}),
        });
    }
    catch {
        gaps.push({
            reason: 'the kubeconfig could not be loaded',
            message: 'Audit could not load the kubeconfig, so the cluster’s pull secrets were not read.',
        });
        return undefined;
    }
}
/** Where each pull secret is used: ServiceAccounts naming it, and the owners of pods naming it. */
async function usageIndex(reader) {
    const used = new Map();
    const add = (ns, secret, who) => {
        const k = `${ns}/${secret}`;
        const s = used.get(k) ?? new Set();
        s.add(who);
        used.set(k, s);
    };
    const sas = await reader.listServiceAccounts();
    const saSecrets = new Map();
    if (sas.state === 'found') {
        for (const sa of sas.value) {
            saSecrets.set(`${sa.namespace}/${sa.name}`, sa.imagePullSecrets);
            for (const s of sa.imagePullSecrets)
                add(sa.namespace, s, `serviceaccount:${sa.namespace}/${sa.name}`);
        }
    }
    const pods = await reader.listPods();
    if (pods.state === 'found') {
        for (const p of pods.value) {
            const who = `${p.owner ?? `Pod/${p.name}`} in ${p.namespace}`;
            for (const s of [...p.imagePullSecrets, ...(saSecrets.get(`${p.namespace}/${p.serviceAccount}`) ?? [])])
                add(p.namespace, s, who);
        }
    }
    return used;
}
async function auditPullSecrets(ctx, opts, registries, gaps) {
    const reader = clusterReaderFor(ctx, opts, gaps);
    if (!reader)
        return [];
    const list = await reader.listPullSecrets();
    if (list.state !== 'found') {
        if (list.state === 'unverifiable') {
            const g = {
                reason: list.reason,
                message: `Audit could not list the cluster’s pull secrets: ${list.reason}.`,
                evidence: { reason: list.reason, permission: list.permission },
            };
            gaps.push(g);
        }
        return [];
    }
    const used = await usageIndex(reader);
    const azure = new AzureCredentialFacts(ctx, registries.map((r) => r.loginServer), registries);
    const out = [];
    for (const raw of list.value) {
        const usedBy = [...(used.get(`${raw.namespace}/${raw.name}`) ?? [])].sort();
        const secret = {
            namespace: raw.namespace,
            name: raw.name,
            origin: 'cluster',
            parsed: { ok: true, entries: [] },
        };
        const parsed = parsePullSecret(raw, ctx.maskSecret);
        if (!parsed.ok) {
            secret.parsed = {
                ok: false,
                reason: parsed.reason,
                detail: parsed.detail,
                blocksAllPaths: parsed.blocksAllPaths,
            };
            out.push({ secret, entries: [], usedBy });
            continue;
        }
        const entries = [];
        for (const cred of parsed.credentials) {
            const entry = newEntry(cred);
            await azure.describe(entry, cred, cred.server.toLowerCase(), []);
            entries.push(entry);
        }
        secret.parsed = { ok: true, entries };
        out.push({ secret, entries, usedBy });
    }
    return out;
}
async function auditCluster(ctx, clusterId, gaps) {
    const cluster = await getCluster(ctx, clusterId);
    const out = { id: clusterId, cluster };
    if (isUnverifiable(cluster)) {
        gaps.push({
            ...cluster,
            message: `Audit could not read cluster ${clusterId}: ${cluster.reason}.`,
            evidence: { reason: cluster.reason, permission: cluster.permission, clusterId },
        });
        return out;
    }
    const appId = cluster.servicePrincipalClientId;
    if (!appId)
        return out;
    const app = await getApplicationByAppId(ctx, appId);
    if (!('found' in app)) {
        const reason = 'reason' in app ? app.reason : app.notFound;
        const permission = 'permission' in app ? app.permission : undefined;
        out.servicePrincipal = { appId, passwordCredentials: { reason, ...(permission ? { permission } : {}) } };
        gaps.push({
            reason,
            message: `Audit could not read the secrets of cluster ${cluster.name}'s service principal ${appId}: ${reason}.`,
            evidence: { reason, identity: appId, permission },
        });
        return out;
    }
    out.servicePrincipal = {
        appId,
        ...(app.found.displayName ? { displayName: app.found.displayName } : {}),
        passwordCredentials: app.found.passwordCredentials.map((p) => ({
            ...(p.keyId ? { keyId: p.keyId } : {}),
            ...(p.displayName ? { displayName: p.displayName } : {}),
            ...(p.endDateTime ? { endDateTime: p.endDateTime } : {}),
        })),
    };
    return out;
}

;// CONCATENATED MODULE: ./src/checks/static.ts
// Static rules: what the manifests alone say about their images, with no registry or Azure asked, run by the gate over
// the Inventory: template-unrendered, image-reference-invalid, image-tag-mutable.

/** Image strings in messages are cut: a hostile 1 MB value must not bloat every report format. */
function shown(image) {
    return image.length > 200 ? `${image.slice(0, 200)}… (${image.length} characters)` : image;
}
function staticFindings(inventory) {
    const findings = [];
    for (const use of inventory.uses) {
        const where = `${use.workload.kind}/${use.workload.name} container "${use.container}"`;
        if ((0,image_reference/* looksUnrendered */.NA)(use.image)) {
            findings.push({
                rule: 'template-unrendered',
                severity: 'error',
                message: `${where}: image "${shown(use.image)}" still holds a template expression; the manifests were not rendered`,
                location: use.location,
                remediation: 'Render the chart or overlay first (helm template ... / kustomize build ... / envsubst) and gate the output',
            });
        }
        else if (!use.ref) {
            const parsed = (0,image_reference/* parseImageReference */.o_)(use.image);
            const why = parsed.ok ? 'not a string' : parsed.error;
            findings.push({
                rule: 'image-reference-invalid',
                severity: 'error',
                message: `${where}: image "${shown(use.image)}" is not a valid reference: ${why}`,
                image: shown(use.image),
                location: use.location,
                remediation: 'Write the image as [registry/]repository[:tag][@sha256:digest], lowercase repository, e.g. myacr.azurecr.io/orders-api:v1.4.1',
            });
        }
        else if (!use.ref.digest && (!use.ref.tag || use.ref.tag === 'latest')) {
            const implicit = !/:[^/]+$/.test(use.image.split('@')[0]);
            findings.push({
                rule: 'image-tag-mutable',
                severity: 'warning',
                message: `${where}: image "${use.image}" ${implicit ? 'has no tag (implicit :latest)' : 'uses :latest'}; what a node pulls can change under you and cached nodes may run another build`,
                image: use.ref.normalized,
                registry: use.ref.registry,
                location: use.location,
                remediation: `Pin a version tag or a digest, e.g. ${use.ref.registry}/${use.ref.repository}@sha256:<digest>`,
            });
        }
    }
    const reportedSecrets = new Set();
    for (const secret of inventory.pullSecretRefs ?? []) {
        const key = `${secret.location.file}:${secret.location.line}:${secret.location.column}`;
        if (!(0,image_reference/* looksUnrendered */.NA)(secret.name) || reportedSecrets.has(key))
            continue;
        reportedSecrets.add(key);
        findings.push({
            rule: 'template-unrendered',
            severity: 'error',
            message: `${secret.workload.kind}/${secret.workload.name}: imagePullSecrets name "${shown(secret.name)}" still holds a template expression`,
            location: secret.location,
            remediation: 'Render the chart or overlay first (helm template ... / kustomize build ... / envsubst) and gate the output',
        });
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/checks/rbac/evaluate.ts
// Pure Azure RBAC evaluation for "may this principal pull from this registry (and repository)?".
// Owns: ARM scope containment, action/dataAction wildcard matching, role-definition evaluation (actions minus notActions,
// dataActions minus notDataActions), ACR's two role-assignment modes, ABAC condition evaluation for the documented
// repository-name forms, and deny assignments. No I/O: callers pass plain facts (see src/facts/azure/role-assignments.ts).
//
// Other checks (pull-secret service principals) reuse `evaluatePull`; keep its contract stable.





/** `roleAssignmentMode` value of an ABAC-mode registry. */
const evaluate_ABAC_MODE = 'AbacRepositoryPermissions';
const LEGACY_MODE = 'LegacyRegistryPermissions';
/** ARM's "everyone" principal in deny assignments. */
const evaluate_EVERYONE = '00000000-0000-0000-0000-000000000000';
// ---------------------------------------------------------------------------------------------------------------------
// Scopes
/**
 * Does an assignment at `scope` apply to `resource`? Tenant root `/` contains everything; a management-group scope
 * contains the resource only when `managementGroups` says its subscription sits below that group ('unknown' when
 * the ancestry is not known).
 */
function scopeContains(scope, resource) {
    const ref = typeof resource === 'string' ? { id: resource } : resource;
    const s = (0,arm_id/* armSegments */.tF)(scope);
    const r = (0,arm_id/* armSegments */.tF)(ref.id);
    if (s.length === 0)
        return true;
    if (s[0] === 'providers' && s[1] === 'microsoft.management' && s[2] === 'managementgroups' && s.length === 4) {
        if (!ref.managementGroups)
            return 'unknown';
        return ref.managementGroups.some((g) => g.toLowerCase() === s[3]);
    }
    if (s.length > r.length)
        return false;
    return s.every((seg, i) => seg === r[i]);
}
// ---------------------------------------------------------------------------------------------------------------------
// Actions
function isCustomRole(def) {
    return (def.roleType ?? '').toLowerCase() === 'customrole';
}
class ConditionSyntaxError extends Error {
}
function tokenize(src) {
    const out = [];
    let i = 0;
    while (i < src.length) {
        const c = src[i];
        if (/\s/.test(c)) {
            i++;
        }
        else if (c === '(' || c === ')' || c === '{' || c === '}' || c === ',') {
            out.push({ t: c === '(' ? 'lp' : c === ')' ? 'rp' : c === '{' ? 'lb' : c === '}' ? 'rb' : 'comma' });
            i++;
        }
        else if (c === '!') {
            out.push({ t: 'not' });
            i++;
        }
        else if (src.startsWith('&&', i)) {
            out.push({ t: 'and' });
            i += 2;
        }
        else if (src.startsWith('||', i)) {
            out.push({ t: 'or' });
            i += 2;
        }
        else if (c === "'") {
            // Single-quoted string; ABAC has no escape for a quote inside a value.
            const end = src.indexOf("'", i + 1);
            if (end < 0)
                throw new ConditionSyntaxError('unterminated string');
            out.push({ t: 'str', v: src.slice(i + 1, end) });
            i = end + 1;
        }
        else if (c === '@') {
            const m = /^@([A-Za-z]+)\[([^\]]*)\]/.exec(src.slice(i));
            if (!m)
                throw new ConditionSyntaxError(`bad attribute at ${i}`);
            out.push({ t: 'attr', source: m[1], name: m[2] });
            i += m[0].length;
        }
        else {
            const m = /^[A-Za-z][A-Za-z0-9:]*/.exec(src.slice(i));
            if (!m)
                throw new ConditionSyntaxError(`unexpected "${c}" at ${i}`);
            const w = m[0];
            if (/^and$/i.test(w))
                out.push({ t: 'and' });
            else if (/^or$/i.test(w))
                out.push({ t: 'or' });
            else if (/^not$/i.test(w))
                out.push({ t: 'not' });
            else
                out.push({ t: 'word', v: w });
            i += w.length;
        }
    }
    return out;
}
function parseCondition(src) {
    const toks = tokenize(src);
    let p = 0;
    const peek = () => toks[p];
    const take = (t) => {
        const tok = toks[p];
        if (!tok || tok.t !== t)
            throw new ConditionSyntaxError(`expected ${t} at token ${p}`);
        p++;
        return tok;
    };
    const strings = () => {
        const first = peek();
        if (first?.t === 'str') {
            p++;
            return [first.v];
        }
        take('lb');
        const vals = [];
        for (;;) {
            const s = take('str');
            vals.push(s.v);
            if (peek()?.t === 'comma') {
                p++;
                continue;
            }
            take('rb');
            return vals;
        }
    };
    const primary = () => {
        const tok = peek();
        if (!tok)
            throw new ConditionSyntaxError('unexpected end');
        if (tok.t === 'lp') {
            p++;
            const e = orExpr();
            take('rp');
            return e;
        }
        if (tok.t === 'not') {
            p++;
            return { k: 'not', a: primary() };
        }
        if (tok.t === 'word') {
            p++;
            const patterns = strings();
            if (/^actionmatches$/i.test(tok.v)) {
                return patterns.map((pattern) => ({ k: 'action', pattern })).reduce((a, b) => ({ k: 'or', a, b }));
            }
            return { k: 'unsupported', what: tok.v };
        }
        if (tok.t === 'attr') {
            p++;
            const op = take('word');
            return { k: 'cmp', source: tok.source, name: tok.name, op: op.v, values: strings() };
        }
        throw new ConditionSyntaxError(`unexpected token ${tok.t}`);
    };
    const andExpr = () => {
        let left = primary();
        while (peek()?.t === 'and') {
            p++;
            left = { k: 'and', a: left, b: primary() };
        }
        return left;
    };
    const orExpr = () => {
        let left = andExpr();
        while (peek()?.t === 'or') {
            p++;
            left = { k: 'or', a: left, b: andExpr() };
        }
        return left;
    };
    const root = orExpr();
    if (p !== toks.length)
        throw new ConditionSyntaxError(`trailing tokens after ${p}`);
    return root;
}
const REPOSITORY_ATTRIBUTE = 'microsoft.containerregistry/registries/repositories:name';
function like(pattern, value) {
    // StringLike: case-sensitive, `*` any run, `?` one character.
    const body = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${body}$`, 's').test(value);
}
/** One string operator on one value; undefined when the operator is not one we evaluate. */
function stringOp(op, actual, expected) {
    const lo = (s) => s.toLowerCase();
    switch (op.toLowerCase()) {
        case 'stringequals':
            return actual === expected;
        case 'stringequalsignorecase':
            return lo(actual) === lo(expected);
        case 'stringnotequals':
            return actual !== expected;
        case 'stringnotequalsignorecase':
            return lo(actual) !== lo(expected);
        case 'stringstartswith':
            return actual.startsWith(expected);
        case 'stringstartswithignorecase':
            return lo(actual).startsWith(lo(expected));
        case 'stringnotstartswith':
            return !actual.startsWith(expected);
        case 'stringnotstartswithignorecase':
            return !lo(actual).startsWith(lo(expected));
        case 'stringlike':
            return like(expected, actual);
        case 'stringnotlike':
            return !like(expected, actual);
        default:
            return undefined;
    }
}
function and3(a, b) {
    if (a.value === false)
        return a;
    const rb = b();
    if (rb.value === false)
        return rb;
    if (a.value === true && rb.value === true)
        return { value: true };
    return { value: 'unknown', unknownWhy: a.unknownWhy ?? rb.unknownWhy };
}
function or3(a, b) {
    if (a.value === true)
        return a;
    const rb = b();
    if (rb.value === true)
        return rb;
    if (a.value === false && rb.value === false)
        return { value: false };
    return { value: 'unknown', unknownWhy: a.unknownWhy ?? rb.unknownWhy };
}
function evalNode(n, env) {
    switch (n.k) {
        case 'and':
            return and3(evalNode(n.a, env), () => evalNode(n.b, env));
        case 'or':
            return or3(evalNode(n.a, env), () => evalNode(n.b, env));
        case 'not': {
            const r = evalNode(n.a, env);
            return r.value === 'unknown' ? r : { value: !r.value };
        }
        case 'action':
            return { value: actionMatches(n.pattern, env.action) };
        case 'unsupported':
            return { value: 'unknown', unknownWhy: `cannot evaluate "${n.what}"` };
        case 'cmp': {
            if (n.source.toLowerCase() !== 'request' || n.name.toLowerCase() !== REPOSITORY_ATTRIBUTE) {
                return { value: 'unknown', unknownWhy: `cannot evaluate attribute @${n.source}[${n.name}]` };
            }
            if (env.repository === undefined) {
                return { value: 'unknown', unknownWhy: 'the repository is not known for this request' };
            }
            const repo = env.repository;
            const m = /^(?:(ForAnyOfAnyValues|ForAllOfAnyValues|ForAnyOfAllValues|ForAllOfAllValues):)?([A-Za-z]+)$/i.exec(n.op);
            const quantifier = m?.[1]?.toLowerCase();
            const op = m?.[2] ?? n.op;
            // A single-valued attribute: ForAnyOfAnyValues/ForAllOfAnyValues both mean "matches any listed value".
            if (quantifier && quantifier !== 'foranyofanyvalues' && quantifier !== 'forallofanyvalues') {
                return { value: 'unknown', unknownWhy: `cannot evaluate operator ${n.op}` };
            }
            if (!quantifier && n.values.length !== 1) {
                return { value: 'unknown', unknownWhy: `operator ${n.op} with a value set` };
            }
            const results = n.values.map((v) => stringOp(op, repo, v));
            if (results.some((r) => r === undefined)) {
                return { value: 'unknown', unknownWhy: `cannot evaluate operator ${n.op}` };
            }
            return { value: results.some((r) => r === true) };
        }
    }
}
/**
 * Evaluates an ABAC condition (condition version 2.0) for one action and repository. Documented forms are evaluated:
 * `ActionMatches{'...'}`, `!(...)`/`NOT`, `AND`/`OR`/`&&`/`||`, and
 * `@Request[Microsoft.ContainerRegistry/registries/repositories:name]` with StringEquals[IgnoreCase],
 * StringNotEquals[IgnoreCase], StringStartsWith[IgnoreCase], StringNotStartsWith[IgnoreCase], StringLike, StringNotLike,
 * optionally as `ForAnyOfAnyValues:<op> {'a','b'}`. Anything else yields 'unknown' unless the rest of the expression
 * decides the result regardless (three-valued logic, never a guess).
 */
function evaluateCondition(condition, action, repository) {
    let root;
    try {
        root = parseCondition(condition);
    }
    catch (e) {
        return { value: 'unknown', unknownWhy: `cannot parse condition (${e.message})` };
    }
    return evalNode(root, { action, repository });
}
// ---------------------------------------------------------------------------------------------------------------------
// Evaluation
function lookup(definitions, roleDefinitionId) {
    const guid = roleGuid(roleDefinitionId);
    if (definitions instanceof Map)
        return definitions.get(guid);
    return definitions[guid];
}
function roleLabel(def, a) {
    return def?.roleName ?? roleGuid(a.roleDefinitionId);
}
function judgeAssignment(a, def, registry, repository, mode) {
    const name = roleLabel(def, a);
    const base = { assignment: a, roleName: def?.roleName };
    const inScope = scopeContains(a.scope, registry);
    if (inScope === false)
        return { ...base, effect: 'out-of-scope', why: `${name} at ${a.scope} does not cover the registry` };
    if (inScope === 'unknown') {
        return {
            ...base,
            effect: 'unknown',
            why: `${name} at management group scope ${a.scope}: whether it contains the registry's subscription is not known`,
        };
    }
    if (!def)
        return { ...base, effect: 'unknown', why: `role definition ${a.roleDefinitionId} could not be read` };
    const action = mode === 'legacy' ? PULL_ACTION : PULL_DATA_ACTION;
    const grant = roleGrants(def, action, mode === 'legacy' ? 'action' : 'dataAction');
    if (!grant.granted) {
        if (mode === 'abac' && roleGrants(def, PULL_ACTION, 'action').granted) {
            return {
                ...base,
                effect: 'not-honored-abac',
                why: `${name} grants ${PULL_ACTION}, which a registry in ABAC repository-permissions mode does not honor`,
            };
        }
        return { ...base, effect: 'no-pull-permission', why: `${name} does not grant ${action}` };
    }
    if (grant.viaWildcardOnly && isCustomRole(def)) {
        // ACR honors wildcard actions in custom roles only in tenants configured with ARM private link (docs:
        // "Azure Container Registry custom roles"); the gate cannot see that tenant setting.
        return {
            ...base,
            effect: 'unknown',
            why: `custom role ${name} grants ${action} only through the wildcard ${grant.matchedBy.join(', ')}; ACR honors wildcards in custom roles only in tenants with Azure Resource Manager private link`,
        };
    }
    if (a.condition && a.condition.trim() !== '') {
        // In legacy mode requests carry no repository attribute: a condition that depends on it cannot be decided.
        const r = evaluateCondition(a.condition, action, mode === 'abac' ? repository : undefined);
        if (r.value === 'unknown') {
            return {
                ...base,
                effect: 'unknown',
                why: `${name}: condition cannot be evaluated (${r.unknownWhy ?? 'unknown'})`,
            };
        }
        if (r.value === false) {
            return {
                ...base,
                effect: 'condition-excludes',
                why: `${name}'s condition does not cover repository "${repository ?? '?'}"`,
            };
        }
    }
    return { ...base, effect: 'grants', why: `${name} at ${a.scope} grants ${action}` };
}
function denyApplies(d, principalIds, registry, mode) {
    const hits = (ps) => (ps ?? []).some((p) => p.id.toLowerCase() === evaluate_EVERYONE || principalIds.has(p.id.toLowerCase()));
    if (!hits(d.principals))
        return false;
    if ((d.excludePrincipals ?? []).some((p) => principalIds.has(p.id.toLowerCase())))
        return false;
    const inScope = d.doNotApplyToChildScopes ? (0,arm_id/* sameArmId */.e1)(d.scope, registry.id) : scopeContains(d.scope, registry);
    if (inScope !== true)
        return inScope;
    const action = mode === 'legacy' ? PULL_ACTION : PULL_DATA_ACTION;
    let result = false;
    for (const p of d.permissions) {
        const allow = (mode === 'legacy' ? p.actions : p.dataActions) ?? [];
        const not = (mode === 'legacy' ? p.notActions : p.notDataActions) ?? [];
        if (!allow.some((x) => actionMatches(x, action)) || not.some((x) => actionMatches(x, action)))
            continue;
        if (p.condition)
            return 'unknown';
        result = true;
    }
    return result;
}
function evaluateInMode(ids, registry, repository, assignments, definitions, mode, options) {
    const verdicts = assignments
        .filter((a) => ids.has(a.principalId.toLowerCase()))
        .map((a) => judgeAssignment(a, lookup(definitions, a.roleDefinitionId), registry, repository, mode));
    const granting = verdicts.filter((v) => v.effect === 'grants');
    const unknown = verdicts.filter((v) => v.effect === 'unknown');
    for (const d of options.denyAssignments ?? []) {
        const applies = denyApplies(d, ids, registry, mode);
        if (applies === true && granting.length + unknown.length > 0) {
            return { granted: false, mode, verdicts, deniedBy: d, why: `deny assignment ${d.id} blocks pull` };
        }
        if (applies === 'unknown' && granting.length > 0) {
            return { granted: 'unknown', mode, verdicts, why: `deny assignment ${d.id} may block pull (cannot evaluate)` };
        }
    }
    if (granting.length > 0)
        return { granted: true, mode, verdicts, why: granting[0].why };
    if (unknown.length > 0)
        return { granted: 'unknown', mode, verdicts, why: unknown[0].why };
    const why = verdicts.length === 0
        ? 'no role assignment of the principal applies at or above the registry'
        : verdicts.map((v) => v.why).join('; ');
    return { granted: false, mode, verdicts, why };
}
/**
 * Would `principalIds` (a principal and the groups it belongs to) be allowed to pull `repository` from `registry`?
 *
 * - `assignments`: role assignments at or above the registry (other principals' are ignored);
 * - `definitions`: role definitions by GUID (lower-case) or as a Map; a missing definition makes that assignment unknown;
 * - `mode`: the registry's raw `roleAssignmentMode`. `LegacyRegistryPermissions`: pull = action
 *   `Microsoft.ContainerRegistry/registries/pull/read`. `AbacRepositoryPermissions`: pull = data action
 *   `.../repositories/content/read` (AcrPull/AcrPush/Owner/Contributor/Reader do not grant it) and conditions are
 *   evaluated for `repository`. Undefined (older API versions omit it): both modes are evaluated and the verdict is
 *   'unknown' unless they agree.
 *
 * Never throws; odd facts give 'unknown' with the reason.
 */
function evaluatePull(principalIds, registry, repository, assignments, definitions, mode, options = {}) {
    const ids = new Set(principalIds.map((p) => p.toLowerCase()));
    const m = (mode ?? '').toLowerCase();
    if (m === evaluate_ABAC_MODE.toLowerCase()) {
        return evaluateInMode(ids, registry, repository, assignments, definitions, 'abac', options);
    }
    if (m === LEGACY_MODE.toLowerCase()) {
        return evaluateInMode(ids, registry, repository, assignments, definitions, 'legacy', options);
    }
    const legacy = evaluateInMode(ids, registry, repository, assignments, definitions, 'legacy', options);
    const abac = evaluateInMode(ids, registry, repository, assignments, definitions, 'abac', options);
    const label = mode ? `unrecognized roleAssignmentMode "${mode}"` : 'registry role-assignment mode unknown';
    if (legacy.granted === abac.granted && legacy.granted !== 'unknown') {
        return { ...legacy, mode: 'unknown', why: `${legacy.why} (${label}; same verdict in both modes)` };
    }
    return {
        granted: 'unknown',
        mode: 'unknown',
        verdicts: legacy.verdicts,
        why: `${label}: legacy mode ${String(legacy.granted)} (${legacy.why}); ABAC mode ${String(abac.granted)} (${abac.why})`,
    };
}
/** A condition that limits the Repository Reader data actions to the given repositories (documented form). */
function repositoryCondition(repositories) {
    const names = repositories.map((r) => `@Request[Microsoft.ContainerRegistry/registries/repositories:name] StringEqualsIgnoreCase '${r}'`);
    return ("((!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/content/read'}) AND " +
        "!(ActionMatches{'Microsoft.ContainerRegistry/registries/repositories/metadata/read'})) OR (" +
        names.join(' OR ') +
        '))');
}

;// CONCATENATED MODULE: ./src/checks/arm-audience.ts
// registry-arm-audience-disabled: a registry whose `policies.azureADAuthenticationAsArmPolicy.status` is disabled
// refuses Entra tokens for the ARM audience, and the kubelet's ACR credential provider asked for ARM-audience tokens
// until cloud-provider-azure commit f5e9cad9 (2025-03-21), first shipped in tags v1.29.14, v1.30.11, v1.31.5 and
// v1.32.4. Assumption (stated in the rule's help): an AKS node pool runs the provider of its Kubernetes patch, so a
// pool older than 1.29.14 / 1.30.11 / 1.31.5 / 1.32.4 in its minor (or any minor before 1.29) still asks for ARM tokens.
// Pure: reads the registry and cluster facts only.
/** First patch of each minor whose credential provider asks for the ACR audience. */
const ACR_AUDIENCE_PROVIDER_FIXED = {
    '1.29': 14,
    '1.30': 11,
    '1.31': 5,
    '1.32': 4,
};
/** Which audience the credential provider of a pool at this Kubernetes version asks for. */
function providerAudience(version) {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec((version ?? '').trim());
    if (!m)
        return 'unknown';
    const major = Number(m[1]);
    const minor = Number(m[2]);
    const patch = Number(m[3]);
    if (major !== 1)
        return major > 1 ? 'acr' : 'arm';
    if (minor < 29)
        return 'arm';
    const fixed = ACR_AUDIENCE_PROVIDER_FIXED[`1.${minor}`];
    if (fixed === undefined)
        return 'acr';
    return patch < fixed ? 'arm' : 'acr';
}
/** The patch to upgrade a pool to: the first fixed patch of its minor, or 1.29.14 for minors before 1.29. */
function fixedVersionFor(version) {
    const m = /^v?1\.(\d+)\./.exec((version ?? '').trim());
    const minor = m ? `1.${m[1]}` : '';
    const fixed = ACR_AUDIENCE_PROVIDER_FIXED[minor];
    return fixed === undefined ? '1.29.14' : `${minor}.${fixed}`;
}
/**
 * Undefined when the registry accepts ARM-audience tokens (policy absent or enabled) or every pool's provider asks for
 * the ACR audience.
 */
function armAudienceVerdict(policyStatus, pools) {
    if ((policyStatus ?? 'enabled').toLowerCase() !== 'disabled')
        return undefined;
    const named = (p) => ({
        name: p.name ?? '(unnamed pool)',
        ...(p.currentOrchestratorVersion ? { version: p.currentOrchestratorVersion } : {}),
    });
    const old = pools.filter((p) => providerAudience(p.currentOrchestratorVersion) === 'arm');
    if (old.length > 0)
        return { severity: 'error', pools: old.map(named) };
    const unknown = pools.filter((p) => providerAudience(p.currentOrchestratorVersion) === 'unknown');
    if (unknown.length > 0 || pools.length === 0)
        return { severity: 'warning', pools: unknown.map(named) };
    return undefined;
}

// EXTERNAL MODULE: ./src/rules/remediation.ts
var rules_remediation = __webpack_require__(27870);
;// CONCATENATED MODULE: ./src/checks/identity.ts
// Pure checks of the kubelet identity's path to each registry: would this cluster be allowed to pull each image?
// Judges IdentityFacts (types/facts/identity.ts, collected by facts/azure/role-assignments.ts `collectIdentityFacts`):
// kubelet-pull-permission-missing, pull-role-on-control-plane-identity, pull-role-not-honored-abac,
// pull-role-condition-excludes-repository, registry-cross-tenant, cluster-sp-secret-expired/-expiring,
// role-assignments-unverifiable and registry-unknown. Emits one `kubelet` PullPathResult per ACR image (and an
// `anonymous` one where the registry allows anonymous pull); errors are
// written as if the kubelet were the only path (the pull-secret colleague combines paths: any working path pulls).






/** Emitted here for unreadable reads, and by the gate when the identity reads time out. */
const ROLE_ASSIGNMENTS_UNVERIFIABLE = 'role-assignments-unverifiable';
const REPO_READER = 'Container Registry Repository Reader';
const DAY_MS = 24 * 60 * 60 * 1000;
function compareLocations(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}
function groupImages(uses) {
    const byImage = new Map();
    for (const u of uses) {
        if (!u.ref)
            continue;
        const list = byImage.get(u.ref.normalized) ?? [];
        list.push(u);
        byImage.set(u.ref.normalized, list);
    }
    return [...byImage.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([image, list]) => {
        const sorted = [...list].sort((x, y) => compareLocations(x.location, y.location));
        const ref = sorted[0].ref;
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
function roleArg(v) {
    return v.roleName ?? roleGuid(v.assignment.roleDefinitionId);
}
function armAudienceFinding(c, r, g, label, v) {
    const pools = v.pools.map((p) => `${p.name} (${p.version ?? 'version unknown'})`).join(', ');
    const enable = (0,rules_remediation/* acrAuthenticationAsArmEnable */.wu)(r.name, r.subscriptionId);
    const upgrades = v.pools.map((p) => (0,rules_remediation/* aksNodepoolUpgrade */.CQ)(c, p.name, p.version ? fixedVersionFor(p.version) : '<1.29.14, 1.30.11, 1.31.5, 1.32.4 or later>'));
    const message = v.severity === 'error'
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
function readerCommand(principal, r, repository) {
    return (0,rules_remediation/* roleAssignmentCreate */.C2)({
        assignee: principal,
        role: REPO_READER,
        scope: r.id,
        ...(repository === undefined ? {} : { condition: repositoryCondition([repository]) }),
    });
}
function tokenPullSecretCommand(c, r, g) {
    const token = `${c.name}-pull`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const create = (0,rules_remediation/* acrTokenCreate */.GF)({
        registry: r.name,
        subscriptionId: r.subscriptionId,
        name: token,
        repository: g.repository,
        actions: ['content/read', 'metadata/read'],
        printPassword: true,
    });
    return ((0,rules_remediation/* kubectlRecreatePullSecret */.HY)({ namespace: g.namespace, name: `${r.name}-pull` }, r.loginServer, token, `"$(${create})"`) + ` && add imagePullSecrets: [{name: ${r.name}-pull}] to the pod spec`);
}
function verdictEvidence(e) {
    return e.verdicts.map((v) => ({
        assignment: v.assignment.id,
        scope: v.assignment.scope,
        role: v.roleName ?? roleGuid(v.assignment.roleDefinitionId),
        principalId: v.assignment.principalId,
        effect: v.effect,
    }));
}
/** Principal ids that count as the principal: itself, its groups (Graph), and every principal assignedTo() returned. */
function principalIds(oid, assignments, groups) {
    return [
        ...new Set([oid, ...(groups[oid.toLowerCase()] ?? groups[oid] ?? []), ...assignments.map((a) => a.principalId)]),
    ];
}
class Emitter {
    findings = [];
    seen = new Set();
    add(f, dedupeKey) {
        const key = dedupeKey ?? `${f.rule}|${f.image ?? ''}|${f.registry ?? ''}|${f.message}`;
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        this.findings.push(f);
    }
}
function unverifiableFinding(u, what, registry) {
    const f = {
        rule: ROLE_ASSIGNMENTS_UNVERIFIABLE,
        severity: 'warning',
        message: `Cannot verify ${what}: ${u.reason}${u.permission ? ` (grant the gate's identity ${u.permission})` : ''}`,
    };
    if (registry)
        f.registry = registry;
    if (u.permission)
        f.evidence = { permission: u.permission };
    return f;
}
/**
 * The cluster service principal's secret expiry on its own (the scheduled audit judges it with the gate's rule):
 * cluster-sp-secret-expired / -expiring, or nothing.
 */
function clusterSecretFindings(c, sp, now, expiryWarningDays) {
    const out = new Emitter();
    checkClusterSecret(c, sp, now, expiryWarningDays, out);
    return out.findings;
}
/** Cluster service-principal secret expiry (rules cluster-sp-secret-expired / -expiring). */
function checkClusterSecret(c, sp, now, days, out) {
    if (isUnverifiable(sp.passwordCredentials)) {
        out.add(unverifiableFinding(sp.passwordCredentials, `the expiry of cluster service principal ${sp.appId}'s secrets`));
        return { expired: false };
    }
    const creds = sp.passwordCredentials.filter((p) => p.endDateTime);
    if (creds.length === 0)
        return { expired: false };
    const ends = creds.map((p) => ({ p, end: Date.parse(p.endDateTime ?? '') })).filter((x) => !Number.isNaN(x.end));
    if (ends.length === 0)
        return { expired: false };
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
            remediation: (0,rules_remediation/* aksResetServicePrincipal */.AO)(c, sp.appId),
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
            remediation: (0,rules_remediation/* aksResetServicePrincipal */.AO)(c, sp.appId),
            evidence: { ...evidence, daysLeft: left },
        });
    }
    return { expired: false };
}
/** Who pulls for the nodes: the kubelet managed identity, or the cluster's service principal. */
function pullingPrincipal(c, sp) {
    if (c.kubelet?.objectId)
        return { oid: c.kubelet.objectId, label: `kubelet identity ${c.kubelet.objectId}` };
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
function classifyBroken(facts, c, r, g, who, evaluation, access) {
    const base = { image: g.image, registry: r.loginServer, location: g.location };
    const abac = evaluation.mode === 'abac';
    const evidence = {
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
            remediation: (0,rules_remediation/* denyAssignmentExclude */.ii)(who.oid, evaluation.deniedBy.id),
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
        if (cp.principalId.toLowerCase() === who.oid.toLowerCase())
            continue;
        const list = access.assignments[cp.principalId.toLowerCase()];
        if (!list || isUnverifiable(list))
            continue;
        const ids = principalIds(cp.principalId, list, facts.groups);
        const e = evaluatePull(ids, r, g.repository, list, facts.definitions, r.roleAssignmentMode, {
            denyAssignments: Array.isArray(access.denyAssignments) ? access.denyAssignments : undefined,
        });
        if (e.granted !== true)
            continue;
        const granting = e.verdicts.filter((v) => v.effect === 'grants');
        const commands = granting.map((v) => (0,rules_remediation/* roleAssignmentCreate */.C2)({ assignee: who.oid, role: roleArg(v), scope: v.assignment.scope }) +
            (v.assignment.principalId.toLowerCase() === cp.principalId.toLowerCase()
                ? ` && ${(0,rules_remediation/* roleAssignmentDelete */.Rt)(v.assignment.id)}`
                : ''));
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
    const staleNote = stale.length > 0
        ? ` It still holds a role on ${stale.map((a) => a.scope).join(', ')}: a registry of the same name that is not this one (recreated elsewhere?)`
        : '';
    return {
        rule: 'kubelet-pull-permission-missing',
        severity: 'error',
        ...base,
        message: `The ${who.label} has no role that grants pull on registry ${r.name} (${r.id}): ${evaluation.why}.${staleNote}`,
        remediation: abac ? readerCommand(who.oid, r) : (0,rules_remediation/* attachAcr */.As)(c, r.id),
        evidence: stale.length > 0 ? { ...evidence, staleAssignments: stale.map((a) => a.id) } : evidence,
    };
}
/**
 * The identity checks. `uses` are the inventory's image uses; only images on an ACR host (a visible registry or an
 * ACR-looking name) get a kubelet path. Never throws.
 */
function checkIdentity(facts, uses, options) {
    const out = new Emitter();
    const paths = [];
    const now = new Date(facts.now);
    const registriesById = new Map(facts.discovery.registries.map((r) => [r.id.toLowerCase(), r]));
    const cluster = facts.cluster;
    if (isUnverifiable(cluster))
        out.add(unverifiableFinding(cluster, 'the cluster and its kubelet identity'));
    // Listing problems matter only when an ACR-looking host stayed unmatched (otherwise every registry was found).
    const unmatchedAcr = groupImages(uses).some((g) => !facts.discovery.hosts[g.host] && (0,image_reference/* isAcrHost */.n0)(g.host, facts.acrSuffixes));
    for (const p of unmatchedAcr ? facts.discovery.problems : []) {
        out.add(unverifiableFinding(p, `the registries of ${p.subscriptionId ? `subscription ${p.subscriptionId}` : 'the visible subscriptions'}`));
    }
    let spExpired = false;
    const sp = facts.clusterServicePrincipal;
    if (!isUnverifiable(cluster) && cluster.servicePrincipalClientId && !cluster.kubelet?.objectId) {
        if (sp && !isUnverifiable(sp)) {
            spExpired = checkClusterSecret(cluster, sp, now, options.expiryWarningDays, out).expired;
        }
        else if (sp) {
            out.add(unverifiableFinding(sp, `cluster service principal ${cluster.servicePrincipalClientId}`));
        }
    }
    for (const g of groupImages(uses)) {
        const path = (state, reason) => {
            const p = { image: g.image, path: 'kubelet', state };
            if (reason)
                p.reason = reason;
            paths.push(p);
        };
        const registryId = facts.discovery.hosts[g.host];
        const r = registryId ? registriesById.get(registryId.toLowerCase()) : undefined;
        if (!r) {
            if (!(0,image_reference/* isAcrHost */.n0)(g.host, facts.acrSuffixes))
                continue;
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
                    remediation: `sign the gate in to tenant ${foreign.tenantId} (azure/login with tenant-id ${foreign.tenantId}), or delegate subscription ${(0,arm_id/* subscriptionOf */.XD)(foreign.registryId) ?? ''} to the gate's tenant with Azure Lighthouse; a managed-identity kubelet cannot pull across tenants (use a pull secret: a multitenant app's service principal or a scoped token)`,
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
            path('broken', `every client secret of cluster service principal ${cluster.servicePrincipalClientId} has expired`);
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
            out.add(unverifiableFinding({ reason: evaluation.why }, `whether the ${who.label} may pull ${g.image}`, r.loginServer));
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
function identityBindingPaths(facts, uses, registriesById) {
    const bindings = facts.serviceAccountBindings ?? {};
    if (Object.keys(bindings).length === 0)
        return [];
    const out = [];
    const cluster = facts.cluster;
    const clusterName = isUnverifiable(cluster) ? 'the cluster' : `cluster ${cluster.name}`;
    for (const g of groupImages(uses)) {
        const registryId = facts.discovery.hosts[g.host];
        const r = registryId ? registriesById.get(registryId.toLowerCase()) : undefined;
        if (!r)
            continue;
        for (const sa of [...new Set(g.uses.map((u) => `${u.namespace}/${u.serviceAccount}`))].sort()) {
            const clientId = bindings[sa];
            if (!clientId)
                continue;
            const path = `identity-binding:${sa}`;
            const add = (state, reason) => out.push({ image: g.image, path, state, reason });
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
            const evaluation = evaluatePull(principalIds(b.principalId, list, facts.groups), r, g.repository, list, facts.definitions, r.roleAssignmentMode, { denyAssignments: Array.isArray(deny) ? deny : undefined });
            if (evaluation.granted === false) {
                add('broken', `identity ${clientId} (${b.resourceId}) cannot pull from ${r.name}: ${evaluation.why}`);
            }
            else if (evaluation.granted === 'unknown') {
                add('unknown', evaluation.why);
            }
            else {
                add('unknown', `identity ${clientId} may pull from ${r.name}, but ${clusterName} does not show that it pulls with ` +
                    `service-account identities (the gate read its managedCluster body; no field there tells)`);
            }
        }
    }
    return out;
}
/** Exposed for tests and the audit: is a registry in ABAC repository-permissions mode? */
function isAbacRegistry(r) {
    return (r.roleAssignmentMode ?? '').toLowerCase() === ABAC_MODE.toLowerCase();
}

;// CONCATENATED MODULE: ./src/checks/node-pools.ts
// Platforms pods can land on, from the cluster's agent pools: OS, CPU architecture from the VM size, and for Windows the
// OS build an image's `os.version` must match. Pure; these replace the `--platform` default when a cluster is given.
/**
 * Windows Server build of each AKS Windows osSKU (the `os.version` prefix of matching image manifests).
 * WindowsAnnual is left out: its build moves with the annual channel release.
 */
const WINDOWS_OS_BUILDS = {
    windows2019: '10.0.17763',
    windows2022: '10.0.20348',
    windows2025: '10.0.26100',
};
/**
 * CPU architecture of an Azure VM size, from its name: `<Tier>_<Family><vCPUs>[-<constrained>]<features>[_...]`.
 * The lower-case feature letters follow the vCPU count; `p` there means an Arm-based processor
 * (Standard_D4ps_v5, Standard_E8pds_v6, Standard_D2pls_v5, Standard_B2pts_v2). Family letters come before the vCPU
 * count, so a family such as `NP` (FPGA, Standard_NP10s) is not mistaken for the feature. Undefined when the name does
 * not follow the pattern.
 */
function architectureFromVmSize(vmSize) {
    const m = /^(?:standard|basic)_([a-z]+)(\d+)(?:-\d+)?([a-z]*)(?:_|$)/i.exec(vmSize.trim());
    if (!m)
        return undefined;
    // Feature letters are lower-case in Azure's names; accept any casing but keep family and features apart.
    return m[3].toLowerCase().includes('p') ? 'arm64' : 'amd64';
}
/** The platform one agent pool offers (architecture defaults to amd64 when the VM size does not parse). */
function platformOfAgentPool(pool) {
    const os = (pool.osType ?? 'Linux').toLowerCase() === 'windows' ? 'windows' : 'linux';
    const architecture = (pool.vmSize && architectureFromVmSize(pool.vmSize)) || 'amd64';
    const p = { os, architecture };
    // No variant: arm64 nodes run v8, and images often omit the variant for arm64 (containerd treats both alike).
    if (os === 'windows' && pool.osSKU) {
        const build = WINDOWS_OS_BUILDS[pool.osSKU.toLowerCase()];
        if (build)
            p.osVersion = build;
    }
    return p;
}
/** Distinct platforms of the agent pools, in a stable order (os, architecture, osVersion). */
function platformsFromAgentPools(pools) {
    const seen = new Map();
    for (const pool of pools) {
        const p = platformOfAgentPool(pool);
        seen.set(`${p.os}/${p.architecture}/${p.variant ?? ''}:${p.osVersion ?? ''}`, p);
    }
    return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

// EXTERNAL MODULE: ./src/checks/images.ts
var checks_images = __webpack_require__(75039);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(48280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
;// CONCATENATED MODULE: ./src/checks/network.ts
// Network posture rules: can the nodes reach each registry their images come from, over the public endpoint (public
// access, firewall vs. the cluster's egress IPs) or over a private endpoint (approved, reachable from the node VNet,
// privatelink DNS zone linked with the registry and data-endpoint A records)? Pure: reads NetworkFacts only.
// "Any working path pulls": a broken private path beside a working public one is a warning, and the other way round.



/** Emitted here when egress is not known, and by the gate when the network reads time out. */
const CLUSTER_EGRESS_UNKNOWN = 'cluster-egress-unknown';
/**
 * Network findings for every registry that images use (all registries when `imagesByRegistry` is empty, as in an
 * audit). Findings sit at the first image use of their registry; `registry` is the login server.
 */
function checkNetwork(facts, imagesByRegistry) {
    const uses = new Map();
    for (const [host, list] of imagesByRegistry)
        uses.set(host.toLowerCase(), list);
    const findings = [];
    for (const registry of facts.registries) {
        const hostUses = usesOf(registry, uses);
        if (uses.size > 0 && hostUses.length === 0)
            continue;
        try {
            findings.push(...checkRegistry(facts, registry, firstLocation(hostUses)));
        }
        catch (err) {
            // Checks never throw on odd facts; a bug here must not hide the other registries' findings.
            findings.push({
                rule: 'network-unverifiable',
                severity: 'warning',
                registry: registry.loginServer,
                message: `Network posture of ${registry.loginServer} could not be evaluated: ${String(err)}`,
            });
        }
    }
    return findings;
}
function usesOf(registry, uses) {
    // The gate keys uses by login server, with every host of the registry (data and regional endpoints) folded in.
    const hosts = [...new Set([registry.loginServer, ...registry.dataEndpointHostNames].map((h) => h.toLowerCase()))];
    return hosts.flatMap((h) => uses.get(h) ?? []);
}
function firstLocation(uses) {
    const sorted = [...uses].sort((a, b) => a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column);
    return sorted[0]?.location;
}
function checkRegistry(facts, r, location) {
    const out = [];
    const base = (rule, severity, message) => ({
        rule,
        severity,
        message,
        registry: r.loginServer,
        ...(location ? { location } : {}),
    });
    const publicPath = evaluatePublicPath(facts, r);
    const reachable = r.privateEndpoints.filter((pe) => pe.reach === 'same-vnet' || pe.reach === 'peered');
    const usable = reachable.filter((pe) => pe.status === 'Approved');
    const dns = usable.length > 0 ? evaluateDns(facts, r, usable) : { state: 'unknown' };
    const privateWorks = usable.length > 0 && dns.state === 'ok';
    // An approved endpoint whose VNet could not be read, or DNS the gate cannot see, may well work: not an error.
    const privateMaybe = (usable.length > 0 && (dns.state === 'custom-dns' || dns.state === 'unknown')) ||
        r.privateEndpoints.some((pe) => pe.status === 'Approved' && pe.reach === 'unknown');
    const publicBlocked = publicPath.state === 'disabled' || publicPath.state === 'blocked';
    // A broken private piece is an error only when the public path is certainly closed too.
    const privateSeverity = publicBlocked ? 'error' : 'warning';
    // Private endpoints the nodes could use but that are not approved.
    if (!privateWorks) {
        const candidates = r.privateEndpoints.filter((pe) => pe.status !== 'Approved' && pe.reach !== 'not-connected');
        for (const pe of candidates)
            out.push(notApproved(base, r, pe, privateSeverity, publicPath));
    }
    // DNS of the private path, when an approved reachable endpoint exists.
    if (usable.length > 0)
        out.push(...dnsFindings(base, facts, r, dns, privateSeverity));
    if (!privateWorks && !privateMaybe) {
        // With an approved reachable endpoint, what is broken is its DNS (reported above), not the lack of a path.
        const pendingNearby = r.privateEndpoints.some((pe) => pe.status !== 'Approved' && pe.reach !== 'not-connected');
        if (publicPath.state === 'disabled' && usable.length === 0 && !pendingNearby) {
            out.push(publicAccessDisabled(base, facts, r));
        }
        if (publicPath.state === 'blocked')
            out.push(firewallBlocks(base, facts, r, publicPath.missing));
        if (publicPath.state === 'unknown')
            out.push(egressUnknown(base, facts, r, publicPath.reasons));
    }
    out.push(...unverifiableFindings(base, facts, r, publicPath, usable.length > 0 || r.privateEndpoints.length > 0));
    return out;
}
// --- public path -------------------------------------------------------------------------------------------------
function evaluatePublicPath(facts, r) {
    if ((r.publicNetworkAccess ?? 'Enabled').toLowerCase() === 'disabled')
        return { state: 'disabled' };
    if ((r.defaultAction ?? 'Allow').toLowerCase() !== 'deny')
        return { state: 'open' };
    const egress = facts.egress;
    const reasons = [...egress.unknown];
    if (egress.httpsProxy && !noProxyCovers(egress.httpsProxy.noProxy, r.loginServer)) {
        reasons.push(`nodes pull through the HTTPS proxy ${redactUrl(egress.httpsProxy.proxy)}, whose egress IP is not known`);
    }
    const rules = r.ipRules.map(parseRange).filter((x) => !!x);
    const missing = [];
    for (const address of egress.addresses) {
        const range = parseRange(address.cidr);
        // ACR IP rules are IPv4 only; an IPv6 egress address is not what the registry sees for an IPv4 connection.
        if (!range || range[0].kind() !== 'ipv4')
            continue;
        if (!rules.some((rule) => rangeContains(rule, range)))
            missing.push(address.cidr.replace(/\/32$/, ''));
    }
    if (missing.length > 0 || reasons.length > 0 || egress.addresses.length === 0) {
        // Service-endpoint VNet rules: nodes in an allowed subnet reach the registry whatever their public IP.
        const subnets = facts.nodes.subnetIds;
        const allowed = new Set((r.virtualNetworkRules ?? []).map(idKey));
        if (subnets.length > 0 && subnets.every((s) => allowed.has(idKey(s))))
            return { state: 'open' };
        if (missing.length > 0 && r.virtualNetworkRulesUnknown !== undefined) {
            return {
                state: 'unknown',
                reasons: [
                    ...reasons,
                    `the egress ${missing.length === 1 ? 'address' : 'addresses'} ${missing.join(', ')} ` +
                        `${missing.length === 1 ? 'is' : 'are'} not in the IP rules, and the registry's service-endpoint VNet ` +
                        `rules, which may allow the node subnets, could not be read (${r.virtualNetworkRulesUnknown})`,
                ],
            };
        }
    }
    if (missing.length > 0)
        return { state: 'blocked', missing };
    if (reasons.length > 0 || egress.addresses.length === 0) {
        return { state: 'unknown', reasons: reasons.length > 0 ? reasons : ['no egress address is known'] };
    }
    return { state: 'open' };
}
/** Resource ids compare case-insensitively, without a trailing slash. */
function idKey(id) {
    return id.trim().replace(/\/+$/, '').toLowerCase();
}
/** `1.2.3.4` or `1.2.3.0/28` -> [network, bits]; undefined when unparseable (never throws). */
function parseRange(value) {
    const v = value.trim();
    try {
        if (v.includes('/'))
            return ipaddr_default().parseCIDR(v);
        const addr = ipaddr_default().parse(v);
        return [addr, addr.kind() === 'ipv4' ? 32 : 128];
    }
    catch {
        return undefined;
    }
}
/** True when every address of `inner` lies in `outer`. */
function rangeContains(outer, inner) {
    if (outer[0].kind() !== inner[0].kind() || outer[1] > inner[1])
        return false;
    return inner[0].match(outer[0], outer[1]);
}
function noProxyCovers(noProxy, host) {
    const h = host.toLowerCase();
    return noProxy.some((entry) => {
        const e = entry.trim().toLowerCase().replace(/^\*/, '');
        if (!e)
            return false;
        if (e === '*')
            return true;
        return e.startsWith('.') ? h.endsWith(e) || h === e.slice(1) : h === e || h.endsWith(`.${e}`);
    });
}
function redactUrl(url) {
    // Proxy URLs may carry user:password; only the host is useful in a message.
    try {
        return new URL(url).host;
    }
    catch {
        return '(proxy)';
    }
}
// --- private DNS -------------------------------------------------------------------------------------------------
function evaluateDns(facts, r, usable) {
    if (facts.nodes.customDnsServers.length > 0)
        return { state: 'custom-dns', servers: facts.nodes.customDnsServers };
    if (facts.nodes.vnetIds.length === 0)
        return { state: 'unknown' };
    const linked = r.privateZones.find((z) => z.linkedToNodes === true);
    if (!linked) {
        // A zone whose links could not be read might be the linked one.
        if (r.privateZones.some((z) => z.linkedToNodes === undefined))
            return { state: 'unknown' };
        if (hasRegistryUnverifiable(facts, r, 'privateDnsZones/read'))
            return { state: 'unknown' };
        return { state: 'not-linked', zones: r.privateZones };
    }
    if (!linked.records)
        return { state: 'unknown' };
    const problems = [];
    for (const record of r.requiredRecords) {
        const actual = linked.records[record];
        if (actual === undefined)
            continue; // read failed: reported as unverifiable
        const expected = expectedIps(r, record, usable);
        if (actual.length === 0)
            problems.push({ record, expected, actual });
        else if (expected.length > 0 && !actual.some((ip) => expected.includes(ip))) {
            problems.push({ record, expected, actual });
        }
    }
    return problems.length > 0 ? { state: 'records-missing', zone: linked, problems } : { state: 'ok', zone: linked };
}
/** IPs the endpoints give for `<record>.<suffix>` (customDnsConfigs list public FQDNs, not privatelink ones). */
function expectedIps(r, record, endpoints) {
    const suffix = r.privateZoneName.replace(/^privatelink/, '');
    const fqdns = new Set([`${record}${suffix}`, `${record}.${r.privateZoneName}`]);
    return [
        ...new Set(endpoints.flatMap((pe) => pe.dnsConfigs.filter((d) => fqdns.has(d.fqdn)).flatMap((d) => d.ipAddresses))),
    ];
}
function hasRegistryUnverifiable(facts, r, permissionPart) {
    return facts.unverifiable.some((u) => u.scope === 'registry' && u.registryId === r.id && u.permission.includes(permissionPart));
}
function dnsFindings(base, facts, r, dns, severity) {
    const alt = severity === 'warning' ? ' Pulls use the public endpoint for now.' : '';
    switch (dns.state) {
        case 'custom-dns':
            return [
                {
                    ...base('private-dns-unverifiable', 'warning', `The nodes' VNet uses custom DNS servers (${dns.servers.join(', ')}): the gate cannot verify that ` +
                        `${r.loginServer} resolves to its private endpoint. Make sure those servers forward ${r.privateZoneName} ` +
                        `to Azure DNS (168.63.129.16) from a VNet linked to the zone.`),
                    evidence: { dnsServers: dns.servers, zone: r.privateZoneName },
                },
            ];
        case 'not-linked':
            return [notLinked(base, facts, r, dns.zones, severity, alt)];
        case 'records-missing':
            return dns.problems.map((p) => recordMissing(base, facts, r, dns.zone, p, severity, alt));
        default:
            return [];
    }
}
function notLinked(base, facts, r, zones, severity, alt) {
    const vnetId = facts.nodes.vnetIds[0] ?? '<node vnet id>';
    const vnetName = vnetId.split('/').pop() ?? 'nodes';
    // Prefer the zone the private endpoint writes its records to.
    const groupZones = new Set(r.privateEndpoints.flatMap((pe) => pe.zoneIds.map((z) => z.toLowerCase())));
    const zone = zones.find((z) => groupZones.has(z.id.toLowerCase())) ?? zones[0];
    const link = (resourceGroup) => (0,rules_remediation/* privateDnsLinkVnetCreate */.Ch)({ resourceGroup, subscriptionId: subscriptionFlag(facts, zone?.subscriptionId) }, r.privateZoneName, `${vnetName}-link`, vnetId);
    const remediation = zone
        ? link(zone.resourceGroup)
        : `${(0,rules_remediation/* privateDnsZoneCreate */.bV)(resourceGroupOf(vnetId), r.privateZoneName)}\n${link(resourceGroupOf(vnetId))}`;
    const message = zone
        ? `No ${r.privateZoneName} zone is linked to the nodes' VNet ${vnetName}: nodes resolve ${r.loginServer} to its public address, not to the private endpoint.${alt}`
        : `No ${r.privateZoneName} private DNS zone exists where the gate can see: nodes resolve ${r.loginServer} to its public address, not to the private endpoint.${alt}`;
    return {
        ...base('private-dns-zone-not-linked', severity, message),
        remediation,
        evidence: { nodeVnet: vnetId, zones: zones.map((z) => z.id) },
    };
}
function recordMissing(base, facts, r, zone, p, severity, alt) {
    const ip = p.expected[0] ?? '<private endpoint IP>';
    const at = { resourceGroup: zone.resourceGroup, subscriptionId: subscriptionFlag(facts, zone.subscriptionId) };
    const add = (0,rules_remediation/* privateDnsRecordAdd */.jR)(at, r.privateZoneName, p.record, ip);
    const fqdn = `${p.record}.${r.privateZoneName}`;
    if (p.actual.length === 0) {
        return {
            ...base('private-dns-record-missing', severity, `The ${r.privateZoneName} zone linked to the nodes has no A record ${p.record} (${fqdn}): ` +
                `${p.record.endsWith('.data') ? 'layer downloads from that region' : 'token and manifest requests'} ` +
                `for ${r.loginServer} go to the public endpoint.${alt}`),
            remediation: add,
            evidence: { zone: zone.id, record: p.record, expected: p.expected },
        };
    }
    const remove = p.actual.map((old) => (0,rules_remediation/* privateDnsRecordRemove */.Au)(at, r.privateZoneName, p.record, old)).join('\n');
    return {
        ...base('private-dns-record-missing', severity, `The A record ${p.record} in ${r.privateZoneName} points to ${p.actual.join(', ')}, but the private endpoint of ` +
            `${r.loginServer} has ${p.expected.join(', ')} (a stale record from a recreated endpoint?).${alt}`),
        remediation: `${add}\n${remove}`,
        evidence: { zone: zone.id, record: p.record, expected: p.expected, actual: p.actual },
    };
}
/** The zone's subscription when it is not the cluster's (the commands run in the cluster's subscription). */
function subscriptionFlag(facts, sub) {
    return sub && facts.clusterSubscriptionId && sub.toLowerCase() !== facts.clusterSubscriptionId.toLowerCase()
        ? sub
        : undefined;
}
function resourceGroupOf(id) {
    return (0,arm_id/* resourceGroupOf */.Tp)(id) ?? '<resource group>';
}
// --- endpoint, public access, firewall, egress -------------------------------------------------------------------
function notApproved(base, r, pe, severity, publicPath) {
    const name = pe.endpointId?.split('/').pop() ?? pe.connectionId.split('/').pop() ?? 'private endpoint';
    const why = publicPath.state === 'disabled'
        ? ' Public network access is disabled, so this endpoint is the only way in.'
        : severity === 'warning'
            ? ' Pulls use the public endpoint for now.'
            : '';
    const disconnected = pe.status.toLowerCase() === 'disconnected' ? ' If approval fails, recreate the private endpoint.' : '';
    return {
        ...base('private-endpoint-not-approved', severity, `Private endpoint ${name} of ${r.loginServer} is ${pe.status}${pe.description ? ` ("${pe.description}")` : ''}, not Approved: ` +
            `no traffic flows through it.${why}${disconnected}`),
        remediation: (0,rules_remediation/* privateEndpointConnectionApprove */.si)(pe.connectionId),
        evidence: { connection: pe.connectionId, status: pe.status, reach: pe.reach },
    };
}
function publicAccessDisabled(base, facts, r) {
    const subnet = facts.nodes.subnetIds[0] ?? '<node subnet id>';
    const vnet = facts.nodes.vnetIds[0] ?? '<node vnet id>';
    const rg = resourceGroupOf(vnet);
    const pe = `${r.name}-pe`;
    const elsewhere = r.privateEndpoints.filter((p) => p.reach === 'not-connected');
    const detail = elsewhere.length > 0
        ? ` Its private endpoints sit in VNets not peered with the nodes' VNet (${elsewhere.map((p) => p.vnetId ?? p.endpointId).join(', ')}).`
        : r.privateEndpoints.length === 0
            ? ' It has no private endpoint.'
            : '';
    return {
        ...base('registry-public-access-disabled', 'error', `${r.loginServer} has public network access disabled and no approved private endpoint the nodes can reach: ` +
            `every pull times out or gets 403.${detail} Create a private endpoint in the nodes' VNet (below), or ` +
            `re-enable public access with ${(0,rules_remediation/* acrPublicNetworkEnable */.pC)(r.name)}.`),
        remediation: [
            (0,rules_remediation/* privateEndpointCreate */.XL)(rg, pe, subnet, r.id),
            (0,rules_remediation/* privateDnsZoneCreate */.bV)(rg, r.privateZoneName),
            (0,rules_remediation/* privateDnsLinkVnetCreate */.Ch)({ resourceGroup: rg }, r.privateZoneName, `${vnet.split('/').pop() ?? 'nodes'}-link`, vnet),
            (0,rules_remediation/* privateEndpointDnsZoneGroupCreate */.zD)(rg, pe, r.privateZoneName),
        ].join('\n'),
        evidence: {
            publicNetworkAccess: r.publicNetworkAccess,
            privateEndpoints: r.privateEndpoints.map((p) => p.connectionId),
        },
    };
}
function firewallBlocks(base, facts, r, missing) {
    const bypass = (r.networkRuleBypassOptions ?? '').toLowerCase() === 'azureservices'
        ? ' The trusted-services bypass does not cover AKS nodes.'
        : '';
    return {
        ...base('registry-firewall-blocks-cluster', 'error', `The firewall of ${r.loginServer} denies by default and does not allow the cluster's egress ` +
            `${missing.length === 1 ? 'address' : 'addresses'} ${missing.join(', ')} (outbound type ${facts.egress.outboundType}): ` +
            `pulls get 403.${bypass}`),
        remediation: missing.map((ip) => (0,rules_remediation/* acrNetworkRuleAdd */.UY)(r.name, ip)).join('\n'),
        evidence: {
            missing,
            egress: facts.egress.addresses.map((a) => a.cidr),
            ipRules: r.ipRules,
            outboundType: facts.egress.outboundType,
        },
    };
}
function egressUnknown(base, facts, r, reasons) {
    return {
        ...base(CLUSTER_EGRESS_UNKNOWN, 'warning', `The firewall of ${r.loginServer} denies by default, and the cluster's egress address cannot be verified ` +
            `against its rules: ${reasons.join('; ')}. Make sure the public IP your traffic leaves from is in the ` +
            `registry's network rules (${(0,rules_remediation/* acrNetworkRuleList */.vo)(r.name)}).`),
        evidence: { reasons, outboundType: facts.egress.outboundType, ipRules: r.ipRules },
    };
}
function unverifiableFindings(base, facts, r, publicPath, privateMatters) {
    // Egress reads are already folded into cluster-egress-unknown; only report reads whose facts this registry needs.
    const relevant = facts.unverifiable.filter((u) => (u.scope === 'registry' && u.registryId === r.id) ||
        (u.scope === 'nodes' && privateMatters) ||
        (u.scope === 'egress' && publicPath.state === 'unknown' && u.what === 'network posture'));
    return relevant.map((u) => ({
        ...base('network-unverifiable', 'warning', `Cannot verify the network path to ${r.loginServer}: reading ${u.what} failed: ${u.reason}. Grant the gate's ` +
            `identity ${u.permission} (Reader covers it).`),
        evidence: { what: u.what, permission: u.permission },
    }));
}
/** The uses of each registry's images, by login server (its data and regional endpoints count as the registry). */
function usesByRegistry(uses, registries) {
    const map = new Map();
    for (const r of registries) {
        const hosts = new Set([r.loginServer, ...(r.dataEndpointHostNames ?? []), ...(r.regionalEndpointHostNames ?? [])].map((h) => h.toLowerCase()));
        map.set(r.loginServer, uses.filter((u) => u.ref && hosts.has(u.ref.registry.toLowerCase())));
    }
    return map;
}

;// CONCATENATED MODULE: ./src/checks/credentials.ts
// Judges one pull-secret credential for one repository: service-principal secret expiry (Graph hint match), ACR
// refresh tokens, the admin user, scoped tokens (status, password expiry, scope map), and what the registry's token
// endpoint said. Pure: takes secret-free facts (credentials/fact-types.ts), returns the path state and findings
// without image/location (pull-secrets.ts adds those). Remediations carry placeholders, never a secret.



/** Emitted by the pull-secret and credential checks, the audit, and by the gate when their reads time out. */
const PULL_SECRET_UNVERIFIABLE = 'pull-secret-unverifiable';
const GRAPH_READ_PERMISSION = 'Application.Read.All (Microsoft Graph application permission)';
/** `kubectl create secret docker-registry` that replaces the secret in place; the password is a placeholder. */
const recreateSecretCommand = rules_remediation/* kubectlRecreatePullSecret */.HY;
/** `az aks update --attach-acr`: lets the kubelet identity pull, so the secret is no longer needed. */
function attachAcrCommand(cluster, registryId) {
    return (0,rules_remediation/* attachAcr */.As)(cluster && { ...cluster, subscriptionId: (0,arm_id/* subscriptionOf */.XD)(cluster.id) }, registryId);
}
function secretLabel(s) {
    return `${s.namespace}/${s.name}`;
}
function fmtDate(iso) {
    return iso.replace(/\.\d+Z$/, 'Z');
}
function remainingText(iso, now) {
    const ms = Date.parse(iso) - now.getTime();
    if (ms <= 0) {
        const ago = Math.floor(-ms / 86_400_000);
        return ago >= 1 ? `expired ${fmtDate(iso)} (${ago} day${ago === 1 ? '' : 's'} ago)` : `expired ${fmtDate(iso)}`;
    }
    const days = Math.floor(ms / 86_400_000);
    if (days >= 1)
        return `expires ${fmtDate(iso)} (in ${days} day${days === 1 ? '' : 's'})`;
    const hours = Math.max(1, Math.floor(ms / 3_600_000));
    return `expires ${fmtDate(iso)} (in ${hours} hour${hours === 1 ? '' : 's'})`;
}
function baseEvidence(ctx, entry) {
    const ev = {
        path: `pull-secret:${secretLabel(ctx.secret)}`,
        secretName: secretLabel(ctx.secret),
        username: entry.username,
        repository: ctx.repository,
    };
    if (entry.registry)
        ev.registryId = entry.registry.id;
    return ev;
}
/** Evaluates one credential (one `auths` entry) of a pull secret for one repository. */
function evaluateEntry(entry, ctx) {
    const findings = [];
    const specific = evaluateByClass(entry, ctx, findings);
    const live = entry.live[ctx.repository];
    const label = secretLabel(ctx.secret);
    const hasError = findings.some((f) => f.severity === 'error');
    if (live?.state === 'works') {
        // The registry itself accepted the credential: whatever the metadata suggested, this path pulls today.
        return {
            state: 'works',
            findings: findings.filter((f) => f.severity !== 'error'),
        };
    }
    if (live?.state === 'rejected') {
        if (!hasError) {
            findings.push({
                rule: 'pull-secret-credential-rejected',
                severity: 'error',
                message: `Pull secret ${label}: ${ctx.imageRegistry} refused its credential (user ${entry.username}) for ` +
                    `repository:${ctx.repository}:pull: ${live.reason}. The kubelet gets the same answer.`,
                registry: ctx.imageRegistry,
                remediation: rejectedRemediation(entry, ctx),
                evidence: { ...baseEvidence(ctx, entry), reason: live.reason, httpStatus: live.httpStatus, state: 'rejected' },
            });
        }
        return { state: 'broken', reason: specific.reason ?? `credential rejected: ${live.reason}`, findings };
    }
    if (specific.state === 'broken')
        return { state: 'broken', reason: specific.reason, findings };
    // Nothing conclusive from the registry itself.
    if (live?.state === 'unreachable' && specific.state !== 'works') {
        findings.push({
            rule: PULL_SECRET_UNVERIFIABLE,
            severity: 'warning',
            message: `Pull secret ${label}: could not ask ${ctx.imageRegistry} whether its credential (user ${entry.username}) ` +
                `may pull ${ctx.repository}: ${live.reason}.`,
            registry: ctx.imageRegistry,
            evidence: { ...baseEvidence(ctx, entry), reason: live.reason, permission: live.permission },
        });
        return { state: 'unknown', reason: `not verifiable: ${live.reason}`, findings };
    }
    return { state: specific.state, reason: specific.reason, findings };
}
/** What the Azure metadata alone says about the credential. `works` only when something positive was seen. */
function evaluateByClass(entry, ctx, findings) {
    const c = entry.credentialClass;
    switch (c.kind) {
        case 'service-principal':
            return evaluateServicePrincipal(entry, entry.servicePrincipal, ctx, findings);
        case 'refresh-token':
            return evaluateRefreshToken(entry, c.expiresAt, ctx, findings);
        case 'admin-user':
            return evaluateAdmin(entry, ctx, findings);
        case 'acr-token':
            return evaluateToken(entry, entry.token, ctx, findings);
        case 'other':
            if (entry.registry && entry.tokensUnverifiable && !entry.live[ctx.repository]) {
                findings.push(credentials_unverifiableFinding(entry, ctx, entry.tokensUnverifiable, 'its scoped tokens could not be listed'));
                return { state: 'unknown', reason: `not verifiable: ${entry.tokensUnverifiable.reason}` };
            }
            return { state: 'unknown' };
    }
}
function credentials_unverifiableFinding(entry, ctx, u, what) {
    return {
        rule: PULL_SECRET_UNVERIFIABLE,
        severity: 'warning',
        message: `Pull secret ${secretLabel(ctx.secret)} (user ${entry.username} on ${entry.server}): ${what}: ${u.reason}` +
            (u.permission ? `. Grant the gate ${u.permission} to check it.` : '.'),
        registry: ctx.imageRegistry,
        evidence: { ...baseEvidence(ctx, entry), reason: u.reason, permission: u.permission },
    };
}
function evaluateServicePrincipal(entry, sp, ctx, findings) {
    const appId = entry.credentialClass.kind === 'service-principal' ? entry.credentialClass.appId : entry.username;
    if (!sp || sp.state === 'unverifiable') {
        if (entry.live[ctx.repository])
            return { state: 'unknown' };
        const u = sp ?? { reason: 'Microsoft Graph was not asked (no Azure sign-in)', permission: GRAPH_READ_PERMISSION };
        findings.push(credentials_unverifiableFinding(entry, ctx, u, `the expiry of service principal ${appId}'s secret is unknown`));
        return { state: 'unknown', reason: `not verifiable: ${u.reason}` };
    }
    if (sp.state === 'app-not-found') {
        if (entry.live[ctx.repository])
            return { state: 'unknown' };
        findings.push(credentials_unverifiableFinding(entry, ctx, { reason: `no application with appId ${appId} is registered in the gate's tenant` }, 'its service principal could not be found'));
        return { state: 'unknown', reason: `application ${appId} not found in the tenant` };
    }
    const label = secretLabel(ctx.secret);
    const name = sp.displayName ? `${sp.displayName} (${appId})` : appId;
    const reset = (0,rules_remediation/* appCredentialReset */.wJ)(appId);
    const recreate = recreateSecretCommand(ctx.secret, entry.server, appId);
    if (!sp.matched) {
        const reason = `its secret matches none of the ${sp.credentialCount} current client secret(s) of ${name}: it was removed or replaced`;
        findings.push({
            rule: 'pull-secret-credential-rejected',
            severity: 'error',
            message: `Pull secret ${label}: ${reason}, so Entra ID refuses it.`,
            registry: ctx.imageRegistry,
            remediation: `${reset}\n${recreate}`,
            evidence: { ...baseEvidence(ctx, entry), identity: appId, reason, state: 'no-matching-secret' },
        });
        return { state: 'broken', reason: `service principal ${appId}: secret no longer exists` };
    }
    const end = sp.matched.endDateTime;
    const state = expiryState(end, ctx.now, ctx.warningDays);
    const keyText = sp.matched.displayName
        ? ` "${sp.matched.displayName}"`
        : sp.matched.keyId
            ? ` ${sp.matched.keyId}`
            : '';
    const evidence = {
        ...baseEvidence(ctx, entry),
        identity: appId,
        keyId: sp.matched.keyId,
        expires: end,
        daysLeft: daysUntil(end, ctx.now),
        state,
    };
    if (state === 'expired' && end) {
        findings.push({
            rule: 'sp-secret-expired',
            severity: 'error',
            message: `Pull secret ${label} uses client secret${keyText} of service principal ${name}, which ${remainingText(end, ctx.now)}: every pull with it gets 401.`,
            registry: ctx.imageRegistry,
            remediation: `${reset}\n${recreate}`,
            evidence,
        });
        return { state: 'broken', reason: `service principal ${appId}: client secret ${remainingText(end, ctx.now)}` };
    }
    if (state === 'expiring' && end) {
        findings.push({
            rule: 'sp-secret-expiring',
            severity: 'warning',
            message: `Pull secret ${label} uses client secret${keyText} of service principal ${name}, which ${remainingText(end, ctx.now)}.`,
            registry: ctx.imageRegistry,
            remediation: `${reset}\n${recreate}`,
            evidence,
        });
    }
    return { state: 'unknown' };
}
function evaluateRefreshToken(entry, expiresAt, ctx, findings) {
    const label = secretLabel(ctx.secret);
    const remediation = entry.registry
        ? attachAcrCommand(ctx.cluster, entry.registry.id)
        : (0,rules_remediation/* acrTokenCreate */.GF)({
            registry: '<registry-name>',
            name: `${ctx.secret.name}-pull`,
            repository: ctx.repository,
            actions: ['content/read'],
        }) +
            '\n' +
            recreateSecretCommand(ctx.secret, entry.server, `${ctx.secret.name}-pull`);
    const evidence = {
        ...baseEvidence(ctx, entry),
        expires: expiresAt,
        daysLeft: daysUntil(expiresAt, ctx.now),
    };
    if (expiresAt && Date.parse(expiresAt) <= ctx.now.getTime()) {
        findings.push({
            rule: 'refresh-token-in-pull-secret',
            severity: 'error',
            message: `Pull secret ${label} holds an ACR refresh token (user 00000000-0000-0000-0000-000000000000) that ${remainingText(expiresAt, ctx.now)}: pulls with it get 401. Use the kubelet identity (--attach-acr) or a scoped token instead.`,
            registry: ctx.imageRegistry,
            remediation,
            evidence: { ...evidence, state: 'expired' },
        });
        return { state: 'broken', reason: `ACR refresh token ${remainingText(expiresAt, ctx.now)}` };
    }
    findings.push({
        rule: 'refresh-token-in-pull-secret',
        severity: 'warning',
        message: `Pull secret ${label} holds an ACR refresh token (user 00000000-0000-0000-0000-000000000000)` +
            (expiresAt ? ` that ${remainingText(expiresAt, ctx.now)}` : '') +
            `; these last hours, not months, and pulls fail when it lapses. Use the kubelet identity (--attach-acr) or a scoped token instead.`,
        registry: ctx.imageRegistry,
        remediation,
        evidence: { ...evidence, state: 'short-lived' },
    });
    return { state: 'unknown' };
}
function evaluateAdmin(entry, ctx, findings) {
    const label = secretLabel(ctx.secret);
    const reg = entry.registry;
    const acr = reg?.name ?? entry.username;
    const admin = entry.adminUser;
    if (!admin || admin.state === 'unverifiable') {
        if (entry.live[ctx.repository])
            return { state: 'unknown' };
        const u = admin ?? { reason: 'the registry was not read (no Azure sign-in)' };
        findings.push(credentials_unverifiableFinding(entry, ctx, u, `the admin user state of ${acr} is unknown`));
        return { state: 'unknown', reason: `not verifiable: ${u.reason}` };
    }
    const evidence = { ...baseEvidence(ctx, entry) };
    if (!admin.adminUserEnabled) {
        findings.push({
            rule: 'admin-user-disabled',
            severity: 'error',
            message: `Pull secret ${label} signs in as the admin user of ${acr}, but the admin user is disabled: pulls get 401. Re-enable it, or drop the secret and attach the registry to the cluster (az aks update --attach-acr).`,
            registry: ctx.imageRegistry,
            remediation: (0,rules_remediation/* acrAdminEnable */.vc)(acr),
            evidence: {
                ...evidence,
                state: 'disabled',
                alternative: reg ? attachAcrCommand(ctx.cluster, reg.id) : undefined,
            },
        });
        return { state: 'broken', reason: `admin user of ${acr} is disabled` };
    }
    if (admin.passwordCurrent === false) {
        findings.push({
            rule: 'admin-password-rotated',
            severity: 'error',
            message: `Pull secret ${label} holds an admin password of ${acr} that is no longer one of its two current passwords (regenerated): pulls get 401.`,
            registry: ctx.imageRegistry,
            remediation: recreateSecretCommand(ctx.secret, entry.server, acr, `"$(${(0,rules_remediation/* acrAdminPassword */.X5)(acr)})"`),
            evidence: { ...evidence, state: 'rotated' },
        });
        return { state: 'broken', reason: `admin password of ${acr} was regenerated` };
    }
    if (admin.passwordCurrent === undefined && admin.passwordUnverifiable && !entry.live[ctx.repository]) {
        findings.push(credentials_unverifiableFinding(entry, ctx, admin.passwordUnverifiable, `whether the admin password of ${acr} is current is unknown`));
    }
    findings.push({
        rule: 'admin-user-in-use',
        severity: 'notice',
        message: `Pull secret ${label} signs in as the admin user of ${acr}: one shared password with push rights; prefer the kubelet identity (--attach-acr) or a pull-only scoped token.`,
        registry: ctx.imageRegistry,
        remediation: reg ? attachAcrCommand(ctx.cluster, reg.id) : undefined,
        evidence: { ...evidence, state: 'in-use' },
    });
    return admin.passwordCurrent ? { state: 'works' } : { state: 'unknown' };
}
function evaluateToken(entry, token, ctx, findings) {
    const label = secretLabel(ctx.secret);
    const acr = entry.registry?.name ?? '<registry-name>';
    const tokenName = entry.credentialClass.kind === 'acr-token' ? entry.credentialClass.tokenName : entry.username;
    if (!token || token.state === 'unverifiable') {
        if (entry.live[ctx.repository])
            return { state: 'unknown' };
        const u = token ?? { reason: 'the registry was not read (no Azure sign-in)' };
        findings.push(credentials_unverifiableFinding(entry, ctx, u, `scoped token ${tokenName} could not be read`));
        return { state: 'unknown', reason: `not verifiable: ${u.reason}` };
    }
    const evidence = { ...baseEvidence(ctx, entry), tokenName, status: token.status };
    const live = entry.live[ctx.repository];
    let broken;
    if (token.status.toLowerCase() !== 'enabled') {
        findings.push({
            rule: 'acr-token-disabled',
            severity: 'error',
            message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, which is ${token.status}: pulls get 401.`,
            registry: ctx.imageRegistry,
            remediation: (0,rules_remediation/* acrTokenEnable */.Df)(tokenName, acr),
            evidence: { ...evidence, state: 'disabled' },
        });
        broken = `scoped token ${tokenName} is ${token.status}`;
    }
    broken = evaluateTokenPasswords(entry, token, ctx, findings, evidence, live?.state) ?? broken;
    if (token.actions) {
        // No particular repository (the audit judges the credential, not a pull): there is no scope to check.
        if (ctx.repository !== '' && !scopeGrantsPull(token.actions, ctx.repository)) {
            const scopeMap = token.scopeMapName ?? '<scope-map>';
            findings.push({
                rule: 'acr-token-scope-missing-repository',
                severity: 'error',
                message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, whose scope map ${scopeMap} does not grant content/read on ${ctx.repository}: pulls of it get 401.`,
                registry: ctx.imageRegistry,
                remediation: (0,rules_remediation/* acrScopeMapAddRepository */.ql)(scopeMap, acr, ctx.repository),
                evidence: { ...evidence, scope: token.actions.join(', '), state: 'scope-missing' },
            });
            broken = broken ?? `scope map ${scopeMap} of token ${tokenName} lacks content/read on ${ctx.repository}`;
        }
    }
    else if (token.scopeUnverifiable && !live) {
        findings.push(credentials_unverifiableFinding(entry, ctx, token.scopeUnverifiable, `the scope map of token ${tokenName} could not be read`));
    }
    return broken ? { state: 'broken', reason: broken } : { state: 'unknown' };
}
/** Token passwords: the API never returns their values, so which one the secret holds is known only via the live check. */
function evaluateTokenPasswords(entry, token, ctx, findings, evidence, liveState) {
    const label = secretLabel(ctx.secret);
    const acr = entry.registry?.name ?? '<registry-name>';
    const tokenName = token.tokenName;
    const states = token.passwords.map((p) => ({ p, s: expiryState(p.expiry, ctx.now, ctx.warningDays) }));
    if (states.length === 0)
        return undefined;
    const expired = states.filter((x) => x.s === 'expired');
    const regenerate = (name) => `${(0,rules_remediation/* acrTokenCredentialGenerate */.SU)(tokenName, acr, name === 'password2' ? 'password2' : 'password1')}\n` +
        recreateSecretCommand(ctx.secret, entry.server, tokenName);
    if (expired.length === states.length) {
        const p = expired.sort((a, b) => Date.parse(b.p.expiry ?? '') - Date.parse(a.p.expiry ?? ''))[0].p;
        const expiry = p.expiry ?? '';
        findings.push({
            rule: 'acr-token-expired',
            severity: 'error',
            message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, and every password of it has expired (${p.name} ${remainingText(expiry, ctx.now)}): pulls get 401.`,
            registry: ctx.imageRegistry,
            remediation: regenerate(p.name),
            evidence: { ...evidence, expires: expiry, daysLeft: daysUntil(expiry, ctx.now), state: 'expired' },
        });
        return `scoped token ${tokenName}: every password expired`;
    }
    if (expired.length > 0 && liveState !== 'works') {
        // One password expired, another still valid: the secret may hold either. Without a live answer, say so.
        const p = expired[0].p;
        const expiry = p.expiry ?? '';
        findings.push({
            rule: 'acr-token-expired',
            severity: 'warning',
            message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, whose ${p.name} ${remainingText(expiry, ctx.now)}; if the secret holds ${p.name}, pulls get 401 (the registry could not be asked which one it holds).`,
            registry: ctx.imageRegistry,
            remediation: regenerate(p.name),
            evidence: { ...evidence, expires: expiry, daysLeft: daysUntil(expiry, ctx.now), state: 'one-password-expired' },
        });
        return undefined;
    }
    const valid = states.filter((x) => x.s !== 'expired');
    const soonest = valid.filter((x) => x.s === 'expiring');
    // Warn only when every still-valid password is inside the threshold: one long-lived password keeps the token usable.
    if (soonest.length > 0 && soonest.length === valid.length) {
        const p = soonest.sort((a, b) => Date.parse(b.p.expiry ?? '') - Date.parse(a.p.expiry ?? ''))[0].p;
        const expiry = p.expiry ?? '';
        findings.push({
            rule: 'acr-token-expiring',
            severity: 'warning',
            message: `Pull secret ${label} uses scoped token ${tokenName} of ${acr}, whose ${p.name} ${remainingText(expiry, ctx.now)}.`,
            registry: ctx.imageRegistry,
            remediation: (0,rules_remediation/* tokenRotationCommands */.g_)(tokenName, acr, token.passwords.map((x) => ({ name: x.name, ...(x.expiry ? { expiry: x.expiry } : {}) })), recreateSecretCommand(ctx.secret, entry.server, tokenName)),
            evidence: { ...evidence, expires: expiry, daysLeft: daysUntil(expiry, ctx.now), state: 'expiring' },
        });
    }
    return undefined;
}
function rejectedRemediation(entry, ctx) {
    const c = entry.credentialClass;
    if (c.kind === 'service-principal') {
        return `${(0,rules_remediation/* appCredentialReset */.wJ)(c.appId)}\n${recreateSecretCommand(ctx.secret, entry.server, c.appId)}`;
    }
    if (c.kind === 'acr-token' && entry.registry) {
        return (`${(0,rules_remediation/* acrTokenCredentialGenerate */.SU)(c.tokenName, entry.registry.name, 'password1')}\n` +
            recreateSecretCommand(ctx.secret, entry.server, c.tokenName));
    }
    if (entry.registry)
        return attachAcrCommand(ctx.cluster, entry.registry.id);
    return recreateSecretCommand(ctx.secret, entry.server, entry.username);
}
/**
 * The audit's judgement of a scoped token from the registry's token list (acr-token-disabled/-expired/-expiring),
 * for a token no pull secret uses (a used one is judged with its secret by `evaluateEntry`).
 */
function scopedTokenFinding(reg, t, c) {
    const generate = (0,rules_remediation/* acrTokenCredentialGenerate */.SU)(t.name, reg.name, 'password1');
    const used = c.usedBy.length > 0 ? ` (used by ${c.usedBy.join(', ')})` : '';
    if (c.status === 'disabled' && c.usedBy.length > 0) {
        return {
            rule: 'acr-token-disabled',
            severity: 'error',
            message: `Scoped token ${t.name} of ${reg.name} is ${t.status}${used}.`,
            registry: reg.loginServer,
            remediation: (0,rules_remediation/* acrTokenEnable */.Df)(t.name, reg.name),
            evidence: { tokenName: t.name, status: t.status },
        };
    }
    if (c.status === 'expired') {
        return {
            rule: 'acr-token-expired',
            severity: 'error',
            message: `Every password of scoped token ${t.name} of ${reg.name} has expired (latest ${c.expires})${used}.`,
            registry: reg.loginServer,
            remediation: generate,
            evidence: { tokenName: t.name, expires: c.expires, daysLeft: c.daysLeft },
        };
    }
    if (c.status === 'expiring') {
        return {
            rule: 'acr-token-expiring',
            severity: 'warning',
            message: `Scoped token ${t.name} of ${reg.name} has no password valid beyond ${c.expires} (${c.daysLeft} day(s) left)${used}.`,
            registry: reg.loginServer,
            remediation: (0,rules_remediation/* tokenRotationCommands */.g_)(t.name, reg.name, (t.passwords ?? []).map((p) => ({ name: p.name ?? '', ...(p.expiry ? { expiry: p.expiry } : {}) })), `update every pull secret that uses ${t.name}${used} with the new password`),
            evidence: { tokenName: t.name, expires: c.expires, daysLeft: c.daysLeft },
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/pull-secrets.ts
// The pull-secret rules over the inventory: which secrets each pod uses (its own plus its ServiceAccount's, from the
// manifests or the live cluster), whether they exist and parse, which credential the kubelet would pick for each image
// (docker-config.ts lookupCredentials), and what credentials.ts says about that credential. Pure.
// Returns one PullPathResult per (image, pull secret) that has an entry for the image; errors are emitted as if the
// path were the only one: the "any working path pulls" verdict combines them with the kubelet's own path.





/** The pull secrets the kubelet sees for a pod: its own, then its ServiceAccount's (manifest, else live cluster). */
function effectivePullSecrets(use, facts) {
    const fromCluster = facts.clusterServiceAccounts[secretKey(use.namespace, use.serviceAccount)] ?? [];
    return [...new Set([...use.pullSecrets, ...fromCluster])];
}
function firstUse(uses) {
    return [...uses].sort((a, b) => a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column)[0];
}
function workloadsOf(uses) {
    return [...new Set(uses.map((u) => `${u.workload.kind}/${u.workload.namespace}/${u.workload.name}`))].sort();
}
function checkPullSecrets(inventory, facts, config) {
    // Group uses by (namespace, secret, image): every pod of a namespace that names the secret gets the same answer.
    const groups = new Map();
    const perUseSecrets = new Map();
    for (const use of inventory.uses) {
        if (!use.ref)
            continue;
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
    const findings = [];
    const paths = [];
    const seen = new Set();
    const push = (f) => {
        const k = `${f.rule}|${f.image ?? ''}|${f.message}`;
        if (seen.has(k))
            return;
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
        if (result.path)
            paths.push(result.path);
    }
    for (const f of noRegistryEntryFindings(inventory, facts, perUseSecrets))
        push(f);
    const login = facts.clusterReads.interactiveLogin;
    if (login)
        push(interactiveLoginFinding(login));
    paths.sort((a, b) => a.image.localeCompare(b.image) || a.path.localeCompare(b.path));
    return { findings, paths };
}
/** The kubeconfig's exec plugin would wait for a person (devicecode/interactive): not started in a CI run. */
function interactiveLoginFinding(login) {
    return {
        rule: 'cluster-credentials-interactive',
        severity: 'warning',
        message: `The kubeconfig's credential plugin ${login.command} asks for ${login.mode} login, which waits for a person; in a non-interactive run the gate did not start it, so the cluster's pull secrets and ServiceAccounts were not read`,
        remediation: [
            "Give azure/aks-set-context use-kubelogin: 'true' (it converts the kubeconfig for the workflow's Azure login), or",
            `${(0,rules_remediation/* kubeloginConvert */.O4)('azurecli')}   (after azure/login), or`,
            (0,rules_remediation/* kubeloginConvert */.O4)('workloadidentity'),
        ].join('\n'),
        evidence: { plugin: login.command, login: login.mode },
    };
}
function checkGroup(g, facts, config) {
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
                    remediation: recreateSecretCommand({ namespace: g.namespace, name: g.secretName }, g.ref.registry, '<username>', '<password>'),
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
    if (entries.length === 0)
        return { findings: [] };
    return evaluatePath(g, secret, entries, facts, config);
}
/**
 * pull-secret-malformed, for the gate (the image's registry and pull path known) and the audit (a cluster secret, with
 * the workloads that use it).
 */
function malformedSecretFinding(secret, p, where) {
    const label = `${secret.namespace}/${secret.name}`;
    const f = {
        rule: 'pull-secret-malformed',
        severity: 'error',
        message: `Pull secret ${label} is malformed: ${p.detail}.` +
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
    if (where.server)
        f.registry = where.server;
    return f;
}
function notCollectedReason(facts) {
    if (facts.clusterReads.state === 'off')
        return facts.clusterReads.reason ?? 'cluster reads are off (no kubeconfig)';
    return facts.clusterReads.reason ?? 'it was not looked up';
}
function evaluatePath(g, secret, entries, facts, config) {
    const findings = [];
    const reasons = [];
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
        if (v.state === 'works')
            anyWorks = true;
        else if (v.state === 'unknown')
            anyUnknown = true;
        if (v.reason)
            reasons.push(v.reason);
    }
    const pathId = `pull-secret:${secret.namespace}/${secret.name}`;
    const state = anyWorks ? 'works' : anyUnknown ? 'unknown' : 'broken';
    const path = { image: g.ref.normalized, path: pathId, state };
    if (state !== 'works' && reasons.length > 0)
        path.reason = reasons.join('; ');
    return { findings, path };
}
function noRegistryEntryFindings(inventory, facts, perUseSecrets) {
    const out = [];
    const done = new Set();
    for (const use of inventory.uses) {
        const names = perUseSecrets.get(use);
        if (!use.ref || !names || names.length === 0)
            continue;
        const parsed = [];
        let incomplete = false;
        for (const n of names) {
            const l = facts.secrets[secretKey(use.namespace, n)];
            if (l?.state === 'found' && l.secret.parsed.ok)
                parsed.push(l.secret);
            else if (!l || l.state === 'unverifiable')
                incomplete = true;
        }
        // Only when every secret could be read and at least one parsed: otherwise missing/malformed already said it.
        if (incomplete || parsed.length === 0)
            continue;
        const hasEntry = parsed.some((s) => s.parsed.ok && lookupCredentials(s.parsed.entries, use.ref).length > 0);
        if (hasEntry)
            continue;
        const key = `${use.workload.kind}/${use.namespace}/${use.workload.name}|${use.ref.normalized}`;
        if (done.has(key))
            continue;
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
function acrIdFor(registry, secrets) {
    for (const s of secrets) {
        if (!s.parsed.ok)
            continue;
        for (const e of s.parsed.entries)
            if (e.registry?.loginServer === registry)
                return e.registry.id;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/checks/pull-paths.ts
// "Any working path pulls": the kubelet tries every matching pull-secret credential and its own identity (the ACR
// credential provider) in turn. Identity and pull-secret checks emit errors as if their path were the only one; this
// pure step downgrades them to warnings for an image that another path can pull, and, where no path works, makes the
// error list every path tried and why each fails.


/**
 * `pathsOfUse` names the paths open to one pod: `kubelet` and `pull-secret:<ns>/<name>` for each of its pull secrets.
 * A path works for a finding only if it is one of the pod's own: another pod's secret pulling the same image does not
 * help this pod.
 */
function combinePullPaths(findings, paths, uses, pathsOfUse) {
    const byImage = new Map();
    for (const p of paths) {
        const list = byImage.get(p.image) ?? [];
        if (!list.some((q) => q.path === p.path && q.state === p.state))
            list.push(p);
        byImage.set(p.image, list);
    }
    const usesAt = new Map();
    for (const u of uses) {
        const key = pull_paths_locKey(u.location);
        usesAt.set(key, [...(usesAt.get(key) ?? []), u]);
    }
    return findings.map((f) => {
        if (f.severity !== 'error' || !(0,catalogue/* ruleById */.BD)(f.rule)?.pullPath || !f.image)
            return f;
        // A secret that breaks the kubelet's keyring for the whole pod is not rescued by another path.
        if (f.evidence?.blocksAllPaths === true)
            return f;
        const image = f.image;
        const own = f.location ? usesAt.get(pull_paths_locKey(f.location))?.filter((u) => u.ref?.normalized === image) : undefined;
        // With the pod known, only its own paths count; a finding not tied to one pod line keeps the image-wide view.
        const allowed = own?.length ? new Set(own.flatMap(pathsOfUse)) : undefined;
        const tried = (byImage.get(image) ?? []).filter((p) => !allowed || allowed.has(p.path));
        if (!tried.length)
            return f;
        const working = tried.filter((p) => p.state === 'works');
        if (working.length > 0) {
            return {
                ...f,
                severity: 'warning',
                message: `${f.message} (not blocking now: ${working.map((p) => p.path).join(', ')} can pull this image; this will bite when that path goes)`,
            };
        }
        // An identity binding the gate cannot confirm may be what the pod pulls with: unverified, never an error.
        const bindings = tried.filter((p) => p.path.startsWith('identity-binding:') && p.state === 'unknown');
        if (bindings.length > 0) {
            return {
                ...f,
                severity: 'warning',
                message: `${f.message} (unverified, not blocking: the pod's ServiceAccount names its own identity for image pull; ${bindings.map((p) => `${p.path}: ${p.reason ?? 'unknown'}`).join('; ')})`,
            };
        }
        if (tried.length < 2)
            return f;
        const list = tried.map((p) => `${p.path}: ${p.state === 'broken' ? (p.reason ?? 'refused') : `unknown${p.reason ? ` (${p.reason})` : ''}`}`);
        return { ...f, message: `${f.message}. No path pulls this image; paths tried: ${list.join('; ')}` };
    });
}
function pull_paths_locKey(l) {
    return `${l.file}\u0000${l.line}\u0000${l.column}`;
}
/**
 * Every path the kubelet tries for one use: its own identity, anonymous, each of the pod's pull secrets (the manifests'
 * and, once read, the cluster ServiceAccount's), and the identity binding its ServiceAccount names.
 */
function pathsTriedBy(credentials, bindings) {
    return (use) => [
        'kubelet',
        'anonymous',
        ...(credentials ? effectivePullSecrets(use, credentials) : use.pullSecrets).map((name) => `pull-secret:${use.namespace}/${name}`),
        ...(bindings[`${use.namespace}/${use.serviceAccount}`]
            ? [`identity-binding:${use.namespace}/${use.serviceAccount}`]
            : []),
    ];
}

;// CONCATENATED MODULE: ./src/checks/suppressions.ts
// Accepting a finding on purpose: the `ignore:` entries of .aks-pull-gate.yaml (parsed in settings/) and the workload
// annotation `aks-pull-gate.io/ignore: "<rule>[,<rule>] until <YYYY-MM-DD>: <reason>"` are matched to the findings
// here. A matched finding keeps its place in every report with `suppressed: {by, reason, expires}` and stops deciding
// the verdict. An entry past its date is a warning (suppression-expired) and suppresses nothing; one that matches
// nothing is a notice (suppression-unused); one for an error rule (no pod would start) running more than 30 days ahead
// is a warning (suppression-too-long) and suppresses nothing. Pure: findings, uses and entries in, findings out.
// Run on the per-place findings, before they are grouped, so a workload's annotation covers its own places only.

const IGNORE_ANNOTATION = 'aks-pull-gate.io/ignore';
const suppressions_DAY_MS = 86_400_000;
function suppressions_locKey(l) {
    return `${l.file}\u0000${l.line}\u0000${l.column}`;
}
function day(iso) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso))
        return undefined;
    const t = Date.parse(`${iso}T00:00:00Z`);
    return Number.isNaN(t) ? undefined : t;
}
/** `*` is any run of characters; everything else is literal. */
function globMatches(glob, value) {
    const re = new RegExp(`^${glob
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`, 'i');
    return re.test(value);
}
/** The entries of one workload's annotation, or the reason it cannot be read. */
function parseIgnoreAnnotation(value, use) {
    const m = /^\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s+until\s+(\d{4}-\d{2}-\d{2})\s*:\s*(\S.*?)\s*$/i.exec(value);
    if (!m || day(m[2]) === undefined) {
        return { invalid: `expected "<rule>[,<rule>] until <YYYY-MM-DD>: <reason>"` };
    }
    const source = `${use.workload.kind} ${use.namespace}/${use.workload.name} annotation`;
    return m[1].split(',').map((rule) => ({
        rule: rule.trim().toLowerCase(),
        namespace: use.namespace,
        workload: `${use.workload.kind}/${use.workload.name}`,
        reason: m[3],
        expires: m[2],
        source,
        kind: 'inSource',
    }));
}
function suppressions_usesOf(f, byLocation, byImage) {
    if (f.location)
        return byLocation.get(suppressions_locKey(f.location)) ?? [];
    return f.image ? (byImage.get(f.image) ?? []) : [];
}
function matches(e, f, uses) {
    if (e.rule !== f.rule)
        return false;
    if (e.image !== undefined && (f.image === undefined || !globMatches(e.image, f.image)))
        return false;
    if (e.namespace === undefined && e.workload === undefined)
        return true;
    return uses.some((u) => (e.namespace === undefined || e.namespace === u.namespace) &&
        (e.workload === undefined || e.workload.toLowerCase() === `${u.workload.kind}/${u.workload.name}`.toLowerCase()));
}
/** `reportUnused` is off in the audit, which sees none of the manifests' findings the entries are written for. */
function applySuppressions(findings, uses, entries, now, reportUnused = true) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const out = [];
    const candidates = entries.map((entry) => ({ entry, used: false }));
    // Annotations: one set of entries per workload (its containers share the annotation), located at its first image.
    const seen = new Set();
    for (const u of uses) {
        if (u.ignoreAnnotation === undefined)
            continue;
        const key = `${u.namespace}/${u.workload.kind}/${u.workload.name}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const parsed = parseIgnoreAnnotation(u.ignoreAnnotation, u);
        if ('invalid' in parsed) {
            out.push({
                rule: 'suppression-unused',
                severity: 'notice',
                message: `${u.workload.kind} ${u.namespace}/${u.workload.name}: the ${IGNORE_ANNOTATION} annotation cannot be read (${parsed.invalid}), so it accepts nothing`,
                location: u.location,
            });
            continue;
        }
        for (const entry of parsed)
            candidates.push({ entry, location: u.location, used: false });
    }
    const active = [];
    for (const c of candidates) {
        const { entry } = c;
        const expires = day(entry.expires);
        if (expires === undefined || expires < today) {
            out.push({
                rule: 'suppression-expired',
                severity: 'warning',
                message: `The entry accepting ${entry.rule} (${entry.source}: "${entry.reason}") expired on ${entry.expires}: it no longer suppresses`,
                ...(c.location ? { location: c.location } : {}),
                remediation: `fix what it accepted, or renew the entry in ${entry.source} with a new expires date and reason`,
            });
            continue;
        }
        if ((0,catalogue/* stopsPods */.eh)(entry.rule) && expires > today + catalogue/* MAX_ERROR_SUPPRESSION_DAYS */.uf * suppressions_DAY_MS) {
            out.push({
                rule: 'suppression-too-long',
                severity: 'warning',
                message: `The entry accepting ${entry.rule} (${entry.source}) runs until ${entry.expires}, more than ${catalogue/* MAX_ERROR_SUPPRESSION_DAYS */.uf} days ahead: ${entry.rule} means no pod would start, so it is accepted only for ${catalogue/* MAX_ERROR_SUPPRESSION_DAYS */.uf} days at a time; the entry does not suppress`,
                ...(c.location ? { location: c.location } : {}),
                remediation: `set expires in ${entry.source} to ${new Date(today + catalogue/* MAX_ERROR_SUPPRESSION_DAYS */.uf * suppressions_DAY_MS).toISOString().slice(0, 10)} or earlier`,
            });
            continue;
        }
        active.push(c);
    }
    // No entry left to match: every finding stands as it is (and the maps below, over every use, are not needed).
    if (!active.length) {
        for (const f of findings)
            out.push(f);
        return out;
    }
    const byLocation = new Map();
    const byImage = new Map();
    for (const u of uses) {
        pushTo(byLocation, suppressions_locKey(u.location), u);
        const ref = u.ref?.normalized;
        if (ref)
            pushTo(byImage, ref, u);
    }
    for (const f of findings) {
        const fuses = suppressions_usesOf(f, byLocation, byImage);
        const hit = active.find((c) => matches(c.entry, f, fuses));
        if (!hit) {
            out.push(f);
            continue;
        }
        hit.used = true;
        out.push({
            ...f,
            suppressed: { by: hit.entry.source, reason: hit.entry.reason, expires: hit.entry.expires, kind: hit.entry.kind },
        });
    }
    for (const c of active) {
        if (c.used || !reportUnused)
            continue;
        out.push({
            rule: 'suppression-unused',
            severity: 'notice',
            message: `The entry accepting ${c.entry.rule}${c.entry.image ? ` for ${c.entry.image}` : ''} (${c.entry.source}) matched no finding: remove it if what it accepted is fixed`,
            ...(c.location ? { location: c.location } : {}),
        });
    }
    return out;
}
function pushTo(map, key, u) {
    const list = map.get(key);
    if (list)
        list.push(u);
    else
        map.set(key, [u]);
}

;// CONCATENATED MODULE: ./src/checks/timeouts.ts
// A fact phase that did not finish by the run's deadline: one warning under the rule of what could not be checked
// (the owning check module's unverifiable rule), naming the timeout and what to raise it to. Pure.
function timedOutFinding(rule, what, timeoutMs) {
    return {
        rule,
        severity: 'warning',
        message: `Checking ${what} did not finish within the ${Math.round(timeoutMs / 1000)} s timeout; it could not be verified`,
        remediation: `Raise the timeout (timeout: ${Math.round((timeoutMs * 2) / 1000)}) or check why the endpoint is slow`,
    };
}

;// CONCATENATED MODULE: ./src/checks/audit.ts
// Judges what the scheduled credential audit read (types/facts/audit.ts, from facts/audit.ts): every scoped token and
// admin user of each registry, each cluster pull secret's credentials, and the clusters' service principals, each with
// its owner, where it is used and the days left, sorted by urgency; plus the findings that make the run exit 1 when
// something is expired or inside the warning threshold. The findings come from the gate's own rule functions
// (credentials.ts evaluateEntry and scopedTokenFinding, pull-secrets.ts malformedSecretFinding, identity.ts
// clusterSecretFindings): one implementation of each rule, one finding per credential. Pure.





const STATUS_ORDER = {
    expired: 0,
    disabled: 1,
    expiring: 2,
    unknown: 3,
    ok: 4,
};
/** Most urgent first: expired, disabled, expiring, unknown, ok; then fewest days left; then kind and name. */
function sortByUrgency(list) {
    return [...list].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.daysLeft ?? Number.POSITIVE_INFINITY) - (b.daysLeft ?? Number.POSITIVE_INFINITY) ||
        a.kind.localeCompare(b.kind) ||
        a.name.localeCompare(b.name));
}
/** True when the audit should fail: something expired, disabled, or inside the threshold. */
function auditNeedsAttention(result) {
    return result.credentials.some((c) => c.status === 'expired' || c.status === 'expiring' || c.status === 'disabled');
}
function audit_statusOf(state) {
    return state === 'unknown' ? 'unknown' : state;
}
function withExpiry(c, iso, now, days) {
    if (!iso)
        return c;
    c.expires = iso;
    const left = daysUntil(iso, now);
    if (left !== undefined)
        c.daysLeft = left;
    c.status = audit_statusOf(expiryState(iso, now, days));
    return c;
}
/** What the audit could not read: pull-secret-unverifiable, in the audit's words. */
function gapFinding(g) {
    const f = { rule: PULL_SECRET_UNVERIFIABLE, severity: 'warning', message: g.message };
    if (g.evidence)
        f.evidence = g.evidence;
    if (g.registry)
        f.registry = g.registry;
    return f;
}
function checkAudit(facts, opts) {
    const { now, expiryWarningDays: days } = opts;
    const findings = facts.gaps.map(gapFinding);
    const credentials = [];
    const usedByRegistryCredential = new Map();
    // A pull secret's copy of a registry credential (a scoped token, the admin user) and the registry's own entry are one
    // credential: it is listed once, as the registry's, with the secret in its "used by".
    const copyOf = new Map();
    for (const s of facts.secrets) {
        const keys = [];
        for (const e of s.entries) {
            const who = !e.registry
                ? undefined
                : e.credentialClass.kind === 'acr-token'
                    ? `token:${e.registry.id}:${e.credentialClass.tokenName.toLowerCase()}`
                    : e.credentialClass.kind === 'admin-user'
                        ? `admin:${e.registry.id}`
                        : undefined;
            keys.push(who);
            if (who)
                usedByRegistryCredential.set(who, [
                    ...(usedByRegistryCredential.get(who) ?? []),
                    `pull-secret:${s.secret.namespace}/${s.secret.name}`,
                ]);
        }
        const judged = judgeSecret(s, facts.cluster, now, days);
        if (s.secret.parsed.ok)
            judged.credentials.forEach((c, i) => {
                const who = keys[i];
                if (who)
                    copyOf.set(c, who);
            });
        credentials.push(...judged.credentials);
        findings.push(...judged.findings);
    }
    const listed = new Set();
    for (const reg of facts.registries) {
        listed.add(`admin:${reg.id}`);
        credentials.push({
            kind: 'admin-user',
            name: `${reg.name} admin user`,
            owner: reg.name,
            registry: reg.loginServer,
            usedBy: usedByRegistryCredential.get(`admin:${reg.id}`) ?? [],
            status: reg.adminUserEnabled === undefined ? 'unknown' : reg.adminUserEnabled ? 'ok' : 'disabled',
        });
        for (const t of facts.tokens[reg.id] ?? []) {
            const c = auditToken(reg, t, usedByRegistryCredential.get(`token:${reg.id}:${t.name.toLowerCase()}`) ?? [], now, days);
            credentials.push(c);
            listed.add(`token:${reg.id}:${t.name.toLowerCase()}`);
            // One finding per credential: a token a pull secret uses was judged with that secret (evaluateEntry, the
            // gate's rule); only a token nobody uses is judged from the registry's token list.
            const f = c.usedBy.length > 0 ? undefined : scopedTokenFinding(reg, t, c);
            if (f)
                findings.push(f);
        }
    }
    // The admin user that is disabled and used by nobody is the desired state, not an alarm.
    const filtered = credentials.filter((c) => {
        const copy = copyOf.get(c);
        if (copy && listed.has(copy))
            return false;
        return !(c.kind === 'admin-user' && c.status === 'disabled' && c.usedBy.length === 0);
    });
    for (const audited of facts.clusters) {
        const cluster = audited.cluster;
        const sp = audited.servicePrincipal;
        if (isUnverifiable(cluster) || !sp)
            continue;
        const c = {
            kind: 'cluster-service-principal',
            name: `${cluster.name} service principal`,
            owner: sp.displayName ? `${sp.displayName} (${sp.appId})` : sp.appId,
            usedBy: [`cluster:${cluster.name}`],
            status: 'unknown',
        };
        filtered.push(c);
        if (isUnverifiable(sp.passwordCredentials))
            continue;
        // AKS does not say which client secret it holds: the cluster keeps working while the latest one is valid.
        const ends = sp.passwordCredentials.map((p) => p.endDateTime).filter((e) => typeof e === 'string');
        if (ends.length === 0)
            continue;
        withExpiry(c, ends.sort((a, b) => Date.parse(b) - Date.parse(a))[0], now, days);
        findings.push(...clusterSecretFindings(cluster, sp, now, days));
    }
    return { credentials: sortByUrgency(dedupe(filtered)), findings: audit_dedupeFindings(findings) };
}
function dedupe(list) {
    const seen = new Set();
    return list.filter((c) => {
        const k = `${c.kind}|${c.name}|${c.registry ?? ''}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
function audit_dedupeFindings(list) {
    const seen = new Set();
    return list.filter((f) => {
        const k = `${f.rule}|${f.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}
function auditToken(reg, t, usedBy, now, days) {
    const c = {
        kind: 'acr-token',
        name: t.name,
        owner: reg.name,
        registry: reg.loginServer,
        usedBy,
        status: 'ok',
    };
    if (t.status.toLowerCase() !== 'enabled') {
        c.status = 'disabled';
        return c;
    }
    const expiries = t.passwords.map((p) => p.expiry);
    if (t.passwords.length === 0) {
        c.status = 'unknown';
        return c;
    }
    // The token keeps working while any password does: the latest expiry counts (a password without one never ends).
    if (expiries.some((e) => !e))
        return c;
    const latest = expiries.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
    return withExpiry(c, latest, now, days);
}
/** One cluster pull secret: its credentials for the list, and the gate's findings for "no particular repository". */
function judgeSecret(s, cluster, now, days) {
    const { secret, usedBy } = s;
    const label = `${secret.namespace}/${secret.name}`;
    if (!secret.parsed.ok) {
        return {
            credentials: [{ kind: 'pull-secret', name: label, usedBy, status: 'unknown' }],
            // A malformed secret nobody uses breaks no pull.
            findings: usedBy.length > 0 ? [malformedSecretFinding(secret, secret.parsed, { usedBy })] : [],
        };
    }
    const credentials = [];
    const findings = [];
    for (const entry of s.entries) {
        credentials.push(auditEntry(label, entry, usedBy, now, days));
        // Same rules and remediations as the gate, for "no particular repository" (so no scope-map finding).
        const v = evaluateEntry(entry, {
            secret,
            repository: '',
            imageRegistry: entry.registry?.loginServer ?? entry.server,
            now,
            warningDays: days,
            cluster,
        });
        for (const f of v.findings) {
            // A secret nobody uses cannot break a pull: report it as a warning so it gets cleaned up.
            const severity = usedBy.length === 0 && f.severity === 'error' ? 'warning' : f.severity;
            const evidence = { ...f.evidence, usedBy };
            delete evidence.repository;
            findings.push({ ...f, severity, evidence });
        }
    }
    return { credentials, findings };
}
const KIND_OF = {
    'service-principal': 'service-principal',
    'refresh-token': 'refresh-token',
    'admin-user': 'admin-user',
    'acr-token': 'acr-token',
    other: 'pull-secret',
};
function auditEntry(label, e, usedBy, now, days) {
    const c = {
        kind: KIND_OF[e.credentialClass.kind],
        name: `${label} (${e.username} @ ${e.server})`,
        usedBy,
        status: 'unknown',
    };
    if (e.registry)
        c.registry = e.registry.loginServer;
    const cls = e.credentialClass;
    if (cls.kind === 'service-principal') {
        const sp = e.servicePrincipal;
        c.owner = sp?.state === 'found' && sp.displayName ? `${sp.displayName} (${cls.appId})` : cls.appId;
        if (sp?.state === 'found') {
            if (!sp.matched)
                c.status = 'expired';
            else if (sp.matched.endDateTime)
                withExpiry(c, sp.matched.endDateTime, now, days);
            else
                c.status = 'ok';
        }
    }
    else if (cls.kind === 'refresh-token') {
        c.owner = e.registry?.name ?? e.server;
        if (cls.expiresAt)
            withExpiry(c, cls.expiresAt, now, days);
    }
    else if (cls.kind === 'admin-user') {
        c.owner = cls.registryName;
        const a = e.adminUser;
        if (a?.state === 'found') {
            c.status = !a.adminUserEnabled
                ? 'disabled'
                : a.passwordCurrent === false
                    ? 'expired'
                    : a.passwordCurrent
                        ? 'ok'
                        : 'unknown';
        }
    }
    else if (cls.kind === 'acr-token') {
        c.owner = `${e.registry?.name ?? e.server} token ${cls.tokenName}`;
        const t = e.token;
        if (t?.state === 'found') {
            if (t.status.toLowerCase() !== 'enabled')
                c.status = 'disabled';
            else if (t.passwords.length === 0 || t.passwords.some((p) => !p.expiry))
                c.status = 'ok';
            else
                withExpiry(c, [...t.passwords].sort((a, b) => Date.parse(b.expiry ?? '') - Date.parse(a.expiry ?? ''))[0].expiry, now, days);
        }
    }
    else {
        c.owner = e.server;
    }
    return c;
}

// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(53053);
var external_node_diagnostics_channel_default = /*#__PURE__*/__webpack_require__.n(external_node_diagnostics_channel_);
;// CONCATENATED MODULE: ./src/lib/debug-log.ts
// The run's debug trace (issue 19 point 9: "slow or hangs"), on with `--debug` / AKS_PULL_GATE_DEBUG=1 in the CLI and
// RUNNER_DEBUG=1 in the action (core.isDebug). Each phase's start and end with its time and the deadline left, and one
// line per HTTP request: method, host, path, status and time. Requests are observed through Node's diagnostics channels
// (node:http for the Azure SDKs, undici for fetch and the Kubernetes API reader: the registry client, Graph, the GitHub
// client, facts/kubernetes/api.ts), so no client needs to know about it. Never a secret: no query string (a token
// request's `scope`/`service` or a SAS would sit there), no header, no body. Retries and their waits are the registry
// client's own debug lines (facts/registry/http.ts), which this trace interleaves with.

/** A request line's target: host and path only; the query string is dropped (never logged), shown as `?…`. */
function safeTarget(host, path) {
    const q = path.indexOf('?');
    const bare = q < 0 ? path : `${path.slice(0, q)}?…`;
    // A userinfo part (`user:pass@host`) never reaches a line either.
    return `${host.replace(/^[^@/]*@/, '')}${bare.replace(/#.*$/, '')}`;
}
const ms = (n) => `${Math.round(n)} ms`;
/** Starts the trace, or a no-op when debug is off (nothing subscribed, nothing measured). */
function startDebugTrace(logger, opts) {
    if (!opts.enabled)
        return { phase: (inner) => (name) => inner?.(name), end: () => undefined };
    const now = opts.now ?? (() => performance.now());
    const t0 = now();
    const left = () => `deadline left ${((opts.timeoutMs - (now() - t0)) / 1000).toFixed(1)} s`;
    let current;
    let requests = 0;
    // Deleted on the answer or the error; what is left at the end is what never answered (a hang).
    const pending = new Map();
    const begin = (req, method, host, path) => {
        pending.set(req, { start: now(), line: `${method} ${safeTarget(host, path)}` });
    };
    const finish = (req, outcome) => {
        const p = pending.get(req);
        if (!p)
            return;
        pending.delete(req);
        requests++;
        logger.debug(`http: ${p.line} -> ${outcome} in ${ms(now() - p.start)}`);
    };
    const errText = (e) => e && typeof e === 'object' && 'code' in e ? String(e.code) : 'error';
    const hostOf = (origin) => origin.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
    const handlers = [
        [
            'http.client.request.start',
            (m) => {
                const { request: r } = m;
                // The Host header carries the port (ClientRequest.host does not).
                const host = r.getHeader?.('host');
                begin(r, r.method ?? 'GET', typeof host === 'string' ? host : (r.host ?? ''), r.path ?? '/');
            },
        ],
        ['http.client.response.finish', (m) => finish(m.request, String(m.response?.statusCode))],
        ['http.client.request.error', (m) => finish(m.request, errText(m.error))],
        [
            'undici:request:create',
            (m) => {
                const { request: r } = m;
                begin(r, r.method ?? 'GET', hostOf(r.origin ?? ''), r.path ?? '/');
            },
        ],
        ['undici:request:headers', (m) => finish(m.request, String(m.response?.statusCode))],
        ['undici:request:error', (m) => finish(m.request, errText(m.error))],
    ];
    for (const [name, fn] of handlers)
        external_node_diagnostics_channel_default().subscribe(name, fn);
    const close = () => {
        if (!current)
            return;
        logger.debug(`phase end: ${current.name} (${ms(now() - current.start)}; ${left()})`);
        current = undefined;
    };
    logger.debug(`run start (timeout ${ms(opts.timeoutMs)})`);
    return {
        phase: (inner) => (name) => {
            close();
            current = { name, start: now() };
            logger.debug(`phase start: ${name} (${left()})`);
            inner?.(name);
        },
        end: () => {
            close();
            for (const [name, fn] of handlers)
                external_node_diagnostics_channel_default().unsubscribe(name, fn);
            for (const p of pending.values())
                logger.debug(`http: ${p.line} -> no answer after ${ms(now() - p.start)}`);
            logger.debug(`run end: ${ms(now() - t0)}, ${requests} HTTP request(s); ${left()}`);
        },
    };
}

;// CONCATENATED MODULE: ./src/gate.ts
// Orchestration: inventory -> facts -> checks -> verdict -> report, for check and audit mode. The one place that knows
// the order of things; every stage it calls is injected with what it needs (logger, secret masker, fetch, Azure
// context), so the action, the CLI, the simulated world and the tests run the same code. Under --simulate the world's
// emulator is just another cloud. The stage work lives in its folder: facts/ reads, checks/ judges, verdict.ts decides.


























const OFFLINE_SCOPE = { cluster: false, identityRead: false, networkRead: false, offline: true };
const EMPTY_INVENTORY = { files: [], uses: [], secrets: [], serviceAccounts: [], findings: [] };
async function runGate(config, deps) {
    const trace = startDebugTrace(deps.logger, { enabled: deps.debug === true, timeoutMs: config.timeoutMs });
    try {
        return await runTraced(config, { ...deps, phase: trace.phase(deps.phase) });
    }
    finally {
        trace.end();
    }
}
async function runTraced(config, deps) {
    // `offline` is decided here, once: an offline run builds no FactContext and asks nothing.
    if (config.offline) {
        const inventory = config.mode === 'check' ? await readInventory(config, deps) : EMPTY_INVENTORY;
        const findings = [...inventory.findings, ...staticFindings(inventory)];
        return finish(config, inventory, findings, { checked: new Map() }, {}, new Date(), OFFLINE_SCOPE);
    }
    const timeout = AbortSignal.timeout(config.timeoutMs);
    // `unread` ends what started early (registry checks, ARM reads) when the manifests cannot be read after all.
    const unread = new AbortController();
    const deadline = AbortSignal.any([timeout, unread.signal, ...(deps.signal ? [deps.signal] : [])]);
    // The manifests are read while the world starts, the gate signs in and ARM reads the cluster and lists the
    // registries (the settings, a cluster or the audit, or the first manifest naming an ACR say Azure is needed), and
    // the registries that need no credential are asked about each file's images (facts/registry/early.ts).
    const world = config.simulate
        ? startWorld(config, deps)
        : Promise.resolve({ config, now: new Date() });
    const transport = world.then((w) => factTransport(deps, w.emulator));
    const early = config.mode === 'check' ? new EarlyImageChecks(transport, deadline, deps.logger) : undefined;
    const acrNamed = Promise.withResolvers();
    let named = false;
    const reading = config.mode === 'check'
        ? readInventory(config, deps, {
            onText: (text) => {
                if (named)
                    return; // one ACR host is enough to start the sign-in
                const host = (0,acr_host/* acrHostIn */.M1)(text);
                if (host)
                    acrNamed.resolve(host);
                named = host !== undefined;
            },
            onImage: (image) => early?.add(image),
        })
        : Promise.resolve(EMPTY_INVENTORY);
    const context = world.then(async (w) => {
        const ctx = await createFactContext(w.config, deps, w.emulator, w.now, deadline, reading, {
            acrNamed: acrNamed.promise,
            transport: await transport,
        });
        if (w.config.mode === 'check') {
            if (w.config.cluster)
                prefetchCluster(ctx, w.config.cluster);
            prefetchRegistries(ctx);
            if (ctx.azure)
                early?.signedIn(ctx.azure, ctx);
        }
        return ctx;
    });
    context.catch(() => undefined);
    let inventory;
    try {
        inventory = await reading;
    }
    catch (err) {
        unread.abort(err);
        await world.then((w) => w.emulator?.close(), () => undefined);
        throw err;
    }
    const started = await world;
    try {
        const ctx = await context;
        if (started.config.mode === 'audit')
            return await audit(started.config, ctx, deps, started.emulator);
        return await check(started.config, inventory, ctx, deps, started.emulator, early);
    }
    finally {
        await started.emulator?.close();
    }
}
/** Under --simulate: the world's clock, its emulator, and the audit's cluster when the world has exactly one. */
async function startWorld(config, deps) {
    deps.phase?.('Starting the simulated world');
    // Loaded only under --simulate: the emulator (and its certificate generator) costs nothing otherwise.
    const { loadWorld, startEmulator } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(860), __webpack_require__.e(686), __webpack_require__.e(358)]).then(__webpack_require__.bind(__webpack_require__, 25358));
    const world = await loadWorld(config.simulate ?? '');
    const now = typeof world.now === 'string' ? new Date(world.now) : new Date();
    // The audit's workload pass checks the kubelet identity of the cluster the kubeconfig reaches: under --simulate,
    // the world's one cluster when none is named.
    const clusters = world.azure.resources.filter((r) => String(r.type).toLowerCase() === 'microsoft.containerservice/managedclusters');
    if (config.mode === 'audit' && !config.cluster && config.workloads !== false && clusters.length === 1)
        config = { ...config, cluster: String(clusters[0].id) };
    return { config, now, emulator: await startEmulator(world, { connectionsPerOrigin: proxy_fetch/* CONNECTIONS_PER_ORIGIN */.J0 }) };
}
async function readInventory(config, deps, seen = {}) {
    deps.phase?.('Reading manifests');
    const inventory = await (0,inventory_inventory/* buildInventory */.Rs)({
        manifests: config.manifests,
        cwd: config.cwd,
        namespace: config.namespace,
        maxFileBytes: config.maxFileBytes,
        ...(deps.readStdin ? { readStdin: deps.readStdin } : {}),
        ...seen,
    });
    deps.mark?.('manifests read');
    const unique = new Set(inventory.uses.map((u) => u.ref?.normalized ?? u.image)).size;
    deps.logger.info(`${inventory.files.length} file(s), ${inventory.uses.length} image reference(s), ${unique} unique`);
    return inventory;
}
async function check(config, inventory, ctx, deps, emulator, early) {
    const findings = [...inventory.findings, ...staticFindings(inventory)];
    const paths = [];
    const hosts = [...new Set(inventory.uses.flatMap((u) => (u.ref ? [u.ref.registry] : [])))];
    const bindings = (0,inventory_inventory/* serviceAccountBindings */.LN)(inventory);
    const late = (rule, what) => timedOutFinding(rule, what, config.timeoutMs);
    deps.phase?.('Reading cluster and registries');
    // The cluster and the registries first (two ARM reads in parallel); the image, network and credential reads start
    // from them, and the rest of the identity reads (assignments, definitions, groups) runs beside those.
    const base = config.cluster
        ? await guard(readClusterAndRegistries(ctx, config.cluster, hosts), ctx.signal)
        : undefined;
    const known = base && !('timedOut' in base) ? base : undefined;
    const discovery = config.cluster
        ? known?.discovery
        : ctx.azure && hosts.length
            ? await guard(discoverRegistries(ctx, hosts), ctx.signal).then((d) => ('timedOut' in d ? undefined : d))
            : undefined;
    const cluster = known && !isUnverifiable(known.cluster) ? known.cluster : undefined;
    // A cluster ARM says does not exist is the user's mistake (a typo, the wrong group): nothing about it can be checked.
    if (known && isUnverifiable(known.cluster) && known.cluster.notFound)
        throw new settings_config/* ConfigurationError */.j1(known.cluster.reason);
    // Node pools decide where pods can land once a cluster is known; an explicit --platform still wins.
    const pools = cluster && !config.platformsExplicit ? platformsFromAgentPools(cluster.agentPools ?? []) : [];
    if (pools.length)
        deps.logger.info(`Node pools offer ${pools.map(checks_images/* formatPlatform */.Bq).join(', ')}`);
    const platforms = pools.length ? pools : config.platforms;
    deps.phase?.('Checking images, identity, network and pull secrets');
    const registries = discovery?.registries ?? [];
    const [identity, images, network, credentials] = await Promise.all([
        known ? guard(collectAccessFacts(ctx, known, bindings), ctx.signal) : undefined,
        // The registry client ends its own pending checks at the deadline (unverifiable: timeout, per image); the grace
        // lets those answers arrive instead of one anonymous timeout for the whole phase.
        guard(collectImageFacts(inventory, ctx, discovery, config.timeoutMs, early), ctx.signal, 3_000),
        cluster ? guard(collectClusterNetworkFacts(ctx, cluster, registries), ctx.signal) : undefined,
        guard(collectCredentialFacts(ctx, inventory, registries, {
            // The kubeconfig's context must be the cluster's; the emulator's names each world cluster by its fqdn, as
            // `az aks get-credentials` does, so the same tie runs under --simulate.
            clusterServers: [cluster?.fqdn, cluster?.privateFqdn].filter((h) => !!h),
        }), ctx.signal),
    ]);
    const identityFacts = identity && !('timedOut' in identity) ? identity : undefined;
    if ((base && 'timedOut' in base) || (identity && 'timedOut' in identity))
        findings.push(late(ROLE_ASSIGNMENTS_UNVERIFIABLE, 'cluster and role assignments'));
    const results = 'timedOut' in images ? unansweredImages(inventory, config.timeoutMs) : images.results;
    findings.push(...(0,checks_images/* checkImages */.B6)(inventory.uses, results, platforms));
    if (identityFacts) {
        const r = checkIdentity(identityFacts, inventory.uses, { expiryWarningDays: config.expiryWarningDays });
        findings.push(...r.findings);
        paths.push(...r.paths);
    }
    if (network && !('timedOut' in network))
        findings.push(...checkNetwork(network, usesByRegistry(inventory.uses, registries)));
    else if (network)
        findings.push(late(CLUSTER_EGRESS_UNKNOWN, 'network posture'));
    const credentialFacts = 'timedOut' in credentials ? undefined : credentials;
    if (credentialFacts) {
        const r = checkPullSecrets(inventory, credentialFacts, { expiryWarningDays: config.expiryWarningDays });
        findings.push(...r.findings);
        paths.push(...r.paths);
    }
    else
        findings.push(late(PULL_SECRET_UNVERIFIABLE, 'pull secrets'));
    const checked = { checked: (0,checks_images/* checkedImages */.QD)(results) };
    const requests = {
        ...('timedOut' in images ? {} : images.requests),
        ...prefixed('emulator', emulator?.requestCounts() ?? {}),
    };
    const scope = {
        cluster: !!config.cluster,
        identityRead: !!cluster,
        networkRead: !!network && !('timedOut' in network),
        offline: false,
    };
    deps.mark?.('report');
    const combined = combinePullPaths(findings, paths, inventory.uses, pathsTriedBy(credentialFacts, bindings));
    const facts = { paths, ...(network && !('timedOut' in network) ? { network } : {}) };
    return { ...finish(config, inventory, combined, checked, requests, ctx.now, scope), facts };
}
function finish(config, inventory, findings, images, requests, now, scope) {
    const { report, exitCode } = buildReport({
        mode: config.mode,
        ...(config.cluster ? { cluster: config.cluster } : {}),
        uses: inventory.uses,
        // Accepted-on-purpose entries are matched to the per-place findings, before the verdict groups them.
        findings: applySuppressions(findings, inventory.uses, config.ignore, now, config.mode === 'check'),
        images,
        failOn: config.failOn,
        unverified: config.unverified,
        ...(scope ? { scope } : {}),
    });
    return { report, exitCode, inventory, requests };
}
/** The credential audit: what the cluster and registries hold (facts/audit.ts), judged by the gate's rules. */
async function runAudit(ctx, opts) {
    const facts = await collectAuditFacts(ctx, opts);
    return checkAudit(facts, { now: ctx.now, expiryWarningDays: opts.expiryWarningDays });
}
async function audit(config, ctx, deps, emulator) {
    deps.phase?.('Auditing credentials');
    const result = await guard(runAudit(ctx, {
        clusterIds: config.cluster ? [config.cluster] : [],
        registryIds: config.registries,
        expiryWarningDays: config.expiryWarningDays,
    }), ctx.signal);
    const findings = 'timedOut' in result
        ? [timedOutFinding(PULL_SECRET_UNVERIFIABLE, 'the credential audit', config.timeoutMs)]
        : result.findings;
    deps.phase?.('Checking the running workloads');
    const { auditWorkloads } = await __webpack_require__.e(/* import() */ 515).then(__webpack_require__.bind(__webpack_require__, 83515));
    const running = await auditWorkloads(config, ctx, async (c, inventory) => {
        const r = await check(c, inventory, ctx, deps, emulator);
        return { findings: r.report.findings, requests: r.requests };
    });
    if (running)
        findings.push(...running.findings);
    const out = finish(config, EMPTY_INVENTORY, findings, { checked: new Map() }, running?.requests ?? {}, ctx.now);
    if (running)
        out.requests = { ...out.requests, 'kubernetes-workload-reads': running.kubernetesRequests };
    if (!('timedOut' in result)) {
        out.report.credentials = result.credentials;
        // The audit exists to fail weeks ahead: an expiring credential (a warning finding) fails it too, unless never.
        if (auditNeedsAttention(result) && config.failOn !== 'never') {
            out.exitCode = 1;
            out.report.ready = false;
        }
    }
    return out;
}
function prefixed(prefix, counts) {
    return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${prefix}.${k}`, v]));
}


/***/ }),

/***/ 89238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  h_: () => (/* binding */ FILE_NOTICES),
  Rs: () => (/* binding */ buildInventory),
  LN: () => (/* binding */ serviceAccountBindings)
});

// UNUSED EXPORTS: scanText

// EXTERNAL MODULE: ./src/settings/config.ts
var config = __webpack_require__(69551);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/lib/image-reference.ts
var image_reference = __webpack_require__(74538);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
;// CONCATENATED MODULE: ./src/inventory/files.ts
// Resolves the `manifests` input — files, directories (recursive), globs, and `-` for stdin — into the list of files
// to read. A path that does not exist or a glob that matches nothing is the user's mistake: ConfigurationError, exit 2.




const STDIN = '-';
const MANIFEST_EXT = /\.(ya?ml|json)$/i;
async function resolveManifestInputs(inputs, cwd) {
    if (inputs.length === 0)
        throw new config/* ConfigurationError */.j1('manifests is required: give one or more files, directories, globs, or - for stdin');
    const seen = new Set();
    const out = [];
    const add = (abs) => {
        if (seen.has(abs))
            return;
        seen.add(abs);
        out.push({ path: abs, display: displayPath(abs, cwd) });
    };
    for (const input of inputs) {
        if (input === STDIN) {
            if (!seen.has(STDIN))
                out.push({ path: STDIN, display: '<stdin>' });
            seen.add(STDIN);
            continue;
        }
        const abs = external_node_path_default().resolve(cwd, input);
        const st = await (0,promises_.stat)(abs).catch(() => undefined);
        if (st?.isDirectory()) {
            const files = await (0,dist/* glob */.TI)(['**/*.yaml', '**/*.yml', '**/*.json'], {
                cwd: abs,
                absolute: true,
                dot: false,
                followSymbolicLinks: false,
                ignore: ['**/node_modules/**', '**/.git/**'],
            });
            files.sort();
            if (files.length === 0)
                throw new config/* ConfigurationError */.j1(`manifests: directory "${input}" has no .yaml, .yml or .json files`);
            files.forEach(add);
        }
        else if (st?.isFile()) {
            add(abs);
        }
        else if ((0,dist/* isDynamicPattern */.ey)(input)) {
            const files = (await (0,dist/* glob */.TI)([input], { cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**'] })).sort();
            const matched = files.filter((f) => MANIFEST_EXT.test(f) || !input.endsWith('*'));
            if (matched.length === 0)
                throw new config/* ConfigurationError */.j1(`manifests: no file matches "${input}"`);
            matched.forEach(add);
        }
        else {
            throw new config/* ConfigurationError */.j1(`manifests: "${input}" does not exist`);
        }
    }
    return out;
}
function displayPath(abs, cwd) {
    const rel = external_node_path_default().relative(cwd, abs);
    return (rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel) ? rel : abs).split((external_node_path_default()).sep).join('/');
}

// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
;// CONCATENATED MODULE: ./src/inventory/yaml-located.ts
// What the two fast manifest readers (the hand scanner of yaml-scan.ts and the event reader of yaml-fast.ts) share:
// where an offset stands (line and column, as the full reader counts them), Helm's `# Source:` comment of a document,
// where a block collection's range ends, and how a plain scalar is typed.
const SOURCE_RE = /^\s*Source:\s*(\S.*?)\s*$/m;
const MARKER_RE = /^(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
/** Thrown where a fast reader's answer could differ from the full reader's: the caller lets another reader decide. */
class GiveUp extends Error {
}
/** Offsets of one text placed as lines and columns, and the document-level facts both fast readers compute alike. */
class Locator {
    text;
    /** Line of the offset posOf() placed last: offsets come mostly in order, so the next line is found from there. */
    line = 0;
    lineStarts = [0];
    constructor(text) {
        this.text = text;
        for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1))
            this.lineStarts.push(k + 1);
    }
    posOf(offset) {
        const starts = this.lineStarts;
        let line = this.line;
        // Forward from the last line placed, a few lines at most; anywhere else, a binary search.
        if (starts[line] <= offset) {
            for (let k = 0; k < 8; k++) {
                if (line + 1 >= starts.length || starts[line + 1] > offset) {
                    this.line = line;
                    return { line: line + 1, column: offset - starts[line] + 1 };
                }
                line++;
            }
        }
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        this.line = lo;
        return { line: lo + 1, column: offset - starts[lo] + 1 };
    }
    /** Helm's `# Source:` comment: the comments after the document's `---` (or, for the first document and after `...`,
     * every comment before its content), as the full reader's commentBefore holds them. */
    helmSource(gapStart, contentStart, blockRoot) {
        const gap = this.text.slice(gapStart, contentStart);
        MARKER_RE.lastIndex = 0;
        let lastDash = -1;
        let lastDots = -1;
        for (let m = MARKER_RE.exec(gap); m; m = MARKER_RE.exec(gap)) {
            if (m[1] === '---')
                lastDash = m.index;
            else
                lastDots = m.index;
        }
        if (lastDots > lastDash && lastDash !== -1)
            throw new GiveUp();
        // A `...` before the first document, or two in one gap, end documents the event parser does not report.
        if (lastDots !== -1 &&
            (gapStart === 0 || gap.indexOf('...', lastDots + 3) !== -1 || /^\.\.\./m.test(gap.slice(0, lastDots)))) {
            throw new GiveUp();
        }
        const from = lastDots !== -1 ? lastDots : lastDash === -1 || gapStart === 0 ? 0 : lastDash;
        let region = gap.slice(from);
        if (lastDash === -1 && blockRoot) {
            // Without a `---`, the full reader hangs the comments right above a block collection on its first node; only those
            // a blank line separates from the content belong to the document.
            const blank = /\n[ \t]*\r?\n(?![\s\S]*\n[ \t]*\r?\n)/.exec(region);
            region = blank ? region.slice(0, blank.index + 1) : '';
        }
        const comments = [];
        for (let k = region.indexOf('#'); k !== -1; k = region.indexOf('#', k + 1)) {
            const eol = region.indexOf('\n', k);
            comments.push(region.slice(k + 1, eol === -1 ? undefined : eol));
            if (eol === -1)
                break;
            k = eol;
        }
        return comments.length ? SOURCE_RE.exec(comments.join('\n'))?.[1] : undefined;
    }
    /** Offset after `indicator` (the `:` that follows a key) and the blanks after it: where the full reader puts an
     * empty value. */
    afterIndicator(from, indicator) {
        let k = from;
        while (k < this.text.length && (this.text[k] === ' ' || this.text[k] === '\t'))
            k++;
        if (this.text[k] !== indicator)
            throw new GiveUp();
        k++;
        while (k < this.text.length && (this.text[k] === ' ' || this.text[k] === '\t'))
            k++;
        return k;
    }
    /** A block collection ends after the newline that ends its last line (as the full reader's ranges do). */
    lineEnd(from) {
        const t = this.text;
        if (from > 0 && t[from - 1] === '\n')
            return from;
        let k = from;
        while (k < t.length && (t[k] === ' ' || t[k] === '\t'))
            k++;
        if (t[k] === '#')
            while (k < t.length && t[k] !== '\n')
                k++;
        if (t[k] === '\r')
            k++;
        return t[k] === '\n' ? k + 1 : k === t.length ? k : from;
    }
}
const MAYBE_TYPED = new Uint8Array(128);
for (const c of '~nNtTfF.+-0123456789')
    MAYBE_TYPED[c.charCodeAt(0)] = 1;
/** The YAML 1.2 core schema, in the order the full reader (`yaml`, schema core) tries its tags. */
function resolvePlain(s) {
    if (!s.length)
        return null;
    // Only a scalar that starts with one of `~ n N t T f F . + -` or a digit can be anything but a string: most plain
    // scalars of a manifest (names, images, labels) are told apart by their first character, without a regular expression.
    if (!MAYBE_TYPED[s.charCodeAt(0)])
        return s;
    if (/^(?:~|[Nn]ull|NULL)$/.test(s))
        return null;
    if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s))
        return s[0] === 't' || s[0] === 'T';
    if (/^0o[0-7]+$/.test(s))
        return parseInt(s.slice(2), 8);
    if (/^[-+]?[0-9]+$/.test(s))
        return parseInt(s, 10);
    if (/^0x[0-9a-fA-F]+$/.test(s))
        return parseInt(s.slice(2), 16);
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) {
        return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
    }
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s))
        return parseFloat(s);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
        return parseFloat(s);
    return s;
}

;// CONCATENATED MODULE: ./src/inventory/yaml-scan.ts
// The hand scanner: the first of the fast manifest readers. It reads the block YAML that `helm template`, `kustomize
// build` and `kubectl` write — block mappings and sequences (a sequence may sit at its key's indentation), one-line
// plain, quoted and flow scalars and collections, literal and folded block scalars, comments, `---` between documents
// — character by character into the located tree, with no event or token objects in between. On anything else
// (anchors, aliases, tags, directives, multi-line plain or quoted scalars, multi-line flow collections, tabs, carriage
// returns, escapes it does not know, duplicate or complex keys, empty items or values it would have to place, empty
// documents, budgets) it gives up on the piece, and the event reader of yaml-fast.ts reads that piece instead. The
// differential tests hold it, alone, to the full reader on every fixture and on generated input.

const SP = 0x20;
const NL = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const SQ = 0x27;
const DQ = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const PIPE = 0x7c;
const GT = 0x3e;
const PLUS = 0x2b;
/** Characters a plain scalar may not start with (YAML 1.2 c-indicator; `-`, `?` and `:` only before a blank). */
const INDICATOR = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`')
    INDICATOR[c.charCodeAt(0)] = 1;
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = new Uint8Array(128);
for (const c of ',[]{}')
    FLOW_END[c.charCodeAt(0)] = 1;
/** Double-quoted escapes (YAML 1.2 §5.7) but the escaped line break and tab: their values. */
const ESCAPES = {
    '0': '\0',
    a: '\x07',
    b: '\b',
    t: '\t',
    n: '\n',
    v: '\v',
    f: '\f',
    r: '\r',
    e: '\x1b',
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    N: '\u0085',
    _: '\u00a0',
    L: '\u2028',
    P: '\u2029',
};
/** Hexadecimal escapes: the digits after `x`, `u` and `U`. */
const HEX_DIGITS = { x: 2, u: 4, U: 8 };
/** Implicit keys are limited to 1024 characters (YAML 1.2 §7.4.2). */
const MAX_KEY = 1000;
/** Where `c` next stands in `t` at or after `from`, or t.length. */
function next(t, c, from) {
    const k = t.indexOf(c, from);
    return k === -1 ? t.length : k;
}
class BlockScanner {
    loc;
    limits;
    t;
    /** The cursor: at the start of a line between nodes. */
    p = 0;
    /** End of the piece being read. */
    to = 0;
    nodes = 0;
    /** Where the node or key read last ends. */
    end = 0;
    /** The `:` after the key read last. */
    colon = 0;
    /** The next content line, as peek() found it: its start, indentation and first character (-1 at the piece's end). */
    ls = 0;
    ind = 0;
    cs = -1;
    /** Whether that line is a document marker (`---` or `...` at column 0). */
    marker = false;
    /** Next tab and carriage return in the text (its length when there is none): a piece holding one goes to the event
     * reader. */
    nextTab = -1;
    nextCr = -1;
    constructor(loc, limits) {
        this.loc = loc;
        this.limits = limits;
        this.t = loc.text;
    }
    /** The documents of text[from, to), numbered from `index`, and where the last one ends. Throws GiveUp. */
    piece(from, to, prevEnd, index) {
        const t = this.t;
        // Found once and then from where the last one stood, not searched again for every piece.
        if (this.nextTab < from)
            this.nextTab = next(t, '\t', from);
        if (this.nextCr < from)
            this.nextCr = next(t, '\r', from);
        if (this.nextTab < to || this.nextCr < to)
            throw new GiveUp();
        this.p = from;
        this.to = to;
        const docs = [];
        let end = prevEnd;
        for (;;) {
            this.peek();
            if (this.cs === -1)
                break;
            if (this.marker) {
                // `---` alone on its line (anything after it, or a `...`, is for the event reader), then a document.
                if (t.charCodeAt(this.cs) !== DASH)
                    throw new GiveUp();
                const eol = this.eol(this.cs);
                for (let k = this.cs + 3; k < eol; k++)
                    if (t.charCodeAt(k) !== SP)
                        throw new GiveUp();
                const marker = this.cs;
                this.p = eol < to ? eol + 1 : to;
                this.peek();
                if (this.cs === -1 || this.marker) {
                    // An empty document: the full reader places it right after its `---`.
                    let at = marker + 3;
                    while (t.charCodeAt(at) === SP)
                        at++;
                    const helm = this.loc.helmSource(end, at, false);
                    docs.push({
                        index: index + docs.length,
                        root: undefined,
                        pos: this.loc.posOf(at),
                        source: t,
                        ...(helm ? { helmSource: helm } : {}),
                    });
                    end = at;
                    continue;
                }
            }
            const start = this.cs;
            this.nodes = 0;
            // A flow collection on one line (`{}`), or a block collection.
            const c = t.charCodeAt(start);
            const flow = c === LBRACKET || c === LBRACE;
            const root = flow ? this.inline(start, this.ind, 0) : this.block(this.ind, 0);
            this.peek();
            if (this.cs !== -1 && !this.marker)
                throw new GiveUp();
            const helm = this.loc.helmSource(end, start, !flow);
            docs.push({ index: index + docs.length, root, pos: root.pos, source: t, ...(helm ? { helmSource: helm } : {}) });
            end = this.end;
        }
        return { docs, end };
    }
    /** Moves the cursor over blank and comment lines to the next content line, and describes it. */
    peek() {
        const t = this.t;
        const to = this.to;
        let q = this.p;
        for (;;) {
            let k = q;
            while (k < to && t.charCodeAt(k) === SP)
                k++;
            if (k >= to) {
                this.p = to;
                this.cs = -1;
                return;
            }
            const c = t.charCodeAt(k);
            if (c === NL) {
                q = k + 1;
                continue;
            }
            if (c === HASH) {
                const e = t.indexOf('\n', k);
                if (e === -1 || e >= to) {
                    this.p = to;
                    this.cs = -1;
                    return;
                }
                q = e + 1;
                continue;
            }
            this.p = q;
            this.ls = q;
            this.ind = k - q;
            this.cs = k;
            this.marker =
                k === q &&
                    (c === DASH || c === DOT) &&
                    t.charCodeAt(k + 1) === c &&
                    t.charCodeAt(k + 2) === c &&
                    (k + 3 >= t.length || t.charCodeAt(k + 3) === SP || t.charCodeAt(k + 3) === NL);
            return;
        }
    }
    /** End of the line that holds `k`: its newline, or the end of the piece. */
    eol(k) {
        const e = this.t.indexOf('\n', k);
        return e === -1 || e > this.to ? this.to : e;
    }
    /** Past the line that holds `k`. */
    nextLine(k) {
        const e = this.eol(k);
        return e < this.to ? e + 1 : this.to;
    }
    count(depth) {
        if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth)
            throw new GiveUp();
    }
    seqStart(k) {
        const t = this.t;
        if (t.charCodeAt(k) !== DASH)
            return false;
        const c = t.charCodeAt(k + 1);
        return c === SP || c === NL || k + 1 >= this.to;
    }
    /** The block collection whose first line peek() found, at indentation `col`. */
    block(col, depth) {
        return this.seqStart(this.cs) ? this.seq(col, depth, this.cs) : this.map(col, depth, this.cs);
    }
    map(col, depth, first) {
        this.count(depth);
        const pos = this.loc.posOf(first);
        const entries = new Map();
        let k = first;
        let last;
        for (;;) {
            const key = this.key(k);
            if (key === undefined || entries.has(key))
                throw new GiveUp();
            const keyEnd = this.end;
            const q = this.onLine(this.colon + 1);
            let value;
            if (q === -1) {
                if (this.cs !== -1 && !this.marker && this.ind > col) {
                    value = this.block(this.ind, depth + 1);
                }
                else if (this.cs !== -1 && !this.marker && this.ind === col && this.seqStart(this.cs)) {
                    value = this.seq(col, depth + 1, this.cs);
                }
                else {
                    this.count(depth + 1);
                    const at = this.loc.afterIndicator(keyEnd, ':');
                    value = { t: 'scalar', value: null, pos: this.loc.posOf(at) };
                    this.end = at;
                }
            }
            else {
                value = this.inline(q, col, depth + 1);
            }
            entries.set(key, value);
            last = Math.max(this.end, keyEnd);
            this.peek();
            if (this.cs === -1 || this.marker || this.ind < col)
                break;
            if (this.ind > col || this.seqStart(this.cs))
                throw new GiveUp();
            k = this.cs;
        }
        const end = this.loc.lineEnd(last);
        this.end = end;
        return { t: 'map', entries, pos, range: [first, end] };
    }
    seq(col, depth, first) {
        this.count(depth);
        const pos = this.loc.posOf(first);
        const items = [];
        let d = first;
        let last;
        for (;;) {
            const q = this.onLine(d + 1);
            let item;
            if (q === -1) {
                // An empty item: the event reader gives up on it as well.
                if (this.cs === -1 || this.marker || this.ind <= col)
                    throw new GiveUp();
                item = this.block(this.ind, depth + 1);
            }
            else if (this.seqStart(q)) {
                item = this.seq(col + (q - d), depth + 1, q);
            }
            else if (this.key(q) !== undefined) {
                item = this.map(col + (q - d), depth + 1, q);
            }
            else {
                item = this.inline(q, col, depth + 1);
            }
            items.push(item);
            last = this.end;
            this.peek();
            if (this.cs === -1 || this.marker || this.ind < col)
                break;
            if (this.ind > col)
                throw new GiveUp();
            // A key at the dashes' column: the sequence under a key ends, the mapping goes on.
            if (!this.seqStart(this.cs))
                break;
            d = this.cs;
        }
        const end = this.loc.lineEnd(last);
        this.end = end;
        return { t: 'seq', items, pos, range: [first, end] };
    }
    /**
     * Past the blanks from `q` (after a key's `:` or an item's `-`): where the node starts on this line, or -1 when the
     * line holds nothing more but a comment, and the cursor has moved to the next content line (the node's, if any).
     */
    onLine(q) {
        const t = this.t;
        while (q < this.to && t.charCodeAt(q) === SP)
            q++;
        const c = t.charCodeAt(q);
        if (q < this.to && c !== NL && c !== HASH)
            return q;
        this.p = this.nextLine(q);
        this.peek();
        return -1;
    }
    /**
     * The key at `k` when the line goes on with `: ` (or ends with `:`): its text as the tree keys it, with this.end
     * after it and this.colon at the `:`. Undefined when the line is no implicit key.
     */
    key(k) {
        const t = this.t;
        const c = t.charCodeAt(k);
        if (c === SQ || c === DQ) {
            const raw = this.quoted(k);
            if (raw === undefined)
                return undefined;
            let q = this.end;
            while (q < this.to && t.charCodeAt(q) === SP)
                q++;
            if (t.charCodeAt(q) !== COLON || !this.blankAfter(q + 1))
                return undefined;
            this.colon = q;
            return raw;
        }
        if (c < 128 && INDICATOR[c] && !((c === DASH || c === 0x3f || c === COLON) && !this.blankAfter(k + 1))) {
            return undefined;
        }
        const eol = this.eol(k);
        for (let q = k + 1; q < eol; q++) {
            const x = t.charCodeAt(q);
            if (x === HASH && t.charCodeAt(q - 1) === SP)
                return undefined;
            if (x !== COLON || !this.blankAfter(q + 1))
                continue;
            let e = q;
            while (t.charCodeAt(e - 1) === SP)
                e--;
            if (e - k > MAX_KEY)
                return undefined;
            const raw = t.slice(k, e);
            if (raw === '<<')
                throw new GiveUp();
            const value = resolvePlain(raw);
            this.end = e;
            this.colon = q;
            return value === null ? '' : String(value);
        }
        return undefined;
    }
    /** Whether `k` is a blank, a line end or the piece's end: what makes a `:` an indicator in block context. */
    blankAfter(k) {
        const x = this.t.charCodeAt(k);
        return k >= this.to || x === SP || x === NL;
    }
    /**
     * A node that starts on the current line at `q` (after a key's `: ` or a `- `) in a collection at indentation `col`:
     * a one-line scalar or flow collection, or a block scalar. Leaves the cursor at the start of the next line.
     */
    inline(q, col, depth) {
        this.count(depth);
        const t = this.t;
        const c = t.charCodeAt(q);
        let node;
        if (c === SQ || c === DQ) {
            const pos = this.loc.posOf(q);
            const raw = this.quoted(q, col);
            if (raw === undefined)
                throw new GiveUp();
            node = { t: 'scalar', value: raw, pos };
        }
        else if (c === LBRACKET || c === LBRACE) {
            node = this.flow(q, depth);
        }
        else if (c === PIPE || c === GT) {
            return this.blockScalar(q, col);
        }
        else {
            if (c < 128 && INDICATOR[c] && !((c === DASH || c === 0x3f || c === COLON) && !this.blankAfter(q + 1))) {
                throw new GiveUp();
            }
            const eol = this.eol(q);
            let e = eol;
            for (let k = q + 1; k < eol; k++) {
                const x = t.charCodeAt(k);
                if (x === HASH && t.charCodeAt(k - 1) === SP) {
                    e = k;
                    break;
                }
                // `a: b: c` is no plain scalar (a mapping where none may start).
                if (x === COLON && this.blankAfter(k + 1))
                    throw new GiveUp();
            }
            const comment = e < eol;
            while (t.charCodeAt(e - 1) === SP)
                e--;
            const pos = this.loc.posOf(q);
            this.p = this.nextLine(q);
            // Lines indented past the collection go on with the scalar (a long description, as controller-gen and kubectl
            // wrap it); after a comment they cannot, and the caller gives up on them.
            const more = comment ? undefined : this.continuation(col);
            node = { t: 'scalar', value: more === undefined ? resolvePlain(t.slice(q, e)) : t.slice(q, e) + more, pos };
            if (more === undefined)
                this.end = e;
            return node;
        }
        // After a quoted scalar or a flow collection: blanks and a comment to the line's end, nothing else.
        const e = this.end;
        const eol = this.eol(e);
        let k = e;
        while (k < eol && t.charCodeAt(k) === SP)
            k++;
        if (k < eol && !(t.charCodeAt(k) === HASH && k > e))
            throw new GiveUp();
        this.end = e;
        this.p = eol < this.to ? eol + 1 : this.to;
        return node;
    }
    /**
     * The continuation lines of a plain scalar from the cursor on (lines indented past `col`), folded as YAML folds
     * them: a line break between two lines is a space, each empty line between them a line break. Undefined when there
     * is none; the cursor and this.end then stay. Gives up on a line a plain scalar could not go on with.
     */
    continuation(col) {
        const t = this.t;
        const to = this.to;
        let out;
        let ls = this.p;
        let blanks = 0;
        while (ls < to) {
            let k = ls;
            while (k < to && t.charCodeAt(k) === SP)
                k++;
            if (k >= to)
                break;
            const c = t.charCodeAt(k);
            if (c === NL) {
                blanks++;
                ls = k + 1;
                continue;
            }
            if (k - ls <= col)
                break;
            // A comment ends the scalar (and what is indented below it cannot follow); `- `, `? `, `: ` are for the
            // event reader to judge.
            if (c === HASH || ((c === DASH || c === 0x3f || c === COLON) && this.blankAfter(k + 1)))
                throw new GiveUp();
            const eol = this.eol(k);
            for (let x = k + 1; x < eol; x++) {
                const y = t.charCodeAt(x);
                if ((y === HASH && t.charCodeAt(x - 1) === SP) || (y === COLON && this.blankAfter(x + 1)))
                    throw new GiveUp();
            }
            let e = eol;
            while (t.charCodeAt(e - 1) === SP)
                e--;
            out = (out ?? '') + (blanks ? '\n'.repeat(blanks) : ' ') + t.slice(k, e);
            blanks = 0;
            this.end = e;
            ls = eol < to ? eol + 1 : to;
            this.p = ls;
        }
        return out;
    }
    /**
     * A quoted scalar at `k`: its value, with this.end after the closing quote. One line only for a key or inside a flow
     * collection (`col` -1); for a value in a block collection at indentation `col`, its lines may go on below, indented
     * past `col`, folded as YAML folds them. Undefined when it does not close (on its line), or holds an escape this
     * scanner does not read.
     */
    quoted(k, col = -1) {
        const t = this.t;
        const single = t.charCodeAt(k) === SQ;
        let out = '';
        let from = k + 1;
        let eol = this.eol(k);
        for (;;) {
            let line = '';
            /** How much of the line escapes wrote: blanks they wrote are content, not folded away. */
            let kept = 0;
            /** An escaped line break (`\` last on the line): the lines join with nothing between. */
            let joined = false;
            let q = from;
            for (; q < eol; q++) {
                const x = t.charCodeAt(q);
                if (single) {
                    if (x !== SQ)
                        continue;
                    if (t.charCodeAt(q + 1) !== SQ)
                        break;
                    line += t.slice(from, q + 1);
                    from = ++q + 1;
                }
                else if (x === DQ) {
                    break;
                }
                else if (x === BACKSLASH) {
                    if (q + 1 === eol && col >= 0) {
                        joined = true;
                        break;
                    }
                    const e = q + 1 < eol ? t[q + 1] : '';
                    let esc = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined;
                    let len = 1;
                    if (Object.hasOwn(HEX_DIGITS, e)) {
                        len += HEX_DIGITS[e];
                        const hex = t.slice(q + 2, q + 1 + len);
                        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === len - 1 ? parseInt(hex, 16) : -1;
                        esc = code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
                    }
                    if (esc === undefined)
                        return undefined;
                    line += t.slice(from, q) + esc;
                    kept = line.length;
                    q += len;
                    from = q + 1;
                }
            }
            line += t.slice(from, q);
            if (q < eol && !joined) {
                this.end = q + 1;
                return out + line;
            }
            if (col < 0 || eol >= this.to)
                return undefined;
            if (joined) {
                out += line;
            }
            else {
                // The line break and the blanks around it fold: a space, or a line break for each empty line between.
                let end = line.length;
                while (end > kept && line.charCodeAt(end - 1) === SP)
                    end--;
                out += line.slice(0, end);
            }
            let ls = eol + 1;
            let blanks = 0;
            let c = ls;
            for (;;) {
                while (c < this.to && t.charCodeAt(c) === SP)
                    c++;
                if (c >= this.to)
                    return undefined;
                if (t.charCodeAt(c) !== NL)
                    break;
                blanks++;
                ls = ++c;
            }
            if (c - ls <= col || (joined && blanks))
                return undefined;
            if (!joined)
                out += blanks ? '\n'.repeat(blanks) : ' ';
            from = c;
            eol = this.eol(c);
        }
    }
    /** A flow collection that opens and closes on one line, at `k`; this.end after its closing bracket. */
    flow(k, depth) {
        const t = this.t;
        const eol = this.eol(k);
        const pos = this.loc.posOf(k);
        const skip = (q) => {
            while (q < eol && t.charCodeAt(q) === SP)
                q++;
            return q;
        };
        if (t.charCodeAt(k) === LBRACKET) {
            const items = [];
            let q = skip(k + 1);
            if (t.charCodeAt(q) !== RBRACKET) {
                for (;;) {
                    items.push(this.flowNode(q, eol, depth + 1));
                    q = this.flowNext(eol, RBRACKET);
                    if (t.charCodeAt(q) === RBRACKET)
                        break;
                }
            }
            this.end = q + 1;
            return { t: 'seq', items, pos, range: [k, q + 1] };
        }
        const entries = new Map();
        let q = skip(k + 1);
        if (t.charCodeAt(q) !== RBRACE) {
            for (;;) {
                const keyNode = this.flowNode(q, eol, depth + 1, true);
                const quotedKey = t.charCodeAt(q) === SQ || t.charCodeAt(q) === DQ;
                if (keyNode.t !== 'scalar')
                    throw new GiveUp();
                if (!quotedKey && keyNode.value === '<<')
                    throw new GiveUp();
                const key = keyNode.value === null ? '' : String(keyNode.value);
                if (entries.has(key))
                    throw new GiveUp();
                this.nodes--; // keys are not nodes of the tree
                q = skip(this.end);
                if (t.charCodeAt(q) !== COLON || t.charCodeAt(q + 1) !== SP)
                    throw new GiveUp();
                q = skip(q + 1);
                entries.set(key, this.flowNode(q, eol, depth + 1));
                q = this.flowNext(eol, RBRACE);
                if (t.charCodeAt(q) === RBRACE)
                    break;
            }
        }
        this.end = q + 1;
        return { t: 'map', entries, pos, range: [k, q + 1] };
    }
    /**
     * After a flow collection's entry (ending at this.end): where its closing bracket `close` is, or where the next entry
     * starts after the comma. A trailing comma, or anything else, is for the event reader.
     */
    flowNext(eol, close) {
        const t = this.t;
        let q = this.end;
        while (q < eol && t.charCodeAt(q) === SP)
            q++;
        const x = t.charCodeAt(q);
        if (x === close)
            return q;
        if (x !== COMMA)
            throw new GiveUp();
        q++;
        while (q < eol && t.charCodeAt(q) === SP)
            q++;
        if (t.charCodeAt(q) === close)
            throw new GiveUp();
        return q;
    }
    /** A node inside a flow collection at `q`: a quoted or plain scalar, or a nested collection. */
    flowNode(q, eol, depth, isKey = false) {
        this.count(depth);
        const t = this.t;
        const c = t.charCodeAt(q);
        if (q >= eol)
            throw new GiveUp();
        if (c === SQ || c === DQ) {
            const raw = this.quoted(q);
            if (raw === undefined)
                throw new GiveUp();
            return { t: 'scalar', value: raw, pos: this.loc.posOf(q) };
        }
        if (c === LBRACKET || c === LBRACE) {
            if (isKey)
                throw new GiveUp();
            return this.flow(q, depth);
        }
        if (c < 128 && INDICATOR[c] && !((c === DASH || c === 0x3f || c === COLON) && !this.flowBlankAfter(q + 1, eol))) {
            throw new GiveUp();
        }
        let e = q + 1;
        for (; e < eol; e++) {
            const x = t.charCodeAt(e);
            if (x < 128 && FLOW_END[x])
                break;
            if (x === COLON && this.flowBlankAfter(e + 1, eol))
                break;
            if (x === HASH && t.charCodeAt(e - 1) === SP)
                throw new GiveUp();
        }
        while (t.charCodeAt(e - 1) === SP)
            e--;
        this.end = e;
        return { t: 'scalar', value: resolvePlain(t.slice(q, e)), pos: this.loc.posOf(q) };
    }
    /** Whether a `:` before `k` is an indicator inside a flow collection. */
    flowBlankAfter(k, eol) {
        const x = this.t.charCodeAt(k);
        return k >= eol || x === SP || (x < 128 && FLOW_END[x] === 1);
    }
    /**
     * A literal (`|`) or folded (`>`) block scalar whose header is at `q`, in a collection at indentation `col`. Placed
     * at its indicator, as the full reader places it. Gives up on an indentation indicator, on leading empty lines, on
     * lines of blanks past the content's indentation and (folded) on more-indented lines.
     */
    blockScalar(q, col) {
        const t = this.t;
        const to = this.to;
        const folded = t.charCodeAt(q) === GT;
        let h = q + 1;
        let chomp = 0; // -1 strip, 0 clip, 1 keep
        if (t.charCodeAt(h) === DASH) {
            chomp = -1;
            h++;
        }
        else if (t.charCodeAt(h) === PLUS) {
            chomp = 1;
            h++;
        }
        const headerEnd = this.eol(q);
        for (let k = h; k < headerEnd; k++) {
            const x = t.charCodeAt(k);
            if (x === HASH && k > h && t.charCodeAt(k - 1) === SP)
                break;
            if (x !== SP)
                throw new GiveUp();
        }
        if (headerEnd >= to)
            throw new GiveUp();
        let ls = headerEnd + 1;
        // Empty lines before the first content line are line breaks of the value; the first content line sets the
        // indentation (no empty line before it may have more blanks).
        let leading = 0;
        let widest = 0;
        let m;
        for (;;) {
            m = 0;
            while (ls + m < to && t.charCodeAt(ls + m) === SP)
                m++;
            if (ls + m >= to || t.charCodeAt(ls + m) !== NL)
                break;
            leading++;
            widest = Math.max(widest, m);
            ls += m + 1;
        }
        if (m <= col || ls + m >= to) {
            // No content: an empty value, placed on the header's line.
            if (widest > 0 || chomp === 1)
                throw new GiveUp();
            this.end = headerEnd;
            this.p = headerEnd + 1;
            return { t: 'scalar', value: '', pos: this.loc.posOf(q) };
        }
        if (widest > m)
            throw new GiveUp();
        let value = '\n'.repeat(leading);
        let lines = 0;
        let pending = 0;
        let lastEnd = ls;
        while (ls < to) {
            let k = ls;
            while (k < ls + m && t.charCodeAt(k) === SP)
                k++;
            const e = this.eol(ls);
            if (k < ls + m) {
                // Less indented: an empty line, or the end of the scalar.
                if (k === e) {
                    pending++;
                    ls = e < to ? e + 1 : to;
                    continue;
                }
                break;
            }
            if (k === e) {
                pending++;
            }
            else {
                const text = t.slice(k, e);
                if (t.charCodeAt(k) === SP) {
                    if (folded || text.trim() === '')
                        throw new GiveUp();
                }
                if (lines)
                    value += folded ? (pending ? '\n'.repeat(pending) : ' ') : '\n'.repeat(pending + 1);
                value += text;
                lines++;
                pending = 0;
                lastEnd = e;
            }
            if (e >= to)
                throw new GiveUp(); // the last line has no line break: chomping would differ
            ls = e + 1;
        }
        if (chomp === 0)
            value += '\n';
        else if (chomp === 1)
            value += '\n'.repeat(pending + 1);
        this.end = lastEnd;
        this.p = lastEnd + 1;
        return { t: 'scalar', value, pos: this.loc.posOf(q) };
    }
}

;// CONCATENATED MODULE: ./src/inventory/yaml-fast.ts
// The fast readers of rendered manifests. The text is read in pieces of ~64 KB that end at a `---` line; each piece
// goes first to the hand scanner of yaml-scan.ts (the block YAML that `helm template`, `kustomize build` and
// `kubectl` write, read character by character into the located tree), and where the scanner gives up, to the event
// reader here: js-yaml's event parser (offsets for every node, no document model) turned into the same tree. The
// event reader covers more (multi-line flow collections, tabs, carriage returns, any escape) and gives up — the whole
// text returns undefined — on anything where its answer could differ from the full reader's: anchors, aliases,
// merge keys, tags, directives, duplicate or complex keys, empty sequence items, budgets exceeded, or any parse error.
// The caller then reads the file with the full reader (the `yaml` Composer), so errors, positions and values stay
// exactly what they were; the differential tests hold each fast reader, alone and together, equal to the full reader
// on every fixture and on generated input.



/** A marker after a blank, anywhere: the cheap first test for an indented marker (a line-anchored search is slower). */
const INDENTED_MARKER_HINT = /[ \t](?:---|\.\.\.)(?=[ \t\r\n]|$)/;
/**
 * The text is given to the event parser in pieces of about this size, each ending where a line starts with `---` (a
 * document start, which no scalar or collection can span): the events of one piece at a time, not of the whole file
 * (a file of 100,000 documents is 1.5 million events), and an event parser per piece, not per document.
 */
const PIECE = 64 * 1024;
const DOCUMENT_START_RE = /^---(?=[ \t\r\n]|$)/gm;
/** Where the piece of `text` that starts at `from` ends: the first document start at or after from + size. */
function pieceEnd(text, from, size) {
    if (from + size >= text.length)
        return text.length;
    DOCUMENT_START_RE.lastIndex = from + Math.max(1, size);
    const m = DOCUMENT_START_RE.exec(text);
    return m ? m.index : text.length;
}
/** Located documents of `text`, or undefined when the full reader must decide. */
function yaml_fast_parseManifestFast(text, limits, pieceBytes = PIECE, readers = 'both') {
    const out = [];
    return readManifestFast(text, limits, (doc) => out.push(doc), pieceBytes, readers) ? out : undefined;
}
/**
 * Hands each located document of `text` to `visit` as soon as it is read, so no more than one document's tree need
 * be alive at a time. Returns false when the full reader must decide: the documents visited until then must be
 * forgotten (the full reader may place or read them differently, or refuse the file).
 */
function readManifestFast(text, limits, visit, pieceBytes = PIECE, readers = 'both') {
    // Byte-order marks: the two readers place what follows one differently.
    if (text.includes('\uFEFF'))
        return false;
    // A lone carriage return is a line break to js-yaml and not to the full reader: let the full reader judge the file.
    if (text.includes('\r') && /\r(?!\n)/.test(text))
        return false;
    // Byte-order marks inside the text, Unicode line separators and control characters: read differently, or refused.
    // eslint-disable-next-line no-control-regex -- the control characters are what this line looks for
    if (/[\u0085\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text))
        return false;
    // Tabs in indentation: the two readers draw the line between allowed and not in different places.
    if (text.includes('\t') && /^[ ]*\t/m.test(text))
        return false;
    // An indented `---` or `...`: a document marker to the event parser, plain text (or an error) to the full reader.
    if (INDENTED_MARKER_HINT.test(text) && /^[ \t]+(---|\.\.\.)(?=[ \t\r\n]|$)/m.test(text))
        return false;
    // A directive line (`%YAML 1.2`, `%TAG`, or any line that starts with `%`): it belongs to the document after the next
    // `---`, which the pieces end at, so a piece would hold the directive without its document (found by the token-soup
    // property test: `%:\r\n---`). Rendered manifests carry none; the full reader reads them.
    if (text.includes('%') && /^%/m.test(text))
        return false;
    // Content after a document end marker on its line: an error to the full reader, not to js-yaml.
    if (text.includes('...') && /^\.\.\.[ \t]+[^\s#]/m.test(text))
        return false;
    try {
        new EventReader(text, limits, pieceBytes, visit, readers).documents();
        return true;
    }
    catch (err) {
        if (err instanceof GiveUp || err instanceof RangeError)
            return false;
        throw err;
    }
}
const ESCAPED_BREAK_EMPTY = /\\\r?\n[ \t]*\r?\n/;
class EventReader {
    text;
    limits;
    pieceBytes;
    visit;
    readers;
    i = 0;
    /** Documents visited so far. */
    index = 0;
    events = [];
    /** The piece whose events are read, and where it starts in the text (event offsets are the piece's own). */
    piece = '';
    base = 0;
    nodes = 0;
    /** End of the key whose value is being read (where a block scalar's indicator can start). */
    keyEnd = 0;
    /** Where the node that node() or scalar() returned last starts and ends (kept here, not in an object per node). */
    start = 0;
    end = 0;
    loc;
    scanner;
    constructor(text, limits, pieceBytes, visit, readers) {
        this.text = text;
        this.limits = limits;
        this.pieceBytes = pieceBytes;
        this.visit = visit;
        this.readers = readers;
        this.loc = new Locator(text);
        this.scanner = readers === 'events' ? undefined : new BlockScanner(this.loc, limits);
    }
    documents() {
        let prevEnd = 0;
        for (let from = 0; from < this.text.length;) {
            const to = pieceEnd(this.text, from, this.pieceBytes);
            const scanned = this.scan(from, to, prevEnd);
            if (scanned !== undefined) {
                prevEnd = scanned;
                from = to;
                continue;
            }
            this.piece = this.text.slice(from, to);
            this.base = from;
            this.i = 0;
            try {
                this.events = (0,js_yaml/* parseEvents */.PH)(this.piece, { maxDepth: this.limits.maxDepth });
            }
            catch {
                throw new GiveUp();
            }
            // Nothing but markers: the full reader counts empty documents the event parser does not report.
            if (!this.events.length && /^(---|\.\.\.)/m.test(this.piece))
                throw new GiveUp();
            prevEnd = this.readPiece(prevEnd);
            from = to;
        }
        this.events = [];
    }
    /**
     * The hand scanner's documents of text[from, to), visited; returns where the last one ends, or undefined when the
     * event reader must read the piece (nothing of it has been visited then).
     */
    scan(from, to, prevEnd) {
        if (!this.scanner)
            return undefined;
        let read;
        try {
            read = this.scanner.piece(from, to, prevEnd, this.index);
        }
        catch (err) {
            if (!(err instanceof GiveUp || err instanceof RangeError))
                throw err;
            if (this.readers === 'scan')
                throw new GiveUp();
            return undefined;
        }
        this.index += read.docs.length;
        for (const doc of read.docs)
            this.visit(doc);
        return read.end;
    }
    /** Visits the documents of the current piece; returns where the last one ends. */
    readPiece(prevEnd) {
        while (this.i < this.events.length) {
            const doc = this.events[this.i++];
            if (doc.type !== js_yaml/* EVENT_ID */.hy.DOCUMENT || doc.directives.length)
                throw new GiveUp();
            this.nodes = 0;
            const first = this.events[this.i];
            if (!first)
                throw new GiveUp();
            let root;
            let start;
            let end;
            if (first.type === js_yaml/* EVENT_ID */.hy.SCALAR && first.valueStart === -1) {
                // An empty document: the full reader places it right after its `---` (and after any anchor or tag on it,
                // which this reader does not place: `--- &a`).
                if (first.anchorStart !== -1 || first.tagStart !== -1)
                    throw new GiveUp();
                this.i++;
                const marker = this.firstMarker(prevEnd, this.text.length, '---');
                if (marker === undefined)
                    throw new GiveUp();
                start = marker + 3;
                while (this.text[start] === ' ' || this.text[start] === '\t')
                    start++;
                end = start;
            }
            else if (first.type === js_yaml/* EVENT_ID */.hy.POP) {
                throw new GiveUp();
            }
            else {
                root = this.node(0);
                start = this.start;
                end = this.end;
            }
            if (this.events[this.i++]?.type !== js_yaml/* EVENT_ID */.hy.POP)
                throw new GiveUp();
            // Anything but markers above a bare scalar document — a comment (which hangs on the scalar in the full reader), an
            // indented `---` (a marker to the event parser, scalar text to the full reader) — lets the full reader decide.
            if (root?.t === 'scalar' && /\S/.test(this.text.slice(prevEnd, start).replace(MARKER_RE, '')))
                throw new GiveUp();
            const blockRoot = root !== undefined && root.t !== 'scalar' && !'[{'.includes(this.text[start] ?? '');
            const helm = this.loc.helmSource(prevEnd, start, blockRoot);
            const empty = !root || (root.t === 'scalar' && root.value === null);
            this.visit({
                index: this.index++,
                root: empty ? undefined : root,
                pos: this.loc.posOf(start),
                source: this.text,
                ...(helm ? { helmSource: helm } : {}),
            });
            prevEnd = end;
        }
        return prevEnd;
    }
    firstMarker(from, to, marker) {
        const gap = this.text.slice(from, to);
        MARKER_RE.lastIndex = 0;
        let found;
        for (let m = MARKER_RE.exec(gap); m; m = MARKER_RE.exec(gap)) {
            if (m[1] === marker) {
                found = from + m.index;
                break;
            }
        }
        return found;
    }
    node(depth) {
        if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth)
            throw new GiveUp();
        const e = this.events[this.i++];
        if (!e)
            throw new GiveUp();
        if (e.type === js_yaml/* EVENT_ID */.hy.SCALAR)
            return this.scalar(e);
        if (e.type === js_yaml/* EVENT_ID */.hy.SEQUENCE) {
            if (e.anchorStart !== -1 || e.tagStart !== -1)
                throw new GiveUp();
            const start = e.start + this.base;
            // Placed before the items: offsets then come in order, and posOf finds each line from the one before.
            const pos = this.loc.posOf(start);
            const items = [];
            let end = start + 1;
            while (this.events[this.i]?.type !== js_yaml/* EVENT_ID */.hy.POP) {
                const next = this.events[this.i];
                if (!next)
                    throw new GiveUp();
                if (next.type === js_yaml/* EVENT_ID */.hy.SCALAR && next.valueStart === -1)
                    throw new GiveUp();
                items.push(this.node(depth + 1));
                end = this.end;
            }
            this.i++;
            end = e.style === js_yaml/* COLLECTION_STYLE */.Rl.FLOW ? this.closing(end, ']') : this.loc.lineEnd(end);
            this.start = start;
            this.end = end;
            return { t: 'seq', items, pos, range: [start, end] };
        }
        if (e.type === js_yaml/* EVENT_ID */.hy.MAPPING) {
            if (e.anchorStart !== -1 || e.tagStart !== -1)
                throw new GiveUp();
            const start = e.start + this.base;
            const pos = this.loc.posOf(start);
            const entries = new Map();
            let end = start + 1;
            while (this.events[this.i]?.type !== js_yaml/* EVENT_ID */.hy.POP) {
                const k = this.events[this.i++];
                if (!k || k.type !== js_yaml/* EVENT_ID */.hy.SCALAR || k.valueStart === -1)
                    throw new GiveUp();
                const keyNode = this.scalar(k);
                const keyEnd = this.end;
                const keyValue = keyNode.t === 'scalar' ? keyNode.value : null;
                if (k.style === js_yaml/* SCALAR_STYLE */.jK.PLAIN && keyValue === '<<')
                    throw new GiveUp();
                const key = keyValue === null ? '' : String(keyValue);
                if (entries.has(key))
                    throw new GiveUp();
                const v = this.events[this.i];
                if (!v)
                    throw new GiveUp();
                let value;
                let valueEnd;
                if (v.type === js_yaml/* EVENT_ID */.hy.SCALAR && v.valueStart === -1) {
                    if (e.style === js_yaml/* COLLECTION_STYLE */.Rl.FLOW || v.anchorStart !== -1 || v.tagStart !== -1)
                        throw new GiveUp();
                    this.i++;
                    if (++this.nodes > this.limits.maxNodes)
                        throw new GiveUp();
                    const at = this.loc.afterIndicator(keyEnd, ':');
                    value = { t: 'scalar', value: null, pos: this.loc.posOf(at) };
                    valueEnd = at;
                }
                else {
                    this.keyEnd = keyEnd;
                    value = this.node(depth + 1);
                    valueEnd = this.end;
                }
                entries.set(key, value);
                end = Math.max(valueEnd, keyEnd);
            }
            this.i++;
            end = e.style === js_yaml/* COLLECTION_STYLE */.Rl.FLOW ? this.closing(end, '}') : this.loc.lineEnd(end);
            this.start = start;
            this.end = end;
            return { t: 'map', entries, pos, range: [start, end] };
        }
        throw new GiveUp();
    }
    scalar(e) {
        if (e.type !== js_yaml/* EVENT_ID */.hy.SCALAR || e.anchorStart !== -1 || e.tagStart !== -1)
            throw new GiveUp();
        const raw = (0,js_yaml/* getScalarValue */.KE)(this.piece, e);
        const vs = e.valueStart + this.base;
        const ve = e.valueEnd + this.base;
        switch (e.style) {
            case js_yaml/* SCALAR_STYLE */.jK.PLAIN:
                this.start = vs;
                this.end = ve;
                return { t: 'scalar', value: resolvePlain(raw), pos: this.loc.posOf(vs) };
            case js_yaml/* SCALAR_STYLE */.jK.SINGLE_QUOTED:
            case js_yaml/* SCALAR_STYLE */.jK.DOUBLE_QUOTED: {
                const q = e.style === js_yaml/* SCALAR_STYLE */.jK.SINGLE_QUOTED ? "'" : '"';
                if (this.text[vs - 1] !== q)
                    throw new GiveUp();
                // An escaped line break before an empty line: js-yaml and the full reader fold it differently.
                if (q === '"' && ESCAPED_BREAK_EMPTY.test(this.text.slice(vs, ve)))
                    throw new GiveUp();
                this.start = vs - 1;
                this.end = ve + 1;
                return { t: 'scalar', value: raw, pos: this.loc.posOf(vs - 1) };
            }
            default: {
                // Block scalar: the full reader places it at its `|` or `>` indicator, on the line before the content.
                const at = this.blockIndicator(vs);
                this.start = at;
                this.end = ve;
                return { t: 'scalar', value: raw, pos: this.loc.posOf(at) };
            }
        }
    }
    blockIndicator(contentStart) {
        const headerEnd = this.text.lastIndexOf('\n', contentStart - 1);
        if (headerEnd === -1)
            throw new GiveUp();
        const lineStart = this.text.lastIndexOf('\n', headerEnd - 1) + 1;
        // The first `|` or `>` after the key (a quoted key may hold one) whose rest of the line is a block header.
        const from = Math.max(lineStart, this.keyEnd);
        const header = this.text.slice(from, headerEnd);
        const re = /[|>]/g;
        for (let m = re.exec(header); m; m = re.exec(header)) {
            const h = /^[|>]([-+0-9]*)[ \t]*(#.*)?\r?$/.exec(header.slice(m.index));
            if (!h)
                continue;
            // An explicit indentation indicator (`|2`, `>-1`): the two readers take the content differently.
            if (/[0-9]/.test(h[1]))
                throw new GiveUp();
            return from + m.index;
        }
        throw new GiveUp();
    }
    closing(from, bracket) {
        const k = this.text.indexOf(bracket, from);
        if (k === -1)
            throw new GiveUp();
        return k + 1;
    }
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/inventory/yaml-tree.ts
// Parses one manifest file into documents of located nodes: every map, sequence and scalar keeps the line and column
// where it stands, so a finding can point at the exact `image:` scalar. Aliases and merge keys (`<<`, as kubectl's
// YAML 1.1 parser honours them) are resolved here, under budgets that stop alias bombs and pathological nesting.


class ManifestSyntaxError extends Error {
    line;
    column;
    constructor(message, line, column) {
        super(message);
        this.line = line;
        this.column = column;
    }
}
const DEFAULT_PARSE_LIMITS = { maxAliases: 10_000, maxDepth: 500, maxNodes: 2_000_000 };
const yaml_tree_SOURCE_RE = /^\s*Source:\s*(\S.*?)\s*$/m;
/** Located documents of a manifest file: the fast event reader where it can answer exactly, the full reader otherwise. */
function parseManifestText(text, limits = DEFAULT_PARSE_LIMITS) {
    return parseManifestFast(text, limits) ?? parseManifestTextFull(text, limits);
}
/** The full reader (`yaml`'s Parser + Composer): every construct, every error message. */
function parseManifestTextFull(text, limits = DEFAULT_PARSE_LIMITS) {
    const lineCounter = new yaml_dist/* LineCounter */.HN();
    const posOf = (offset) => {
        const p = lineCounter.linePos(offset ?? 0);
        return { line: p.line, column: p.col };
    };
    const out = [];
    const take = (doc) => {
        const err = doc.errors[0];
        if (err) {
            const p = posOf(err.pos[0]);
            throw new ManifestSyntaxError(cleanYamlMessage(err.message), p.line, p.column);
        }
        const contents = doc.contents;
        const comment = [doc.commentBefore, contents?.commentBefore].filter(Boolean).join('\n');
        const helm = yaml_tree_SOURCE_RE.exec(comment)?.[1];
        const pos = posOf(contents?.range?.[0] ?? doc.range?.[0]);
        const root = contents ? new Converter(doc, posOf, limits).convert(contents, 0) : undefined;
        const empty = !root || (root.t === 'scalar' && root.value === null);
        out.push({
            index: out.length,
            root: empty ? undefined : root,
            pos,
            source: text,
            ...(helm ? { helmSource: helm } : {}),
        });
    };
    // Document by document (Parser + Composer, as parseAllDocuments does inside): each yaml Document is converted to
    // the compact located tree and dropped, so a file of 100k documents never holds 100k Documents at once.
    const parser = new yaml_dist/* Parser */.iX(lineCounter.addNewLine);
    const composer = new yaml_dist/* Composer */.Dk({ merge: true, uniqueKeys: true, prettyErrors: false });
    try {
        for (const token of parser.parse(text))
            for (const doc of composer.next(token))
                take(doc);
        for (const doc of composer.end())
            take(doc);
    }
    catch (err) {
        if (err instanceof ManifestSyntaxError)
            throw err;
        // The parser recurses on nesting; a stack overflow on hostile input is a syntax problem of the file, not a crash.
        throw new ManifestSyntaxError(`YAML could not be parsed: ${oneLine(err)}`, 1, 1);
    }
    return out;
}
class Converter {
    doc;
    posOf;
    limits;
    aliases = 0;
    nodes = 0;
    memo = new Map();
    /** Expanded size of each converted node: what a consumer walking through aliases would visit. */
    sizes = new WeakMap();
    inProgress = new Set();
    constructor(doc, posOf, limits) {
        this.doc = doc;
        this.posOf = posOf;
        this.limits = limits;
    }
    convert(node, depth) {
        if (++this.nodes > this.limits.maxNodes)
            this.fail(node, `more than ${this.limits.maxNodes} nodes in one document`);
        if (depth > this.limits.maxDepth)
            this.fail(node, `nesting deeper than ${this.limits.maxDepth} levels`);
        if ((0,yaml_dist/* isAlias */.Vj)(node)) {
            if (++this.aliases > this.limits.maxAliases) {
                this.fail(node, `more than ${this.limits.maxAliases} alias expansions (an alias bomb?)`);
            }
            const target = node.resolve(this.doc);
            if (!target)
                this.fail(node, `alias *${node.source} has no anchor`);
            if (this.inProgress.has(target))
                this.fail(node, `alias *${node.source} refers to itself`);
            // Memoized: an alias shares its anchor's tree, so expansions cost nothing but the budget above.
            const cached = this.memo.get(target);
            if (cached) {
                // Sharing keeps memory linear; counting the expanded size stops a billion-laughs document all the same.
                this.nodes += this.sizes.get(cached) ?? 1;
                if (this.nodes > this.limits.maxNodes) {
                    this.fail(node, `aliases expand to more than ${this.limits.maxNodes} nodes (an alias bomb?)`);
                }
                return cached;
            }
            return this.convert(target, depth + 1);
        }
        const n = node;
        this.inProgress.add(n);
        try {
            const before = this.nodes;
            const result = this.convertNode(n, depth);
            this.sizes.set(result, this.nodes - before + 1);
            this.memo.set(n, result);
            return result;
        }
        finally {
            this.inProgress.delete(n);
        }
    }
    convertNode(node, depth) {
        const pos = this.posOf(node.range?.[0]);
        if ((0,yaml_dist/* isScalar */.jn)(node)) {
            const v = node.value;
            const value = v === null || v === undefined
                ? null
                : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint'
                    ? v
                    : String(v);
            return { t: 'scalar', value, pos };
        }
        if ((0,yaml_dist/* isSeq */.oP)(node)) {
            return { t: 'seq', items: node.items.map((item) => this.convert(item, depth + 1)), pos, ...rangeOf(node) };
        }
        if ((0,yaml_dist/* isMap */.jh)(node)) {
            const entries = new Map();
            const merged = [];
            for (const pair of node.items) {
                const keyNode = pair.key;
                const rawKey = (0,yaml_dist/* isScalar */.jn)(keyNode) ? keyNode.value : keyNode;
                // Only a plain `<<` is a merge key (the parser gives it as a symbol); a quoted "<<" is an ordinary key, as in go-yaml.
                if (typeof rawKey === 'symbol') {
                    const v = this.convert(pair.value, depth + 1);
                    if (v.t === 'seq')
                        merged.push(...v.items);
                    else
                        merged.push(v);
                    continue;
                }
                const key = rawKey === null || rawKey === undefined ? '' : typeof rawKey === 'object' ? '[complex key]' : String(rawKey);
                entries.set(key, pair.value === null || pair.value === undefined
                    ? { t: 'scalar', value: null, pos }
                    : this.convert(pair.value, depth + 1));
            }
            // Explicit keys win over merged ones; earlier merge sources win over later ones (YAML merge-key spec).
            for (const source of merged) {
                if (source.t !== 'map')
                    this.fail(node, 'merge key << must refer to a mapping');
                for (const [k, v] of source.entries)
                    if (!entries.has(k))
                        entries.set(k, v);
            }
            return { t: 'map', entries, pos, ...rangeOf(node) };
        }
        return { t: 'scalar', value: null, pos };
    }
    fail(node, why) {
        const p = this.posOf(node?.range?.[0]);
        throw new ManifestSyntaxError(why, p.line, p.column);
    }
}
function rangeOf(node) {
    return node.range ? { range: [node.range[0], node.range[1]] } : {};
}
function cleanYamlMessage(message) {
    return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}
function oneLine(err) {
    const m = err instanceof Error ? err.message : String(err);
    return m.split('\n')[0].slice(0, 300);
}
// Accessors used by the workload walker: small, total functions that never throw on odd shapes.
function get(node, key) {
    return node?.t === 'map' ? node.entries.get(key) : undefined;
}
function str(node) {
    if (node?.t !== 'scalar' || node.value === null)
        return undefined;
    return String(node.value);
}
function items(node) {
    return node?.t === 'seq' ? node.items : [];
}
/** Plain JavaScript value of a node (used for small objects such as Secret data). */
function plain(node, budget = { n: 100_000 }) {
    if (!node || --budget.n < 0)
        return undefined;
    if (node.t === 'scalar')
        return typeof node.value === 'bigint' ? node.value.toString() : node.value;
    if (node.t === 'seq')
        return node.items.map((i) => plain(i, budget));
    const o = {};
    for (const [k, v] of node.entries)
        o[k] = plain(v, budget);
    return o;
}

;// CONCATENATED MODULE: ./src/inventory/workloads.ts
// Finds every pod spec in a parsed document — of any kind, found generically — and turns each container's image into
// an ImageUse; also collects the Secrets and ServiceAccounts of the manifest set.
//
// A pod spec is the `spec` of a Pod, or the `spec` of any `template` map that holds containers (Deployment, Job, CronJob's
// jobTemplate, Argo Rollout, OpenShift DeploymentConfig, Knative Service, KEDA ScaledJob, PodTemplate, ...). Operators'
// own image fields (Prometheus.spec.image, Prometheus.spec.containers patches) are not pod specs and are left alone.

const FIELDS = ['containers', 'initContainers', 'ephemeralContainers'];
const MAX_VISITS = 2_000_000;
const OS_KEYS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];
const ARCH_KEYS = ['kubernetes.io/arch', 'beta.kubernetes.io/arch'];
const KNOWN_ARCHES = ['amd64', 'arm64', 'arm', '386', 'ppc64le', 's390x', 'riscv64'];
const KNOWN_OSES = ['linux', 'windows'];
function scanDocument(doc, file, defaultNamespace) {
    const scan = { uses: [], secrets: [], serviceAccounts: [], objects: 0 };
    if (!doc.root)
        return scan;
    const budget = { visits: 0 };
    scanObject(doc.root, { file, helmSource: doc.helmSource, defaultNamespace, budget, source: doc.source }, scan, 0);
    return scan;
}
function loc(ctx, node) {
    return {
        file: ctx.file,
        line: node.pos.line,
        column: node.pos.column,
        ...(ctx.helmSource ? { helmSource: ctx.helmSource } : {}),
    };
}
function scanObject(obj, ctx, scan, listDepth) {
    if (obj.t !== 'map')
        return;
    const kind = str(get(obj, 'kind')) ?? '';
    const apiVersion = str(get(obj, 'apiVersion'));
    if (kind || apiVersion)
        scan.objects++;
    // `kind: List` and every `*List` (DeploymentList, RoleList, ...) carry their objects in `items`.
    if (kind.endsWith('List') && get(obj, 'items')?.t === 'seq' && listDepth < 5) {
        for (const item of items(get(obj, 'items')))
            scanObject(item, ctx, scan, listDepth + 1);
        return;
    }
    if (kind === 'CustomResourceDefinition')
        return;
    const meta = get(obj, 'metadata');
    const name = str(get(meta, 'name')) ?? '';
    const namespace = str(get(meta, 'namespace')) || ctx.defaultNamespace;
    if (kind === 'Secret' && (apiVersion === 'v1' || apiVersion === undefined)) {
        scan.secrets.push(readSecret(obj, name, namespace, loc(ctx, obj)));
        return;
    }
    if (kind === 'ServiceAccount') {
        const acrClientId = str(get(get(meta, 'annotations'), 'kubernetes.azure.com/acr-client-id'))?.trim();
        scan.serviceAccounts.push({
            name,
            namespace,
            imagePullSecrets: secretNames(get(obj, 'imagePullSecrets')).map((s) => s.name),
            ...(acrClientId ? { acrClientId } : {}),
            location: loc(ctx, obj),
            origin: 'manifest',
        });
        return;
    }
    const workload = { kind, name, namespace, ...(apiVersion ? { apiVersion } : {}) };
    const ignore = str(get(get(meta, 'annotations'), 'aks-pull-gate.io/ignore'));
    if (ignore !== undefined)
        ctx = { ...ctx, ignoreAnnotation: ignore };
    if (kind === 'Pod') {
        const spec = get(obj, 'spec');
        if (spec)
            scanPodSpec(spec, ctx, scan, workload);
        return;
    }
    findTemplates(obj, ctx, scan, workload, 0);
}
function findTemplates(node, ctx, scan, workload, depth) {
    if (++ctx.budget.visits > MAX_VISITS) {
        throw new ManifestSyntaxError(`document expands to more than ${MAX_VISITS} nodes (an alias bomb?)`, node.pos.line, node.pos.column);
    }
    if (depth > 200)
        return;
    if (node.t === 'map') {
        for (const [key, value] of node.entries) {
            if (key === 'template' && value.t === 'map') {
                const spec = get(value, 'spec');
                if (spec && isPodSpec(spec)) {
                    scanPodSpec(spec, ctx, scan, workload);
                    continue;
                }
            }
            findTemplates(value, ctx, scan, workload, depth + 1);
        }
    }
    else if (node.t === 'seq') {
        for (const item of node.items)
            findTemplates(item, ctx, scan, workload, depth + 1);
    }
}
function isPodSpec(spec) {
    return spec.t === 'map' && FIELDS.some((f) => get(spec, f)?.t === 'seq');
}
function scanPodSpec(spec, ctx, scan, workload) {
    const serviceAccount = str(get(spec, 'serviceAccountName')) || str(get(spec, 'serviceAccount')) || 'default';
    const podPullSecrets = secretNames(get(spec, 'imagePullSecrets')).map((s) => ({
        name: s.name,
        location: loc(ctx, s.node),
    }));
    const constraints = podConstraints(spec);
    for (const field of FIELDS) {
        for (const c of items(get(spec, field))) {
            if (c.t !== 'map')
                continue;
            const imageNode = get(c, 'image');
            // A container with no image at all is not a pull (the API server would reject it); EXPECTED counts only images.
            if (!imageNode || (imageNode.t === 'scalar' && imageNode.value === null))
                continue;
            // An unquoted `image: {{ .Values.image }}` parses as a flow mapping: keep its source text, so the static rules
            // can say "unrendered template" instead of "empty image".
            const image = imageNode.t === 'scalar'
                ? String(imageNode.value)
                : imageNode.range
                    ? ctx.source.slice(imageNode.range[0], imageNode.range[1]).trim().slice(0, 1000)
                    : undefined;
            scan.uses.push({
                image,
                location: loc(ctx, imageNode),
                workload,
                container: str(get(c, 'name')) ?? '',
                field,
                namespace: workload.namespace,
                serviceAccount,
                podPullSecrets,
                constraints,
                ...(ctx.ignoreAnnotation !== undefined ? { ignoreAnnotation: ctx.ignoreAnnotation } : {}),
            });
        }
    }
}
function secretNames(node) {
    const out = [];
    for (const item of items(node)) {
        // `imagePullSecrets: [{name: x}]`; tolerate the common mistake `- x` by reading the scalar as the name.
        const nameNode = item.t === 'map' ? get(item, 'name') : item;
        const name = str(nameNode);
        if (name)
            out.push({ name, node: nameNode ?? item });
    }
    return out;
}
function readSecret(obj, name, namespace, location) {
    const data = {};
    const d = plain(get(obj, 'data'));
    if (d && typeof d === 'object')
        for (const [k, v] of Object.entries(d))
            if (v !== null && v !== undefined)
                data[k] = String(v);
    const sd = plain(get(obj, 'stringData'));
    if (sd && typeof sd === 'object') {
        for (const [k, v] of Object.entries(sd))
            if (v !== null && v !== undefined)
                data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    }
    const type = str(get(obj, 'type'));
    return { name, namespace, data, location, origin: 'manifest', ...(type ? { type } : {}) };
}
/** os/arch allowed by nodeSelector AND required node affinity (terms ORed, expressions ANDed). */
function podConstraints(spec) {
    const c = {};
    const ns = get(spec, 'nodeSelector');
    const os = intersect(undefined, OS_KEYS.map((k) => str(get(ns, k))).filter((v) => !!v));
    const arch = intersect(undefined, ARCH_KEYS.map((k) => str(get(ns, k))).filter((v) => !!v));
    const terms = items(get(get(get(get(spec, 'affinity'), 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution'), 'nodeSelectorTerms'));
    const affOs = termsAllow(terms, OS_KEYS, KNOWN_OSES);
    const affArch = termsAllow(terms, ARCH_KEYS, KNOWN_ARCHES);
    const finalOs = affOs ? intersect(os, affOs) : os;
    const finalArch = affArch ? intersect(arch, affArch) : arch;
    if (finalOs)
        c.os = finalOs;
    if (finalArch)
        c.arch = finalArch;
    return c;
}
function intersect(a, b) {
    if (!b.length && a === undefined)
        return undefined;
    if (a === undefined)
        return [...new Set(b)];
    return a.filter((x) => b.includes(x));
}
/** Union over terms of what each term allows; undefined when some term leaves the key free. */
function termsAllow(terms, keys, universe) {
    if (!terms.length)
        return undefined;
    const union = new Set();
    for (const term of terms) {
        let allowed;
        for (const expr of items(get(term, 'matchExpressions'))) {
            const key = str(get(expr, 'key'));
            if (!key || !keys.includes(key))
                continue;
            const op = str(get(expr, 'operator'));
            const values = items(get(expr, 'values'))
                .map(str)
                .filter((v) => !!v);
            let these;
            if (op === 'In')
                these = values;
            else if (op === 'NotIn')
                these = universe.filter((u) => !values.includes(u));
            else if (op === 'DoesNotExist')
                these = [];
            if (these)
                allowed = allowed ? allowed.filter((x) => these.includes(x)) : these;
        }
        if (allowed === undefined)
            return undefined;
        for (const a of allowed)
            union.add(a);
    }
    return [...union];
}

;// CONCATENATED MODULE: ./src/inventory/inventory.ts
// Builds the inventory: reads every manifest file (bounded), parses it, finds every image a pod will pull with its exact
// position, resolves pull secrets through ServiceAccounts as the admission controller does, and records what reading
// the files found (manifest-invalid, and the manifest-empty / no-workloads notices). It judges nothing: the static
// rules on the images (checks/static.ts) run in the gate over the Inventory.







async function buildInventory(opts) {
    const sources = await resolveManifestInputs(opts.manifests, opts.cwd);
    const findings = [];
    const raw = [];
    const secrets = [];
    const serviceAccounts = [];
    for (const source of sources) {
        const text = await readManifest(source, opts, findings);
        if (text === undefined)
            continue;
        opts.onText?.(text);
        const before = raw.length;
        scanText(text, source.display, opts.namespace, { raw, secrets, serviceAccounts, findings });
        if (opts.onImage)
            for (const r of raw.slice(before))
                if (r.image !== undefined)
                    opts.onImage(r.image);
        // Between files, what runs beside the reading (the sign-in, the early image checks) gets its answers in.
        await new Promise((resolve) => setImmediate(resolve));
    }
    // Pods repeat images and ServiceAccounts: each image text is parsed once, each ServiceAccount found by namespace
    // and name (the first of a name, as a search through the list would).
    const refs = new Map();
    const accounts = new Map();
    for (const sa of serviceAccounts) {
        let inNamespace = accounts.get(sa.namespace);
        if (!inNamespace)
            accounts.set(sa.namespace, (inNamespace = new Map()));
        if (!inNamespace.has(sa.name))
            inNamespace.set(sa.name, sa);
    }
    const uses = raw.map((r) => toImageUse(r, accounts, refs));
    const pullSecretRefs = raw.flatMap((r) => r.podPullSecrets.map((s) => ({ name: s.name, location: s.location, workload: r.workload })));
    return { files: sources.map((s) => s.display), uses, secrets, serviceAccounts, pullSecretRefs, findings };
}
function scanText(text, file, namespace, sink) {
    // The fast reader hands over one document at a time, so a document's tree is garbage once it is scanned (a file of
    // 100,000 documents never holds them all); where it gives up, what it scanned is dropped and the full reader reads.
    let scan = documentScanner(file, namespace);
    if (!readManifestFast(text, DEFAULT_PARSE_LIMITS, scan.visit)) {
        let docs;
        try {
            docs = parseManifestTextFull(text);
        }
        catch (err) {
            sink.findings.push(syntaxFinding(file, err, 1, 1));
            return;
        }
        scan = documentScanner(file, namespace);
        docs.forEach(scan.visit);
    }
    const scanned = scan.out;
    // By loops, not push(...list): a file of 100,000 pods would pass 100,000 arguments.
    for (const u of scanned.raw)
        sink.raw.push(u);
    for (const x of scanned.secrets)
        sink.secrets.push(x);
    for (const x of scanned.serviceAccounts)
        sink.serviceAccounts.push(x);
    for (const f of scanned.findings)
        sink.findings.push(f);
    if (scanned.nonEmpty === 0) {
        sink.findings.push(notice('manifest-empty', file, `${file} is empty: no Kubernetes objects to check`));
    }
    else if (scanned.objects === 0 && scanned.raw.length === 0) {
        sink.findings.push(notice('no-workloads', file, `${file} holds YAML but no Kubernetes objects (no apiVersion/kind)`));
    }
    else if (scanned.raw.length === 0) {
        sink.findings.push(notice('no-workloads', file, `${file} has no workloads: no pod spec with an image`));
    }
}
/** What the documents a reader visits hold, gathered as they come. */
function documentScanner(file, namespace) {
    const out = { raw: [], secrets: [], serviceAccounts: [], findings: [], objects: 0, nonEmpty: 0 };
    const visit = (doc) => {
        if (!doc.root)
            return;
        out.nonEmpty++;
        let scan;
        try {
            scan = scanDocument(doc, file, namespace);
        }
        catch (err) {
            out.findings.push(syntaxFinding(file, err, doc.pos.line, doc.pos.column));
            return;
        }
        out.objects += scan.objects;
        for (const u of scan.uses)
            out.raw.push(u);
        for (const x of scan.secrets)
            out.secrets.push(x);
        for (const x of scan.serviceAccounts)
            out.serviceAccounts.push(x);
        if (doc.root.t !== 'map' && doc.root.t !== 'seq') {
            out.findings.push(invalid(file, `${file}:${doc.pos.line}: document ${doc.index + 1} is a bare scalar, not a Kubernetes object`, doc.pos.line, doc.pos.column));
        }
    };
    return { out, visit };
}
/** manifest-invalid for what reading a file (or a document of it, at `line`:`column`) threw. */
function syntaxFinding(file, err, line, column) {
    const e = err instanceof ManifestSyntaxError ? err : new ManifestSyntaxError(oneLine(err), line, column);
    return invalid(file, `${file}:${e.line}:${e.column}: ${e.message}`, e.line, e.column);
}
async function readManifest(source, opts, findings) {
    let buf;
    if (source.path === STDIN) {
        buf = opts.readStdin ? await opts.readStdin() : Buffer.alloc(0);
        // GitHub's default shell has no pipefail: `helm template ... | aks-pull-gate check --manifests -` with a failed
        // helm hands the gate nothing, and "0 images, ready" would deploy. Nothing on stdin is a usage error.
        if (buf.toString('utf8').trim() === '') {
            throw new config/* ConfigurationError */.j1('no manifests on standard input: did the command before the pipe fail?');
        }
        if (buf.length > opts.maxFileBytes) {
            findings.push(invalid(source.display, `${source.display} is ${mb(buf.length)}, over the ${mb(opts.maxFileBytes)} limit per file`));
            return undefined;
        }
    }
    else {
        // A regular file (files.ts resolves nothing else) is read in one go, synchronously: asynchronously, its open, stat,
        // read and close are four trips through the thread pool, ~14 ms of waiting over the 40 files of the benchmark.
        // The file's size is checked before it is read: a 50 MB file costs nothing, not 50 MB plus a parse tree.
        const fd = (0,external_node_fs_.openSync)(source.path, 'r');
        try {
            const { size } = (0,external_node_fs_.fstatSync)(fd);
            if (size > opts.maxFileBytes) {
                findings.push(invalid(source.display, `${source.display} is ${mb(size)}, over the ${mb(opts.maxFileBytes)} limit per file`));
                return undefined;
            }
            buf = (0,external_node_fs_.readFileSync)(fd);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    if (buf.subarray(0, 8192).includes(0)) {
        findings.push(invalid(source.display, `${source.display} is a binary file (NUL bytes), not YAML or JSON`));
        return undefined;
    }
    try {
        let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        // YAML allows no C0 control characters but tab, LF and CR; kubectl refuses a file that has one anywhere.
        const control = CONTROL_CHAR.exec(text);
        if (control) {
            const line = lineAt(text, control.index);
            const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
            findings.push(invalid(source.display, `${source.display}:${line}: control character U+${code} is not allowed in YAML`, line));
            return undefined;
        }
        return text;
    }
    catch {
        const at = firstInvalidUtf8Line(buf);
        findings.push(invalid(source.display, `${source.display}:${at}: not valid UTF-8 text`, at));
        return undefined;
    }
}
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
function lineAt(text, index) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
function firstInvalidUtf8Line(buf) {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    let start = 0;
    for (let i = 0; i <= buf.length; i++) {
        if (i === buf.length || buf[i] === 0x0a) {
            try {
                decoder.decode(buf.subarray(start, i));
            }
            catch {
                return line;
            }
            line++;
            start = i + 1;
        }
    }
    return 1;
}
function mb(n) {
    return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
function invalid(file, message, line = 1, column = 1) {
    return {
        rule: 'manifest-invalid',
        severity: 'error',
        message,
        location: { file, line, column },
        remediation: `Fix ${file} at line ${line} so it parses (check it with: kubectl apply --dry-run=client -f ${file})`,
    };
}
/** The notices about a file itself (not about its images): the audit's synthesized stream leaves them out. */
const FILE_NOTICES = ['manifest-empty', 'no-workloads'];
function notice(rule, file, message) {
    return { rule, severity: 'notice', message, location: { file, line: 1, column: 1 } };
}
/**
 * The ServiceAccount admission controller copies the ServiceAccount's imagePullSecrets into a pod only when the pod has
 * none of its own, so the kubelet uses the pod's list if it is non-empty, else the ServiceAccount's.
 */
function toImageUse(r, serviceAccounts, refs) {
    const podPullSecrets = r.podPullSecrets.map((s) => s.name);
    const sa = serviceAccounts.get(r.namespace)?.get(r.serviceAccount);
    const pullSecrets = podPullSecrets.length > 0 ? [...new Set(podPullSecrets)] : [...new Set(sa?.imagePullSecrets ?? [])];
    let parsed;
    if (r.image !== undefined) {
        parsed = refs.get(r.image);
        if (!parsed)
            refs.set(r.image, (parsed = (0,image_reference/* parseImageReference */.o_)(r.image)));
    }
    return {
        image: r.image ?? '',
        ...(parsed?.ok ? { ref: parsed.ref } : {}),
        location: r.location,
        workload: r.workload,
        container: r.container,
        field: r.field,
        namespace: r.namespace,
        serviceAccount: r.serviceAccount,
        podPullSecrets,
        pullSecrets,
        constraints: r.constraints,
        ...(r.ignoreAnnotation !== undefined ? { ignoreAnnotation: r.ignoreAnnotation } : {}),
    };
}
/** `namespace/name` -> client id, for manifest ServiceAccounts with `kubernetes.azure.com/acr-client-id`. */
function serviceAccountBindings(inventory) {
    const out = {};
    for (const sa of inventory.serviceAccounts)
        if (sa.acrClientId)
            out[`${sa.namespace}/${sa.name}`] = sa.acrClientId;
    return out;
}


/***/ }),

/***/ 51863:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DO: () => (/* binding */ armIdKey),
/* harmony export */   Fj: () => (/* binding */ parseTypedArmId),
/* harmony export */   Tp: () => (/* binding */ resourceGroupOf),
/* harmony export */   XD: () => (/* binding */ subscriptionOf),
/* harmony export */   e1: () => (/* binding */ sameArmId),
/* harmony export */   fk: () => (/* binding */ parseArmId),
/* harmony export */   r2: () => (/* binding */ resourceNameOf),
/* harmony export */   tF: () => (/* binding */ armSegments)
/* harmony export */ });
// Azure Resource Manager ids: the one grammar every stage uses to read and compare them. ARM ids compare
// case-insensitively (AKS writes `/resourcegroups/`, the portal `/resourceGroups/`), names keep the case they were
// written with. Pure: imports nothing.
/** Lower-cased, slash-trimmed segments of an ARM id. */
function armSegments(id) {
    return id
        .trim()
        .toLowerCase()
        .split('/')
        .filter((s) => s !== '');
}
/** Case-insensitive comparison key of an ARM id (trimmed, no trailing slash, lower case). */
function armIdKey(id) {
    return id.trim().replace(/\/+$/, '').toLowerCase();
}
/** True when two ARM ids name the same resource (case-insensitive, ignoring trailing slashes). */
function sameArmId(a, b) {
    const x = armSegments(a);
    const y = armSegments(b);
    return x.length === y.length && x.every((s, i) => s === y[i]);
}
/** Subscription id of an ARM id, lower-cased, or undefined. */
function subscriptionOf(id) {
    const s = armSegments(id);
    return s[0] === 'subscriptions' && s[1] ? s[1] : undefined;
}
/** Resource group name of an ARM id (as written), or undefined. */
function resourceGroupOf(id) {
    const parts = id.split('/').filter((s) => s !== '');
    const i = parts.findIndex((p) => p.toLowerCase() === 'resourcegroups');
    return i >= 0 ? parts[i + 1] : undefined;
}
/** Last segment (resource name) of an ARM id. */
function resourceNameOf(id) {
    const parts = id.split('/').filter((s) => s !== '');
    return parts[parts.length - 1] ?? '';
}
/** Parses `/subscriptions/<s>/resourceGroups/<rg>/providers/<ns>/<type>/<name>[/...]`, case-insensitively. */
function parseArmId(id) {
    if (!id)
        return undefined;
    const m = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/(.+)$/i.exec(id.trim().replace(/\/+$/, ''));
    if (!m)
        return undefined;
    return { subscriptionId: m[1], resourceGroup: m[2], provider: m[3], segments: m[4].split('/') };
}
/**
 * Parses an id of exactly the given provider and type chain, e.g. `('Microsoft.ContainerRegistry', ['registries',
 * 'scopeMaps'])`; undefined for any other id.
 */
function parseTypedArmId(id, provider, types) {
    const p = parseArmId(id);
    if (!p || p.provider.toLowerCase() !== provider.toLowerCase())
        return undefined;
    if (p.segments.length !== types.length * 2)
        return undefined;
    const names = [];
    for (let i = 0; i < types.length; i++) {
        if (p.segments[2 * i].toLowerCase() !== types[i].toLowerCase() || !p.segments[2 * i + 1])
            return undefined;
        names.push(p.segments[2 * i + 1]);
    }
    return { subscriptionId: p.subscriptionId, resourceGroup: p.resourceGroup, names };
}


/***/ }),

/***/ 74538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NA: () => (/* binding */ looksUnrendered),
/* harmony export */   n0: () => (/* reexport safe */ _acr_host_js__WEBPACK_IMPORTED_MODULE_0__.n0),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony exports anchoredDomainRegexp, anchoredNameRegexp, referenceRegexp, anchoredIdentifierRegexp, anchoredTagRegexp, anchoredDigestRegexp, goDigestAnchoredRegexp, matchReference, matchAnchoredName, matchDomain, isIdentifier, REPOSITORY_NAME_TOTAL_LENGTH_MAX, DEFAULT_DIGEST_ALGORITHMS, validateDigest, referenceName, referenceString, parse, withName, parseNormalizedNamed, parseNamed, withTag, withDigest, tagNameOnly, parseDockerRef, parseAnyReference, familiarName, familiarString */
/* harmony import */ var _acr_host_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7076);
// Image references, exactly as github.com/distribution/reference (and go-digest v1.0.0) read them: the grammar's
// regexps, Parse, ParseNormalizedNamed, ParseDockerRef, ParseAnyReference, familiar names, and the project's
// normalized ImageReference (`nginx` -> `docker.io/library/nginx:latest`). Also the two string tests the static checks
// need next to it: is a host an ACR login server, and does a value still hold template residue.
//
// Why a port of the Go code instead of a looser parser: the kubelet/containerd decide with this very grammar whether
// an image string is pullable at all, so the gate must accept and reject exactly the same strings, and normalize them
// the same way (Docker Hub's `docker.io` / `library/` defaults) so `nginx` and `docker.io/library/nginx:latest` are one
// image. Every function here is pure and never throws, whatever the input (unicode, NUL, megabytes).
// --- The grammar, built from the same pieces as regexp.go so a diff against upstream stays readable. ---------------
// JS (without the `u` flag) and Go's RE2 agree on these classes: `\w` is ASCII [A-Za-z0-9_], `$` without `m` matches
// only at the very end, and both pick submatches leftmost-first. The RegExps are exported as the grammar's reference
// (and run against upstream's regexp tables), but the parser does NOT use them on input: V8 backtracks where RE2 does
// not, and although these patterns stay linear, V8 keeps one backtrack entry per `(?:separator alnum)*` iteration and
// throws "RangeError: Maximum call stack size exceeded" on a 4 MB `a-a-a-...` string. The scanners below
// (matchReference, matchAnchoredName, matchDomain) decide the same language with the same submatches in one pass and
// O(1) stack; a property test checks them against the RegExps.
const alphanumeric = '[a-z0-9]+';
// One period, one or two underscores, or any number of dashes between alphanumerics.
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPat = '[\\w][\\w.-]{0,127}';
// Go's [[:xdigit:]] is [0-9A-Fa-f].
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const identifier = '([a-f0-9]{64})';
// Bracketed IPv6 without zone identifiers (rfc6874) or IPv4-mapped forms, as upstream.
const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|${ipv6address})`;
const domainAndPort = `${host}${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
/** `^domain[:port]$` (upstream DomainRegexp, anchored as its tests use it). */
const anchoredDomainRegexp = new RegExp(`^${domainAndPort}$`);
/** `^(?:(domain)/)?(remote-name)$`: captures [domain, path] (upstream anchoredNameRegexp). */
const anchoredNameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
/** The whole reference: captures [name, tag, digest] (upstream ReferenceRegexp). */
const referenceRegexp = new RegExp(`^(${namePat})(?::(${tagPat}))?(?:@(${digestPat}))?$`);
/** A bare 64-hex image ID (upstream anchoredIdentifierRegexp). */
const anchoredIdentifierRegexp = new RegExp(`^${identifier}$`);
const anchoredTagRegexp = new RegExp(`^${tagPat}$`);
const anchoredDigestRegexp = new RegExp(`^${digestPat}$`);
/** go-digest's DigestRegexpAnchored: the looser shape it accepts for algorithms it does not know. */
const goDigestAnchoredRegexp = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
// --- Linear scanners equivalent to the RegExps above ---------------------------------------------------------------
// Each grammar piece has a character set that excludes the delimiter after it (a domain has no `/`, a name no `:` or
// `@`, a tag no `@`), so leftmost-first matching never has a real choice to make except "is the first `/`-element a
// domain?", which the regexp tries first (greedy `?`) and falls back from. The scanners make that same choice.
const isLowerAlnum = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isAlnum = (c) => isLowerAlnum(c) || (c >= 0x41 && c <= 0x5a);
const isHex = (c) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const isWord = (c) => isAlnum(c) || c === 0x5f; // [A-Za-z0-9_]
const isLetter = (c) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const DOT = 0x2e;
const DASH = 0x2d;
const UNDERSCORE = 0x5f;
const SLASH = 0x2f;
const COLON = 0x3a;
const AT = 0x40;
/** `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/ same)*` over s[from, to). */
function isRemoteName(s, from, to) {
    if (from >= to)
        return false;
    let i = from;
    for (;;) {
        // One path component: alnum runs joined by exactly one separator.
        if (i >= to || !isLowerAlnum(s.charCodeAt(i)))
            return false;
        while (i < to && isLowerAlnum(s.charCodeAt(i)))
            i++;
        if (i === to)
            return true;
        const c = s.charCodeAt(i);
        if (c === SLASH) {
            i++;
            continue;
        }
        if (c === DOT) {
            i++;
        }
        else if (c === UNDERSCORE) {
            i += i + 1 < to && s.charCodeAt(i + 1) === UNDERSCORE ? 2 : 1;
        }
        else if (c === DASH) {
            while (i < to && s.charCodeAt(i) === DASH)
                i++;
        }
        else {
            return false;
        }
        // A separator must be followed by an alphanumeric (checked at the loop top, without a `/` in between).
        if (i >= to || !isLowerAlnum(s.charCodeAt(i)))
            return false;
    }
}
/** `domain-component(\.domain-component)*` over s[from, to): labels start and end alphanumeric, `-` inside. */
function isDomainName(s, from, to) {
    let labelStart = from;
    for (let i = from; i <= to; i++) {
        if (i < to && s.charCodeAt(i) !== DOT) {
            const c = s.charCodeAt(i);
            if (!isAlnum(c) && c !== DASH)
                return false;
            continue;
        }
        if (i === labelStart)
            return false; // empty label
        if (s.charCodeAt(labelStart) === DASH || s.charCodeAt(i - 1) === DASH)
            return false;
        labelStart = i + 1;
    }
    return true;
}
/** `host(:port)?` over s[from, to), host a domain name or a bracketed IPv6 literal (upstream DomainRegexp). */
function isDomainAndPort(s, from, to) {
    if (from >= to)
        return false;
    let hostEnd;
    if (s.charCodeAt(from) === 0x5b) {
        // `\[[a-fA-F0-9:]+\]`
        let i = from + 1;
        while (i < to && (isHex(s.charCodeAt(i)) || s.charCodeAt(i) === COLON))
            i++;
        if (i === from + 1 || i >= to || s.charCodeAt(i) !== 0x5d)
            return false;
        hostEnd = i + 1;
    }
    else {
        hostEnd = from;
        while (hostEnd < to && s.charCodeAt(hostEnd) !== COLON)
            hostEnd++;
        if (!isDomainName(s, from, hostEnd))
            return false;
    }
    if (hostEnd === to)
        return true;
    if (s.charCodeAt(hostEnd) !== COLON || hostEnd + 1 === to)
        return false;
    for (let i = hostEnd + 1; i < to; i++)
        if (!isDigit(s.charCodeAt(i)))
            return false;
    return true;
}
/** Upstream digestPat over s[from, to): `alg(sep alg)*:hex{32,}`, alg = `[A-Za-z][A-Za-z0-9]*`, sep = `[-_+.]`. */
function isReferenceDigest(s, from, to) {
    let i = from;
    for (;;) {
        if (i >= to || !isLetter(s.charCodeAt(i)))
            return false;
        while (i < to && isAlnum(s.charCodeAt(i)))
            i++;
        if (i >= to)
            return false;
        const c = s.charCodeAt(i);
        if (c === COLON)
            break;
        if (c !== DASH && c !== UNDERSCORE && c !== 0x2b && c !== DOT)
            return false;
        i++;
    }
    i++;
    if (to - i < 32)
        return false;
    for (; i < to; i++)
        if (!isHex(s.charCodeAt(i)))
            return false;
    return true;
}
/** go-digest DigestRegexpAnchored: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+`. */
function isGoDigestShape(s) {
    let i = 0;
    for (;;) {
        if (i >= s.length || !isLowerAlnum(s.charCodeAt(i)))
            return false;
        while (i < s.length && isLowerAlnum(s.charCodeAt(i)))
            i++;
        if (i >= s.length)
            return false;
        const c = s.charCodeAt(i);
        if (c === COLON)
            break;
        if (c !== DOT && c !== 0x2b && c !== UNDERSCORE && c !== DASH)
            return false;
        i++;
    }
    i++;
    if (i >= s.length)
        return false;
    for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (!isAlnum(c) && c !== 0x3d && c !== UNDERSCORE && c !== DASH)
            return false;
    }
    return true;
}
/** Submatches of referenceRegexp: [name, tag, digest], '' for an absent part (as Go reports them); null if no match. */
function matchReference(s) {
    const slash = s.indexOf('/');
    if (slash > 0 && isDomainAndPort(s, 0, slash)) {
        const rest = matchAfterDomain(s, slash + 1);
        if (rest)
            return rest;
    }
    return matchAfterDomain(s, 0);
}
/** `remote-name (:tag)? (@digest)? $` from `start`; the returned name includes s[0, start). */
function matchAfterDomain(s, start) {
    let end = start;
    // The name's characters exclude `:` and `@`, so it can only end where they (or the input) begin.
    for (; end < s.length; end++) {
        const c = s.charCodeAt(end);
        if (!isLowerAlnum(c) && c !== DOT && c !== UNDERSCORE && c !== DASH && c !== SLASH)
            break;
    }
    if (!isRemoteName(s, start, end))
        return null;
    let i = end;
    let tag = '';
    if (i < s.length && s.charCodeAt(i) === COLON) {
        let j = i + 1;
        while (j < s.length && (isWord(s.charCodeAt(j)) || s.charCodeAt(j) === DOT || s.charCodeAt(j) === DASH))
            j++;
        // `[\w][\w.-]{0,127}`: 1..128 characters, the first a word character.
        if (j === i + 1 || j - (i + 1) > 128 || !isWord(s.charCodeAt(i + 1)))
            return null;
        tag = s.slice(i + 1, j);
        i = j;
    }
    let digest = '';
    if (i < s.length && s.charCodeAt(i) === AT) {
        if (!isReferenceDigest(s, i + 1, s.length))
            return null;
        digest = s.slice(i + 1);
        i = s.length;
    }
    return i === s.length ? [s.slice(0, end), tag, digest] : null;
}
/** Submatches of anchoredNameRegexp: [domain, path], domain '' when absent; null if no match. */
function matchAnchoredName(s) {
    const slash = s.indexOf('/');
    if (slash > 0 && isDomainAndPort(s, 0, slash) && isRemoteName(s, slash + 1, s.length)) {
        return [s.slice(0, slash), s.slice(slash + 1)];
    }
    return isRemoteName(s, 0, s.length) ? ['', s] : null;
}
/** Whole-string match of anchoredDomainRegexp. */
function matchDomain(s) {
    return isDomainAndPort(s, 0, s.length);
}
/** Whole-string match of anchoredIdentifierRegexp (a 64-hex image ID). */
function isIdentifier(s) {
    if (s.length !== 64)
        return false;
    for (let i = 0; i < 64; i++) {
        const c = s.charCodeAt(i);
        if (!isDigit(c) && !(c >= 0x61 && c <= 0x66))
            return false;
    }
    return true;
}
/** Upstream RepositoryNameTotalLengthMax: applies to the path (the name without the domain). */
const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255;
const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
// The messages are Go's own texts (go-digest's prefixed with "invalid digest: " so a reader knows which part is wrong).
// They never quote the input: it may be a megabyte long, and the caller already shows it.
const MESSAGES = {
    ErrReferenceInvalidFormat: 'invalid reference format',
    ErrTagInvalidFormat: 'invalid tag format',
    ErrDigestInvalidFormat: 'invalid digest format',
    ErrNameContainsUppercase: 'repository name must be lowercase',
    ErrNameEmpty: 'repository name must have at least one component',
    ErrNameTooLong: `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters`,
    ErrNameNotCanonical: 'repository name must be canonical',
    ErrNameIsIdentifier: 'invalid repository name, cannot specify 64-byte hexadecimal strings (that is an image ID)',
    'digest.ErrDigestInvalidFormat': 'invalid digest: invalid checksum digest format',
    'digest.ErrDigestInvalidLength': 'invalid digest: invalid checksum digest length',
    'digest.ErrDigestUnsupported': 'invalid digest: unsupported digest algorithm',
};
function fail(code) {
    return { ok: false, code, error: MESSAGES[code] };
}
// --- Digests (go-digest v1.0.0 Digest.Validate) ---------------------------------------------------------------------
/** Hex length of each algorithm go-digest knows. */
const DIGEST_HEX_LENGTH = { sha256: 64, sha384: 96, sha512: 128 };
/**
 * Digest algorithms treated as available. go-digest accepts only algorithms whose hash the binary registered
 * (`import _ "crypto/sha256"`); docker, containerd and the registry register all three, upstream's own test binary
 * only sha256 (which is why its vectors call sha512 unsupported).
 */
const DEFAULT_DIGEST_ALGORITHMS = ['sha256', 'sha384', 'sha512'];
/** go-digest `Digest.Validate`: undefined when valid, else the error it returns. */
function validateDigest(s, algorithms = DEFAULT_DIGEST_ALGORITHMS) {
    const i = s.indexOf(':');
    if (i <= 0 || i + 1 === s.length)
        return 'digest.ErrDigestInvalidFormat';
    const algorithm = s.slice(0, i);
    const encoded = s.slice(i + 1);
    const size = Object.hasOwn(DIGEST_HEX_LENGTH, algorithm) ? DIGEST_HEX_LENGTH[algorithm] : undefined;
    if (size === undefined || !algorithms.includes(algorithm)) {
        return isGoDigestShape(s) ? 'digest.ErrDigestUnsupported' : 'digest.ErrDigestInvalidFormat';
    }
    if (encoded.length !== size)
        return 'digest.ErrDigestInvalidLength';
    for (let k = 0; k < encoded.length; k++) {
        const c = encoded.charCodeAt(k);
        if (!isDigit(c) && !(c >= 0x61 && c <= 0x66))
            return 'digest.ErrDigestInvalidFormat';
    }
    return undefined;
}
/** Upstream `Name()`: `domain/path`, or just the path when there is no domain. */
function referenceName(ref) {
    return ref.domain === '' ? ref.path : `${ref.domain}/${ref.path}`;
}
/** Upstream `String()`: `name[:tag][@digest]`. */
function referenceString(ref) {
    let s = referenceName(ref);
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
/**
 * Go's strings.ToLower for the purpose it serves here (deciding whether a lowercased input matches the ASCII grammar).
 * Go maps by simple case mapping, JS by full mapping; the only character where that changes an ASCII outcome is
 * U+0130 (İ), which Go lowers to a plain `i` and JS to `i` + U+0307.
 */
function goToLower(s) {
    return s.replaceAll('\u0130', 'i').toLowerCase();
}
/** Upstream `Parse`: the grammar only, no Docker Hub defaults (`foo/bar` has domain `foo`). */
function parse(s, options = {}) {
    if (s === '')
        return fail('ErrNameEmpty');
    const matches = matchReference(s);
    if (matches === null) {
        const lower = goToLower(s);
        // Succeeds when lower-cased, so the input holds an invalid (uppercase) repository name.
        if (lower !== s && matchReference(lower) !== null)
            return fail('ErrNameContainsUppercase');
        return fail('ErrReferenceInvalidFormat');
    }
    const [name, tag, digest] = matches;
    const nameMatch = matchAnchoredName(name);
    const domain = nameMatch ? nameMatch[0] : '';
    const path = nameMatch ? nameMatch[1] : name;
    if (path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX)
        return fail('ErrNameTooLong');
    const ref = { domain, path };
    // An unmatched Go submatch is "", and Parse treats "" as "absent" for both.
    if (tag !== '')
        ref.tag = tag;
    if (digest !== '') {
        const bad = validateDigest(digest, options.digestAlgorithms);
        if (bad !== undefined)
            return fail(bad);
        ref.digest = digest;
    }
    return { ok: true, value: ref };
}
/** Upstream `WithName`: a bare name (no tag or digest) split into domain and path. */
function withName(name) {
    const match = matchAnchoredName(name);
    if (match === null)
        return fail('ErrReferenceInvalidFormat');
    if (match[1].length > REPOSITORY_NAME_TOTAL_LENGTH_MAX)
        return fail('ErrNameTooLong');
    return { ok: true, value: { domain: match[0], path: match[1] } };
}
/**
 * Upstream `splitDockerDomain`: is the first path element a registry host? Yes for `localhost`, anything with `.` or
 * `:`, and anything with uppercase (namespaces cannot have it); otherwise the name lives on Docker Hub.
 */
function splitDockerDomain(name) {
    const slash = name.indexOf('/');
    if (slash === -1)
        return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
    const maybeDomain = name.slice(0, slash);
    const maybeRemainder = name.slice(slash + 1);
    let domain;
    let remainder;
    if (maybeDomain === 'localhost') {
        [domain, remainder] = [maybeDomain, maybeRemainder];
    }
    else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) {
        [domain, remainder] = [DEFAULT_DOMAIN, maybeRemainder];
    }
    else if (maybeDomain.includes('.') || maybeDomain.includes(':')) {
        [domain, remainder] = [maybeDomain, maybeRemainder];
    }
    else if (goToLower(maybeDomain) !== maybeDomain) {
        [domain, remainder] = [maybeDomain, maybeRemainder];
    }
    else {
        [domain, remainder] = [DEFAULT_DOMAIN, name];
    }
    if (domain === DEFAULT_DOMAIN && !remainder.includes('/'))
        remainder = OFFICIAL_REPO_PREFIX + remainder;
    return { domain, remainder };
}
/** Upstream `ParseNormalizedNamed`: a familiar name (`nginx`, `user/app:1`) to its full form on its registry. */
function parseNormalizedNamed(s, options = {}) {
    if (isIdentifier(s))
        return fail('ErrNameIsIdentifier');
    const { domain, remainder } = splitDockerDomain(s);
    const tagSep = remainder.indexOf(':');
    const remote = tagSep > -1 ? remainder.slice(0, tagSep) : remainder;
    if (goToLower(remote) !== remote)
        return fail('ErrNameContainsUppercase');
    return parse(`${domain}/${remainder}`, options);
}
/** Upstream `ParseNamed`: like ParseNormalizedNamed, but the input must already be in canonical (full) form. */
function parseNamed(s, options = {}) {
    const named = parseNormalizedNamed(s, options);
    if (!named.ok)
        return named;
    return referenceString(named.value) === s ? named : fail('ErrNameNotCanonical');
}
/** Upstream `WithTag`: the name with `tag` (a digest it has stays). */
function withTag(ref, tag) {
    // Bounded pattern ({0,127}), so the RegExp is safe here.
    if (!anchoredTagRegexp.test(tag))
        return fail('ErrTagInvalidFormat');
    return { ok: true, value: { ...ref, tag } };
}
/** Upstream `WithDigest`: the name with `digest` (shape only, as upstream: no algorithm or length check). */
function withDigest(ref, digest) {
    if (!isReferenceDigest(digest, 0, digest.length))
        return fail('ErrDigestInvalidFormat');
    return { ok: true, value: { ...ref, digest } };
}
/** Upstream `TagNameOnly`: adds `:latest` when there is neither tag nor digest. */
function tagNameOnly(ref) {
    return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: DEFAULT_TAG } : ref;
}
/** Upstream `ParseDockerRef`: normalized, `:latest` when bare, and the tag dropped when a digest pins the image. */
function parseDockerRef(s, options = {}) {
    const named = parseNormalizedNamed(s, options);
    if (!named.ok)
        return named;
    const ref = named.value;
    if (ref.digest !== undefined)
        return { ok: true, value: { domain: ref.domain, path: ref.path, digest: ref.digest } };
    return { ok: true, value: tagNameOnly(ref) };
}
/** Upstream `ParseAnyReference`: a 64-hex image ID or a full digest alone is a digest reference, else a normalized name. */
function parseAnyReference(s, options = {}) {
    if (isIdentifier(s))
        return { ok: true, value: { kind: 'digest', digest: `sha256:${s}` } };
    if (validateDigest(s, options.digestAlgorithms) === undefined)
        return { ok: true, value: { kind: 'digest', digest: s } };
    const named = parseNormalizedNamed(s, options);
    return named.ok ? { ok: true, value: { kind: 'named', ref: named.value } } : named;
}
/** Upstream `FamiliarName`: the short form Docker shows (`docker.io/library/nginx` -> `nginx`). */
function familiarName(ref) {
    if (ref.domain !== DEFAULT_DOMAIN)
        return referenceName(ref);
    if (ref.path.startsWith(OFFICIAL_REPO_PREFIX)) {
        const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
        if (!rest.includes('/'))
            return rest;
    }
    return ref.path;
}
/** Upstream `FamiliarString`: the familiar name with the tag and digest. */
function familiarString(ref) {
    let s = familiarName(ref);
    if (ref.tag !== undefined)
        s += `:${ref.tag}`;
    if (ref.digest !== undefined)
        s += `@${ref.digest}`;
    return s;
}
// --- The project's view ---------------------------------------------------------------------------------------------
/**
 * An image string from a manifest, read the way the kubelet reads it: ParseNormalizedNamed, then TagNameOnly for the
 * normalized form. `index.docker.io` is `docker.io`; a digest-only reference gets no `:latest`; tag and digest both
 * stay (the runtime pulls by the digest). The error is a short message with Go's meaning; `code` names Go's error.
 */
function parseImageReference(input) {
    const named = parseNormalizedNamed(input);
    if (!named.ok)
        return named;
    const { tag, digest } = named.value;
    let { domain, path } = named.value;
    if (domain === '') {
        // Go quirk: splitDockerDomain calls `a_b.example/app` a domain (it has a `.`), but the grammar's domain has no `_`,
        // so Parse keeps the whole `a_b.example/app` as the path and Domain() is "". containerd still connects to the first
        // element as the host (its resolver splits at the first `/`), so that is the registry the gate must ask.
        domain = splitDockerDomain(input).domain;
        path = path.slice(domain.length + 1);
    }
    const ref = {
        original: input,
        registry: domain,
        repository: path,
        normalized: referenceString(tagNameOnly(named.value)),
    };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return { ok: true, ref };
}
/** Is `host` an ACR host? (lib/acr-host.ts owns the answer.) */

/**
 * Does a value still hold Helm/Go-template (`{{ ... }}`) or shell/envsubst (`${...}`) residue, i.e. the manifests
 * were gated before rendering? Scans with indexOf so a megabyte of `{{{{` stays linear (a lazy regex would not).
 */
function looksUnrendered(value) {
    const open = value.indexOf('{{');
    if (open !== -1 && value.indexOf('}}', open + 2) !== -1)
        return true;
    const dollar = value.indexOf('${');
    return dollar !== -1 && value.indexOf('}', dollar + 2) !== -1;
}


/***/ }),

/***/ 27870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AO: () => (/* binding */ aksResetServicePrincipal),
/* harmony export */   As: () => (/* binding */ attachAcr),
/* harmony export */   Au: () => (/* binding */ privateDnsRecordRemove),
/* harmony export */   C2: () => (/* binding */ roleAssignmentCreate),
/* harmony export */   CQ: () => (/* binding */ aksNodepoolUpgrade),
/* harmony export */   Ch: () => (/* binding */ privateDnsLinkVnetCreate),
/* harmony export */   Df: () => (/* binding */ acrTokenEnable),
/* harmony export */   GF: () => (/* binding */ acrTokenCreate),
/* harmony export */   HL: () => (/* binding */ acrCredentialSetRepair),
/* harmony export */   HY: () => (/* binding */ kubectlRecreatePullSecret),
/* harmony export */   O4: () => (/* binding */ kubeloginConvert),
/* harmony export */   Rt: () => (/* binding */ roleAssignmentDelete),
/* harmony export */   SU: () => (/* binding */ acrTokenCredentialGenerate),
/* harmony export */   TC: () => (/* binding */ acrNetworkRuleRemove),
/* harmony export */   UX: () => (/* binding */ acrImport),
/* harmony export */   UY: () => (/* binding */ acrNetworkRuleAdd),
/* harmony export */   WR: () => (/* binding */ acrReadEnable),
/* harmony export */   X5: () => (/* binding */ acrAdminPassword),
/* harmony export */   XL: () => (/* binding */ privateEndpointCreate),
/* harmony export */   bV: () => (/* binding */ privateDnsZoneCreate),
/* harmony export */   ce: () => (/* binding */ acrCacheRuleShow),
/* harmony export */   g_: () => (/* binding */ tokenRotationCommands),
/* harmony export */   ii: () => (/* binding */ denyAssignmentExclude),
/* harmony export */   jR: () => (/* binding */ privateDnsRecordAdd),
/* harmony export */   pC: () => (/* binding */ acrPublicNetworkEnable),
/* harmony export */   ql: () => (/* binding */ acrScopeMapAddRepository),
/* harmony export */   si: () => (/* binding */ privateEndpointConnectionApprove),
/* harmony export */   vc: () => (/* binding */ acrAdminEnable),
/* harmony export */   vo: () => (/* binding */ acrNetworkRuleList),
/* harmony export */   wJ: () => (/* binding */ appCredentialReset),
/* harmony export */   wu: () => (/* binding */ acrAuthenticationAsArmEnable),
/* harmony export */   zD: () => (/* binding */ privateEndpointDnsZoneGroupCreate)
/* harmony export */ });
/* unused harmony exports shellQuote, acrTokenCredentialDelete, kubectlDescribePod, kubectlRolloutRestart, kubectlDeletePod, kubectlWatchPods */
// Every az / kubectl fix the checks print, one spelling each, with the real names and ids filled in (a value the gate
// does not know stays an <angle-bracket> placeholder). Pure text builders: the checks compose their remediation from
// these, so a command is written once and a flag fixed once (there had been two spellings of `--attach-acr`).
/** ` <flag> <value>`, or nothing when the value is not known. */
const opt = (flag, value) => (value === undefined ? '' : ` ${flag} ${value}`);
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Single-quotes a value for POSIX shells (condition strings contain `!`, quotes and brackets). */
function shellQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/** `az aks update --attach-acr`: AcrPull for the kubelet identity on the registry (by its full resource id). */
function attachAcr(cluster, registryId) {
    return (`az aks update -g ${cluster?.resourceGroup ?? '<resource-group>'} -n ${cluster?.name ?? '<cluster-name>'}` +
        `${opt('--subscription', cluster?.subscriptionId)} --attach-acr ${registryId}`);
}
/** A new client secret for the cluster's service principal, handed to the cluster in one step. */
function aksResetServicePrincipal(cluster, appId) {
    return (`az aks update-credentials -g ${cluster.resourceGroup ?? '<resource-group>'} -n ${cluster.name ?? '<cluster-name>'}` +
        `${opt('--subscription', cluster.subscriptionId)} --reset-service-principal ` +
        `--service-principal ${appId} --client-secret "$(${appCredentialReset(appId)} --query password -o tsv)"`);
}
function aksNodepoolUpgrade(cluster, pool, version) {
    return (`az aks nodepool upgrade -g ${cluster.resourceGroup ?? '<resource-group>'} --cluster-name ${cluster.name ?? '<cluster-name>'}` +
        `${opt('--subscription', cluster.subscriptionId)} --name ${pool} --kubernetes-version ${version}`);
}
// ---------------------------------------------------------------------------------------------------------------
// Entra ID and role assignments
/** A new client secret beside the old ones (`--append`: the old secret keeps working until it is replaced). */
function appCredentialReset(appId) {
    return `az ad app credential reset --id ${appId} --append`;
}
function roleAssignmentCreate(a) {
    const role = GUID_RE.test(a.role) ? a.role : `"${a.role}"`;
    const base = `az role assignment create --assignee-object-id ${a.assignee} --assignee-principal-type ServicePrincipal --role ${role} --scope ${a.scope}`;
    return a.condition === undefined ? base : `${base} --condition ${shellQuote(a.condition)} --condition-version 2.0`;
}
function roleAssignmentDelete(assignmentId) {
    return `az role assignment delete --ids ${assignmentId}`;
}
/** A deny assignment is owned by a deployment stack or managed application: the exclusion is made there. */
function denyAssignmentExclude(principal, denyAssignmentId) {
    return `Exclude principal ${principal} from deny assignment ${denyAssignmentId} through the deployment stack or managed application that created it (az stack group update ... --deny-settings-excluded-principals ${principal})`;
}
// ---------------------------------------------------------------------------------------------------------------
// Registries (az acr)
function acrAdminEnable(registry) {
    return `az acr update -n ${registry} --admin-enabled true`;
}
function acrPublicNetworkEnable(registry) {
    return `az acr update --name ${registry} --public-network-enabled true`;
}
function acrNetworkRuleAdd(registry, ip) {
    return `az acr network-rule add --name ${registry} --ip-address ${ip}`;
}
function acrNetworkRuleRemove(registry, ip) {
    return `az acr network-rule remove --name ${registry} --ip-address ${ip}`;
}
/** Lifts a read lock on a repository (`{repository}`) or on one tag or digest (`{image}`: `repo:tag`, `repo@sha256:...`). */
function acrReadEnable(registry, target) {
    const what = 'repository' in target ? `--repository ${target.repository}` : `--image ${target.image}`;
    return `az acr repository update --name ${registry} ${what} --read-enabled true`;
}
function acrImport(registry, source, image) {
    return `az acr import --name ${registry} --source ${source} --image ${image}`;
}
function acrCredentialSetRepair(registry, set) {
    return (`az acr credential-set show --registry ${registry} --name ${set} (fix the Key Vault secrets it names, or the set's identity access to them), ` +
        `then: az acr credential-set update --registry ${registry} --name ${set} --username-id <username-secret-uri> --password-id <password-secret-uri>`);
}
function acrAuthenticationAsArmEnable(registry, subscriptionId) {
    return `az acr config authentication-as-arm update --registry ${registry}${opt('--subscription', subscriptionId)} --status enabled`;
}
/** A new password in one slot of a scoped token. */
function acrTokenCredentialGenerate(token, registry, slot) {
    return `az acr token credential generate --name ${token} --registry ${registry} --${slot}`;
}
function acrTokenCredentialDelete(token, registry, slot) {
    return `az acr token credential delete --name ${token} --registry ${registry} --${slot}`;
}
function acrTokenEnable(token, registry) {
    return `az acr token update --name ${token} --registry ${registry} --status enabled`;
}
function acrTokenCreate(t) {
    return (`az acr token create --registry ${t.registry}${opt('--subscription', t.subscriptionId)} --name ${t.name} ` +
        `--repository ${t.repository} ${t.actions.join(' ')}` +
        (t.printPassword ? ` --query 'credentials.passwords[0].value' -o tsv` : ''));
}
function acrScopeMapAddRepository(scopeMap, registry, repository) {
    return `az acr scope-map update --name ${scopeMap} --registry ${registry} --add-repository ${repository} content/read`;
}
const SLOTS = ['password1', 'password2'];
/**
 * The fix for a scoped token whose passwords run out: generate the new password in the slot the pull secret does not
 * use (a token has two; with both taken, the one that expires first, which the pull secret should not be holding),
 * then `updateSecret`, then delete the old password. Regenerating the password in use breaks every pull with 401
 * until the secret is rewritten.
 */
function tokenRotationCommands(tokenName, registry, passwords, updateSecret) {
    const used = new Set(passwords.map((p) => p.name.toLowerCase()));
    const free = SLOTS.find((s) => !used.has(s));
    const byExpiry = [...passwords]
        .filter((p) => SLOTS.includes(p.name.toLowerCase()))
        .sort((a, b) => Date.parse(a.expiry ?? '9999-12-31') - Date.parse(b.expiry ?? '9999-12-31'));
    const target = (free ?? byExpiry[0]?.name.toLowerCase() ?? 'password2');
    const old = free
        ? (byExpiry[0]?.name.toLowerCase() ??
            (target === 'password1' ? 'password2' : 'password1'))
        : undefined;
    const lines = [
        acrTokenCredentialGenerate(tokenName, registry, target) +
            (free ? '' : ` (both slots are taken: regenerate the one the pull secret does not hold)`),
        `${updateSecret} (update the pull secret with the new password before deleting the old one)`,
    ];
    if (old)
        lines.push(acrTokenCredentialDelete(tokenName, registry, old));
    return lines.join('\n');
}
// ---------------------------------------------------------------------------------------------------------------
// Kubernetes
/** `kubectl create secret docker-registry` that replaces the secret in place; the password is a placeholder. */
function kubectlRecreatePullSecret(secret, server, username, passwordPlaceholder = '<new-password>') {
    return (`kubectl create secret docker-registry ${secret.name} --namespace ${secret.namespace} ` +
        `--docker-server ${server} --docker-username ${username} --docker-password ${passwordPlaceholder} ` +
        `--dry-run=client -o yaml | kubectl apply -f -`);
}
function privateDnsZoneCreate(resourceGroup, zone) {
    return `az network private-dns zone create -g ${resourceGroup} -n ${zone}`;
}
function privateDnsLinkVnetCreate(at, zone, linkName, vnetId) {
    return `az network private-dns link vnet create -g ${at.resourceGroup} -z ${zone} -n ${linkName} -v ${vnetId} -e false${opt('--subscription', at.subscriptionId)}`;
}
function privateDnsRecordAdd(at, zone, record, ip) {
    return `az network private-dns record-set a add-record -g ${at.resourceGroup} -z ${zone} -n ${record} -a ${ip}${opt('--subscription', at.subscriptionId)}`;
}
function privateDnsRecordRemove(at, zone, record, ip) {
    return `az network private-dns record-set a remove-record -g ${at.resourceGroup} -z ${zone} -n ${record} -a ${ip}${opt('--subscription', at.subscriptionId)}`;
}
function privateEndpointConnectionApprove(connectionId) {
    return `az network private-endpoint-connection approve --id ${connectionId}`;
}
function privateEndpointCreate(resourceGroup, name, subnetId, registryId) {
    return `az network private-endpoint create -g ${resourceGroup} -n ${name} --subnet ${subnetId} --private-connection-resource-id ${registryId} --group-id registry --connection-name ${name}`;
}
function privateEndpointDnsZoneGroupCreate(resourceGroup, endpoint, zone) {
    return `az network private-endpoint dns-zone-group create -g ${resourceGroup} --endpoint-name ${endpoint} -n default --private-dns-zone ${zone} --zone-name ${zone.replace(/\./g, '-')}`;
}
/** Prints the registry's current admin password (for a `$(...)` in the command that stores it). */
function acrAdminPassword(registry) {
    return `az acr credential show -n ${registry} --query 'passwords[0].value' -o tsv`;
}
function acrCacheRuleShow(registry, rule) {
    return `az acr cache show --registry ${registry} --name ${rule}`;
}
function acrNetworkRuleList(registry) {
    return `az acr network-rule list --name ${registry}`;
}
/** Turns the kubeconfig's exec plugin into a non-interactive login (`azurecli` after azure/login, `workloadidentity`). */
function kubeloginConvert(mode) {
    return `kubelogin convert-kubeconfig -l ${mode}`;
}
function kubectlDescribePod(namespace, pod) {
    return `kubectl describe pod ${pod} -n ${namespace}`;
}
/** New pods for a workload after the fix (`deployment/orders-api`), so the nodes pull again. */
function kubectlRolloutRestart(namespace, resource) {
    return `kubectl rollout restart ${resource} -n ${namespace}`;
}
function kubectlDeletePod(namespace, pod) {
    return `kubectl delete pod ${pod} -n ${namespace}`;
}
function kubectlWatchPods(namespace) {
    return `kubectl get pods -n ${namespace} -w`;
}


/***/ })

};
