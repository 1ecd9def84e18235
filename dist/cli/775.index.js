export const id = 775;
export const ids = [775];
export const modules = {

/***/ 47775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/settings/config.ts
var settings_config = __webpack_require__(69551);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/settings/options.ts
// The one table of every option. Each entry is an action input and a CLI flag of the same kebab-case name (unless it
// is marked cliOnly), may be set in `.aks-pull-gate.yaml` (unless notInFile), and carries its default, its parser and
// its description. from-action.ts, from-cli.ts, the CLI help and the README's inputs table all read it; a test holds
// action.yml to it. action.yml gives no `default:` for these options: an empty input means "not given", so the
// repository file can set the default (github-token is the exception: only the runner can evaluate
// `${{ github.token }}`).

function opt(spec) {
    return spec;
}
const str = (name) => (raw) => {
    const v = raw.trim();
    if (v === '')
        throw new settings_config/* ConfigurationError */.j1(`${name} needs a value`);
    return v;
};
const COMMENT_KEY_RE = /^[\w.:/@+=-]{1,200}$/;
const OPTIONS = {
    mode: opt({
        name: 'mode',
        kind: 'string',
        default: 'check',
        parse: settings_config/* parseMode */.Zx,
        arg: 'check|audit',
        description: 'check (gate manifests before deploy) or audit (scheduled credential and expiry audit).',
    }),
    manifests: opt({
        name: 'manifests',
        kind: 'string',
        multiple: true,
        default: [],
        parse: (raw) => (0,settings_config/* parseLines */.Li)(raw),
        arg: 'path',
        description: 'Rendered manifests to gate: files, directories (recursive), globs, or - for stdin; one per line (the action splits on newlines only, so brace globs like k8s/{a,b}/*.yaml work).',
    }),
    namespace: opt({
        name: 'namespace',
        kind: 'string',
        default: settings_config/* DEFAULTS */.zY.namespace,
        parse: str('namespace'),
        arg: 'ns',
        description: 'Namespace of documents that name none.',
    }),
    cluster: opt({
        name: 'cluster',
        kind: 'string',
        parse: str('cluster'),
        arg: 'id',
        description: 'AKS cluster resource id (or give cluster-name + resource-group + subscription).',
    }),
    'cluster-name': opt({
        name: 'cluster-name',
        kind: 'string',
        parse: str('cluster-name'),
        arg: 'name',
        description: 'AKS cluster name (with resource-group and subscription).',
    }),
    'resource-group': opt({
        name: 'resource-group',
        kind: 'string',
        parse: str('resource-group'),
        arg: 'rg',
        description: 'Resource group of the AKS cluster.',
    }),
    subscription: opt({
        name: 'subscription',
        kind: 'string',
        parse: str('subscription'),
        arg: 'id',
        description: 'Subscription id of the AKS cluster.',
    }),
    registries: opt({
        name: 'registries',
        kind: 'string',
        multiple: true,
        default: [],
        parse: (raw) => (0,settings_config/* parseList */.E1)(raw),
        arg: 'id',
        aliases: ['registry'],
        description: 'Registry resource ids, one per line. Audit mode: the registries to audit (default: every registry the gate can see). Check mode: registries in subscriptions the gate cannot list, read by id (a registry in another tenant is then named with its tenant).',
    }),
    simulate: opt({
        name: 'simulate',
        kind: 'string',
        parse: str('simulate'),
        arg: 'world.yaml',
        description: 'Path of a world file: run against the loopback emulator instead of Azure (demos, incident reproduction).',
    }),
    format: opt({
        name: 'format',
        kind: 'string',
        default: 'text',
        parse: settings_config/* parseFormat */.Xc,
        arg: 'text|json|sarif|markdown',
        cliOnly: true,
        description: 'Report format on standard output (or in --output).',
    }),
    output: opt({
        name: 'output',
        kind: 'string',
        parse: str('output'),
        arg: 'file',
        cliOnly: true,
        description: 'Write the report to this file instead of standard output.',
    }),
    'fail-on': opt({
        name: 'fail-on',
        kind: 'string',
        default: settings_config/* DEFAULTS */.zY.failOn,
        parse: settings_config/* parseFailOn */.XV,
        arg: 'error|warning|never',
        description: 'Fail the step on findings at or above this severity: error, warning or never.',
    }),
    unverified: opt({
        name: 'unverified',
        kind: 'string',
        default: 'fail',
        parse: (raw) => (0,settings_config/* parseChoice */.HU)('unverified', ['fail', 'warn'], raw),
        arg: 'fail|warn',
        description: 'What an image the gate could not verify does: fail (not ready) or warn (fail open, for teams that choose to).',
    }),
    'expiry-warning-days': opt({
        name: 'expiry-warning-days',
        kind: 'string',
        default: settings_config/* DEFAULTS */.zY.expiryWarningDays,
        parse: (raw) => (0,settings_config/* parseNonNegativeInt */.Lz)('expiry-warning-days', raw),
        arg: 'n',
        description: 'Warn about credentials that expire within this many days.',
    }),
    platform: opt({
        name: 'platform',
        kind: 'string',
        multiple: true,
        parse: (raw) => (0,settings_config/* parseList */.E1)(raw).map(settings_config/* parsePlatform */.FL),
        defaultText: "the cluster's node pools; linux/amd64 without a cluster",
        arg: 'os/arch',
        description: "Platforms pods can land on (os/arch, one per line or comma-separated); when not given, the cluster's node pools decide.",
    }),
    'cluster-reads': opt({
        name: 'cluster-reads',
        kind: 'boolean',
        default: true,
        parse: (raw) => (0,settings_config/* parseBoolean */.yG)('cluster-reads', raw),
        description: 'Read Secrets and ServiceAccounts from the live cluster when a kubeconfig is present (azure/aks-set-context).',
    }),
    workloads: opt({
        name: 'workloads',
        kind: 'boolean',
        default: true,
        parse: (raw) => (0,settings_config/* parseBoolean */.yG)('workloads', raw),
        description: 'Audit mode: also check the pod templates the cluster runs (Deployments, StatefulSets, DaemonSets, CronJobs, Jobs, ownerless ReplicaSets, bare Pods) through the kubeconfig.',
    }),
    'audit-namespaces': opt({
        name: 'audit-namespaces',
        kind: 'string',
        multiple: true,
        default: [],
        parse: (raw) => (0,settings_config/* parseList */.E1)(raw),
        arg: 'ns',
        aliases: ['audit-namespace'],
        description: 'Audit mode: only the workloads of these namespaces, one per line (default: every namespace).',
    }),
    pod: opt({
        name: 'pod',
        kind: 'string',
        parse: str('pod'),
        arg: 'namespace/name',
        cliOnly: true,
        notInFile: true,
        description: 'diagnose: the pod waiting in ErrImagePull / ImagePullBackOff.',
    }),
    selector: opt({
        name: 'selector',
        kind: 'string',
        parse: str('selector'),
        arg: 'k=v',
        cliOnly: true,
        notInFile: true,
        description: 'diagnose with --namespace: only the pods with these labels.',
    }),
    offline: opt({
        name: 'offline',
        kind: 'boolean',
        default: false,
        parse: (raw) => (0,settings_config/* parseBoolean */.yG)('offline', raw),
        description: 'No network at all: inventory and static checks only.',
    }),
    'sarif-file': opt({
        name: 'sarif-file',
        kind: 'string',
        parse: str('sarif-file'),
        arg: 'file',
        description: 'Also write a SARIF 2.1.0 file at this path (for github/codeql-action/upload-sarif).',
    }),
    'comment-on-pr': opt({
        name: 'comment-on-pr',
        kind: 'boolean',
        default: true,
        parse: (raw) => (0,settings_config/* parseBoolean */.yG)('comment-on-pr', raw),
        githubOnly: true,
        description: 'On pull_request events, keep one sticky PR comment per cluster with the result.',
    }),
    'comment-when-clean': opt({
        name: 'comment-when-clean',
        kind: 'string',
        default: 'resolve',
        parse: (raw) => (0,settings_config/* parseChoice */.HU)('comment-when-clean', ['delete', 'resolve', 'keep'], raw),
        arg: 'resolve|delete|keep',
        githubOnly: true,
        description: 'What to do with the PR comment once everything passes: resolve (edit it to say so), delete, or keep.',
    }),
    'comment-key': opt({
        name: 'comment-key',
        kind: 'string',
        parse: (raw) => {
            const v = raw.trim();
            if (!COMMENT_KEY_RE.test(v)) {
                throw new settings_config/* ConfigurationError */.j1(`comment-key must be 1 to 200 letters, digits or . _ : / @ + = - (got "${raw}")`);
            }
            return v;
        },
        arg: 'key',
        githubOnly: true,
        description: 'Key of the sticky PR comment and the tracking issue, for jobs that share a cluster (default: the cluster resource id).',
    }),
    'tracking-issue': opt({
        name: 'tracking-issue',
        kind: 'boolean',
        default: false,
        parse: (raw) => (0,settings_config/* parseBoolean */.yG)('tracking-issue', raw),
        githubOnly: true,
        description: 'Audit mode: keep one tracking issue up to date with expiring credentials, closed when clean.',
    }),
    'github-token': opt({
        name: 'github-token',
        kind: 'string',
        parse: (raw) => raw.trim(),
        defaultText: '${{ github.token }} in the action; $GITHUB_TOKEN in the CLI',
        arg: 'token',
        githubOnly: true,
        notInFile: true,
        description: 'Token for the PR comment and the tracking issue (in the CLI, prefer the GITHUB_TOKEN variable).',
    }),
    'client-id': opt({
        name: 'client-id',
        kind: 'string',
        parse: str('client-id'),
        arg: 'id',
        description: 'Entra application (client) id for direct GitHub OIDC sign-in, without azure/login (needs permissions id-token: write).',
    }),
    'tenant-id': opt({
        name: 'tenant-id',
        kind: 'string',
        parse: str('tenant-id'),
        arg: 'id',
        description: 'Entra tenant id for direct GitHub OIDC sign-in.',
    }),
    'azure-environment': opt({
        name: 'azure-environment',
        kind: 'string',
        default: 'AzureCloud',
        parse: settings_config/* parseAzureEnvironment */.ak,
        arg: 'env',
        description: 'AzureCloud, AzureUSGovernment or AzureChinaCloud.',
    }),
    timeout: opt({
        name: 'timeout',
        kind: 'string',
        default: settings_config/* DEFAULTS */.zY.timeoutSeconds * 1000,
        defaultText: String(settings_config/* DEFAULTS */.zY.timeoutSeconds),
        parse: (raw) => (0,settings_config/* parseTimeoutSeconds */.yE)('timeout', raw),
        arg: 'seconds',
        description: 'Overall time limit in seconds, from 1 to 3600 (integer or decimal, no unit).',
    }),
    config: opt({
        name: 'config',
        kind: 'string',
        parse: str('config'),
        defaultText: '.aks-pull-gate.yaml at the workspace root, when present',
        arg: 'file',
        notInFile: true,
        description: "Repository settings file: any option's default and ignore: entries (accepted findings with reason and expires).",
    }),
};
/** Every option, in table order, as plain specs (for the help, the README and the readers). */
const OPTION_LIST = Object.values(OPTIONS);
/** How the default reads in the help and the README ('' when there is none). */
function defaultText(spec) {
    if (spec.defaultText !== undefined)
        return spec.defaultText;
    const d = spec.default;
    if (d === undefined || (Array.isArray(d) && d.length === 0))
        return '';
    return String(d);
}
/**
 * Pairs that cannot be given together (in one layer: a flag and the file may differ, the flag wins): the cluster as
 * a resource id and the cluster as name + resource group.
 */
const CONFLICTS = [
    ['cluster', 'cluster-name'],
    ['cluster', 'resource-group'],
];

;// CONCATENATED MODULE: ./src/settings/config-file.ts
// The repository settings file, `.aks-pull-gate.yaml`: any option's default (the table's names as keys) and `ignore:`
// entries, the findings a team accepts on purpose. Found at the workspace root (GITHUB_WORKSPACE, or the CLI's working
// directory) or named by `--config` / the `config` input. Every mistake in it is a ConfigurationError naming file:line
// (exit 2): an unknown key, a bad value, an ignore entry without reason or expires. Applying the entries to findings
// is not done here.





const SETTINGS_FILE_NAME = '.aks-pull-gate.yaml';
const MAX_SETTINGS_BYTES = 1024 * 1024;
/**
 * Reads the settings file: `explicitPath` (the --config flag / config input, relative to `root`) must exist; without
 * it, `<root>/.aks-pull-gate.yaml` is read when present. Undefined when there is none.
 */
function loadSettingsFile(explicitPath, root) {
    const file = explicitPath ? external_node_path_default().resolve(root, explicitPath) : external_node_path_default().join(root, SETTINGS_FILE_NAME);
    if (!explicitPath && !(0,external_node_fs_.existsSync)(file))
        return undefined;
    const rel = external_node_path_default().relative(root, file);
    const name = rel && !rel.startsWith('..') && !external_node_path_default().isAbsolute(rel) ? rel.split((external_node_path_default()).sep).join('/') : file;
    let text;
    try {
        const st = (0,external_node_fs_.statSync)(file);
        if (!st.isFile())
            throw new settings_config/* ConfigurationError */.j1(`config ${name} is not a file`);
        if (st.size > MAX_SETTINGS_BYTES)
            throw new settings_config/* ConfigurationError */.j1(`config ${name} is larger than 1 MiB`);
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        if (err instanceof settings_config/* ConfigurationError */.j1)
            throw err;
        throw new settings_config/* ConfigurationError */.j1(`config file ${name} cannot be read (${err.code ?? 'error'})`);
    }
    return parseSettingsFile(text, name);
}
const IGNORE_KEYS = ['rule', 'image', 'namespace', 'workload', 'reason', 'expires'];
const RULE_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Pure: the file's text -> validated values and ignore entries, or a ConfigurationError naming `name:line`. */
function parseSettingsFile(text, name) {
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
    const at = (node) => {
        const range = node && 'range' in node ? node.range : node && 'key' in node ? node.key?.range : undefined;
        return `${name}:${range ? lc.linePos(range[0]).line : 1}`;
    };
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = lc.linePos(e.pos[0]).line;
        throw new settings_config/* ConfigurationError */.j1(`${name}:${line}: not valid YAML (${e.message.split('\n')[0]})`);
    }
    const out = { name, values: new Map(), ignore: [] };
    const root = doc.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === '')))
        return out;
    if (!(0,dist/* isMap */.jh)(root))
        throw new settings_config/* ConfigurationError */.j1(`${at(root)}: the settings file must be a map of option: value`);
    for (const pair of root.items) {
        const keyNode = pair.key;
        const where = at(keyNode);
        const key = (0,dist/* isScalar */.jn)(keyNode) ? String(keyNode.value) : '';
        if (key === 'ignore') {
            out.ignore = parseIgnore(pair.value, name, at);
            continue;
        }
        const spec = OPTIONS[key];
        if (!spec || spec.cliOnly || spec.notInFile) {
            const why = spec?.notInFile
                ? ' (it cannot be set in the settings file)'
                : spec?.cliOnly
                    ? ' (a CLI-only flag)'
                    : '';
            throw new settings_config/* ConfigurationError */.j1(`${where}: unknown key "${key}"${why}; the file takes the action's input names and ignore:`);
        }
        out.values.set(key, { value: fileValue(spec, pair.value, where), where });
    }
    return out;
}
function fileValue(spec, node, where) {
    const scalarText = (n) => {
        if (!n || !(0,dist/* isScalar */.jn)(n) || n.value === null || n.value === undefined || typeof n.value === 'object')
            throw new settings_config/* ConfigurationError */.j1(`${where}: ${spec.name} needs a plain value`);
        return String(n.value);
    };
    try {
        if (spec.multiple && (0,dist/* isSeq */.oP)(node)) {
            return node.items.flatMap((item) => spec.parse(scalarText(item)));
        }
        if ((0,dist/* isSeq */.oP)(node))
            throw new settings_config/* ConfigurationError */.j1(`${spec.name} takes one value, not a list`);
        return spec.parse(scalarText(node));
    }
    catch (err) {
        if (err instanceof settings_config/* ConfigurationError */.j1 && !err.message.startsWith(where)) {
            throw new settings_config/* ConfigurationError */.j1(`${where}: ${err.message}`);
        }
        throw err;
    }
}
function parseIgnore(node, name, at) {
    if (node === null || ((0,dist/* isScalar */.jn)(node) && node.value === null))
        return [];
    if (!(0,dist/* isSeq */.oP)(node))
        throw new settings_config/* ConfigurationError */.j1(`${at(node)}: ignore must be a list of entries`);
    return node.items.map((item) => {
        const entryNode = item;
        const where = at(entryNode);
        if (!(0,dist/* isMap */.jh)(entryNode)) {
            throw new settings_config/* ConfigurationError */.j1(`${where}: an ignore entry is a map {rule, image, namespace, workload, reason, expires}`);
        }
        const fields = {};
        for (const pair of entryNode.items) {
            const k = pair.key;
            const key = (0,dist/* isScalar */.jn)(k) ? String(k.value) : '';
            const v = pair.value;
            if (!IGNORE_KEYS.includes(key)) {
                throw new settings_config/* ConfigurationError */.j1(`${at(k)}: unknown key "${key}" in an ignore entry (accepted: ${IGNORE_KEYS.join(', ')})`);
            }
            if (!v || !(0,dist/* isScalar */.jn)(v) || v.value === null || typeof v.value === 'object' || String(v.value).trim() === '') {
                throw new settings_config/* ConfigurationError */.j1(`${at(k)}: ${key} needs a value`);
            }
            fields[key] = String(v.value).trim();
        }
        for (const required of ['rule', 'reason', 'expires']) {
            if (!fields[required]) {
                throw new settings_config/* ConfigurationError */.j1(`${where}: an ignore entry needs ${required}${required === 'rule' ? '' : ' (every accepted finding says why and until when)'}`);
            }
        }
        if (!RULE_ID_RE.test(fields.rule)) {
            throw new settings_config/* ConfigurationError */.j1(`${where}: rule must be a rule id like image-tag-mutable (got "${fields.rule}")`);
        }
        if (!isCalendarDate(fields.expires)) {
            throw new settings_config/* ConfigurationError */.j1(`${where}: expires must be a date YYYY-MM-DD (got "${fields.expires}")`);
        }
        const entry = {
            rule: fields.rule,
            reason: fields.reason,
            expires: fields.expires,
            source: where,
            kind: 'external',
        };
        if (fields.image)
            entry.image = fields.image;
        if (fields.namespace)
            entry.namespace = fields.namespace;
        if (fields.workload)
            entry.workload = fields.workload;
        return entry;
    });
}
/** `YYYY-MM-DD` naming a day that exists (2026-02-30 does not). */
function isCalendarDate(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m)
        return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

