export const id = 515;
export const ids = [515];
export const modules = {

/***/ 83515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  auditWorkloads: () => (/* binding */ auditWorkloads)
});

// EXTERNAL MODULE: ./src/inventory/inventory.ts + 6 modules
var inventory_inventory = __webpack_require__(89238);
// EXTERNAL MODULE: ./src/facts/kubernetes/api.ts
var kubernetes_api = __webpack_require__(1196);
// EXTERNAL MODULE: ./src/facts/kubernetes/kubeconfig.ts
var kubeconfig = __webpack_require__(34629);
;// CONCATENATED MODULE: ./src/facts/kubernetes/live.ts
// Reads of the running cluster for `diagnose` and the workload audit: pods, their events, nodes, and the workloads
// that own pod templates (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs). Only get and list, plus
// the SelfSubjectAccessReview that says what the kubeconfig may not read. Bodies are reduced to the shapes in
// types/facts/live-cluster.ts here, from the API's JSON, so nothing downstream sees a raw API body. The kubeconfig
// (a file or a KUBECONFIG list), its proxy and its credentials (an exec plugin run once, under the run's deadline) are
// read as for the pull-secret reads (api.ts, kubeconfig.ts).


function str(v) {
    if (v instanceof Date)
        return v.toISOString();
    return typeof v === 'string' ? v : undefined;
}
/** A timestamp as an ISO string with milliseconds (`2026-03-01T09:12:00.000Z`), as the Date it used to be parsed to. */
function time(v) {
    const s = str(v);
    if (!s)
        return undefined;
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? s : d.toISOString();
}
function containersOf(spec) {
    const out = [];
    for (const key of ['initContainers', 'containers']) {
        for (const c of (spec?.[key] ?? [])) {
            out.push({ name: String(c.name ?? ''), image: String(c.image ?? ''), init: key === 'initContainers' });
        }
    }
    return out;
}
function pullSecretsOf(spec) {
    return (spec?.imagePullSecrets ?? []).map((r) => String(r.name ?? '')).filter((n) => n !== '');
}
function owners(m) {
    return (m?.ownerReferences ?? [])
        .sort((a, b) => Number(b.controller === true) - Number(a.controller === true))
        .map((o) => ({ kind: String(o.kind ?? ''), name: String(o.name ?? '') }));
}
function podFromApi(p) {
    const m = (p.metadata ?? {});
    const spec = (p.spec ?? {});
    const st = (p.status ?? {});
    const owner = owners(m)[0];
    const statuses = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
    return {
        namespace: String(m.namespace ?? ''),
        name: String(m.name ?? ''),
        labels: (m.labels ?? {}),
        ...(owner ? { owner } : {}),
        ...(str(spec.nodeName) ? { nodeName: String(spec.nodeName) } : {}),
        serviceAccount: String(spec.serviceAccountName ?? 'default'),
        imagePullSecrets: pullSecretsOf(spec),
        containers: containersOf(spec),
        phase: String(st.phase ?? 'Pending'),
        statuses: statuses.map((c) => {
            const state = (c.state ?? {});
            const waiting = state.waiting;
            const terminated = state.terminated;
            const last = (c.lastState ?? {}).terminated;
            return {
                name: String(c.name ?? ''),
                image: String(c.image ?? ''),
                ...(str(c.imageID) ? { imageID: String(c.imageID) } : {}),
                ready: c.ready === true,
                restartCount: typeof c.restartCount === 'number' ? c.restartCount : 0,
                state: waiting ? 'waiting' : terminated ? 'terminated' : state.running ? 'running' : 'unknown',
                ...(waiting?.reason || terminated?.reason ? { reason: String(waiting?.reason ?? terminated?.reason) } : {}),
                ...(waiting?.message ? { message: String(waiting.message) } : {}),
                ...(last?.reason ? { lastTerminationReason: String(last.reason) } : {}),
            };
        }),
    };
}
function workloadFromApi(kind, o) {
    const m = (o.metadata ?? {});
    const spec = (o.spec ?? {});
    // CronJob: spec.jobTemplate.spec.template; the others: spec.template.
    const tmpl = kind === 'CronJob' ? ((spec.jobTemplate ?? {}).spec ?? {}).template : spec.template;
    const podSpec = ((tmpl ?? {}).spec ?? {});
    const owner = owners(m)[0];
    return {
        kind,
        namespace: String(m.namespace ?? ''),
        name: String(m.name ?? ''),
        ...(owner ? { owner } : {}),
        serviceAccount: String(podSpec.serviceAccountName ?? 'default'),
        imagePullSecrets: pullSecretsOf(podSpec),
        containers: containersOf(podSpec),
        nodeSelector: (podSpec.nodeSelector ?? {}),
        ...(typeof spec.replicas === 'number' ? { replicas: spec.replicas } : {}),
    };
}
const WORKLOAD_PATHS = {
    Deployment: '/apis/apps/v1|deployments',
    StatefulSet: '/apis/apps/v1|statefulsets',
    DaemonSet: '/apis/apps/v1|daemonsets',
    ReplicaSet: '/apis/apps/v1|replicasets',
    Job: '/apis/batch/v1|jobs',
    CronJob: '/apis/batch/v1|cronjobs',
};
/**
 * A reader over a kubeconfig (a file, or a KUBECONFIG list merged as kubectl does), its current context. Throws when the
 * kubeconfig is unusable; a credential plugin that waits for a person (in a run nobody watches) or is not installed
 * makes every read unverifiable, saying so. `proxyEnv`: the environment whose HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * apply (absent under --simulate).
 */
