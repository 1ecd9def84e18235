export const id = 108;
export const ids = [108];
export const modules = {

/***/ 43108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDiagnose: () => (/* binding */ runDiagnose)
});

// UNUSED EXPORTS: topOwner

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/settings/config.ts
var settings_config = __webpack_require__(69551);
// EXTERNAL MODULE: ./src/rules/remediation.ts
var remediation = __webpack_require__(27870);
// EXTERNAL MODULE: ./src/rules/catalogue.ts
var catalogue = __webpack_require__(91062);
;// CONCATENATED MODULE: ./src/checks/ruled-out.ts
// Pure: diagnose's "ruled out" lines for the network and the kubelet identity, from the facts the run read (issue 17:
// "network: public access enabled, no firewall rules", "network: private endpoint approved, privatelink zone linked
// to the cluster VNet, A record 10.x.x.x") — never a generic sentence. When the facts that would say it were not read,
// nothing is ruled out.
const ruled_out_name = (id) => id.split('/').pop() ?? id;
function firewallWords(r, egress) {
    const deny = (r.defaultAction ?? 'Allow').toLowerCase() === 'deny';
    if (!deny)
        return r.ipRules.length ? `firewall default Allow (${r.ipRules.length} ip rule(s))` : 'no firewall rules';
    const cidrs = egress.addresses.map((a) => a.cidr);
    const rules = [
        ...(r.ipRules.length ? [`ip rules ${r.ipRules.join(', ')}`] : []),
        ...(r.virtualNetworkRules?.length ? [`${r.virtualNetworkRules.length} VNet rule(s)`] : []),
    ];
    return `firewall default Deny with ${rules.join(' and ') || 'no rules'}${cidrs.length ? `, which let in the cluster's egress ${cidrs.join(', ')}` : ''}`;
}
function endpointWords(r) {
    const out = [];
    for (const pe of r.privateEndpoints.filter((p) => p.status.toLowerCase() === 'approved')) {
        const parts = [`private endpoint ${ruled_out_name(pe.endpointId ?? pe.connectionId)} approved (${pe.reach})`];
        const zone = r.privateZones.find((z) => z.linkedToNodes);
        if (zone) {
            parts.push(`${zone.name} linked to the cluster VNet${zone.linkName ? ` (link ${zone.linkName})` : ''}`);
            const records = Object.entries(zone.records ?? {}).filter(([, ips]) => ips.length > 0);
            for (const [record, ips] of records)
                parts.push(`A record ${record} → ${ips.join(', ')}`);
        }
        out.push(parts.join(', '));
    }
    return out;
}
/** "network: ..." for the registry of `loginServer`, or undefined when the run did not read its network posture. */
function networkRuledOut(facts, loginServer) {
    const n = facts.network;
    const r = n?.registries.find((x) => x.loginServer.toLowerCase() === loginServer.toLowerCase());
    if (!n || !r)
        return undefined;
    const publicOn = (r.publicNetworkAccess ?? 'Enabled').toLowerCase() !== 'disabled';
    const parts = publicOn ? [`public access enabled, ${firewallWords(r, n.egress)}`] : ['public access disabled'];
    parts.push(...endpointWords(r));
    if (n.nodes.customDnsServers.length === 0 && r.privateEndpoints.length)
        parts.push('the nodes use Azure DNS');
    return `network: ${parts.join('; ')}`;
}
/** "authorization: ..." from the kubelet's working pull path (the assignment that grants it), or undefined. */
function authorizationRuledOut(facts, image) {
    const kubelet = facts.paths?.find((p) => p.path === 'kubelet' && p.image === image && p.state === 'works');
    if (!kubelet)
        return undefined;
    return `authorization: the kubelet identity may pull: ${kubelet.reason ?? 'a role assignment grants pull on the registry'}`;
}

;// CONCATENATED MODULE: ./src/checks/diagnose.ts
// Pure: the kubelet's pull-failure text classified as the field guide does, and one pod's diagnosis composed from
// what the cluster says (pod, events, node) and what the gate's checks found for the pod's images.



