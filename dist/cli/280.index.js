export const id = 280;
export const ids = [280,806];
export const modules = {

/***/ 10091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IB: () => (/* binding */ KubeconfigElsewhereError),
/* harmony export */   TV: () => (/* binding */ clusterObjectReader),
/* harmony export */   Ve: () => (/* binding */ KubeconfigProblem),
/* harmony export */   m4: () => (/* binding */ applyProxyEnv),
/* harmony export */   up: () => (/* binding */ loadKubernetesClient)
/* harmony export */ });
/* unused harmony exports secretFromApi, serviceAccountFromApi, mergeKubeconfigs, selectClusterContext, interactiveLoginMode */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _proxy_fetch_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20806);
// Live cluster reads for pull secrets: Secrets and ServiceAccounts (and, for the audit, Pods), read only, through
// @kubernetes/client-node from the kubeconfig `azure/aks-set-context` leaves behind. Every failure is data:
// 404 is "absent", 401/403 is "unverifiable" naming the RBAC verb to grant, anything else "unverifiable: why".
// Secret data stays base64 as the API returns it; decoding (and masking) is docker-config.ts's job.




// @kubernetes/client-node is large (about half a second to load): it is loaded only when a kubeconfig will be read.
let k8s;
/** Loads the Kubernetes client; call before clusterObjectReader (the collectors do when a kubeconfig is present). */
async function loadKubernetesClient() {
    k8s ??= await Promise.all(/* import() */[__webpack_require__.e(676), __webpack_require__.e(356)]).then(__webpack_require__.bind(__webpack_require__, 17356));
}
const PULL_SECRET_TYPES = ['kubernetes.io/dockerconfigjson', 'kubernetes.io/dockercfg'];
function statusOf(err) {
    if (typeof err === 'object' && err !== null && 'code' in err) {
        const code = err.code;
        if (typeof code === 'number')
            return code;
    }
    return undefined;
}
/** One line about a failed call; client-node puts the whole response body in `message`, so never echo it. */
function failure(err, verb, where) {
    const status = statusOf(err);
    if (status === 404)
        return { state: 'absent' };
    if (status === 401) {
        return {
            state: 'unverifiable',
            reason: 'the Kubernetes API server rejected the kubeconfig credentials (401)',
            permission: verb,
        };
    }
    if (status === 403) {
        return {
            state: 'unverifiable',
            reason: `the Kubernetes API server denied ${verb} ${where} (403)`,
            permission: verb,
        };
    }
    const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
        ? ` (${err.code})`
        : '';
    const what = status !== undefined ? `answered ${status}` : `could not be reached${code}`;
    return { state: 'unverifiable', reason: `the Kubernetes API server ${what} for ${verb} ${where}` };
}
function secretFromApi(s) {
    const data = { ...(s.data ?? {}) };
    for (const [k, v] of Object.entries(s.stringData ?? {}))
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
        imagePullSecrets: (sa.imagePullSecrets ?? []).map((r) => r.name ?? '').filter((n) => n !== ''),
        origin: 'cluster',
    };
}
/** The kubeconfig points at another cluster than the one under check: live reads are off, and this says why. */
class KubeconfigElsewhereError extends Error {
}
/**
 * The proxy each cluster entry is reached through, as kubectl chooses it: the entry's own `proxy-url` wins (the client
 * library honours it), else HTTPS_PROXY / HTTP_PROXY / NO_PROXY of `env` for its server (the gate's one proxy rule,
 * proxyUrlFor). Not called under --simulate: the emulator's kubeconfig is loopback and never proxied.
 */