function liveClusterReader(kubeconfigPath, proxyEnv, opts = {}) {
    const kc = (0,kubeconfig/* loadKubeconfig */.iz)(kubeconfigPath);
    let api;
    try {
        api = (0,kubernetes_api/* kubeApi */.Q1)(kc, {
            interactive: opts.interactive ?? true,
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.env ? { env: opts.env } : {}),
            ...(proxyEnv ? { proxyEnv } : {}),
            ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        });
    }
    catch (err) {
        if (!(err instanceof kubeconfig/* KubeconfigProblem */.Ve))
            throw err;
        // A login that waits for a person, or a plugin not installed: every read says so, none is sent.
        const refused = () => Promise.reject(new kubernetes_api/* KubeApiError */.W3('refused', err.message));
        api = { get: refused, list: refused, post: refused, requests: () => 0 };
    }
    const seg = encodeURIComponent;
    const where = (ns) => (ns ? `in namespace ${ns}` : 'in all namespaces');
    const scoped = (group, resource, ns) => ns ? `${group}/namespaces/${seg(ns)}/${resource}` : `${group}/${resource}`;
    return {
        async readPod(namespace, name) {
            try {
                const pod = (await api.get(`/api/v1/namespaces/${seg(namespace)}/pods/${seg(name)}`));
                return { state: 'found', value: podFromApi(pod ?? {}) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'get pods', where(namespace));
            }
        },
        async listPods(namespace, labelSelector) {
            try {
                const items = await api.list(scoped('/api/v1', 'pods', namespace), {
                    labelSelector: labelSelector || undefined,
                });
                return { state: 'found', value: items.map(podFromApi) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'list pods', where(namespace));
            }
        },
        async listPodEvents(namespace, pod) {
            try {
                const items = await api.list(scoped('/api/v1', 'events', namespace), {
                    fieldSelector: `involvedObject.name=${pod}`,
                });
                const events = items
                    .filter((e) => (e.involvedObject ?? {}).name === pod)
                    .map((e) => ({
                    type: String(e.type ?? ''),
                    reason: String(e.reason ?? ''),
                    message: String(e.message ?? ''),
                    count: typeof e.count === 'number' ? e.count : 1,
                    ...((time(e.lastTimestamp) ?? time(e.eventTime))
                        ? { last: time(e.lastTimestamp) ?? time(e.eventTime) }
                        : {}),
                }));
                return { state: 'found', value: events };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'list events', where(namespace));
            }
        },
        async listNodes() {
            try {
                const items = await api.list('/api/v1/nodes');
                return {
                    state: 'found',
                    value: items.map((n) => {
                        const m = (n.metadata ?? {});
                        return { name: String(m.name ?? ''), labels: (m.labels ?? {}) };
                    }),
                };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, 'list nodes', 'at the cluster scope');
            }
        },
        async listWorkloads(kind, namespace) {
            try {
                const [group, resource] = WORKLOAD_PATHS[kind].split('|');
                const items = await api.list(scoped(group, resource, namespace));
                return { state: 'found', value: items.map((o) => workloadFromApi(kind, o)) };
            }
            catch (err) {
                return (0,kubernetes_api/* failure */.V2)(err, `list ${kind.toLowerCase()}s`, where(namespace));
            }
        },
        async canI(verb, group, resource, namespace) {
            try {
                const r = (await api.post('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
                    apiVersion: 'authorization.k8s.io/v1',
                    kind: 'SelfSubjectAccessReview',
                    spec: { resourceAttributes: { verb, group, resource, ...(namespace ? { namespace } : {}) } },
                }));
                return r?.status?.allowed === true;
            }
            catch {
                return undefined;
            }
        },
        requests: () => api.requests(),
    };
}

