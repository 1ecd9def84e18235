export const id = 736;
export const ids = [736];
export const modules = {

/***/ 7736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runServe: () => (/* binding */ runServe)
/* harmony export */ });
/* unused harmony exports SERVE_USAGE, parseServeArgs, serveEnv, MSAL_DISCOVERY_HOST */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _emulator_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(82863);
/* harmony import */ var _world_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12123);
/* harmony import */ var _tunnel_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12761);
// `aks-pull-gate simulate serve <world.yaml> [--port N] [--env-out F]`: the emulator on its own, kept up until
// SIGINT/SIGTERM, for exploring a simulated world with real clients (az, kubectl, skopeo). It prints what a client
// needs (endpoints, CA file, kubeconfig, the gate's credentials, the az lines) and never edits /etc/hosts.





const SERVE_USAGE = `Usage: aks-pull-gate simulate serve <world.yaml> [--port N] [--env-out FILE]

Starts the loopback emulator of a simulated world on https://127.0.0.1:<port> and keeps it up until interrupted
(Ctrl-C / SIGTERM). Registry hosts are served on the same port by Host/SNI; with --port 443 (root) clients reach
<registry>.azurecr.io through the /etc/hosts lines it prints (it never edits /etc/hosts).`;
/** Parses the arguments after `simulate serve`; returns an error line for bad input. */
function parseServeArgs(argv) {
    let world;
    let port = 0;
    let envOut;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const [flag, inline] = a.startsWith('--') && a.includes('=')
            ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
            : [a, undefined];
        const value = () => inline ?? argv[++i];
        if (flag === '--port') {
            const v = value();
            if (!v || !/^\d+$/.test(v) || Number(v) > 65535)
                return `--port needs a port number (0-65535), got '${v ?? ''}'`;
            port = Number(v);
        }
        else if (flag === '--env-out') {
            const v = value();
            if (!v)
                return '--env-out needs a file name';
            envOut = v;
        }
        else if (a.startsWith('-'))
            return `unknown option '${a}' for simulate serve`;
        else if (world === undefined)
            world = a;
        else
            return `simulate serve takes one world file, got another: '${a}'`;
    }
    if (!world)
        return 'simulate serve needs a world file: aks-pull-gate simulate serve <world.yaml>';
    return { world, port, envOut };
}
/** The KEY=value lines `simulate serve` prints and writes with --env-out. */
function serveEnv(emu, caFile) {
    const origin = emu.endpoints.resourceManager;
    const acrSuffix = emu.endpoints.acrSuffixes[0] ?? '.azurecr.io';
    const registryUrl = (h) => (emu.port === 443 ? `https://${h}` : `https://${h}:${emu.port}`);
    return [
        ['SIM_ORIGIN', origin],
        ['SIM_PORT', String(emu.port)],
        ['SIM_ARM', `${origin}/`],
        ['SIM_AUTHORITY', origin],
        ['SIM_GRAPH', `${origin}/`],
        ['SIM_REGISTRIES', emu.registryHosts.map(registryUrl).join(',')],
        ['SIM_CA_FILE', caFile],
        ['KUBECONFIG', emu.kubeconfigPath],
        ['AZURE_CLIENT_ID', emu.gate.clientId],
        ['AZURE_CLIENT_SECRET', emu.gate.clientSecret],
        ['AZURE_TENANT_ID', emu.gate.tenantId],
        // Python's requests (azure-cli) and most Go/C clients read these for the CA.
        ['REQUESTS_CA_BUNDLE', caFile],
        ['SSL_CERT_FILE', caFile],
        ['AZURE_CORE_COLLECT_TELEMETRY', 'false'],
        [
            'SIM_AZ_CLOUD_REGISTER',
            // One --cloud-config: azure-cli 2.45 has no flag for the Microsoft Graph endpoint (`az ad`); with a config
            // the other flags are ignored. (`--endpoint-resource-manager <arm>` alone also works: az autodetects the rest
            // from the emulator's /metadata/endpoints, all but Microsoft Graph.)
            `az cloud register -n SimulatedWorld --cloud-config '${JSON.stringify({
                endpoints: {
                    resourceManager: `${origin}/`,
                    activeDirectory: origin,
                    activeDirectoryResourceId: `${origin}/`,
                    activeDirectoryGraphResourceId: `${origin}/`,
                    microsoftGraphResourceId: `${origin}/`,
                    management: `${origin}/`,
                },
                suffixes: { acrLoginServerEndpoint: acrSuffix },
            })}' && az cloud set -n SimulatedWorld`,
        ],
        [
            'SIM_AZ_LOGIN',
            `az login --service-principal -u ${emu.gate.clientId} -p ${emu.gate.clientSecret} --tenant ${emu.gate.tenantId}`,
        ],
    ];
}
/** MSAL's public instance-discovery host: MSAL Python (azure-cli) asks it about every authority it does not know. */
const MSAL_DISCOVERY_HOST = 'login.microsoftonline.com';