function applyProxyEnv(kc, env) {
    let changed = false;
    const clusters = kc.clusters.map((c) => {
        const proxyUrl = c.proxyUrl ? undefined : (0,_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_3__.proxyUrlFor)(c.server, env);
        if (!proxyUrl)
            return c;
        changed = true;
        return { ...c, proxyUrl };
    });
    if (changed)
        kc.loadFromOptions({ clusters, users: kc.users, contexts: kc.contexts, currentContext: kc.currentContext });
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
 * Merges a KUBECONFIG list as kubectl does: the first file to define a cluster, user or context name wins (later
 * ones are ignored, not an error), and current-context comes from the first file that sets one.
 */
function mergeKubeconfigs(paths) {
    if (!k8s)
        throw new Error('the Kubernetes client is not loaded (call loadKubernetesClient first)');
    const merged = new k8s.KubeConfig();
    const clusters = [];
    const users = [];
    const contexts = [];
    let currentContext = '';
    for (const p of paths) {
        const kc = new k8s.KubeConfig();
        kc.loadFromFile(p);
        for (const c of kc.clusters)
            if (!clusters.some((x) => x.name === c.name))
                clusters.push(c);
        for (const u of kc.users)
            if (!users.some((x) => x.name === u.name))
                users.push(u);
        for (const c of kc.contexts)
            if (!contexts.some((x) => x.name === c.name))
                contexts.push(c);
        if (!currentContext && kc.currentContext)
            currentContext = kc.currentContext;
    }
    merged.loadFromOptions({ clusters, users, contexts, currentContext });
    return merged;
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
        kc.setCurrentContext(match.name);
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
async function runPlugin(exec, signal) {
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
/**
 * A reader over a kubeconfig (a file, or a KUBECONFIG list joined with the path delimiter, merged as kubectl does),
 * tied to the cluster under check when its API server hosts are given. Throws when the kubeconfig is unusable,
 * KubeconfigElsewhereError when it points at another cluster, or KubeconfigProblem when its credential plugin waits
 * for a person or is not installed.
 */
function clusterObjectReader(kubeconfigPath, servers = [], opts = { interactive: true }) {
    if (!k8s)
        throw new Error('the Kubernetes client is not loaded (call loadKubernetesClient first)');
    const client = k8s;
    const kc = mergeKubeconfigs(kubeconfigPath.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().delimiter)).filter((p) => p));
    selectClusterContext(kc, servers);
    if (opts.proxyEnv)
        applyProxyEnv(kc, opts.proxyEnv);
    const user = kc.getCurrentUser();
    const exec = (user?.exec ?? user?.authProvider?.config?.exec);
    let ready;
    if (exec?.command && user) {
        const mode = interactiveLoginMode(exec);
        if (mode && !opts.interactive)
            throw new KubeconfigProblem('interactive', `the kubeconfig's credential plugin ${exec.command} asks for ${mode} login, which waits for a person`, exec.command, mode);
        if (!onPath(exec.command, opts.env ?? process.env))
            throw new KubeconfigProblem('plugin-missing', `the kubeconfig's exec credential plugin ${exec.command} was not found on PATH`, exec.command);
        // The client library runs exec plugins without a deadline (and once per request): the gate runs it once, under
        // the run's deadline, and hands the client the token.
        let p;
        ready = () => (p ??= runPlugin(exec, opts.signal).then((token) => {
            kc.loadFromOptions({
                clusters: kc.clusters,
                contexts: kc.contexts,
                currentContext: kc.currentContext,
                users: kc.users.map((u) => (u.name === user.name ? { name: u.name, token } : u)),
            });
            return kc.makeApiClient(client.CoreV1Api);
        }));
    }
    else {
        const direct = kc.makeApiClient(client.CoreV1Api);
        ready = () => Promise.resolve(direct);
    }
    return {
        async readSecret(namespace, name) {
            try {
                return {
                    state: 'found',
                    value: secretFromApi(await (await ready()).readNamespacedSecret({ name, namespace })),
                };
            }
            catch (err) {
                return failure(err, 'get secrets', `in namespace ${namespace}`);
            }
        },
        async readServiceAccount(namespace, name) {
            try {
                return {
                    state: 'found',
                    value: serviceAccountFromApi(await (await ready()).readNamespacedServiceAccount({ name, namespace })),
                };
            }
            catch (err) {
                return failure(err, 'get serviceaccounts', `in namespace ${namespace}`);
            }
        },
        async listPullSecrets() {
            const out = [];
            for (const type of PULL_SECRET_TYPES) {
                try {
                    let cont;
                    do {
                        const page = await (await ready()).listSecretForAllNamespaces({
                            fieldSelector: `type=${type}`,
                            limit: 500,
                            _continue: cont,
                        });
                        // Filter here too: a server (or proxy) that ignores fieldSelector must not widen what is decoded.
                        out.push(...page.items.filter((i) => i.type === type).map(secretFromApi));
                        cont = page.metadata?._continue || undefined;
                    } while (cont);
                }
                catch (err) {
                    const f = failure(err, 'list secrets', 'in all namespaces');
                    return f.state === 'absent' ? { state: 'found', value: out } : f;
                }
            }
            return { state: 'found', value: out };
        },
        async listServiceAccounts() {
            try {
                const out = [];
                let cont;
                do {
                    const page = await (await ready()).listServiceAccountForAllNamespaces({ limit: 500, _continue: cont });
                    out.push(...page.items.map(serviceAccountFromApi));
                    cont = page.metadata?._continue || undefined;
                } while (cont);
                return { state: 'found', value: out };
            }
            catch (err) {
                return failure(err, 'list serviceaccounts', 'in all namespaces');
            }
        },
        async listPods() {
            try {
                const out = [];
                let cont;
                do {
                    const page = await (await ready()).listPodForAllNamespaces({ limit: 500, _continue: cont });
                    for (const p of page.items) {
                        const owner = p.metadata?.ownerReferences?.find((o) => o.controller) ?? p.metadata?.ownerReferences?.[0];
                        const ref = {
                            namespace: p.metadata?.namespace ?? '',
                            name: p.metadata?.name ?? '',
                            serviceAccount: p.spec?.serviceAccountName ?? 'default',
                            imagePullSecrets: (p.spec?.imagePullSecrets ?? []).map((r) => r.name ?? '').filter((n) => n !== ''),
                        };
                        if (owner)
                            ref.owner = `${owner.kind}/${owner.name}`;
                        out.push(ref);
                    }
                    cont = page.metadata?._continue || undefined;
                } while (cont);
                return { state: 'found', value: out };
            }
            catch (err) {
                return failure(err, 'list pods', 'in all namespaces');
            }
        },
    };
}


/***/ }),