/** Classifies the kubelet's message (containerd's wording as AKS nodes print it). Order matters: see the comments. */
function classifyPullMessage(message) {
    const m = message.toLowerCase();
    // "no match for platform in manifest: not found" also says "not found": platform first.
    if (m.includes('no match for platform in manifest'))
        return 'platform';
    if (m.includes('toomanyrequests'))
        return 'rate-limit';
    if (m.includes('x509'))
        return 'tls';
    // ACR's firewall answers 403 naming the client IP ("client with IP '…' is not allowed access").
    if (/403 forbidden/.test(m) && /client (with )?ip|\b\d{1,3}(\.\d{1,3}){3}\b/.test(m))
        return 'firewall';
    if (m.includes('401 unauthorized') ||
        m.includes('failed to authorize') ||
        m.includes('unauthorized: authentication required'))
        return 'authorization';
    if (/i\/o timeout|dial tcp|no such host|context deadline exceeded/.test(m))
        return 'network';
    if (m.includes('manifest unknown') || m.includes('not found'))
        return 'image';
    return 'unclassified';
}
/** The failure class a finding of this rule explains (rules/catalogue.ts: pullFailure). */
function classOf(rule) {
    return (0,catalogue/* ruleById */.BD)(rule)?.pullFailure;
}
/** Which finding classes an event class is consistent with (a 401 is the kubelet identity or the pull secret). */
const CONSISTENT = {
    authorization: ['authorization', 'pull-secret'],
    'pull-secret': ['pull-secret', 'authorization'],
    image: ['image'],
    platform: ['platform'],
    firewall: ['firewall', 'network'],
    network: ['network', 'firewall'],
    tls: [],
    'rate-limit': [],
    unclassified: [],
};
const PULL_WAIT = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);
function tagOf(image) {
    const at = image.indexOf('@');
    const noDigest = at >= 0 ? image.slice(0, at) : image;
    const slash = noDigest.lastIndexOf('/');
    const colon = noDigest.lastIndexOf(':');
    return colon > slash ? noDigest.slice(colon + 1) : 'latest';
}
function sameImage(a, b) {
    const norm = (s) => (/:[^/]+$/.test(s.split('@')[0]) || s.includes('@') ? s : `${s}:latest`);
    return norm(a) === norm(b);
}
function eventFix(cls, image, pod) {
    if (cls === 'rate-limit')
        return {
            summary: `Docker Hub's pull rate limit (toomanyrequests) refused the node's anonymous or free-tier pull of ${image}`,
            fix: `${(0,remediation/* acrImport */.UX)('<your registry>', image.startsWith('docker.io/') ? image : `docker.io/${image}`, image.replace(/^docker\.io\//, ''))}  # then pull it from your registry (or add a Docker Hub pull secret to ${pod.namespace}/${pod.serviceAccount})`,
        };
    if (cls === 'tls')
        return {
            summary: `the node does not trust the registry's TLS certificate (x509) for ${image}: a TLS-inspecting proxy or firewall on the egress path, or a private registry with its own CA`,
            fix: 'exempt the registry hosts from TLS inspection on the egress firewall, or give the nodes the CA (AKS custom CA trust: az aks update --custom-ca-trust-certificates <file>)',
        };
    return undefined;
}
function diagnosePod(input) {
    const { pod } = input;
    const ref = `${pod.namespace}/${pod.name}`;
    const labels = input.nodeLabels ?? {};
    const out = {
        pod: ref,
        ...(pod.nodeName ? { node: pod.nodeName } : {}),
        ...(labels['kubernetes.azure.com/agentpool'] ? { pool: labels['kubernetes.azure.com/agentpool'] } : {}),
        ...(labels['kubernetes.io/os']
            ? { platform: `${labels['kubernetes.io/os']}/${labels['kubernetes.io/arch'] ?? 'amd64'}` }
            : {}),
        failing: false,
        ruledOut: [],
        confirm: [],
        olderImagePods: [],
        checked: [...input.checked],
    };
    const waiting = pod.statuses.find((s) => s.state === 'waiting' && s.reason && PULL_WAIT.has(s.reason));
    if (!waiting) {
        const crash = pod.statuses.find((s) => s.reason === 'CrashLoopBackOff' || s.lastTerminationReason === 'Error');
        if (crash)
            out.notFailing = `not failing to pull: container ${crash.name} is in ${crash.reason ?? 'a restart loop'}; the image pulled, so look at its logs: kubectl logs ${pod.name} -n ${pod.namespace} -c ${crash.name} --previous`;
        else {
            const other = pod.statuses.find((s) => s.state === 'waiting' && s.reason);
            out.notFailing = other
                ? `not failing to pull: container ${other.name} waits in ${other.reason}, which is not a pull failure (${(0,remediation/* kubectlDescribePod */.hf)(pod.namespace, pod.name)})`
                : `not failing to pull: the pod is ${pod.phase}${pod.statuses.every((s) => s.state === 'running') && pod.statuses.length ? ', every container running' : ''}`;
        }
        return out;
    }
    out.failing = true;
    out.container = waiting.name;
    const image = pod.containers.find((c) => c.name === waiting.name)?.image ?? waiting.image;
    out.image = image;
    // The kubelet's reason: the newest `Failed` event that quotes the pull error (not the bare "Error: ErrImagePull").
    const failed = input.events
        .filter((e) => e.reason === 'Failed' && !/^Error: /.test(e.message))
        .sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''))[0];
    const message = failed?.message ?? waiting.message ?? '';
    const missingSecret = input.events.find((e) => /Unable to retrieve some image pull secrets/.test(e.message));
    const cls = message ? classifyPullMessage(message) : 'unclassified';
    out.event = { reason: failed?.reason ?? waiting.reason ?? '', message, class: cls };
    const findings = (input.report?.findings ?? []).filter((f) => f.severity === 'error' && (!f.image || sameImage(f.image, image) || f.image === image));
    const classed = findings.flatMap((f) => {
        const c = classOf(f.rule);
        return c ? [{ f, c }] : [];
    });
    // A pod that names pull secrets pulls with them: their failure comes before the kubelet identity's (which the node
    // tries too, and which is then no surprise).
    const rank = (c) => (pod.imagePullSecrets.length > 0 && c === 'pull-secret' ? 0 : 1);
    const consistent = classed.filter((x) => CONSISTENT[cls].includes(x.c)).sort((a, b) => rank(a.c) - rank(b.c));
    const pick = consistent[0] ?? classed[0];
    if (pick) {
        out.cause = {
            class: pick.c,
            rule: pick.f.rule,
            summary: pick.f.message,
            evidence: [
                ...(message ? [`kubelet (${out.event.reason}): ${message}`] : []),
                ...Object.entries(pick.f.evidence ?? {}).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
            ],
            ...(pick.f.remediation ? { fix: pick.f.remediation } : {}),
        };
        if (!consistent.length && cls !== 'unclassified')
            out.disagreement = `the event reads as ${cls} but the checks find ${pick.c} (${pick.f.rule}); the checks read the registry and Azure as they are now`;
    }
    else {
        const fromEvent = eventFix(cls, image, pod);
        if (fromEvent) {
            out.cause = {
                class: cls,
                summary: fromEvent.summary,
                evidence: [`kubelet: ${message}`],
                ...(fromEvent.fix ? { fix: fromEvent.fix } : {}),
            };
        }
        else if (cls === 'authorization') {
            out.disagreement = `the event says the registry refused the credentials (401), but the checks find that the kubelet identity may pull and the pull secrets work: a role assignment can take several minutes to propagate, or the pull secret was rotated since the last attempt; confirm with a restart`;
        }
        else if (cls !== 'unclassified') {
            out.disagreement = `the event reads as ${cls}, but no check reproduces it now (it may have been transient)`;
        }
    }
    if (missingSecret && out.cause?.class !== 'pull-secret')
        out.checked.push(`kubelet: ${missingSecret.message}`);
    // Ruled out: what the checks verified for this image.
    const img = input.report?.images.find((i) => sameImage(i.reference, image));
    const concerns = new Set(findings.map((f) => classOf(f.rule)));
    if (img && img.status === 'ok' && !concerns.has('image') && !concerns.has('platform')) {
        out.ruledOut.push(`image: the tag exists: ${tagOf(image)} → ${img.digest ?? '(digest not read)'}${img.platforms?.length ? `, platforms ${img.platforms.join(', ')}` : ''}${out.platform ? ` (the pool runs ${out.platform})` : ''}`);
    }
    // Only what the run read says so, in its own words (the assignment that grants, the registry's network posture).
    if (input.report?.cluster) {
        const facts = input.facts ?? {};
        const reference = img?.reference ?? image;
        const auth = concerns.has('authorization') ? undefined : authorizationRuledOut(facts, reference);
        if (auth)
            out.ruledOut.push(auth);
        const registry = img?.registry ?? reference.split('/')[0];
        const net = concerns.has('firewall') || concerns.has('network') ? undefined : networkRuledOut(facts, registry);
        if (net)
            out.ruledOut.push(net);
    }
    if (!concerns.has('pull-secret')) {
        out.ruledOut.push(pod.imagePullSecrets.length
            ? `pull secrets: ${pod.imagePullSecrets.join(', ')} exist and hold a working credential for the registry`
            : `pull secrets: none on the pod or on ServiceAccount ${pod.namespace}/${pod.serviceAccount} that a check found broken`);
    }
    const w = input.workload;
    if (w && w.kind !== 'Pod') {
        const res = w.kind.toLowerCase();
        out.confirm.push((0,remediation/* kubectlRolloutRestart */.NY)(pod.namespace, `${res}/${w.name}`));
    }
    else
        out.confirm.push(`${(0,remediation/* kubectlDeletePod */.n5)(pod.namespace, pod.name)}  # a bare pod: re-create it from its manifest`);
    out.confirm.push((0,remediation/* kubectlWatchPods */.AN)(pod.namespace));
    for (const s of input.siblings) {
        if (s.name === pod.name)
            continue;
        const st = s.statuses.find((c) => c.name === waiting.name && c.state === 'running');
        if (st && !sameImage(st.image, image))
            out.olderImagePods.push({
                pod: `${s.namespace}/${s.name}`,
                ...(s.nodeName ? { node: s.nodeName } : {}),
                image: st.image,
                ...(st.imageID ? { imageID: st.imageID } : {}),
            });
    }
    return out;
}