;// CONCATENATED MODULE: ./src/facts/kubernetes/workloads.ts
// The audit's view of what the cluster runs: every pod template of Deployments, StatefulSets, DaemonSets, CronJobs,
// Jobs, ReplicaSets without an owner and bare Pods, each running pod counted once through its top owner, with the
// platforms of the nodes its pods run on. Read only (list). The result is written as manifests (one document per
// workload, the pod template as the cluster holds it), so the gate's inventory and checks run on it unchanged.
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'];
const key = (kind, ns, name) => `${kind}/${ns}/${name}`;
/** The top owner of a pod: ReplicaSet -> its Deployment, Job -> its CronJob (when the cluster holds them). */
function topOf(kind, ns, name, owners) {
    let k = key(kind, ns, name);
    for (let i = 0; i < 4; i++) {
        const o = owners.get(k);
        if (!o)
            return k;
        k = key(o.kind, ns, o.name);
    }
    return k;
}
async function readRunningWorkloads(kube, namespaces) {
    const unreadable = [];
    const scopes = namespaces.length ? namespaces : [undefined];
    const all = [];
    const pods = [];
    const take = (r, into) => {
        if (r.state === 'found')
            into.push(...r.value);
        else if (r.state === 'unverifiable')
            unreadable.push(r.reason);
    };
    for (const ns of scopes) {
        for (const kind of KINDS)
            take(await kube.listWorkloads(kind, ns), all);
        take(await kube.listPods(ns), pods);
    }
    const nodes = await kube.listNodes();
    const nodePlatform = new Map();
    if (nodes.state === 'found') {
        for (const n of nodes.value) {
            const os = n.labels['kubernetes.io/os'];
            const arch = n.labels['kubernetes.io/arch'];
            if (os && arch)
                nodePlatform.set(n.name, `${os}/${arch}`);
        }
    }
    else if (nodes.state === 'unverifiable')
        unreadable.push(nodes.reason);
    const owners = new Map();
    for (const w of all)
        if (w.owner)
            owners.set(key(w.kind, w.namespace, w.name), w.owner);
    const byKey = new Map();
    for (const w of all) {
        // Owned ReplicaSets and Jobs are their owner's template (a Deployment's old ReplicaSets included: their pods
        // count under the Deployment, their image is checked through the pods below).
        if (w.owner && (w.kind === 'ReplicaSet' || w.kind === 'Job'))
            continue;
        byKey.set(key(w.kind, w.namespace, w.name), { ...w, runningPods: 0, nodePlatforms: [] });
    }
    for (const p of pods) {
        const top = p.owner ? topOf(p.owner.kind, p.namespace, p.owner.name, owners) : key('Pod', p.namespace, p.name);
        let w = byKey.get(top);
        const running = p.phase === 'Running';
        if (!w) {
            // A bare pod, or a pod whose owner is outside what was read: the pod's own spec is the template.
            w = {
                kind: 'Pod',
                namespace: p.namespace,
                name: top === key('Pod', p.namespace, p.name) ? p.name : top.split('/').slice(2).join('/'),
                serviceAccount: p.serviceAccount,
                imagePullSecrets: p.imagePullSecrets,
                containers: p.containers,
                nodeSelector: {},
                runningPods: 0,
                nodePlatforms: [],
            };
            byKey.set(top, w);
        }
        if (running)
            w.runningPods += 1;
        // A pod that runs an image the template no longer names (an older ReplicaSet's pods): that image runs too.
        for (const c of p.containers) {
            if (!w.containers.some((x) => x.name === c.name && x.image === c.image))
                w.containers.push(c);
        }
        const plat = p.nodeName ? nodePlatform.get(p.nodeName) : undefined;
        if (plat && !w.nodePlatforms.includes(plat))
            w.nodePlatforms.push(plat);
    }
    const platforms = [...new Set(nodePlatform.values())].sort().map((s) => {
        const [os, architecture] = s.split('/');
        return { os, architecture };
    });
    return {
        workloads: [...byKey.values()].sort((a, b) => key(a.kind, a.namespace, a.name).localeCompare(key(b.kind, b.namespace, b.name))),
        platforms,
        unreadable,
        requests: kube.requests(),
    };
}
/** `Deployment prod/orders-api`. */
function workloadName(w) {
    return `${w.kind} ${w.namespace}/${w.name}`;
}
/**
 * The workloads as one manifest stream (JSON documents, one line each; the inventory reads them as YAML). A workload
 * whose pods all run on one os/arch gets that as nodeSelector, so its images are checked for the platform it runs on.
 * Returns the text and, per line (1-based), the workload the document is.
 */