/***/ 20806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ProxyFailure: () => (/* binding */ ProxyFailure),
/* harmony export */   proxyAwareFetch: () => (/* binding */ proxyAwareFetch),
/* harmony export */   proxyAwareRequest: () => (/* binding */ proxyAwareRequest),
/* harmony export */   proxyFromEnv: () => (/* binding */ proxyFromEnv),
/* harmony export */   proxyHostOf: () => (/* binding */ proxyHostOf),
/* harmony export */   proxyUrlFor: () => (/* binding */ proxyUrlFor)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);
// The one place that decides whether a request goes through a proxy, for every client of the gate: registries (with
// their token endpoints and blob redirects), Microsoft Graph, the live pull-secret credential checks, the GitHub API
// (CLI and action) and the Kubernetes API. It honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY and their lower-case forms,
// as the runner sets them. fetch goes through undici's EnvHttpProxyAgent (decided per origin, so a redirect to a host
// in NO_PROXY goes direct); clients that take a proxy URL instead of a fetch (the Kubernetes client's cluster
// `proxy-url`) ask `proxyUrlFor`, which makes the same choice as EnvHttpProxyAgent (tested side by side). Without a
// proxy in the environment fetch is the plain global fetch. Under --simulate the emulator's own fetch and kubeconfig
// are used instead: traffic to the loopback emulator never goes through a proxy.

function proxyFromEnv(env) {
    const pick = (upper) => env[upper] || env[upper.toLowerCase()] || undefined;
    const httpProxy = pick('HTTP_PROXY');
    const httpsProxy = pick('HTTPS_PROXY') ?? httpProxy;
    const noProxy = pick('NO_PROXY');
    return {
        ...(httpProxy ? { httpProxy } : {}),
        ...(httpsProxy ? { httpsProxy } : {}),
        ...(noProxy ? { noProxy } : {}),
    };
}
const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 };
/**
 * The proxy a request to `target` goes through under `env`, or undefined for a direct connection. NO_PROXY as
 * EnvHttpProxyAgent reads it: entries split on commas or spaces, `*` alone means never, an entry matches the host
 * itself or any subdomain (a leading `.` or `*.` is dropped), `host:port` only that port.
 */