;// CONCATENATED MODULE: ./src/settings/resolve.ts
// Builds the Config from layers of already-parsed option values: what was given explicitly (action inputs or CLI
// flags), then the repository settings file, then the table's defaults. The action and the CLI differ only in how
// they fill the explicit layer.



/** Fails with one line naming both when two options of a conflicting pair are set in the same layer. */
function assertNoConflicts(layer) {
    for (const [a, b] of CONFLICTS) {
        const x = layer.get(a);
        const y = layer.get(b);
        if (x && y) {
            throw new settings_config/* ConfigurationError */.j1(`${x.where} and ${y.where} cannot be given together: name the cluster by its resource id (cluster) or by cluster-name + resource-group + subscription`);
        }
    }
}
function resolveSettings(explicit, ctx) {
    assertNoConflicts(explicit);
    const fileValues = new Map(ctx.file?.values ?? []);
    assertNoConflicts(fileValues);
    // A flag that names the cluster one way overrides the file naming it the other way.
    for (const [a, b] of CONFLICTS) {
        if (explicit.has(a))
            fileValues.delete(b);
        if (explicit.has(b))
            fileValues.delete(a);
    }
    const value = (name) => {
        const hit = explicit.get(name) ?? fileValues.get(name);
        if (hit)
            return hit.value;
        return OPTIONS[name].default;
    };
    const given = (name) => explicit.has(name) || fileValues.has(name);
    const at = (p) => (p && ctx.resolvePaths ? external_node_path_default().resolve(ctx.cwd, p) : p);
    const clusterName = value('cluster-name');
    const resourceGroup = value('resource-group');
    const subscription = value('subscription');
    const cluster = (0,settings_config/* resolveClusterId */.mP)({
        ...(value('cluster') ? { cluster: value('cluster') } : {}),
        ...(clusterName ? { clusterName } : {}),
        ...(resourceGroup ? { resourceGroup } : {}),
        ...(subscription ? { subscription } : {}),
    });
    const platforms = value('platform') ?? [];
    const simulate = at(value('simulate'));
    const output = value('output');
    const sarifFile = at(value('sarif-file'));
    const clientId = value('client-id');
    const tenantId = value('tenant-id');
    const commentKey = value('comment-key');
    const config = {
        mode: value('mode') ?? 'check',
        manifests: value('manifests') ?? [],
        cwd: ctx.cwd,
        namespace: value('namespace') ?? settings_config/* DEFAULTS */.zY.namespace,
        ...(cluster ? { cluster } : {}),
        ...(clusterName ? { clusterName } : {}),
        ...(resourceGroup ? { resourceGroup } : {}),
        ...(subscription ? { subscription } : {}),
        registries: value('registries') ?? [],
        ...(simulate ? { simulate } : {}),
        format: value('format') ?? 'text',
        ...(output ? { output } : {}),
        ...(sarifFile ? { sarifFile } : {}),
        failOn: value('fail-on') ?? settings_config/* DEFAULTS */.zY.failOn,
        expiryWarningDays: value('expiry-warning-days') ?? settings_config/* DEFAULTS */.zY.expiryWarningDays,
        // Given (by a flag, an input or the file): those platforms. Not given: the cluster's node pools decide, and
        // linux/amd64 stands in only when no cluster is known.
        platforms: platforms.length ? platforms : settings_config/* DEFAULTS */.zY.platforms,
        platformsExplicit: given('platform') && platforms.length > 0,
        clusterReads: value('cluster-reads') ?? true,
        workloads: value('workloads') ?? true,
        auditNamespaces: value('audit-namespaces') ?? [],
        offline: value('offline') ?? false,
        azureEnvironment: value('azure-environment') ?? 'AzureCloud',
        timeoutMs: value('timeout') ?? settings_config/* DEFAULTS */.zY.timeoutSeconds * 1000,
        ...(clientId ? { clientId } : {}),
        ...(tenantId ? { tenantId } : {}),
        maxFileBytes: settings_config/* DEFAULTS */.zY.maxFileBytes,
        unverified: value('unverified') ?? 'fail',
        ...(commentKey ? { commentKey } : {}),
        ignore: ctx.file?.ignore ?? [],
    };
    if (!!config.clientId !== !!config.tenantId) {
        throw new settings_config/* ConfigurationError */.j1('client-id and tenant-id must be given together for direct OIDC sign-in');
    }
    const github = {
        commentOnPr: value('comment-on-pr') ?? true,
        commentWhenClean: value('comment-when-clean') ?? 'resolve',
        trackingIssue: value('tracking-issue') ?? false,
        githubToken: value('github-token') || ctx.fallbackToken || '',
    };
    return { config, github };
}

;// CONCATENATED MODULE: ./src/settings/from-cli.ts
// Parses the CLI's argv into a Config, flag by flag from the options table (every action input is a flag of the same
// name), and prints the help from the same table. Booleans take --x, --no-x, --x=false and --x false. A single-valued
// flag given twice, or two flags that name the cluster two ways, is exit 2 naming both. No I/O but the settings file.