// EXTERNAL MODULE: ./src/facts/kubernetes/live.ts
var live = __webpack_require__(92060);
;// CONCATENATED MODULE: ./src/diagnose.ts
// `aks-pull-gate diagnose`: why is this pod in ImagePullBackOff? Reads the pod, its events, its node and its
// workload's other pods through the kubeconfig (get and list only, plus SelfSubjectAccessReview to say what it may not
// read), runs the gate's checks on the pod's images with the pod's real namespace, ServiceAccount, pull secrets and
// its node pool's platform, and composes one root cause (checks/diagnose.ts). Under --simulate the world's
// Kubernetes objects and Azure are the emulator's.






const diagnose_PULL_WAIT = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull', 'InvalidImageName']);
function isFailingToPull(p) {
    return p.statuses.some((s) => s.state === 'waiting' && !!s.reason && diagnose_PULL_WAIT.has(s.reason));
}
/** The workload a pod belongs to, through its ReplicaSet's name (`<deployment>-<pod-template-hash>`). */
function topOwner(p) {
    const o = p.owner;
    if (!o)
        return { kind: 'Pod', name: p.name };
    const hash = p.labels['pod-template-hash'];
    if (o.kind === 'ReplicaSet' && hash && o.name.endsWith(`-${hash}`))
        return { kind: 'Deployment', name: o.name.slice(0, -hash.length - 1) };
    return o;
}
function podManifest(p) {
    return JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: p.name, namespace: p.namespace },
        spec: {
            serviceAccountName: p.serviceAccount,
            ...(p.imagePullSecrets.length ? { imagePullSecrets: p.imagePullSecrets.map((name) => ({ name })) } : {}),
            containers: p.containers.filter((c) => !c.init).map((c) => ({ name: c.name, image: c.image })),
            ...(p.containers.some((c) => c.init)
                ? { initContainers: p.containers.filter((c) => c.init).map((c) => ({ name: c.name, image: c.image })) }
                : {}),
        },
    });
}
function kubeconfigFrom(env) {
    const candidates = env.KUBECONFIG
        ? env.KUBECONFIG.split((external_node_path_default()).delimiter)
        : [external_node_path_default().join(external_node_os_default().homedir(), '.kube', 'config')];
    return candidates.find((p) => p && (0,external_node_fs_.existsSync)(p));
}
async function runDiagnose(config, target, deps) {
    let emulator;
    let cluster = config.cluster;
    if (config.simulate) {
        const { loadWorld, startEmulator } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(243), __webpack_require__.e(860), __webpack_require__.e(686), __webpack_require__.e(861), __webpack_require__.e(746)]).then(__webpack_require__.bind(__webpack_require__, 25746));
        const world = await loadWorld(config.simulate);
        if (!cluster) {
            const clusters = world.azure.resources.filter((r) => String(r.type).toLowerCase() === 'microsoft.containerservice/managedclusters');
            if (clusters.length === 1)
                cluster = String(clusters[0].id);
        }
        emulator = await startEmulator(world);
    }
    try {
        const kubeconfig = emulator?.kubeconfigPath ?? kubeconfigFrom(deps.env ?? process.env);
        if (!kubeconfig)
            throw new settings_config/* ConfigurationError */.j1('diagnose needs a kubeconfig (KUBECONFIG or ~/.kube/config)');
        const env = deps.env ?? process.env;
        const kube = (0,live/* liveClusterReader */.o)(kubeconfig, emulator ? undefined : env, {
            interactive: env.CI !== 'true' && env.GITHUB_ACTIONS !== 'true' && !!process.stdin.isTTY,
            env,
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        return await diagnoseWith(kube, { ...config, ...(cluster ? { cluster } : {}) }, target, deps);
    }
    finally {
        await emulator?.close();
    }
}
async function diagnoseWith(kube, config, target, deps) {
    const cannotRead = [];
    const note = async (verb, resource, ns, reason) => {
        const allowed = await kube.canI(verb, '', resource, ns);
        cannotRead.push(`${verb} ${resource}${ns ? ` in ${ns}` : ''}: ${allowed === false ? 'not allowed for the kubeconfig user (SelfSubjectAccessReview)' : (reason ?? 'failed')}`);
    };
    let pods = [];
    if (target.pod) {
        const r = await kube.readPod(target.pod.namespace, target.pod.name);
        if (r.state === 'absent')
            throw new settings_config/* ConfigurationError */.j1(`pod ${target.pod.namespace}/${target.pod.name} not found`);
        if (r.state === 'unverifiable') {
            await note('get', 'pods', target.pod.namespace, r.reason);
            return { pods: [], cannotRead, exitCode: 1 };
        }
        pods = [r.value];
    }
    else if (target.namespace) {
        const r = await kube.listPods(target.namespace, target.selector);
        if (r.state === 'unverifiable') {
            await note('list', 'pods', target.namespace, r.reason);
            return { pods: [], cannotRead, exitCode: 1 };
        }
        pods = r.state === 'found' ? r.value.filter(isFailingToPull) : [];
    }
    const nodes = await kube.listNodes();
    if (nodes.state === 'unverifiable')
        await note('list', 'nodes', undefined, nodes.reason);
    const nodeLabels = new Map((nodes.state === 'found' ? nodes.value : []).map((n) => [n.name, n.labels]));
    const out = [];
    const { runGate } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(548), __webpack_require__.e(732)]).then(__webpack_require__.bind(__webpack_require__, 92732));
    for (const pod of pods) {
        const checked = [`pod ${pod.namespace}/${pod.name} (spec and container statuses)`];
        const failing = isFailingToPull(pod);
        const events = failing ? await kube.listPodEvents(pod.namespace, pod.name) : { state: 'found', value: [] };
        if (events.state === 'unverifiable')
            await note('list', 'events', pod.namespace, events.reason);
        else if (failing)
            checked.push(`${events.state === 'found' ? events.value.length : 0} event(s) of the pod`);
        const labels = pod.nodeName ? nodeLabels.get(pod.nodeName) : undefined;
        if (labels)
            checked.push(`node ${pod.nodeName} (pool ${labels['kubernetes.azure.com/agentpool'] ?? '?'})`);
        const workload = topOwner(pod);
        let siblings = [];
        let report;
        let facts;
        if (failing) {
            const sib = await kube.listPods(pod.namespace);
            siblings =
                sib.state === 'found'
                    ? sib.value.filter((s) => topOwner(s).name === workload.name && topOwner(s).kind === workload.kind)
                    : [];
            const os_ = labels?.['kubernetes.io/os'];
            const arch = labels?.['kubernetes.io/arch'];
            const platforms = os_ && arch ? [{ os: os_, architecture: arch }] : config.platforms;
            const manifest = podManifest(pod);
            const gate = await runGate({
                ...config,
                mode: 'check',
                manifests: ['-'],
                namespace: pod.namespace,
                platforms,
                platformsExplicit: !!(os_ && arch),
            }, { ...deps, readStdin: () => Promise.resolve(Buffer.from(manifest)) });
            report = gate.report;
            facts = gate.facts;
            checked.push(`the gate's checks of ${pod.containers.map((c) => c.image).join(', ')}${config.cluster ? ` on cluster ${config.cluster}` : ' (no cluster given: identity and network not checked)'}`);
        }
        out.push(diagnosePod({
            pod,
            events: events.state === 'found' ? events.value : [],
            ...(labels ? { nodeLabels: labels } : {}),
            ...(report ? { report } : {}),
            ...(facts ? { facts } : {}),
            siblings,
            workload,
            checked,
        }));
    }
    const failing = out.filter((d) => d.failing);
    const exitCode = failing.length > 0 && failing.every((d) => d.cause) ? 0 : 1;
    return { pods: out, cannotRead, exitCode };
}