function proxyUrlFor(target, env) {
    const p = proxyFromEnv(env);
    let url;
    try {
        url = new URL(target);
    }
    catch {
        return undefined;
    }
    const proxy = url.protocol === 'https:' ? p.httpsProxy : url.protocol === 'http:' ? p.httpProxy : undefined;
    if (!proxy)
        return undefined;
    const noProxy = (p.noProxy ?? '').trim();
    if (noProxy === '*')
        return undefined;
    const hostname = url.host.replace(/:\d*$/, '').toLowerCase();
    const port = Number.parseInt(url.port, 10) || DEFAULT_PORTS[url.protocol] || 0;
    for (const entry of noProxy.split(/[,\s]/)) {
        if (!entry)
            continue;
        const m = /^(.+):(\d+)$/.exec(entry);
        const host = (m ? m[1] : entry).replace(/^\*?\./, '').toLowerCase();
        const entryPort = m ? Number.parseInt(m[2], 10) : 0;
        if (entryPort && entryPort !== port)
            continue;
        if (hostname === host || hostname.endsWith(`.${host}`))
            return undefined;
    }
    return proxy;
}
function proxyAwareFetch(env) {
    const p = proxyFromEnv(env);
    if (!p.httpProxy && !p.httpsProxy)
        return globalThis.fetch.bind(globalThis);
    // Every field given, so the agent never falls back to process.env when `env` is another environment.
    const dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
        httpProxy: p.httpProxy ?? '',
        httpsProxy: p.httpsProxy ?? '',
        noProxy: p.noProxy ?? '',
    });
    return (async (input, init) => {
        try {
            return await globalThis.fetch(input, { ...init, dispatcher });
        }
        catch (err) {
            // A request through the proxy that failed before any answer (the proxy refused the connection, timed out, or
            // refused the tunnel) says so: "connection refused" alone would blame the registry, or Graph, for the proxy.
            const target = typeof input === 'string' || input instanceof URL ? input : input.url;
            const proxy = proxyUrlFor(target, env);
            if (!proxy || (err instanceof Error && err.name === 'AbortError') || init?.signal?.aborted)
                throw err;
            throw new ProxyFailure(proxy, err);
        }
    });
}
/**
 * The same choice as proxyAwareFetch for undici's `request` (the registry clients' transport): an EnvHttpProxyAgent
 * when the environment names a proxy, else an Agent of its own, and the same ProxyFailure for a proxy that failed.
 */
function proxyAwareRequest(env) {
    const p = proxyFromEnv(env);
    const dispatcher = p.httpProxy || p.httpsProxy
        ? new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2({
            httpProxy: p.httpProxy ?? '',
            httpsProxy: p.httpsProxy ?? '',
            noProxy: p.noProxy ?? '',
        })
        : new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6();
    return async (url, init) => {
        try {
            return await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(url, { ...init, dispatcher });
        }
        catch (err) {
            const proxy = proxyUrlFor(url, env);
            if (!proxy || (err instanceof Error && err.name === 'AbortError') || init.signal.aborted)
                throw err;
            throw new ProxyFailure(proxy, err);
        }
    };
}
/** A request that went through a proxy failed without an answer; `cause` is fetch's error. */
class ProxyFailure extends Error {
    /** The proxy's host:port (never its credentials). */
    proxyHost;
    constructor(proxy, cause) {
        const host = proxyHostOf(proxy);
        const detail = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : '';
        super(`through the proxy ${host}${detail ? `: ${detail}` : ''}`, { cause });
        this.name = 'ProxyFailure';
        this.proxyHost = host;
    }
}
/** `http://user:secret@proxy.corp:3128` -> `proxy.corp:3128`: only the host goes into messages. */
function proxyHostOf(proxy) {
    try {
        return new URL(proxy).host || '(proxy)';
    }
    catch {
        return '(proxy)';
    }
}


/***/ }),

/***/ 27870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ kubectlWatchPods),
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
/* harmony export */   NY: () => (/* binding */ kubectlRolloutRestart),
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
/* harmony export */   hf: () => (/* binding */ kubectlDescribePod),
/* harmony export */   ii: () => (/* binding */ denyAssignmentExclude),
/* harmony export */   jR: () => (/* binding */ privateDnsRecordAdd),
/* harmony export */   n5: () => (/* binding */ kubectlDeletePod),
/* harmony export */   pC: () => (/* binding */ acrPublicNetworkEnable),
/* harmony export */   ql: () => (/* binding */ acrScopeMapAddRepository),
/* harmony export */   si: () => (/* binding */ privateEndpointConnectionApprove),
/* harmony export */   vc: () => (/* binding */ acrAdminEnable),
/* harmony export */   vo: () => (/* binding */ acrNetworkRuleList),
/* harmony export */   wJ: () => (/* binding */ appCredentialReset),
/* harmony export */   wu: () => (/* binding */ acrAuthenticationAsArmEnable),
/* harmony export */   zD: () => (/* binding */ privateEndpointDnsZoneGroupCreate)
/* harmony export */ });
/* unused harmony exports shellQuote, acrTokenCredentialDelete */
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