const HELP_WIDTH = 112;
const FLAG_COLUMN = 34;
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else
            line = line ? `${line} ${word}` : word;
    }
    if (line)
        lines.push(line);
    return lines;
}
function helpEntry(spec) {
    const flag = spec.kind === 'boolean' ? `  --[no-]${spec.name}` : `  --${spec.name} <${spec.arg ?? 'value'}>`;
    const extras = [];
    const d = defaultText(spec);
    if (d)
        extras.push(`Default: ${d}.`);
    if (spec.multiple)
        extras.push('Repeatable.');
    if (spec.aliases?.length)
        extras.push(`Also ${spec.aliases.map((a) => `--${a}`).join(', ')}.`);
    if (spec.cliOnly)
        extras.push('CLI only.');
    const text = [spec.description, ...extras].join(' ');
    const body = wrap(text, HELP_WIDTH - FLAG_COLUMN);
    const first = flag.length < FLAG_COLUMN ? flag.padEnd(FLAG_COLUMN) + body[0] : `${flag}\n${' '.repeat(FLAG_COLUMN)}${body[0]}`;
    return [first, ...body.slice(1).map((l) => ' '.repeat(FLAG_COLUMN) + l)].join('\n');
}
/** The CLI help, printed from the options table. */
function usage() {
    const general = OPTION_LIST.filter((s) => !s.githubOnly);
    const github = OPTION_LIST.filter((s) => s.githubOnly);
    return [
        'aks-pull-gate — will every pod in these manifests be able to pull its images on this AKS cluster?',
        '',
        'Usage:',
        '  aks-pull-gate check --manifests <path|dir|glob|-> [...] [options]',
        '  aks-pull-gate audit [--cluster <id>] [--registries <id> ...] [options]',
        '  aks-pull-gate diagnose --pod <namespace>/<name> | --namespace <ns> [--selector k=v] [options]',
        '',
        'Options (each is an action input of the same name unless CLI only; .aks-pull-gate.yaml can set all but',
        'config, github-token and the CLI-only ones):',
        ...general.map(helpEntry),
        '',
        'GitHub only (they act when the CLI runs inside a GitHub Actions job):',
        ...github.map(helpEntry),
        '',
        '  -h, --help                      show this help',
        '  -v, --version                   show the version',
        '      --debug                     phase timings and one line per HTTP request on stderr (AKS_PULL_GATE_DEBUG=1)',
        '',
        'Booleans take --x, --no-x or --x=false. A flag wins over .aks-pull-gate.yaml, which wins over the default.',
        'Exit codes: 0 ready, 1 findings at or above --fail-on, 2 usage or configuration error.',
        'diagnose: 0 every failing pod has a named cause, 1 no pod is failing to pull or a cause was not found, 2 usage.',
    ].join('\n');
}
const BY_FLAG = new Map();
for (const spec of OPTION_LIST) {
    BY_FLAG.set(spec.name, spec);
    for (const alias of spec.aliases ?? [])
        BY_FLAG.set(alias, spec);
}
/** argv -> flag occurrences per option, and positionals. Only the shape: values are parsed afterwards. */
function tokenize(argv) {
    const occurrences = new Map();
    const positionals = [];
    const add = (name, o) => occurrences.set(name, [...(occurrences.get(name) ?? []), o]);
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!a.startsWith('-') || a === '-') {
            positionals.push(a);
            continue;
        }
        if (!a.startsWith('--'))
            throw new settings_config/* ConfigurationError */.j1(`unknown option ${a} (see aks-pull-gate --help)`);
        const eq = a.indexOf('=');
        const name = a.slice(2, eq < 0 ? undefined : eq);
        const inline = eq < 0 ? undefined : a.slice(eq + 1);
        let spec = BY_FLAG.get(name);
        let negated = false;
        if (!spec && name.startsWith('no-')) {
            const base = BY_FLAG.get(name.slice(3));
            if (base?.kind === 'boolean') {
                spec = base;
                negated = true;
            }
        }
        if (!spec)
            throw new settings_config/* ConfigurationError */.j1(`unknown option --${name} (see aks-pull-gate --help)`);
        const flag = `--${name}`;
        if (spec.kind === 'boolean') {
            if (negated) {
                if (inline !== undefined)
                    throw new settings_config/* ConfigurationError */.j1(`${flag} takes no value (use --${spec.name}=${inline})`);
                add(spec.name, { flag, raw: 'false' });
            }
            else if (inline !== undefined)
                add(spec.name, { flag, raw: inline });
            else if (/^(true|false)$/i.test(argv[i + 1] ?? ''))
                add(spec.name, { flag, raw: argv[++i] });
            else
                add(spec.name, { flag, raw: 'true' });
            continue;
        }
        let raw = inline;
        if (raw === undefined) {
            const next = argv[i + 1];
            if (next === undefined || (next.startsWith('--') && next.length > 2)) {
                throw new settings_config/* ConfigurationError */.j1(`${flag} needs a value: --${spec.name} <${spec.arg ?? 'value'}>`);
            }
            raw = next;
            i++;
        }
        add(spec.name, { flag, raw });
    }
    return { occurrences, positionals };
}
/** Parses each flag by the table; a single-valued option given twice is exit 2 naming both. */
function explicitLayer(occurrences) {
    const layer = new Map();
    for (const [name, list] of occurrences) {
        const spec = OPTIONS[name];
        if (!spec.multiple && list.length > 1) {
            const secret = name === 'github-token';
            const shown = list.map((o) => (secret || spec.kind === 'boolean' ? o.flag : `${o.flag} ${o.raw}`));
            throw new settings_config/* ConfigurationError */.j1(`${shown[0]} and ${shown[1]} conflict: give --${name} once`);
        }
        const parseOne = (o) => {
            if (spec.kind === 'boolean')
                return (0,settings_config/* parseBoolean */.yG)(`--${name}`, o.raw);
            return spec.parse(o.raw);
        };
        const value = spec.multiple ? list.flatMap((o) => parseOne(o)) : parseOne(list[0]);
        layer.set(name, { value, where: list[0].flag });
    }
    return layer;
}
function parseCli(argv, cwd, env = {}) {
    const stop = argv.indexOf('--');
    const flags = stop < 0 ? argv : argv.slice(0, stop);
    if (flags.includes('-h') || flags.includes('--help'))
        return { kind: 'help' };
    if (flags.includes('-v') || flags.includes('--version'))
        return { kind: 'version' };
    const { occurrences, positionals } = tokenize(argv);
    const explicit = explicitLayer(occurrences);
    // The command is the first positional; --mode may name it instead. Both given and different: a conflict.
    let command;
    let rest = positionals;
    const modeFlag = explicit.get('mode');
    if (positionals[0] === 'diagnose') {
        if (rest.length > 1)
            throw new settings_config/* ConfigurationError */.j1(`diagnose takes no positional arguments (got "${rest[1]}")`);
        const target = diagnoseTarget(explicit);
        explicit.delete('pod');
        explicit.delete('selector');
        // diagnose checks the pod's images as the gate would; --format is its own text, json or markdown.
        const format = explicit.get('format');
        explicit.delete('format');
        explicit.set('mode', { value: 'check', where: 'diagnose' });
        const file = loadSettingsFile(explicit.get('config')?.value, cwd);
        const { config } = resolveSettings(explicit, { cwd, ...(file ? { file } : {}), resolvePaths: false });
        if (format)
            config.format = format.value;
        return { kind: 'diagnose', config, target };
    }
    if (explicit.has('pod') || explicit.has('selector')) {
        throw new settings_config/* ConfigurationError */.j1('--pod and --selector belong to diagnose (see aks-pull-gate --help)');
    }
    if (positionals[0] === 'check' || positionals[0] === 'audit') {
        command = positionals[0];
        rest = positionals.slice(1);
        if (modeFlag && modeFlag.value !== command) {
            throw new settings_config/* ConfigurationError */.j1(`the command ${command} and --mode ${String(modeFlag.value)} conflict: give one`);
        }
    }
    else if (modeFlag) {
        command = modeFlag.value;
    }
    else if (positionals.length === 0) {
        throw new settings_config/* ConfigurationError */.j1('a command is required: check, audit or diagnose (see aks-pull-gate --help)');
    }
    else {
        throw new settings_config/* ConfigurationError */.j1(`unknown command "${positionals[0]}": use check, audit or diagnose (see aks-pull-gate --help)`);
    }
    explicit.set('mode', { value: command, where: modeFlag?.where ?? command });
    if (command === 'audit' && rest.length > 0)
        throw new settings_config/* ConfigurationError */.j1(`audit takes no positional arguments (got "${rest[0]}")`);
    // Positional paths after `check` are manifests too: `aks-pull-gate check k8s/`.
    if (rest.length > 0) {
        const flagged = explicit.get('manifests')?.value ?? [];
        explicit.set('manifests', { value: [...flagged, ...rest], where: explicit.get('manifests')?.where ?? rest[0] });
    }
    const file = loadSettingsFile(explicit.get('config')?.value, cwd);
    const { config, github } = resolveSettings(explicit, {
        cwd,
        ...(file ? { file } : {}),
        resolvePaths: false,
        ...(env.GITHUB_TOKEN ? { fallbackToken: env.GITHUB_TOKEN } : {}),
    });
    if (config.mode === 'check' && config.manifests.length === 0) {
        throw new settings_config/* ConfigurationError */.j1('check needs --manifests <path|dir|glob|-> (see aks-pull-gate --help)');
    }
    return { kind: 'run', config, github };
}
/** diagnose's target: one pod (--pod ns/name), or the failing pods of a namespace (--namespace, --selector). */
function diagnoseTarget(explicit) {
    const pod = explicit.get('pod')?.value;
    const selector = explicit.get('selector')?.value;
    const namespace = explicit.get('namespace')?.value;
    const format = explicit.get('format')?.value;
    if (format !== undefined && !['text', 'json', 'markdown'].includes(format)) {
        throw new settings_config/* ConfigurationError */.j1(`diagnose --format must be one of text, json, markdown (got "${format}")`);
    }
    if (pod !== undefined) {
        const m = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(pod.trim());
        if (!m)
            throw new settings_config/* ConfigurationError */.j1(`--pod must be <namespace>/<name> (got "${pod}")`);
        if (selector !== undefined)
            throw new settings_config/* ConfigurationError */.j1('--selector goes with --namespace, not --pod');
        return { pod: { namespace: m[1], name: m[3] } };
    }
    if (!namespace?.trim()) {
        throw new settings_config/* ConfigurationError */.j1('diagnose needs --pod <namespace>/<name> or --namespace <ns> (see aks-pull-gate --help)');
    }
    if (selector !== undefined && !/^[\w./-]+(=|==|!=)[\w.-]*(,[\w./-]+(=|==|!=)[\w.-]*)*$/.test(selector.trim())) {
        throw new settings_config/* ConfigurationError */.j1(`--selector must be key=value[,key=value] (got "${selector}")`);
    }
    return { namespace: namespace.trim(), ...(selector ? { selector: selector.trim() } : {}) };
}

// EXTERNAL MODULE: ./src/rules/catalogue.ts
var catalogue = __webpack_require__(91062);
// EXTERNAL MODULE: ./src/types/index.ts
var types = __webpack_require__(31569);
// EXTERNAL MODULE: ./src/lib/sort.ts
var sort = __webpack_require__(9715);
// EXTERNAL MODULE: ./src/lib/acr-host.ts
var acr_host = __webpack_require__(7076);
// EXTERNAL MODULE: ./src/lib/findings-by-image.ts
var findings_by_image = __webpack_require__(19979);
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
    return (0,catalogue/* ruleById */.BD)(rule)?.concern;
}
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
    return (0,acr_host/* isAcrHost */.n0)(image.registry);
}
/** The mark of one concern for one image: the worst finding of that concern that applies to it. */
function concernMark(report, image, concern) {
    let worst;
    const rules = new Set();
    let unverifiable = false;
    for (const f of (0,findings_by_image/* findingsForImage */.d)(report.findings)(image.reference)) {
        if (concernOf(f.rule) !== concern || !applies(f, image, concern))
            continue;
        // An accepted "could not check" finding no longer marks the image ❔: the accepted check says so below.
        if (f.suppressed && (0,catalogue/* ruleById */.BD)(f.rule)?.unverifiable)
            continue;
        rules.add(f.rule);
        if ((0,catalogue/* ruleById */.BD)(f.rule)?.unverifiable)
            unverifiable = true;
        else if (worst === undefined || types/* SEVERITY_ORDER */.B[f.severity] < types/* SEVERITY_ORDER */.B[worst])
            worst = f.severity;
    }
    const sorted = [...rules].sort();
    if (worst === 'error' || worst === 'warning')
        return { state: worst, rules: sorted };
    const check = image.checks ? checkOf(image.checks, concern) : undefined;
    // An unverifiable finding says what it is; the check's own why says it in the cell ("not checked: <why>").
    if (unverifiable)
        return {
            state: 'unverifiable',
            rules: sorted,
            ...(check?.state === 'unverified' && check.why ? { why: check.why } : {}),
        };
    if (worst === 'notice')
        return { state: 'notice', rules: sorted };
    // Never a pass for what did not run: the image's own check states say whether it ran, and why not.
    if (check?.state === 'unverified' && check.accepted)
        return {
            state: 'accepted',
            rules: [],
            why: `accepted by ${check.accepted.by} until ${check.accepted.expires}: ${check.accepted.reason}`,
        };
    if (check?.state === 'unverified')
        return { state: 'unverifiable', rules: [], ...(check.why ? { why: check.why } : {}) };
    if (check?.state === 'not-applicable')
        return { state: 'unchecked', rules: [], ...(check.why ? { why: check.why } : {}) };
    return { state: quietState(image, concern), rules: [] };
}
/** The four checks of an image, in report order, with the words the reports use for them. */
const CHECK_NAMES = [
    ['exists', 'exists'],
    ['platforms', 'platforms'],
    ['pullPath', 'pull path'],
    ['network', 'network'],
];
function checkOf(checks, concern) {
    if (concern === 'exists')
        return checks.exists;
    if (concern === 'platforms')
        return checks.platforms;
    if (concern === 'identity' || concern === 'pull-secret')
        return checks.pullPath;
    if (concern === 'network')
        return checks.network;
    return undefined;
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
    if ((concern === 'identity' || concern === 'network') && !(0,acr_host/* isAcrHost */.n0)(image.registry))
        return 'unchecked';
    return 'pass';
}
/**
 * The unverified checks accepted on purpose, one clause per acceptance: who accepted them (the `ignore:` entry's file
 * and line, or the workload annotation), until when, why, and the images they cover.
 */