function workloadManifests(list) {
    const lines = [];
    const byLine = new Map();
    for (const w of list) {
        const selector = { ...w.nodeSelector };
        if (w.nodePlatforms.length === 1) {
            const [os, arch] = w.nodePlatforms[0].split('/');
            selector['kubernetes.io/os'] = os;
            selector['kubernetes.io/arch'] = arch;
        }
        const spec = {
            serviceAccountName: w.serviceAccount,
            ...(w.imagePullSecrets.length ? { imagePullSecrets: w.imagePullSecrets.map((name) => ({ name })) } : {}),
            ...(Object.keys(selector).length ? { nodeSelector: selector } : {}),
            containers: w.containers.filter((c) => !c.init).map((c, i) => ({ name: c.name || `c${i}`, image: c.image })),
            ...(w.containers.some((c) => c.init)
                ? { initContainers: w.containers.filter((c) => c.init).map((c) => ({ name: c.name, image: c.image })) }
                : {}),
        };
        if (lines.length)
            lines.push('---');
        byLine.set(lines.length + 1, w);
        lines.push(JSON.stringify({
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: `${w.kind.toLowerCase()}.${w.name}`, namespace: w.namespace },
            spec,
        }));
    }
    return { text: lines.join('\n') + '\n', byLine };
}

// EXTERNAL MODULE: ./src/checks/images.ts
var checks_images = __webpack_require__(75039);
;// CONCATENATED MODULE: ./src/checks/workloads.ts
// Pure: the findings of the gate's checks on the cluster's running workloads (written as manifests, one document per
// workload), regrouped the audit's way: one finding per rule, image and cause listing every workload that runs it
// (`Deployment prod/orders-api`, container `api`), instead of a line of a file. A running image whose tag is gone
// says what that means: the pods run from the node cache, and the next node that pulls it fails.

const SHOWN = 10;
/** Where a finding applies in the cluster: the workload (and container), as JSON's `locations[]` carry it. */
function workloadLocation(w, container) {
    // `Deployment prod/orders-api` -> kubernetes:prod/Deployment/orders-api
    const [kind, ref = ''] = w.workload.split(' ');
    const name = ref.slice(ref.indexOf('/') + 1);
    return {
        file: `kubernetes:${w.namespace}/${kind}/${name}`,
        line: 1,
        column: 1,
        workload: w.workload,
        namespace: w.namespace,
        ...(container ? { container } : {}),
    };
}
function groupWorkloadFindings(findings, uses, byLine) {
    const groups = new Map();
    const order = [];
    for (const f of findings) {
        // A finding the report already grouped carries every place in `locations` (the first is `location`).
        const places = f.locations?.length ? f.locations : f.location ? [f.location] : [];
        const { location: _drop, locations: _dropAll, ...rest } = f;
        void _drop;
        void _dropAll;
        const k = `${f.rule}\u0000${f.image ?? ''}\u0000${f.registry ?? ''}\u0000${f.message}`;
        let g = groups.get(k);
        if (!g) {
            g = { f: rest, where: [] };
            groups.set(k, g);
            order.push(k);
        }
        for (const place of places) {
            const line = place.line;
            const w = byLine.get(line);
            if (!w)
                continue;
            const use = uses.find((u) => u.location.line === line && (!f.image || u.ref?.normalized === f.image || u.image === f.image));
            const label = `${w.workload}${use ? ` (container ${use.container})` : ''}`;
            if (!g.where.some((x) => x.label === label))
                g.where.push({ label, ns: w.namespace, pods: w.runningPods, at: workloadLocation(w, use?.container) });
        }
    }
    return order.map((k) => {
        const { f, where } = groups.get(k);
        if (where.length === 0)
            return f;
        const names = where.map((x) => x.label);
        const pods = where.reduce((n, x) => n + x.pods, 0);
        const list = names.slice(0, SHOWN).join(', ') + (names.length > SHOWN ? ` and ${names.length - SHOWN} more` : '');
        let message = `${f.message} Running in ${where.length} workload(s): ${list}.`;
        if (f.rule === checks_images/* IMAGE_NOT_FOUND */.vG && pods > 0)
            message += ` Running on ${pods} pod(s) from the node cache; the next node that pulls it fails.`;
        return {
            ...f,
            message,
            location: where[0].at,
            locations: where.map((x) => x.at),
            evidence: {
                ...(f.evidence ?? {}),
                workloads: names,
                namespaces: [...new Set(where.map((x) => x.ns))].sort(),
                runningPods: pods,
            },
        };
    });
}