/** Runs `simulate serve`: resolves with the exit code once interrupted (0) or on a start error (2). */
async function runServe(argv, io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
}) {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.out(SERVE_USAGE + '\n');
        return 0;
    }
    const args = parseServeArgs(argv);
    if (typeof args === 'string') {
        io.err(`aks-pull-gate: ${args}\n`);
        return 2;
    }
    const started = Date.now();
    let emu;
    try {
        const world = await (0,_world_js__WEBPACK_IMPORTED_MODULE_4__/* .loadWorld */ .pT)(args.world);
        emu = await (0,_emulator_js__WEBPACK_IMPORTED_MODULE_3__/* .startEmulator */ .s)(world, { port: args.port, extraCertHosts: [MSAL_DISCOVERY_HOST] });
    }
    catch (e) {
        const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
        const hint = /EACCES/.test(msg) && args.port < 1024 ? ` (ports below 1024 need root or CAP_NET_BIND_SERVICE)` : '';
        io.err(`aks-pull-gate: simulate serve: ${msg}${hint}\n`);
        return 2;
    }
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'aks-pull-gate-serve-'));
    const caFile = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'ca.pem');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(caFile, emu.caPem);
    const env = [
        ...serveEnv(emu, caFile),
        // For clients that honour HTTPS_PROXY (azure-cli's requests, skopeo, kubectl): registries and the clusters' API
        // servers by name, MSAL's discovery local.
        ['HTTPS_PROXY', emu.proxyUrl],
        ['NO_PROXY', '127.0.0.1,localhost'],
    ];
    // Values with spaces (the az lines) are single-quoted, so the file can be sourced by a shell (`set -a; . F`).
    const lines = env.map(([k, v]) => `${k}=${/[\s"'$]/.test(v) ? `'${v.replace(/'/g, `'\\''`)}'` : v}`);
    if (args.envOut)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(args.envOut, lines.join('\n') + '\n', { mode: 0o600 });
    const hosts = [...emu.registryHosts, ...emu.clusterHosts].map((h) => `127.0.0.1 ${h}`);
    io.out([
        `Simulated world ${args.world} serving on ${emu.endpoints.resourceManager} (started in ${Date.now() - started} ms).`,
        ...lines,
        ...(hosts.length
            ? [
                emu.port === 443
                    ? '# Add to /etc/hosts so clients reach the registries by name (this command never edits it):'
                    : '# Registries answer on this port by Host/SNI; with --port 443 add to /etc/hosts:',
                ...hosts.map((h) => `#   ${h}`),
            ]
            : []),
        '# Ctrl-C stops it.',
    ].join('\n') + '\n');
    const signals = io.signals ?? process;
    await new Promise((resolve) => {
        const stop = () => {
            signals.off('SIGINT', stop);
            signals.off('SIGTERM', stop);
            resolve();
        };
        signals.on('SIGINT', stop);
        signals.on('SIGTERM', stop);
    });
    await emu.close();
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    if (args.envOut)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(args.envOut, { force: true });
    io.err('simulate serve: stopped\n');
    return 0;
}


/***/ })

};