function acceptedWords(report) {
    const by = new Map();
    for (const i of report.images) {
        for (const c of Object.values(i.checks ?? {})) {
            if (c.state !== 'unverified' || !c.accepted)
                continue;
            const k = `${c.accepted.by}\u0000${c.accepted.reason}\u0000${c.accepted.expires}`;
            const e = by.get(k) ?? { a: c.accepted, images: [] };
            if (!e.images.includes(i.reference))
                e.images.push(i.reference);
            by.set(k, e);
        }
    }
    return [...by.values()].map(({ a, images }) => `${images.length} image${images.length === 1 ? '' : 's'} not verified but accepted by ${a.by} until ${a.expires} (${a.reason}): ${images.slice(0, 3).join(', ')}${images.length > 3 ? ` and ${images.length - 3} more` : ''}`);
}
function verdictWords(report) {
    const accepted = acceptedWords(report);
    const words = verdictCore(report);
    return accepted.length ? `${words}; ${accepted.join('; ')}` : words;
}
function verdictCore(report) {
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
    const unverified = report.images.filter((i) => i.checks && hasUnverifiedCheck(i.checks));
    const gapWords = () => {
        const by = new Map();
        for (const i of unverified) {
            const first = Object.values(i.checks).find((c) => c.state === 'unverified' && !c.accepted);
            const r = first?.reason ?? 'other';
            by.set(r, (by.get(r) ?? 0) + 1);
        }
        const reasons = [...by.entries()].map(([r, k]) => `${r}: ${k}`).join(', ');
        return `${unverified.length} of ${images} image${images === 1 ? '' : 's'} could not be checked (${reasons})`;
    };
    if (!report.ready) {
        if (errors === 0 && unverified.length > 0)
            return `Not verified: ${gapWords()}; ${counts}`;
        const also = unverified.length ? `; also ${gapWords()}` : '';
        return `Not ready: ${counts} across ${what}${also}`;
    }
    if (unverified.length > 0)
        return `Not verified (unverified: warn lets the rollout go): ${gapWords()}; ${counts}`;
    if (report.scope === 'manifests-only')
        return `Manifests only: static checks passed, no registry or cluster was asked (${what}; ${counts})`;
    if (report.scope === 'images-only')
        return `Ready (images only): every image exists with the needed platforms; no cluster given, so pull path and network were not checked (${what}; ${counts})`;
    // "Every image can be pulled" only when every image was actually checked: reports without per-image checks (older
    // callers) say what was not checked.
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
function hasUnverifiedCheck(checks) {
    return Object.values(checks).some((c) => c.state === 'unverified' && !c.accepted);
}
function common_locationText(f) {
    if (!f.location || f.location.workload)
        return '';
    const { file, line, column } = f.location;
    return `${file}:${line}${column ? `:${column}` : ''}`;
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

;// CONCATENATED MODULE: ./src/report/namespaces.ts
// The audit's workload findings grouped by namespace, for the job summary and the tracking issue (issue 17): a table
// of namespaces (errors, warnings, notices, workloads concerned) and, per namespace, the findings with the workloads
// of that namespace they name. The data is each finding's workload locations (checks/workloads.ts).


/** Namespace -> findings and the workloads of that namespace each names; namespaces sorted, errors first inside. */
function groupByNamespace(findings) {
    const byNs = new Map();
    for (const f of (0,sort/* sortFindings */.Tc)(findings.filter((x) => !x.suppressed))) {
        const here = new Map();
        for (const l of f.locations ?? (f.location ? [f.location] : [])) {
            if (!l.workload || l.namespace === undefined)
                continue;
            const label = `${l.workload}${l.container ? ` (container ${l.container})` : ''}`;
            const list = here.get(l.namespace) ?? [];
            if (!list.includes(label))
                list.push(label);
            here.set(l.namespace, list);
        }
        for (const [namespace, workloads] of here) {
            let g = byNs.get(namespace);
            if (!g) {
                g = { namespace, counts: { error: 0, warning: 0, notice: 0 }, workloads: new Set(), items: [] };
                byNs.set(namespace, g);
            }
            g.counts[f.severity]++;
            for (const w of workloads)
                g.workloads.add(w.replace(/ \(container .*\)$/, ''));
            g.items.push({ f, workloads });
        }
    }
    return [...byNs.values()].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
}
const SHOWN_WORKLOADS = 10;
/** The "By namespace" section, or '' when no finding names a running workload. */
function namespaceSection(findings) {
    const groups = groupByNamespace(findings);
    if (groups.length === 0)
        return '';
    const rows = groups.map((g) => `| ${code(g.namespace)} | ${g.counts.error || ''} | ${g.counts.warning || ''} | ${g.counts.notice || ''} | ${g.workloads.size} |`);
    const out = [
        `\n### Workloads by namespace\n`,
        '| namespace | errors | warnings | notices | workloads |',
        '|---|---|---|---|---|',
        ...rows,
        '',
    ];
    for (const g of groups) {
        const n = g.items.length;
        out.push(`<details${g.counts.error ? ' open' : ''}><summary>${escapeMd(g.namespace)}: ${n} finding${n === 1 ? '' : 's'}</summary>\n`);
        for (const { f, workloads } of g.items) {
            const shown = workloads.slice(0, SHOWN_WORKLOADS).map(escapeMd).join(', ');
            const more = workloads.length > SHOWN_WORKLOADS ? ` and ${workloads.length - SHOWN_WORKLOADS} more` : '';
            const subject = f.image ? ` ${code(f.image)}` : f.registry ? ` ${code(f.registry)}` : '';
            out.push(`- ${SEV_ICON[f.severity]} ${code(f.rule)}${subject}: ${shown}${more}`);
        }
        out.push('\n</details>\n');
    }
    return `${out.join('\n')}\n`;
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
    accepted: '☑️',
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
    const why = m.why && m.state === 'accepted'
        ? escapeMd(m.why)
        : m.why && (m.state === 'unverifiable' || m.state === 'unchecked')
            ? `not checked: ${escapeMd(m.why)}`
            : '';
    return [MARK_ICON[m.state], rules, extra, why].filter((x) => x).join(' ');
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
const MARK_LEGEND = '✅ passes · ❌ blocks the pull · ⚠️ warning · ❔ could not verify · ☑️ not verified, accepted on purpose · ℹ️ notice · ➖ not checked';
/** One finding: heading line, message, safe evidence, where, and the remediation in a copyable block. */
function findingBlock(f, opts = {}) {
    const rule = (0,catalogue/* ruleById */.BD)(f.rule);
    const title = rule ? ` ${escapeMd(rule.title)}` : '';
    // A workload location (the audit) is named in the message already ("Running in N workload(s): ...").
    const fileLine = f.location && !f.location.workload ? f.location : undefined;
    const where = fileLine
        ? ` at ${code(`${fileLine.file}:${fileLine.line}${fileLine.column ? `:${fileLine.column}` : ''}`)}`
        : '';
    const subject = f.image ? ` ${code(f.image)}` : f.registry ? ` ${code(f.registry)}` : '';
    const more = fileLine && (f.locations?.length ?? 0) > 1
        ? ` and ${f.locations.length - 1} more place${f.locations.length === 2 ? '' : 's'}`
        : '';
    const lines = [
        `${SEV_ICON[f.severity]} **${code(f.rule)}**${title ? ` —${title}` : ''}${subject}${where}${more}`,
        '',
    ];
    lines.push(escapeMd(f.message));
    if (f.suppressed) {
        lines.push('', `Accepted by ${code(f.suppressed.by)} until ${f.suppressed.expires}: ${escapeMd(f.suppressed.reason)}`);
    }
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
    // Accepted (suppressed) findings do not decide the verdict: listed apart, folded, after the others.
    const sorted = (0,sort/* sortFindings */.Tc)(findings.filter((f) => !f.suppressed));
    const accepted = (0,sort/* sortFindings */.Tc)(findings.filter((f) => f.suppressed));
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
    if (accepted.length > 0) {
        const label = `${accepted.length} accepted on purpose`;
        if (!out.push(`\n### ☑️ ${label}\n\n<details><summary>Show ${label}</summary>\n\n`, FOOTER_RESERVE))
            return { shown };
        for (const f of accepted) {
            if (!out.push(`${findingBlock(f, { helpLinks })}\n`, FOOTER_RESERVE))
                break;
            shown++;
        }
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
    // The audit: what each namespace runs that would fail its next pull, before the findings and their fixes.
    if (report.mode === 'audit')
        out.push(namespaceSection(report.findings), FOOTER_RESERVE);
    const { shown } = writeFindings(out, report.findings, OPEN_FINDINGS, true);
    if (report.credentials?.length && !out.truncated) {
        const rows = report.credentials.map((c) => `| ${escapeMd(c.kind)} | ${code(c.name)} | ${escapeMd(c.owner ?? '')} | ${c.registry ? code(c.registry) : ''} | ${escapeMd(c.expires ?? '')} | ${c.daysLeft ?? ''} | ${escapeMd(c.status)} | ${escapeMd(c.usedBy.join(', '))} |`);
        out.push(`\n### Credentials\n\n<details><summary>${report.credentials.length} credential${report.credentials.length === 1 ? '' : 's'}</summary>\n\n| kind | name | owner | registry | expires | days left | status | used by |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n\n</details>\n`, FOOTER_RESERVE);
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

;// CONCATENATED MODULE: ./src/report/pr-comment.ts
// The sticky PR comment (one per cluster, found again by a hidden marker, updated in place, left alone when
// unchanged, deleted or marked resolved when everything passes) and the tracking issue of the scheduled audit.
// GitHub is reached through minimal injected interfaces that Octokit's `rest.issues` satisfies, so this module
// never imports @actions/*. A read-only token (fork PRs) is an expected condition, not an error.


/** GitHub allows 65,536 characters per comment; stay well under. */
const PR_COMMENT_MAX_CHARS = 60_000;
const pr_comment_OPEN_FINDINGS = 10;
const MAX_TABLE_ROWS = 20;
const pr_comment_FOOTER_RESERVE = 1_000;
/**
 * What one sticky comment (and one tracking issue) belongs to: the job's `comment-key` when given, else the full
 * cluster resource id (lowercased: ARM ids are case-insensitive), else the workflow and job (a gate without a cluster).
 * Never the cluster's name alone: two clusters of one name in different resource groups are different comments.
 */
function commentKey(opts) {
    if (opts.commentKey?.trim())
        return `key:${opts.commentKey.trim()}`;
    if (opts.cluster)
        return opts.cluster.trim().replace(/\/+$/, '').toLowerCase();
    return `job:${opts.workflow ?? ''}/${opts.job ?? ''}`;
}
/** How the heading names what was checked: the cluster's name (last segment of its id), or the comment key. */
function checkedName(report, key) {
    if (report.cluster)
        return report.cluster.replace(/\/+$/, '').split('/').pop();
    if (key.startsWith('key:'))
        return key.slice(4);
    return undefined;
}
/** The hidden marker of a cluster's comment. Characters that could end the HTML comment are replaced. */
function prCommentMarker(clusterKey) {
    const key = clusterKey.replace(/[^A-Za-z0-9._/:@-]/g, '_').replace(/-{2,}/g, '-');
    return `<!-- aks-pull-gate:${key} -->`;
}
/** The hidden marker of a cluster's audit tracking issue: the PR comment's key under another prefix. */
function trackingIssueMarker(clusterKey) {
    return prCommentMarker(clusterKey).replace('aks-pull-gate:', 'aks-pull-gate-audit:');
}
/** The tracking issue's title: names the cluster (or the comment key) the audit is about. */
function trackingIssueTitle(report, clusterKey) {
    return `aks-pull-gate audit: credentials expiring or broken (${checkedName(report, clusterKey) ?? 'manifests'})`;
}
function renderPrComment(report, opts) {
    const limit = Math.min(opts.maxChars ?? PR_COMMENT_MAX_CHARS, PR_COMMENT_MAX_CHARS);
    const out = new SizedMarkdown(limit, (s) => s.length);
    out.force(`${prCommentMarker(opts.clusterKey)}\n`);
    const name = checkedName(report, opts.clusterKey);
    out.force(`### ${report.ready ? '✅' : '❌'} aks-pull-gate${name ? ` · ${escapeMd(name)}` : ''}: ${escapeMd(verdictWords(report))}\n\n`);
    if (report.cluster)
        out.force(`Cluster ${code(report.cluster)}\n`);
    const { groups } = groupByImage(report);
    // Images with something to say first; the all-green rows only when there is room, folded.
    const flagged = groups.filter((g) => g.findings.length > 0);
    let rowsShown = 0;
    if (flagged.length > 0) {
        out.push(`\n${imageTableHeader().join('\n')}\n`, pr_comment_FOOTER_RESERVE);
        // A PR comment is read in seconds: a short table, then the findings with their fixes.
        for (const g of flagged.slice(0, MAX_TABLE_ROWS)) {
            if (!out.push(`${imageRow(report, g.image)}\n`, pr_comment_FOOTER_RESERVE))
                break;
            rowsShown++;
        }
        if (rowsShown < flagged.length) {
            out.push(`| … | ${flagged.length - rowsShown} more images with findings | | | | | |\n`, pr_comment_FOOTER_RESERVE);
        }
        out.push(`\n<sub>${MARK_LEGEND}</sub>\n`, pr_comment_FOOTER_RESERVE);
    }
    const { shown } = writeFindings(out, report.findings, pr_comment_OPEN_FINDINGS, false);
    const passing = groups.length - flagged.length;
    if (passing > 0 && !out.truncated) {
        out.push(`\n<details><summary>${passing} image${passing === 1 ? '' : 's'} with no findings</summary>\n\n${groups
            .filter((g) => g.findings.length === 0)
            .map((g) => `- ${code(g.image.reference)}`)
            .join('\n')}\n\n</details>\n`, pr_comment_FOOTER_RESERVE);
    }
    const hidden = report.findings.length - shown;
    if (out.truncated || hidden > 0) {
        const where = opts.summaryUrl ? `the [job summary](${opts.summaryUrl})` : 'the job summary of this run';
        out.force(`\n> [!NOTE]\n> Shortened to fit a PR comment${hidden > 0 ? `: ${hidden} more finding${hidden === 1 ? '' : 's'}` : ''}. Everything is in ${where} and its JSON/SARIF report.\n`);
    }
    return out.toString();
}
const PAGE = 100;
const MAX_PAGES = 100;
/**
 * A 403 "Resource not accessible by integration" (a fork PR's read-only GITHUB_TOKEN, or a token without
 * pull-requests/issues: write). Rate limits are also 403 but say so, and are real errors.
 */
function isReadOnlyTokenError(e) {
    if (typeof e !== 'object' || e === null)
        return false;
    const { status, message } = e;
    return status === 403 && typeof message === 'string' && /resource not accessible by/i.test(message);
}
async function paginate(fetchPage) {
    const all = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await fetchPage(page);
        all.push(...data);
        if (data.length < PAGE)
            break;
    }
    return all;
}
// GitHub may hand back CRLF for what was sent as LF; trailing whitespace is not a change worth a notification.
const normalize = (s) => (s ?? '').replace(/\r\n/g, '\n').trimEnd();
async function syncPrComment(client, opts) {
    const { owner, repo, issueNumber: issue_number } = opts;
    const body = opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
    try {
        const comments = await paginate((page) => client.listComments({ owner, repo, issue_number, per_page: PAGE, page }));
        const mine = comments.filter((c) => typeof c.body === 'string' && c.body.includes(opts.marker));
        const [existing, ...duplicates] = mine;
        // Two runs racing can leave two comments for one cluster; keep the oldest, remove the others.
        for (const d of duplicates)
            await client.deleteComment({ owner, repo, comment_id: d.id });
        if (opts.clean && opts.whenClean === 'delete') {
            if (!existing)
                return 'unchanged';
            await client.deleteComment({ owner, repo, comment_id: existing.id });
            return 'deleted';
        }
        if (opts.clean && opts.whenClean === 'resolve') {
            // Nothing was ever wrong on this PR: no comment needed.
            if (!existing || normalize(existing.body) === normalize(body))
                return 'unchanged';
            await client.updateComment({ owner, repo, comment_id: existing.id, body });
            return 'resolved';
        }
        if (existing) {
            if (normalize(existing.body) === normalize(body))
                return 'unchanged';
            await client.updateComment({ owner, repo, comment_id: existing.id, body });
            return 'updated';
        }
        await client.createComment({ owner, repo, issue_number, body });
        return 'created';
    }
    catch (e) {
        if (isReadOnlyTokenError(e))
            return 'read-only';
        throw e;
    }
}
function trackingIssueClient(issues) {
    return {
        listIssues: (p) => issues.listForRepo(p),
        createIssue: (p) => issues.create(p),
        updateIssue: (p) => issues.update(p),
    };
}
/**
 * Keeps one open issue per marker in step with the audit: created when something is wrong, updated in place while it
 * stays wrong, closed (with the clean body) when everything passes. A later problem opens a fresh issue.
 */
async function syncTrackingIssue(client, opts) {
    const { owner, repo, title } = opts;
    const body = opts.body.includes(opts.marker) ? opts.body : `${opts.marker}\n${opts.body}`;
    try {
        const issues = await paginate((page) => client.listIssues({ owner, repo, state: 'open', per_page: PAGE, page }));
        const existing = issues.find((i) => !i.pull_request && typeof i.body === 'string' && i.body.includes(opts.marker));
        if (opts.clean) {
            if (!existing)
                return 'none';
            await client.updateIssue({ owner, repo, issue_number: existing.number, body, state: 'closed' });
            return 'closed';
        }
        if (existing) {
            if (normalize(existing.body) === normalize(body) && existing.title === title)
                return 'unchanged';
            await client.updateIssue({ owner, repo, issue_number: existing.number, title, body });
            return 'updated';
        }
        await client.createIssue({ owner, repo, title, body });
        return 'created';
    }
    catch (e) {
        if (isReadOnlyTokenError(e))
            return 'read-only';
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/cli-github.ts
// The CLI's GitHub channel: inside a GitHub Actions job (GITHUB_ACTIONS=true), the GitHub-only options act as they do
// in the action: the sticky PR comment in check mode on a pull_request event, the tracking issue in audit mode. The
// action reaches GitHub through Octokit (src/main.ts); the CLI may not import @actions/*, so this is a small REST
// client over fetch that satisfies the same interfaces of report/pr-comment.ts. Every request is bounded by `signal`.
// Never decides the exit code; the token never reaches a message.



/** The job's GitHub context from the runner's variables; undefined outside a GitHub Actions job. */
function gitHubJobFromEnv(env) {
    if (env.GITHUB_ACTIONS !== 'true' || !env.GITHUB_REPOSITORY?.includes('/'))
        return undefined;
    const [owner, repo] = env.GITHUB_REPOSITORY.split('/', 2);
    const job = {
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
        ...(env.GITHUB_JOB ? { job: env.GITHUB_JOB } : {}),
    };
    if (env.GITHUB_EVENT_PATH) {
        try {
            const event = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
            const n = event.pull_request?.number ?? event.number;
            if (typeof n === 'number' && Number.isInteger(n))
                job.issueNumber = n;
        }
        catch {
            // No readable event: no PR number, so no PR comment.
        }
    }
    return job;
}
class GitHubApiError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
function rest(job, token, signal, fetchImpl) {
    return async (method, path, body) => {
        const res = await fetchImpl(`${job.apiUrl}${path}`, {
            method,
            signal,
            headers: {
                accept: 'application/vnd.github+json',
                authorization: `Bearer ${token}`,
                'x-github-api-version': '2022-11-28',
                'user-agent': 'aks-pull-gate',
                ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        let data;
        try {
            data = text ? JSON.parse(text) : undefined;
        }
        catch {
            data = undefined;
        }
        if (!res.ok) {
            const message = data?.message;
            throw new GitHubApiError(res.status, typeof message === 'string' ? message : `HTTP ${res.status}`);
        }
        return data;
    };
}
const q = (p) => Object.entries(p)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
const seg = (s) => encodeURIComponent(s);
function prCommentClient(call) {
    return {
        listComments: async ({ owner, repo, issue_number, per_page, page }) => ({
            data: (await call('GET', `/repos/${seg(owner)}/${seg(repo)}/issues/${issue_number}/comments?${q({ per_page, page })}`)),
        }),
        createComment: ({ owner, repo, issue_number, body }) => call('POST', `/repos/${seg(owner)}/${seg(repo)}/issues/${issue_number}/comments`, { body }),
        updateComment: ({ owner, repo, comment_id, body }) => call('PATCH', `/repos/${seg(owner)}/${seg(repo)}/issues/comments/${comment_id}`, { body }),
        deleteComment: ({ owner, repo, comment_id }) => call('DELETE', `/repos/${seg(owner)}/${seg(repo)}/issues/comments/${comment_id}`),
    };
}
function issueClient(call) {
    return {
        listIssues: async ({ owner, repo, state, per_page, page }) => ({
            data: (await call('GET', `/repos/${seg(owner)}/${seg(repo)}/issues?${q({ state, per_page, page })}`)),
        }),
        createIssue: async ({ owner, repo, title, body }) => ({
            data: (await call('POST', `/repos/${seg(owner)}/${seg(repo)}/issues`, { title, body })),
        }),
        updateIssue: ({ owner, repo, issue_number, ...fields }) => call('PATCH', `/repos/${seg(owner)}/${seg(repo)}/issues/${issue_number}`, fields),
    };
}
/**
 * The PR comment or the tracking issue, keyed as the action keys them. Returns what was done ('skipped' when the
 * options or the event do not ask for anything).
 */
async function publishToGitHub(report, config, settings, job, opts) {
    const { logger } = opts;
    // Keyed as the action keys it (src/main.ts): comment-key when given, else the full cluster id lower-case, else the
    // workflow and job. One key for both channels, so a CLI run and an action run on one cluster share one comment.
    const clusterKey = commentKey({
        ...(config.commentKey ? { commentKey: config.commentKey } : {}),
        ...(report.cluster ? { cluster: report.cluster } : {}),
        ...(job.workflow ? { workflow: job.workflow } : {}),
        ...(job.job ? { job: job.job } : {}),
    });
    const isPr = job.eventName === 'pull_request' || job.eventName === 'pull_request_target';
    const wantComment = config.mode === 'check' && settings.commentOnPr && isPr && job.issueNumber !== undefined;
    const wantIssue = config.mode === 'audit' && settings.trackingIssue;
    if (!wantComment && !wantIssue)
        return 'skipped';
    if (!settings.githubToken) {
        logger.warning('GITHUB_TOKEN is not set: skipping the PR comment / tracking issue (the exit code depends on the findings alone)');
        return 'skipped';
    }
    // undici (the proxy-aware fetch) loads only when there is something to publish: `--version` and runs outside
    // GitHub never pay for it.
    const fetchFn = opts.fetch ?? (await __webpack_require__.e(/* import() */ 806).then(__webpack_require__.bind(__webpack_require__, 20806))).proxyAwareFetch(opts.env ?? process.env);
    const call = rest(job, settings.githubToken, opts.signal, fetchFn);
    const { owner, repo } = job;
    try {
        if (wantComment) {
            const result = await syncPrComment(prCommentClient(call), {
                owner,
                repo,
                issueNumber: job.issueNumber,
                body: renderPrComment(report, { clusterKey }),
                marker: prCommentMarker(clusterKey),
                whenClean: settings.commentWhenClean,
                clean: report.verified && report.summary.errors === 0 && report.summary.warnings === 0,
            });
            if (result === 'read-only') {
                logger.warning('The PR comment was skipped: the token is read-only (a fork, or the job lacks permissions: pull-requests: write)');
            }
            else
                logger.info(`PR comment: ${result}`);
            return `comment ${result}`;
        }
        const result = await syncTrackingIssue(issueClient(call), {
            owner,
            repo,
            marker: trackingIssueMarker(clusterKey),
            title: trackingIssueTitle(report, clusterKey),
            body: renderSummary(report, { title: 'aks-pull-gate audit', maxBytes: 60_000 }),
            clean: report.ready,
        });
        if (result === 'read-only')
            logger.warning('The tracking issue was skipped: the job lacks permissions: issues: write');
        else
            logger.info(`Tracking issue: ${result}`);
        return `issue ${result}`;
    }
    catch (err) {
        const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
        logger.warning(`Could not update GitHub (${msg}); the exit code depends on the findings alone`);
        return 'failed';
    }
}

;// CONCATENATED MODULE: ./src/output-paths.ts
// Where reports will be written, checked before the run: a typo in --output must not cost a full run and then fail,
// and --output must never overwrite one of the manifests being checked (`--output k8s/app.yaml` is one keystroke away).


/** Why a report file cannot be written, or undefined when it can (the file may not exist yet). */
function unwritableReason(file, cwd) {
    const abs = external_node_path_default().resolve(cwd, file);
    try {
        const st = (0,external_node_fs_.statSync)(abs);
        if (st.isDirectory())
            return `${file} is a directory`;
        (0,external_node_fs_.accessSync)(abs, external_node_fs_.constants.W_OK);
        return undefined;
    }
    catch (err) {
        const code = err.code;
        if (code === 'EACCES' || code === 'EPERM')
            return `${file} is not writable`;
        if (code !== 'ENOENT' && code !== 'ENOTDIR')
            return `${file} cannot be written (${code ?? 'unknown error'})`;
    }
    // The file does not exist: its nearest existing ancestor must be a writable directory (mkdir -p fills the rest).
    let dir = external_node_path_default().dirname(abs);
    for (;;) {
        try {
            const st = (0,external_node_fs_.statSync)(dir);
            if (!st.isDirectory())
                return `${file} cannot be created: ${external_node_path_default().relative(cwd, dir) || dir} is not a directory`;
            (0,external_node_fs_.accessSync)(dir, external_node_fs_.constants.W_OK);
            return undefined;
        }
        catch (err) {
            const code = err.code;
            if (code === 'EACCES' || code === 'EPERM')
                return `${file} cannot be created: ${external_node_path_default().relative(cwd, dir) || dir} is not writable`;
            if (code !== 'ENOENT' && code !== 'ENOTDIR')
                return `${file} cannot be created (${code ?? 'unknown error'})`;
        }
        const up = external_node_path_default().dirname(dir);
        if (up === dir)
            return `${file} cannot be created`;
        dir = up;
    }
}
/** The report file is one of the input manifests (or inside an input directory's files): refusing beats overwriting. */
function overwritesInput(file, manifests, cwd) {
    const abs = external_node_path_default().resolve(cwd, file);
    return manifests.some((m) => {
        if (m === '-')
            return false;
        const input = external_node_path_default().resolve(cwd, m);
        if (input === abs)
            return true;
        try {
            return (0,external_node_fs_.statSync)(input).isDirectory() && abs.startsWith(input + (external_node_path_default()).sep) && /\.(ya?ml|json)$/i.test(abs);
        }
        catch {
            return false;
        }
    });
}

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
    return ordered({
        ...f,
        location: f.location && json_location(f.location),
        locations: f.locations?.map(json_location),
        suppressed: f.suppressed && ordered(f.suppressed, ['by', 'reason', 'expires', 'kind']),
        evidence: safeEvidence(f.evidence),
    }, [
        'rule',
        'severity',
        'message',
        'image',
        'registry',
        'location',
        'locations',
        'suppressed',
        'remediation',
        'evidence',
    ]);
}
function checks(c) {
    const one = (r) => ordered(r, ['state', 'why', 'toCheck', 'reason']);
    return ordered({ exists: one(c.exists), platforms: one(c.platforms), pullPath: one(c.pullPath), network: one(c.network) }, ['exists', 'platforms', 'pullPath', 'network']);
}
function json_image(i) {
    const base = { ...i, locations: i.locations.map((l) => ordered(l, ['file', 'line'])) };
    return ordered(i.checks ? { ...base, checks: checks(i.checks) } : base, [
        'reference',
        'registry',
        'status',
        'digest',
        'platforms',
        'checks',
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
        summary: ordered(report.summary, ['images', 'errors', 'warnings', 'notices', 'suppressed']),
        images: images.map(json_image),
        findings: (0,sort/* sortFindings */.Tc)(report.findings).map(findingJson),
        credentials: report.credentials?.map(credential),
    }, ['version', 'ready', 'verified', 'scope', 'mode', 'cluster', 'summary', 'images', 'findings', 'credentials']);
}
/** Pretty-printed JSON with a trailing newline; byte-identical for the same report. */
function renderJson(report) {
    return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
/** GitHub caps one step output at 1 MB; stay under it with room for the note. */
const FINDINGS_OUTPUT_MAX_BYTES = (/* unused pure expression or super */ null && (1_000_000 - 4_096));
/**
 * One line of compact JSON for the action's `findings` output, under GitHub's 1 MB output limit: past it, the
 * findings' location lists are cut to their first place, then whole findings are left out, and a last entry (rule
 * `output-truncated`) says how many and points at the `report` file, which holds everything.
 */
function renderFindingsCompact(report, maxBytes = FINDINGS_OUTPUT_MAX_BYTES, reportFile = 'report') {
    const all = sortFindings(report.findings);
    const full = JSON.stringify(all.map(findingJson));
    if (Buffer.byteLength(full) <= maxBytes)
        return full;
    const short = all.map((f) => findingJson(f.locations && f.locations.length > 1 ? { ...f, locations: f.locations.slice(0, 1) } : f));
    const parts = [];
    let bytes = 2;
    const note = (left) => JSON.stringify({
        rule: 'output-truncated',
        severity: 'notice',
        message: `The findings output is cut to stay under GitHub's 1 MB output limit: location lists are cut to their first place${left > 0 ? ` and ${left} finding(s) are left out` : ''}; every finding and location is in the report file (${reportFile}).`,
    });
    // The longest note (the most findings left out) bounds them all.
    const room = maxBytes - Buffer.byteLength(note(short.length)) - 1;
    for (let i = 0; i < short.length; i++) {
        const s = JSON.stringify(short[i]);
        const b = Buffer.byteLength(s) + 1;
        if (bytes + b > room) {
            parts.push(note(short.length - i));
            return `[${parts.join(',')}]`;
        }
        parts.push(s);
        bytes += b;
    }
    parts.push(note(0));
    return `[${parts.join(',')}]`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/report/annotations.ts
// Workflow annotations (::error file=...::) built as data; main.ts only emits them. GitHub shows at most 10 error,
// 10 warning and 10 notice annotations per step (50 per job) and silently drops the rest, so this picks the most
// severe and most actionable ones, and spends the last notice slot on saying how many more are in the summary.


/** GitHub's per-step caps. */
const ANNOTATION_CAPS = { error: 10, warning: 10, notice: 10 };
/** Places annotated per finding of many places (the rest are in the summary and the reports). */
const LOCATIONS_PER_FINDING = 3;
/** GitHub's per-job cap (a job can have several steps annotating). */
const ANNOTATIONS_PER_JOB = 50;
// Most actionable first: a finding with a fix command and a manifest line helps more than one without.
function actionability(f) {
    return (f.remediation ? 0 : 2) + (f.location ? 0 : 1);
}
function byPriority(a, b) {
    const sev = { error: 0, warning: 1, notice: 2 }[a.severity] - { error: 0, warning: 1, notice: 2 }[b.severity];
    return sev || actionability(a) - actionability(b) || compareFindings(a, b);
}
/** Candidate template paths for Helm's `# Source: <chart>/templates/x.yaml` (the chart directory may sit under charts/). */
function helmCandidates(source) {
    const s = source.replace(/\\/g, '/').replace(/^\.\//, '');
    return [s, `charts/${s}`, `helm/${s}`, `deploy/${s}`];
}
function toAnnotation(f, fallback, opts) {
    const parts = [f.message];
    if (f.remediation)
        parts.push(`Fix: ${f.remediation}`);
    const a = { level: f.severity, message: '', title: f.rule };
    // A running workload (the audit) is no file of the repository: annotate without a place.
    const loc = f.location?.workload ? undefined : f.location;
    const template = loc?.helmSource && opts.fileExists ? helmCandidates(loc.helmSource).find((p) => opts.fileExists?.(p)) : undefined;
    if (loc && template) {
        // The rendered file is generated; the template is what a person edits. Its line is unknown, so line 1, and the
        // message names the rendered position.
        a.file = template;
        a.startLine = 1;
        a.startColumn = 1;
        parts.push(`(rendered at ${locationText(f)})`);
    }
    else if (loc) {
        a.file = loc.file;
        a.startLine = Math.max(1, loc.line);
        a.startColumn = Math.max(1, loc.column || 1);
    }
    else if (fallback) {
        a.file = fallback.file;
        a.startLine = Math.max(1, fallback.line);
        a.startColumn = 1;
    }
    a.message = parts.join('\n');
    return a;
}
function buildAnnotations(report, opts = {}) {
    const imageLine = new Map(report.images.filter((i) => i.locations.length > 0).map((i) => [i.reference, i.locations[0]]));
    const taken = { error: 0, warning: 0, notice: 0 };
    const seen = new Set();
    const annotations = [];
    let omitted = 0;
    // A finding of many places annotates its first few (each still within the caps); accepted (suppressed) findings
    // annotate nothing: they are listed apart in the summary.
    const sorted = report.findings
        .filter((f) => !f.suppressed)
        .sort(byPriority)
        .flatMap((f) => f.locations && f.locations.length > 1
        ? f.locations.slice(0, LOCATIONS_PER_FINDING).map((location) => ({ ...f, location }))
        : [f]);
    const noticeSlots = ANNOTATION_CAPS.notice;
    // Count how many would be dropped first, so the "N more" notice can take a notice slot only when needed.
    for (const f of sorted) {
        const a = toAnnotation(f, f.image !== undefined ? imageLine.get(f.image) : undefined, opts);
        const key = `${a.level}\u0000${a.file ?? ''}\u0000${a.startLine ?? 0}\u0000${a.title}\u0000${a.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        if (taken[a.level] < ANNOTATION_CAPS[a.level] && annotations.length < ANNOTATIONS_PER_JOB) {
            taken[a.level]++;
            annotations.push(a);
        }
        else {
            omitted++;
        }
    }
    if (omitted > 0) {
        // Make room for the pointer notice: drop the last (least important) notice if the notice cap is full.
        if (taken.notice >= noticeSlots || annotations.length >= ANNOTATIONS_PER_JOB) {
            const lastNotice = annotations.map((a) => a.level).lastIndexOf('notice');
            const drop = lastNotice >= 0 ? lastNotice : annotations.length - 1;
            annotations.splice(drop, 1);
            omitted++;
        }
        annotations.push({
            level: 'notice',
            title: 'aks-pull-gate',
            message: `${omitted} more finding${omitted === 1 ? '' : 's'} not annotated (GitHub shows at most 10 errors, 10 warnings and 10 notices per step): see the job summary and the SARIF/JSON report.`,
        });
    }
    return { annotations, omitted };
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
// SARIF 2.1.0 for GitHub code scanning (`sarif-file` input, `--format sarif`), held to code scanning's documented
// rules (checked by scripts/check-sarif.ts in CI): one result per place a finding applies to, each with a relative
// location under %SRCROOT% (the Helm template when the repository holds it, never a path outside the workspace), and a
// partialFingerprint of the rule, the image (or registry) and the place only, never the message (which says "in 10
// days" and lists nearest tags, and would close and reopen alerts daily). Rule descriptors only for rules with results
// (every catalogue rule was 75 KB for one result). Audit results are left out: they are about credentials and cluster
// objects with no place in the repository, and upload-sarif rejects a result without a location; the audit's report
// is the JSON file, the job summary and the tracking issue. Suppressed findings carry `suppressions`.






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
    // helpUri opens the rule's section of docs/rules.md (what fires it, the fix, the tests); the help markdown keeps the
    // Microsoft documentation link.
    d.helpUri = (0,catalogue/* ruleDocUri */.h5)(rule.id);
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
            artifactLocation: { uri: fileUri(loc.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column ?? 1) },
        },
    };
}
/** A workspace-relative path, or undefined for an absolute one or one that leaves the workspace. */
function insideWorkspace(file) {
    const f = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    if (f === '' || f.startsWith('/') || /^[A-Za-z]:/.test(f) || f.split('/').includes('..'))
        return undefined;
    return f;
}
/**
 * The credential a finding is about, by name (never its value): the pull secret (namespace/name) and the registry it
 * is for, the scoped token, or the service principal. Undefined for findings about no credential.
 */
function credentialKey(f) {
    const ev = f.evidence ?? {};
    const str = (v) => typeof v === 'string' && v ? v : Array.isArray(v) && v.length ? v.map(String).join(',') : undefined;
    const parts = [
        str(ev.secretName) && `secret:${str(ev.secretName)}`,
        str(ev.tokenName) && `token:${str(ev.tokenName)}`,
        str(ev.identity) && `principal:${str(ev.identity)}`,
    ].filter((p) => Boolean(p));
    if (parts.length === 0)
        return undefined;
    const registry = f.registry ?? str(ev.registryId) ?? (f.image ? f.image.split('/')[0] : undefined);
    return [...parts, ...(registry ? [`registry:${registry.toLowerCase()}`] : [])].join(' ');
}
/**
 * Stable across runs: rule, image (or registry), the credential when the finding is about one, and the place; never
 * text that changes from day to day. Findings about no credential keep the key they always had (no alert churn).
 */
function fingerprint(f, place) {
    const credential = credentialKey(f);
    const key = [f.rule, f.image ?? f.registry ?? '', ...(credential ? [credential] : []), place].join('\u0000');
    return (0,external_node_crypto_.createHash)('sha256').update(key).digest('hex').slice(0, 32);
}
/** "<checks> not checked: <why>" for each unverified check of the image, one line per distinct reason. */
function unverifiedLines(image) {
    if (!image.checks)
        return [];
    const byWhy = new Map();
    for (const [key, name] of CHECK_NAMES) {
        const c = image.checks[key];
        if (c.state !== 'unverified')
            continue;
        const why = `${c.why ?? 'could not be verified'}${c.toCheck ? ` (to check it: ${c.toCheck})` : ''}`;
        byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
    }
    return [...byWhy].map(([why, names]) => `${names.join(', ')} not checked: ${why}`);
}
function renderSarif(report, opts) {
    const findings = report.mode === 'audit' ? [] : (0,sort/* sortFindings */.Tc)(report.findings);
    // Cluster- and registry-wide findings have no manifest line; code scanning needs a location, so they point at
    // the first line that uses the image (or the first image of the report) and say so in their properties.
    const imageLocation = new Map(report.images.filter((i) => i.locations.length > 0).map((i) => [i.reference, i.locations[0]]));
    const firstLocation = report.images.find((i) => i.locations.length > 0)?.locations[0];
    // What could not be checked, per image: said in the message and properties of that image's results, and for every
    // image in the run's properties (an unverified image may have no result of its own, e.g. after a timeout).
    const notChecked = new Map(report.images.map((i) => [i.reference, unverifiedLines(i)]).filter(([, lines]) => lines.length > 0));
    const place = (l, approximate) => {
        if (l.workload)
            return undefined; // a running workload is no file of the repository
        const template = l.helmSource && opts.fileExists
            ? helmCandidates(l.helmSource).find((p) => insideWorkspace(p) && opts.fileExists?.(p))
            : undefined;
        if (template)
            return { file: template, line: 1, column: 1, rendered: `${l.file}:${l.line}`, approximate };
        const file = insideWorkspace(l.file);
        return file ? { file, line: l.line, column: l.column ?? 1, approximate } : undefined;
    };
    const rules = [];
    const index = new Map();
    const ruleIndex = (f) => {
        let i = index.get(f.rule);
        if (i === undefined) {
            const known = (0,catalogue/* ruleById */.BD)(f.rule);
            i = rules.length;
            index.set(f.rule, i);
            // A rule id the catalogue does not know still gets a descriptor, so every result has a valid ruleIndex.
            rules.push(known
                ? descriptor(known)
                : {
                    id: f.rule,
                    name: pascal(f.rule),
                    shortDescription: { text: f.rule },
                    defaultConfiguration: { level: LEVEL[f.severity] },
                });
        }
        return i;
    };
    const results = [];
    let omitted = 0;
    for (const f of findings) {
        const fallback = (f.image !== undefined ? imageLocation.get(f.image) : undefined) ?? firstLocation;
        const own = f.locations ?? (f.location ? [f.location] : []);
        const places = (own.length > 0 ? own.map((l) => place(l, false)) : fallback ? [place(fallback, true)] : []).filter((p) => p !== undefined);
        // One result per template, not per rendered copy of it.
        const seen = new Set();
        const unique = places.filter((p) => {
            const k = `${p.file}:${p.line}:${p.column}`;
            if (seen.has(k))
                return false;
            seen.add(k);
            return true;
        });
        if (unique.length === 0) {
            omitted++;
            continue;
        }
        const gaps = f.image !== undefined ? notChecked.get(f.image) : undefined;
        const text = [
            f.message,
            ...(f.remediation ? [`Fix: ${f.remediation}`] : []),
            ...(gaps ?? []).map((g) => `Not verified for ${f.image}: ${g}`),
        ].join('\n');
        for (const p of unique) {
            const r = {
                ruleId: f.rule,
                ruleIndex: ruleIndex(f),
                level: LEVEL[f.severity],
                message: { text: p.rendered ? `${text}\n(rendered at ${p.rendered})` : text },
                locations: [physical(p)],
                partialFingerprints: { 'aksPullGate/v2': fingerprint(f, `${p.file}:${p.line}:${p.column}`) },
            };
            if (f.suppressed) {
                r.suppressions = [
                    {
                        kind: f.suppressed.kind,
                        status: 'accepted',
                        justification: `${f.suppressed.reason} (until ${f.suppressed.expires}; ${f.suppressed.by})`,
                    },
                ];
            }
            const props = {};
            if (f.image)
                props.image = f.image;
            if (f.registry)
                props.registry = f.registry;
            if (f.remediation)
                props.remediation = f.remediation;
            if (gaps)
                props.notChecked = gaps;
            if (p.approximate)
                props.locationIsApproximate = true;
            if (f.location?.helmSource)
                props.helmSource = f.location.helmSource;
            const ev = safeEvidence(f.evidence);
            if (ev)
                props.evidence = ev;
            if (Object.keys(props).length > 0)
                r.properties = props;
            results.push(r);
        }
    }
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
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root (the workspace)' } } },
    };
    if (run.tool.driver.semanticVersion === undefined)
        delete run.tool.driver.semanticVersion;
    if (opts.informationUri)
        run.tool.driver.informationUri = opts.informationUri;
    if (opts.category)
        run.automationDetails = { id: opts.category };
    const props = {};
    if (report.cluster)
        Object.assign(props, { cluster: report.cluster, mode: report.mode, ready: report.ready });
    if (report.mode === 'check' && notChecked.size > 0) {
        Object.assign(props, { ready: report.ready, verified: report.verified });
        props.notChecked = [...notChecked].map(([image, lines]) => ({ image, notChecked: lines }));
    }
    if (report.mode === 'audit' && report.findings.length > 0) {
        props.auditFindingsLeftOut = report.findings.length;
        props.note = 'Audit findings have no place in the repository; they are in the JSON report and the job summary.';
    }
    if (omitted > 0)
        props.findingsWithoutRepositoryLocation = omitted;
    if (Object.keys(props).length > 0)
        run.properties = props;
    return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

;// CONCATENATED MODULE: ./src/report/text.ts
// CLI text output: readable at a glance, grouped by image, ANSI colours only when the caller asks for them
// (the CLI decides from TTY and NO_COLOR; this module never looks at the environment).


const SGR = { red: '31', yellow: '33', cyan: '36', green: '32', dim: '2', bold: '1' };
const LABEL = { error: 'error', warning: 'warning', notice: 'notice' };
const SEV_COLOR = { error: 'red', warning: 'yellow', notice: 'cyan' };
/** "not checked: <why>" for every check of the image that did not run, one line per distinct reason. */
function notChecked(image) {
    if (!image.checks)
        return [];
    const byWhy = new Map();
    for (const [key, name] of CHECK_NAMES) {
        const c = image.checks[key];
        if (c.state !== 'unverified' && c.state !== 'not-applicable')
            continue;
        const base = c.why ?? (c.state === 'unverified' ? 'could not be verified' : 'does not apply');
        const why = c.accepted
            ? `${base} (accepted by ${c.accepted.by} until ${c.accepted.expires}: ${c.accepted.reason})`
            : base;
        byWhy.set(why, [...(byWhy.get(why) ?? []), name]);
    }
    return [...byWhy].map(([why, names]) => `${names.join(', ')} not checked: ${why}`);
}
function renderText(report, opts) {
    const paint = (code, s) => (opts.color ? `\u001b[${SGR[code]}m${s}\u001b[0m` : s);
    const lines = [];
    if (report.cluster)
        lines.push(paint('dim', `cluster ${report.cluster} (${report.mode})`), '');
    const finding = (f) => {
        const where = common_locationText(f);
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
        for (const line of notChecked(image))
            lines.push(`  ${paint('dim', line)}`);
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
            return (JSON.stringify(renderSarif(report, {
                toolVersion: opts.version,
                ...(opts.fileExists ? { fileExists: opts.fileExists } : {}),
            }), null, 2) + '\n');
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
// CLI: argv -> Config -> gate -> rendered report (-> the PR comment or tracking issue inside a GitHub Actions job)
// -> exit code. A ConfigurationError is one line on stderr and
// exit 2; anything else unexpected is also one line (the stack only with AKS_PULL_GATE_DEBUG=1).









/** --output and --sarif-file are checked before the run: exit 2 up front, never after a full run. */
function checkReportPaths(output, sarif, manifests, cwd) {
    for (const [flag, file] of [
        ['--output', output],
        ['--sarif-file', sarif],
    ]) {
        if (!file)
            continue;
        if (overwritesInput(file, manifests, cwd))
            throw new settings_config/* ConfigurationError */.j1(`${flag} ${file} is one of the input manifests: refusing to overwrite it`);
        const why = unwritableReason(file, cwd);
        if (why)
            throw new settings_config/* ConfigurationError */.j1(`${flag}: ${why}`);
    }
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
async function diagnose(config, target, debug) {
    const logger = {
        debug: (m) => debug && process.stderr.write(`debug: ${m}\n`),
        info: (m) => debug && process.stderr.write(`${m}\n`),
        // The gate's own warnings while checking the pod's images go to stderr only with AKS_PULL_GATE_DEBUG=1.
        warning: (m) => debug && process.stderr.write(`warning: ${m}\n`),
    };
    const { runDiagnose } = await Promise.all(/* import() */[__webpack_require__.e(806), __webpack_require__.e(695), __webpack_require__.e(108)]).then(__webpack_require__.bind(__webpack_require__, 43108));
    const { renderDiagnosis } = await __webpack_require__.e(/* import() */ 500).then(__webpack_require__.bind(__webpack_require__, 68500));
    const result = await runDiagnose(config, target, { logger, maskSecret: () => undefined, env: process.env });
    const format = config.format === 'json' || config.format === 'markdown' ? config.format : 'text';
    const scope = target.pod ? `${target.pod.namespace}/${target.pod.name}` : `in namespace ${target.namespace}`;
    const out = renderDiagnosis(result, format, scope);
    if (config.output)
        await (0,promises_.writeFile)(config.output, out);
    else
        process.stdout.write(out);
    return result.exitCode;
}
async function main(argv, env = process.env) {
    // `--debug` (anywhere before `--`) or AKS_PULL_GATE_DEBUG=1: the debug log, with the run's trace (lib/debug-log.ts).
    const end = argv.indexOf('--');
    const debugAt = argv.findIndex((a, i) => a === '--debug' && (end < 0 || i < end));
    const debug = env.AKS_PULL_GATE_DEBUG === '1' || debugAt >= 0;
    if (debugAt >= 0)
        argv = argv.filter((_, i) => i !== debugAt);
    try {
        // `simulate serve` is its own subcommand, dispatched before the gate's flags are parsed.
        if (argv[0] === 'simulate' && argv[1] === 'serve') {
            const { runServe } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(243), __webpack_require__.e(860), __webpack_require__.e(686), __webpack_require__.e(861), __webpack_require__.e(917)]).then(__webpack_require__.bind(__webpack_require__, 66917));
            return await runServe(argv.slice(2));
        }
        const cmd = parseCli(argv, process.cwd(), env);
        if (cmd.kind === 'help') {
            process.stdout.write(usage() + '\n');
            return 0;
        }
        if (cmd.kind === 'version') {
            process.stdout.write(VERSION + '\n');
            return 0;
        }
        if (cmd.kind === 'diagnose')
            return await diagnose(cmd.config, cmd.target, debug);
        const { config, github } = cmd;
        checkReportPaths(config.output, config.sarifFile, config.manifests, config.cwd);
        const tty = !!process.stderr.isTTY;
        const logger = {
            debug: (m) => debug && process.stderr.write(`debug: ${m}\n`),
            info: (m) => (debug || tty) && process.stderr.write(`${m}\n`),
            warning: (m) => process.stderr.write(`warning: ${m}\n`),
        };
        // The gate (Azure SDKs, HTTP stack) loads only for a real run: --help, --version and usage errors stay instant.
        const { runGate } = await Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(548), __webpack_require__.e(806), __webpack_require__.e(732), __webpack_require__.e(695)]).then(__webpack_require__.bind(__webpack_require__, 92732));
        // SIGINT/SIGTERM end the run within 2 s: the gate stops as at its deadline and closes the emulator (and its temp
        // kubeconfig); a run that still has not ended by then is ended here.
        const stop = new AbortController();
        let stoppedBy;
        const onSignal = (sig) => {
            if (stoppedBy)
                return;
            stoppedBy = sig;
            process.stderr.write(`aks-pull-gate: ${sig}: stopping\n`);
            stop.abort();
            setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 2_000).unref();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const { report, exitCode } = await runGate(config, {
            signal: stop.signal,
            logger,
            // The CLI prints nothing a secret could reach; masking is the action's concern.
            maskSecret: () => undefined,
            readStdin,
            env,
            phase: (name) => tty && process.stderr.write(`… ${name}\n`),
            debug,
        });
        if (stoppedBy)
            return stoppedBy === 'SIGINT' ? 130 : 143;
        const color = !!process.stdout.isTTY && !env.NO_COLOR && !config.output;
        const fileExists = (p) => (0,external_node_fs_.existsSync)(external_node_path_default().resolve(config.cwd, p));
        const out = renderReport(report, config.format, { color, version: VERSION, fileExists });
        if (config.output)
            await (0,promises_.writeFile)(config.output, out);
        else
            process.stdout.write(out.endsWith('\n') ? out : out + '\n');
        if (config.sarifFile)
            await (0,promises_.writeFile)(config.sarifFile, renderReport(report, 'sarif', { color: false, version: VERSION, fileExists }));
        // Inside a GitHub Actions job the GitHub-only options act as in the action (PR comment, tracking issue), bounded
        // by the run's timeout; they never change the exit code.
        const job = gitHubJobFromEnv(env);
        if (job) {
            await publishToGitHub(report, config, github, job, {
                logger,
                signal: AbortSignal.timeout(config.timeoutMs),
                env,
            });
        }
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

/***/ 7076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ ACR_SUFFIXES),
/* harmony export */   M1: () => (/* binding */ acrHostIn),
/* harmony export */   n0: () => (/* binding */ isAcrHost),
/* harmony export */   ur: () => (/* binding */ acrName)
/* harmony export */ });
/* unused harmony export acrHostKind */
// The one answer to "is this host an Azure Container Registry?", for every stage (registry client, identity and image
// checks, report columns). ACR hosts come in three kinds (Microsoft Learn, "container-registry-geo-replication" and
// "container-registry-dedicated-data-endpoints"):
//   login server       <registry>.azurecr.io (sovereign: .azurecr.us, .azurecr.cn)
//   regional endpoint  <registry>.<region>.geo.azurecr.io  (geo-replicated registries)
//   data endpoint      <registry>.<region>.data.azurecr.io (dedicated data endpoints: where layer blobs come from)
// `acrHostKind` is the hook that tells them apart; today every kind is treated as the registry itself (what the
// predicates this replaces did, all matching by suffix). Pure: imports nothing.
/** ACR login-server suffixes of the public and sovereign clouds. */
const ACR_SUFFIXES = ['.azurecr.io', '.azurecr.cn', '.azurecr.us'];
/** The host without a `:port` (a bracketed IPv6 literal keeps its brackets and is never an ACR anyway), lower-cased. */
function bareHost(host) {
    const colon = host.lastIndexOf(':');
    let isPort = colon !== -1 && colon < host.length - 1;
    for (let i = colon + 1; isPort && i < host.length; i++) {
        const c = host.charCodeAt(i);
        isPort = c >= 48 && c <= 57;
    }
    return (isPort ? host.slice(0, colon) : host).toLowerCase();
}
/** The matching suffix (dotted, lower case) of an ACR host, or undefined. */
function acrSuffixOf(bare, suffixes) {
    for (const suffix of suffixes) {
        const s = suffix.toLowerCase();
        const dotted = s.startsWith('.') ? s : `.${s}`;
        if (dotted.length > 1 && bare.length > dotted.length && bare.endsWith(dotted))
            return dotted;
    }
    return undefined;
}
/**
 * Which kind of ACR host `host` is (port allowed, case-insensitive, as DNS is), or undefined when it is no ACR host.
 * The suffix alone (`azurecr.io`) is not a registry.
 */
function acrHostKind(host, suffixes = ACR_SUFFIXES) {
    const bare = bareHost(host);
    const suffix = acrSuffixOf(bare, suffixes);
    if (!suffix)
        return undefined;
    const labels = bare.slice(0, bare.length - suffix.length).split('.');
    if (labels.length === 3 && labels[2] === 'geo')
        return 'regional-endpoint';
    if (labels.length === 3 && labels[2] === 'data')
        return 'data-endpoint';
    return 'login-server';
}
/** Is `host` (an image's registry, port allowed) an ACR host of any kind under one of `suffixes`? */
function isAcrHost(host, suffixes = ACR_SUFFIXES) {
    return acrHostKind(host, suffixes) !== undefined;
}
/** The registry's name as `az acr` wants it: `prodacr` for `prodacr.azurecr.io`. */
function acrName(registry) {
    return registry.toLowerCase().split('.')[0] ?? registry;
}
const ACR_HOST_IN_TEXT = new RegExp(`(?<![a-z0-9.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*(?:${ACR_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})(?![a-z0-9-]|\\.[a-z0-9])`, 'i');
/**
 * The first ACR host of the public and sovereign clouds written anywhere in `text` (lower case), or undefined: a hint
 * read before the text is parsed, so it may come from a comment. The inventory, not this, says what is pulled.
 */
function acrHostIn(text) {
    // The plain search first: most manifests name no ACR (over the benchmark's 1.3 MB it takes 0.4 ms, the pattern 9 ms).
    if (!/azurecr\./i.test(text))
        return undefined;
    return ACR_HOST_IN_TEXT.exec(text)?.[0].toLowerCase();
}


/***/ }),

/***/ 19979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ findingsForImage)
/* harmony export */ });
// The findings that can apply to one image, found without reading every finding for every image (a 5,000-image run
// has as many findings as a tenth of its images, and the report asks per image and concern): a finding that names an
// image applies to that image only; one that names none (a registry's firewall, the cluster's identity) may apply to
// any. Order is kept: the first finding of a concern decides what a check says.
const lookups = new WeakMap();
/** For each image reference: the findings naming it and every finding naming no image, in `findings`' order. */
function findingsForImage(findings) {
    // Kept per list while it has the same length (the lists the report reads are not changed once built).
    const known = lookups.get(findings);
    if (known && known.length === findings.length)
        return known.lookup;
    const own = new Map();
    const shared = [];
    findings.forEach((f, i) => {
        if (f.image === undefined)
            shared.push(i);
        else {
            const list = own.get(f.image);
            if (list)
                list.push(i);
            else
                own.set(f.image, [i]);
        }
    });
    const lookup = (reference) => {
        const mine = own.get(reference) ?? [];
        const out = [];
        let a = 0;
        let b = 0;
        while (a < mine.length || b < shared.length) {
            const next = b >= shared.length || (a < mine.length && mine[a] < shared[b]) ? mine[a++] : shared[b++];
            out.push(findings[next]);
        }
        return out;
    };
    lookups.set(findings, { length: findings.length, lookup });
    return lookup;
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
/** A sorted copy (suppressed findings sort with the others: they are counted apart, not hidden); the input is not modified. */
function sortFindings(findings) {
    return [...findings].sort(compareFindings);
}
function summarize(findings, images = 0) {
    const s = { images, errors: 0, warnings: 0, notices: 0 };
    let suppressed = 0;
    for (const f of findings) {
        if (f.suppressed)
            suppressed++;
        else if (f.severity === 'error')
            s.errors++;
        else if (f.severity === 'warning')
            s.warnings++;
        else
            s.notices++;
    }
    if (suppressed > 0)
        s.suppressed = suppressed;
    return s;
}


/***/ }),

/***/ 91062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ ruleById),
/* harmony export */   eh: () => (/* binding */ stopsPods),
/* harmony export */   h5: () => (/* binding */ ruleDocUri),
/* harmony export */   uf: () => (/* binding */ MAX_ERROR_SUPPRESSION_DAYS)
/* harmony export */ });
/* unused harmony exports RULES_DOC_URL, CATALOGUE, RULES */
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
    objects: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/',
    helmTemplate: 'https://helm.sh/docs/helm/helm_template/',
    updatingImages: 'https://kubernetes.io/docs/concepts/containers/images/#updating-images',
    quarantine: 'https://github.com/Azure/acr/tree/main/docs/preview/quarantine',
    rbacList: 'https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-cli',
    dismissAlerts: 'https://docs.github.com/code-security/code-scanning/managing-code-scanning-alerts/resolving-code-scanning-alerts',
};
/**
 * Where docs/rules.md is published: package.json names no repository or homepage, so the base is the repository the
 * README's `uses: aks-pull-gate/aks-pull-gate@v0` names, at its default branch. Each rule has a section there whose
 * GitHub anchor is the rule id.
 */
const RULES_DOC_URL = 'https://github.com/aks-pull-gate/aks-pull-gate/blob/main/docs/rules.md';
/** The rule's section of docs/rules.md (absolute: SARIF viewers resolve no relative helpUri). */
function ruleDocUri(id) {
    return `${RULES_DOC_URL}#${id}`;
}
/** Every rule, keyed by its id: the compiler refuses a RuleId without an entry. Order = SARIF and docs order. */
const CATALOGUE = {
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
const RULES = Object.keys(CATALOGUE).map((id) => ({
    id,
    ...CATALOGUE[id],
}));
const BY_ID = new Map(RULES.map((r) => [r.id, r]));
/**
 * An error of this catalogue means a pod would not start (its image cannot be pulled, or the manifest is rejected):
 * accepting one ships a rollout that cannot run, so an `ignore:` entry or annotation for an error rule may run at
 * most this many days ahead; a longer one does not suppress (suppression-too-long).
 */
const MAX_ERROR_SUPPRESSION_DAYS = 30;
/** Whether a rule's findings mean no pod starts (an error rule), so its suppressions are held to 30 days. */
function stopsPods(id) {
    const r = BY_ID.get(id);
    return r !== undefined && (r.defaultSeverity === 'error' || (r.severities ?? []).includes('error'));
}
/** The descriptor of a rule id, or undefined for an id the catalogue does not know. */
function ruleById(id) {
    return BY_ID.get(id);
}


/***/ }),

/***/ 69551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   FL: () => (/* binding */ parsePlatform),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   Lz: () => (/* binding */ parseNonNegativeInt),
/* harmony export */   XV: () => (/* binding */ parseFailOn),
/* harmony export */   Xc: () => (/* binding */ parseFormat),
/* harmony export */   Zx: () => (/* binding */ parseMode),
/* harmony export */   ak: () => (/* binding */ parseAzureEnvironment),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   mP: () => (/* binding */ resolveClusterId),
/* harmony export */   yE: () => (/* binding */ parseTimeoutSeconds),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   zY: () => (/* binding */ DEFAULTS)
/* harmony export */ });
/* unused harmony exports parseUnverified, TIMEOUT_RANGE_SECONDS */
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
    unverified: 'fail',
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
function parseUnverified(value) {
    const v = value.trim().toLowerCase();
    if (v === 'fail' || v === 'warn')
        return v;
    throw new ConfigurationError(`unverified must be one of fail, warn (got "${value}")`);
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
const TIMEOUT_RANGE_SECONDS = { min: 1, max: 3600 };
/** A number of seconds, integer or decimal, no unit, in 1..3600 (Node's timers overflow past ~24.8 days). Returns ms. */
function parseTimeoutSeconds(name, value) {
    const v = value.trim();
    const n = Number(v);
    const { min, max } = TIMEOUT_RANGE_SECONDS;
    if (!/^\d+(\.\d+)?$/.test(v) || !(n >= min && n <= max)) {
        throw new ConfigurationError(`${name} must be a number of seconds from ${min} to ${max} (integer or decimal, no unit), e.g. 120 (got "${value}")`);
    }
    return Math.round(n * 1000);
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
/**
 * Splits a list input on newlines only (commas belong to brace globs such as `k8s/{a,b}/*.yaml`); blank lines and
 * `#` comments are ignored.
 */
function parseLines(value) {
    if (!value)
        return [];
    return value
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.startsWith('#'));
}
function parseBoolean(name, value) {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', 'on', '1'].includes(v))
        return true;
    if (['false', 'no', 'off', '0'].includes(v))
        return false;
    throw new ConfigurationError(`${name} must be true or false (got "${value}")`);
}
/** `one of a, b, c` choice parser: case-insensitive, the message lists the accepted values. */
function parseChoice(name, values, value) {
    const v = value.trim().toLowerCase();
    const hit = values.find((x) => x === v);
    if (hit)
        return hit;
    throw new ConfigurationError(`${name} must be one of ${values.join(', ')} (got "${value}")`);
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