/***/ }),

/***/ 92060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ liveClusterReader)
/* harmony export */ });
/* unused harmony export podFromApi */
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1196);
/* harmony import */ var _kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34629);
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
    const kc = (0,_kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .loadKubeconfig */ .iz)(kubeconfigPath);
    let api;
    try {
        api = (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .kubeApi */ .Q1)(kc, {
            interactive: opts.interactive ?? true,
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.env ? { env: opts.env } : {}),
            ...(proxyEnv ? { proxyEnv } : {}),
            ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
        });
    }
    catch (err) {
        if (!(err instanceof _kubeconfig_js__WEBPACK_IMPORTED_MODULE_1__/* .KubeconfigProblem */ .Ve))
            throw err;
        // A login that waits for a person, or a plugin not installed: every read says so, none is sent.
        const refused = () => Promise.reject(new _api_js__WEBPACK_IMPORTED_MODULE_0__/* .KubeApiError */ .W3('refused', err.message));
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
                return (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(err, 'get pods', where(namespace));
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
                return (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(err, 'list pods', where(namespace));
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
                return (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(err, 'list events', where(namespace));
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
                return (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(err, 'list nodes', 'at the cluster scope');
            }
        },
        async listWorkloads(kind, namespace) {
            try {
                const [group, resource] = WORKLOAD_PATHS[kind].split('|');
                const items = await api.list(scoped(group, resource, namespace));
                return { state: 'found', value: items.map((o) => workloadFromApi(kind, o)) };
            }
            catch (err) {
                return (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(err, `list ${kind.toLowerCase()}s`, where(namespace));
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


/***/ })

};
