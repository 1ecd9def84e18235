export const id = 695;
export const ids = [695];
export const modules = {

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
    return cluster.proxyUrl ?? (proxyEnv ? (0,_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_0__.proxyUrlFor)(cluster.server, proxyEnv) : undefined);
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
    const wire = (0,_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_0__.lazyRequest)(dispatcherFor(cluster, user, proxyFor(cluster, opts.proxyEnv)));
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