;// CONCATENATED MODULE: ./src/checks/workloads-unreadable.ts
// workloads-unreadable: the audit could not read every running workload (the Kubernetes API refused or did not answer
// a list of a workload kind, of pods or of nodes). One finding per audit naming each refused read, and the fix: the
// least-privilege ClusterRole the README names. The only place the rule is emitted.
const WORKLOADS_UNREADABLE = 'workloads-unreadable';
/** The README's least-privilege ClusterRole for the audit (and diagnose). */
const AUDIT_CLUSTER_ROLE = 'aks-pull-gate-reader';
/** One warning listing every read that failed (reasons as facts/kubernetes/workloads.ts words them), or none. */
function workloadsUnreadable(reasons) {
    const reads = [...new Set(reasons)];
    if (reads.length === 0)
        return [];
    return [
        {
            rule: WORKLOADS_UNREADABLE,
            severity: 'warning',
            message: `The audit could not read every running workload: ${reads.join('; ')}. The images of what it could not read are not checked.`,
            remediation: `Bind the gate's identity to the ClusterRole ${AUDIT_CLUSTER_ROLE} from the README (get and list on pods, nodes, events, serviceaccounts, namespaces, secrets; deployments, replicasets, statefulsets, daemonsets; jobs, cronjobs), e.g. kubectl create clusterrolebinding ${AUDIT_CLUSTER_ROLE} --clusterrole ${AUDIT_CLUSTER_ROLE} --user <the gate's object id>`,
            evidence: { reads },
        },
    ];
}

;// CONCATENATED MODULE: ./src/audit-workloads.ts
// The audit's workload pass (issue 17 §1): the pod templates the cluster runs, through the kubeconfig, checked by the
// gate's own check pipeline as if they were manifests, with the platforms of the nodes the pods run on; findings
// regrouped to name workloads (checks/workloads.ts). Called once from the audit in gate.ts.





async function auditWorkloads(config, ctx, check) {
    if (config.workloads === false || !ctx.kubeconfigPath)
        return undefined;
    const env = process.env;
    const kube = liveClusterReader(ctx.kubeconfigPath, ctx.proxyEnv, {
        // A person can answer a login prompt only outside CI and on a terminal (as for the pull-secret reads).
        interactive: env.CI !== 'true' && env.GITHUB_ACTIONS !== 'true' && !!process.stdin.isTTY,
        signal: ctx.signal,
        env,
    });
    const running = await readRunningWorkloads(kube, config.auditNamespaces ?? []);
    // A cluster that runs nothing (or nothing the gate may read) has no images to check.
    if (running.workloads.length === 0) {
        return {
            findings: workloadsUnreadable(running.unreadable),
            workloads: 0,
            images: 0,
            kubernetesRequests: kube.requests(),
            requests: {},
        };
    }
    const { text, byLine } = workloadManifests(running.workloads);
    const file = 'cluster-workloads';
    const inventory = await (0,inventory_inventory/* buildInventory */.Rs)({
        manifests: ['-'],
        cwd: config.cwd,
        namespace: config.namespace,
        maxFileBytes: Math.max(config.maxFileBytes, Buffer.byteLength(text) + 1),
        readStdin: () => Promise.resolve(Buffer.from(text)),
    });
    const lines = new Map([...byLine].map(([line, w]) => [
        line,
        { workload: workloadName(w), namespace: w.namespace, runningPods: w.runningPods },
    ]));
    const platforms = running.platforms.length ? running.platforms : config.platforms;
    const result = await check({ ...config, mode: 'check', platforms, platformsExplicit: running.platforms.length > 0 }, inventory);
    // Static notices about the synthesized stream itself (e.g. mutable tags) keep their rule; none names a file.
    const findings = groupWorkloadFindings(result.findings.filter((f) => !inventory_inventory/* FILE_NOTICES */.h_.includes(f.rule)), inventory.uses, lines);
    findings.push(...workloadsUnreadable(running.unreadable));
    void file;
    return {
        findings,
        workloads: running.workloads.length,
        images: new Set(inventory.uses.map((u) => u.ref?.normalized ?? u.image)).size,
        kubernetesRequests: kube.requests(),
        requests: result.requests,
    };
}


/***/ })

};
