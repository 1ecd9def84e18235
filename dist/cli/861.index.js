export const id = 861;
export const ids = [861];
export const modules = {

/***/ 34145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ ABAC_REPOSITORY_ROLE_GUIDS),
/* harmony export */   NS: () => (/* binding */ BUILT_IN_ROLES),
/* harmony export */   UX: () => (/* binding */ builtInRoleBody)
/* harmony export */ });
// Azure's built-in role definitions that matter to image pulls, with their real GUIDs and permissions (from
// MicrosoftDocs/azure-docs built-in-roles/containers.md and general.md; see shared/material/azure-arm/authorization/).
// The emulator serves them under every subscription, in the ARM REST shape (roleName/type/permissions under properties).
function perm(actions, notActions = [], dataActions = []) {
    return [{ actions, notActions, dataActions, notDataActions: [] }];
}
const REPO = 'Microsoft.ContainerRegistry/registries/repositories';
const BUILT_IN_ROLES = [
    {
        guid: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
        roleName: 'Owner',
        description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
        permissions: perm(['*']),
    },
    {
        guid: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
        roleName: 'Contributor',
        description: 'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
        permissions: perm(['*'], [
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
        ]),
    },
    {
        guid: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
        roleName: 'Reader',
        description: 'View all resources, but does not allow you to make any changes.',
        permissions: perm(['*/read']),
    },
    {
        guid: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
        roleName: 'User Access Administrator',
        description: 'Lets you manage user access to Azure resources.',
        permissions: perm(['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*']),
    },
    {
        guid: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
        roleName: 'AcrPull',
        description: 'acr pull',
        permissions: perm(['Microsoft.ContainerRegistry/registries/pull/read']),
    },
    {
        guid: '8311e382-0749-4cb8-b61a-304f252e45ec',
        roleName: 'AcrPush',
        description: 'acr push',
        permissions: perm([
            'Microsoft.ContainerRegistry/registries/pull/read',
            'Microsoft.ContainerRegistry/registries/push/write',
        ]),
    },
    {
        guid: 'c2f4ef07-c644-48eb-af81-4b1b4947fb11',
        roleName: 'AcrDelete',
        description: 'acr delete',
        permissions: perm(['Microsoft.ContainerRegistry/registries/artifacts/delete']),
    },
    {
        guid: 'cdda3590-29a3-44f6-95f2-9f980659eb04',
        roleName: 'AcrQuarantineReader',
        description: 'acr quarantine data reader',
        permissions: perm(['Microsoft.ContainerRegistry/registries/quarantine/read'], [], ['Microsoft.ContainerRegistry/registries/quarantinedArtifacts/read']),
    },
    {
        guid: 'b93aa761-3e63-49ed-ac28-beffa264f7ac',
        roleName: 'Container Registry Repository Reader',
        description: 'Allows for read access to Azure Container Registry repositories, but excluding catalog listing.',
        permissions: perm([], [], [`${REPO}/metadata/read`, `${REPO}/content/read`]),
    },
    {
        guid: '2a1e307c-b015-4ebd-883e-5b7698a07328',
        roleName: 'Container Registry Repository Writer',
        description: 'Allows for read and write access to Azure Container Registry repositories, but excluding catalog listing.',
        permissions: perm([], [], [`${REPO}/metadata/read`, `${REPO}/metadata/write`, `${REPO}/content/read`, `${REPO}/content/write`]),
    },
    {
        guid: '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
        roleName: 'Container Registry Repository Contributor',
        description: 'Allows for read, write, and delete access to Azure Container Registry repositories, but excluding catalog listing.',
        permissions: perm([], [], [
            `${REPO}/metadata/read`,
            `${REPO}/metadata/write`,
            `${REPO}/metadata/delete`,
            `${REPO}/content/read`,
            `${REPO}/content/write`,
            `${REPO}/content/delete`,
        ]),
    },
    {
        guid: 'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
        roleName: 'Container Registry Repository Catalog Lister',
        description: 'Allows for listing all repositories in an Azure Container Registry.',
        permissions: perm([], [], ['Microsoft.ContainerRegistry/registries/catalog/read']),
    },
];
/** GUIDs of the roles ACR honours for data access in ABAC repository-permissions mode. */
const ABAC_REPOSITORY_ROLE_GUIDS = new Set([
    'b93aa761-3e63-49ed-ac28-beffa264f7ac',
    '2a1e307c-b015-4ebd-883e-5b7698a07328',
    '2efddaa5-3f1f-4df3-97df-af3f13818f4c',
    'bfdb9389-c9a5-478a-bb2f-ba9ca092c3c7',
]);
/** The ARM body of a built-in role as served under `scope` (a subscription id path, or '' for the tenant root). */
function builtInRoleBody(role, scope) {
    return {
        id: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${role.guid}`,
        name: role.guid,
        type: 'Microsoft.Authorization/roleDefinitions',
        properties: {
            roleName: role.roleName,
            type: 'BuiltInRole',
            description: role.description,
            assignableScopes: ['/'],
            permissions: role.permissions,
            createdOn: '2015-02-02T21:55:09.8806423Z',
            updatedOn: '2024-01-01T00:00:00.0000000Z',
            createdBy: null,
            updatedBy: null,
        },
    };
}


/***/ }),

/***/ 87212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ startEmulator)
});

// UNUSED EXPORTS: clusterHost

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: ./node_modules/selfsigned/index.js
var selfsigned = __webpack_require__(7686);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/simulate/http-kit.ts
// Small HTTP building blocks shared by the emulator's services: a Reply value (handlers return data, the server writes
// it, so faults can truncate, retype or slow any reply uniformly), body reading, and the emulator's own JWTs.

function json(status, body, headers = {}) {
    return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}
function http_kit_form(req) {
    return new URLSearchParams(req.body.toString('utf8'));
}
function bearer(req) {
    const h = req.headers.authorization;
    if (typeof h !== 'string')
        return undefined;
    const m = /^Bearer\s+(.+)$/i.exec(h.trim());
    return m ? m[1] : undefined;
}
function basic(req) {
    const h = req.headers.authorization;
    if (typeof h !== 'string')
        return undefined;
    const m = /^Basic\s+(.+)$/i.exec(h.trim());
    if (!m)
        return undefined;
    const decoded = Buffer.from(m[1], 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0)
        return undefined;
    return { username: decoded.slice(0, i), password: decoded.slice(i + 1) };
}
function b64url(data) {
    return Buffer.from(data).toString('base64url');
}
/** JWT signer/verifier of one emulator run (HS256 with a random key: tokens it did not issue are recognisable). */
class TokenMint {
    key = Buffer.from((0,external_node_crypto_.randomUUID)() + (0,external_node_crypto_.randomUUID)());
    sign(claims) {
        const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'aks-pull-gate-emulator' }));
        const body = b64url(JSON.stringify(claims));
        const sig = (0,external_node_crypto_.createHmac)('sha256', this.key).update(`${head}.${body}`).digest('base64url');
        return `${head}.${body}.${sig}`;
    }
    /** Claims of a token this emulator signed, or undefined. Expiry is checked against the real clock. */
    verify(token) {
        const parts = token.split('.');
        if (parts.length !== 3)
            return undefined;
        const sig = (0,external_node_crypto_.createHmac)('sha256', this.key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
        if (sig !== parts[2])
            return undefined;
        const claims = decodeJwt(token);
        if (!claims)
            return undefined;
        if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now())
            return undefined;
        return claims;
    }
}
/** Payload of any JWT, signature unchecked (world-authored refresh tokens, client assertions). */
function decodeJwt(token) {
    const parts = token.split('.');
    if (parts.length < 2)
        return undefined;
    try {
        const v = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
function nowSeconds() {
    return Math.floor(Date.now() / 1000);
}

// EXTERNAL MODULE: ./src/simulate/builtin-roles.ts
var builtin_roles = __webpack_require__(34145);
;// CONCATENATED MODULE: ./src/simulate/world-index.ts
// Indexes a World for serving: ARM resources by lower-cased id (with synthesized children such as agentPools and
// privateEndpointConnections), registry hosts -> ARM registry, principals, and the RBAC evaluation that both ARM's
// role-assignment filters and the registry token endpoints use (assignments at or above a scope, groups, conditions).

const ROLE_ASSIGNMENT_SEGMENT = '/providers/microsoft.authorization/roleassignments/';
function lower(s) {
    return s.toLowerCase();
}
/** `Microsoft.ContainerRegistry/registries/tokens` from an id; undefined for non-provider ids. */
function typeFromId(id) {
    const segs = id.split('/').filter(Boolean);
    const p = segs.map(lower).lastIndexOf('providers');
    if (p < 0 || p + 2 >= segs.length) {
        if (segs.length === 2 && lower(segs[0]) === 'subscriptions')
            return 'Microsoft.Resources/subscriptions';
        if (segs.length === 4 && lower(segs[2]) === 'resourcegroups')
            return 'Microsoft.Resources/resourceGroups';
        return undefined;
    }
    const ns = segs[p + 1];
    const rest = segs.slice(p + 2);
    const types = [];
    for (let i = 0; i < rest.length; i += 2)
        types.push(rest[i]);
    return [ns, ...types].join('/');
}
/** `*` matches any run of characters; comparison is case-insensitive (Azure RBAC action semantics). */
function actionMatches(pattern, action) {
    const re = new RegExp(`^${pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
        .join('.*')}$`, 'i');
    return re.test(action);
}
function permits(perms, action, data) {
    return perms.some((p) => {
        const allow = data ? p.dataActions : p.actions;
        const deny = data ? p.notDataActions : p.notActions;
        return allow.some((a) => actionMatches(a, action)) && !deny.some((a) => actionMatches(a, action));
    });
}
/** True when `scope` (a lower-cased ARM path) is at or below `above`. */
function scopeCovers(above, scope) {
    const a = lower(above).replace(/\/+$/, '');
    const s = lower(scope).replace(/\/+$/, '');
    if (a === '' || a === '/')
        return true;
    return s === a || s.startsWith(`${a}/`);
}
const REPO_NAME_ATTR = /@(?:Request|Resource)\[Microsoft\.ContainerRegistry\/registries\/repositories:name\]\s+(\w+)\s+'([^']*)'/gi;
const ACTION_MATCHES = /ActionMatches\{'([^']+)'\}/gi;
/**
 * Evaluates the simple ABAC conditions ACR documents: "for these data actions, the repository name must equal / start
 * with / be like ...". Actions the condition does not name are not restricted by it. A repository clause we do not
 * understand fails closed, as an unknown condition would deny on the real service.
 */
function conditionAllows(condition, dataAction, repository) {
    if (!condition || condition.trim() === '')
        return true;
    const named = [...condition.matchAll(ACTION_MATCHES)].map((m) => m[1]);
    if (named.length > 0 && !named.some((a) => actionMatches(a, dataAction)))
        return true;
    const clauses = [...condition.matchAll(REPO_NAME_ATTR)];
    if (clauses.length === 0)
        return false;
    const repo = repository.toLowerCase();
    return clauses.some(([, op, raw]) => {
        const opL = op.toLowerCase();
        const ci = opL.endsWith('ignorecase');
        const value = ci ? raw.toLowerCase() : raw;
        const r = ci ? repo : repository;
        if (opL.startsWith('stringequals'))
            return r === value;
        if (opL.startsWith('stringstartswith'))
            return r.startsWith(value);
        if (opL.startsWith('stringlike'))
            return actionMatches(value, r);
        return false;
    });
}
class WorldIndex {
    world;
    /** Lower-cased id -> body, including synthesized children. */
    resources = new Map();
    roles = new Map();
    assignments = [];
    registries = [];
    byHost = new Map();
    constructor(world) {
        this.world = world;
        for (const r of world.azure.resources)
            this.add(normalize(r));
        this.synthesizeChildren();
        for (const role of builtin_roles/* BUILT_IN_ROLES */.NS) {
            this.roles.set(role.guid, {
                guid: role.guid,
                roleName: role.roleName,
                permissions: role.permissions,
                builtIn: true,
            });
        }
        for (const r of this.resources.values()) {
            const t = lower(r.type ?? '');
            if (t === 'microsoft.authorization/roledefinitions')
                this.addCustomRole(r);
            if (t === 'microsoft.authorization/roleassignments')
                this.addAssignment(r);
        }
        this.indexRegistries();
    }
    add(r) {
        this.resources.set(lower(r.id), r);
    }
    synthesizeChildren() {
        for (const r of [...this.resources.values()]) {
            const t = lower(r.type ?? '');
            const props = (r.properties ?? {});
            if (t === 'microsoft.containerservice/managedclusters') {
                const profiles = Array.isArray(props.agentPoolProfiles)
                    ? props.agentPoolProfiles
                    : [];
                const pools = this.children(r.id, 'agentPools');
                if (pools.length === 0) {
                    for (const p of profiles) {
                        const { name, ...rest } = p;
                        if (typeof name !== 'string')
                            continue;
                        this.add({
                            id: `${r.id}/agentPools/${name}`,
                            name,
                            type: 'Microsoft.ContainerService/managedClusters/agentPools',
                            properties: rest,
                        });
                    }
                }
                else if (profiles.length === 0) {
                    // A world that lists agentPools as resources still gets a cluster body with agentPoolProfiles, as ARM returns.
                    props.agentPoolProfiles = pools.map((p) => ({ name: p.name, ...(p.properties ?? {}) }));
                    r.properties = props;
                }
            }
            if (t === 'microsoft.containerregistry/registries') {
                const pecs = Array.isArray(props.privateEndpointConnections)
                    ? props.privateEndpointConnections
                    : [];
                for (const pec of pecs) {
                    if (typeof pec?.id !== 'string' || this.resources.has(lower(pec.id)))
                        continue;
                    this.add(normalize({ type: 'Microsoft.ContainerRegistry/registries/privateEndpointConnections', ...pec }));
                }
                if (pecs.length === 0) {
                    const listed = this.children(r.id, 'privateEndpointConnections');
                    if (listed.length > 0) {
                        props.privateEndpointConnections = listed;
                        r.properties = props;
                    }
                }
            }
        }
    }
    /** Direct children `<parentId>/<childType>/<name>` (case-insensitive). */
    children(parentId, childType) {
        const prefix = `${lower(parentId)}/${lower(childType)}/`;
        const out = [];
        for (const [k, v] of this.resources) {
            if (k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
                out.push(v);
        }
        return out;
    }
    addCustomRole(r) {
        const p = (r.properties ?? {});
        const guid = lower(r.name ?? r.id.split('/').pop() ?? '');
        this.roles.set(guid, {
            guid,
            roleName: typeof p.roleName === 'string' ? p.roleName : guid,
            permissions: Array.isArray(p.permissions) ? p.permissions.map(fillPermission) : [],
            builtIn: false,
            body: r,
        });
    }
    addAssignment(r) {
        const p = (r.properties ?? {});
        const idL = lower(r.id);
        const at = idL.indexOf(ROLE_ASSIGNMENT_SEGMENT);
        const scope = typeof p.scope === 'string' ? p.scope : at >= 0 ? r.id.slice(0, at) || '/' : '/';
        if (typeof p.scope !== 'string')
            r.properties = { ...p, scope };
        const roleDefinitionId = typeof p.roleDefinitionId === 'string' ? p.roleDefinitionId : '';
        this.assignments.push({
            id: r.id,
            scope,
            principalId: lower(String(p.principalId ?? '')),
            roleGuid: lower(roleDefinitionId.split('/').pop() ?? ''),
            condition: typeof p.condition === 'string' ? p.condition : undefined,
            body: r,
        });
    }
    indexRegistries() {
        const armRegistries = [...this.resources.values()].filter((r) => lower(r.type ?? '') === 'microsoft.containerregistry/registries');
        const seen = new Set();
        for (const arm of armRegistries) {
            const p = (arm.properties ?? {});
            const login = lower(typeof p.loginServer === 'string' ? p.loginServer : `${arm.name ?? ''}.azurecr.io`);
            const hosts = [login];
            if (Array.isArray(p.dataEndpointHostNames))
                for (const h of p.dataEndpointHostNames)
                    if (typeof h === 'string')
                        hosts.push(lower(h));
            // Regional endpoints (<registry>.<region>.geo.azurecr.io) serve the data plane of one replica.
            if (lower(String(p.regionalEndpoints ?? 'enabled')) !== 'disabled' && Array.isArray(p.regionalEndpointHostNames))
                for (const h of p.regionalEndpointHostNames)
                    if (typeof h === 'string')
                        hosts.push(lower(h));
            const info = {
                loginServer: login,
                hosts,
                arm,
                data: this.world.registries[login] ?? { repositories: {} },
                tenantId: this.tenantOfId(arm.id),
            };
            this.registries.push(info);
            seen.add(login);
        }
        for (const [host, data] of Object.entries(this.world.registries)) {
            if (seen.has(host))
                continue;
            // Docker Hub's images are named docker.io/... and served by registry-1.docker.io.
            const hosts = host === 'docker.io' ? [host, 'registry-1.docker.io'] : [host];
            this.registries.push({ loginServer: host, hosts, data });
        }
        for (const info of this.registries)
            for (const h of info.hosts)
                this.byHost.set(h.replace(/:443$/, ''), info);
    }
    registryForHost(host) {
        return this.byHost.get(lower(host).replace(/:443$/, ''));
    }
    /** Every host name a registry of this world answers on. */
    registryHosts() {
        return [...this.byHost.keys()];
    }
    tenantOfId(id) {
        const m = /^\/subscriptions\/([^/]+)/i.exec(id);
        if (!m)
            return undefined;
        const sub = this.world.azure.subscriptions.find((s) => lower(s.subscriptionId) === lower(m[1]));
        return sub?.tenantId ?? this.world.gate.tenantId;
    }
    /** The principal and every group that contains it, transitively (graph.groupMembers). */
    principalAndGroups(objectId) {
        const out = new Set([lower(objectId)]);
        let grew = true;
        while (grew) {
            grew = false;
            for (const [group, members] of Object.entries(this.world.graph.groupMembers)) {
                const g = lower(group);
                if (!out.has(g) && members.some((m) => out.has(lower(m)))) {
                    out.add(g);
                    grew = true;
                }
            }
        }
        return out;
    }
    /** Groups that contain `objectId`, transitively (excluding itself). */
    groupsOf(objectId) {
        const all = this.principalAndGroups(objectId);
        all.delete(lower(objectId));
        return [...all];
    }
    /**
     * The management groups above `scope`, nearest first: the group holding its subscription (or the group itself) and
     * every parent up to the root (world `azure.managementGroups`).
     */
    managementGroupsAbove(scope) {
        const groups = this.world.azure.managementGroups;
        const s = lower(scope).replace(/\/+$/, '');
        const sub = /^\/subscriptions\/([^/]+)/.exec(s)?.[1];
        let current = sub
            ? groups.find((g) => g.subscriptions.some((x) => lower(x) === sub))
            : groups.find((g) => lower(g.id) === s);
        const out = [];
        while (current && !out.includes(lower(current.id))) {
            out.push(lower(current.id));
            const parent = current.parent;
            current = parent ? groups.find((g) => lower(g.id) === lower(parent)) : undefined;
        }
        return out;
    }
    /** `above` is `scope` or an ancestor of it: by id prefix, or as a management group above its subscription. */
    covers(above, scope) {
        if (scopeCovers(above, scope))
            return true;
        const a = lower(above).replace(/\/+$/, '');
        if (!a.startsWith('/providers/microsoft.management/managementgroups/'))
            return false;
        return this.managementGroupsAbove(scope).includes(a);
    }
    /** Assignments for the principal (or its groups) at or above `scope`. */
    assignmentsFor(objectId, scope) {
        const ids = this.principalAndGroups(objectId);
        return this.assignments.filter((a) => ids.has(a.principalId) && this.covers(a.scope, scope));
    }
    denied(objectId, scope, action, data) {
        const ids = this.principalAndGroups(objectId);
        for (const r of this.resources.values()) {
            if (lower(r.type ?? '') !== 'microsoft.authorization/denyassignments')
                continue;
            const p = (r.properties ?? {});
            const principals = Array.isArray(p.principals) ? p.principals : [];
            const everyone = principals.some((x) => x.id === '00000000-0000-0000-0000-000000000000');
            if (!everyone && !principals.some((x) => typeof x.id === 'string' && ids.has(lower(x.id))))
                continue;
            const s = typeof p.scope === 'string'
                ? p.scope
                : r.id.slice(0, lower(r.id).indexOf('/providers/microsoft.authorization/'));
            if (!this.covers(s, scope))
                continue;
            const perms = Array.isArray(p.permissions) ? p.permissions.map(fillPermission) : [];
            if (permits(perms, action, data))
                return true;
        }
        return false;
    }
    /** Control-plane action granted to the principal at `scope` by the world's role assignments. */
    hasAction(objectId, scope, action) {
        if (this.denied(objectId, scope, action, false))
            return false;
        return this.assignmentsFor(objectId, scope).some((a) => {
            const role = this.roles.get(a.roleGuid);
            return role !== undefined && permits(role.permissions, action, false);
        });
    }
    /** Data action on a repository, honouring ABAC conditions and (when `abacOnly`) only the ABAC-enabled roles. */
    hasDataAction(objectId, scope, dataAction, repository, abacOnly) {
        if (this.denied(objectId, scope, dataAction, true))
            return false;
        return this.assignmentsFor(objectId, scope).some((a) => {
            const role = this.roles.get(a.roleGuid);
            if (!role || !permits(role.permissions, dataAction, true))
                return false;
            if (abacOnly && role.builtIn && !builtin_roles/* ABAC_REPOSITORY_ROLE_GUIDS */.Dd.has(role.guid))
                return false;
            return repository === undefined || conditionAllows(a.condition, dataAction, repository);
        });
    }
    /** Built-in roles as served under a subscription, plus the world's custom roles. */
    roleDefinitionBodies(subscriptionScope) {
        const out = builtin_roles/* BUILT_IN_ROLES */.NS.map((r) => (0,builtin_roles/* builtInRoleBody */.UX)(r, subscriptionScope));
        for (const role of this.roles.values())
            if (!role.builtIn && role.body)
                out.push(role.body);
        return out;
    }
    roleDefinitionBody(guid, subscriptionScope) {
        const role = this.roles.get(lower(guid));
        if (!role)
            return undefined;
        if (role.body)
            return role.body;
        const builtIn = builtin_roles/* BUILT_IN_ROLES */.NS.find((r) => r.guid === role.guid);
        return builtIn ? (0,builtin_roles/* builtInRoleBody */.UX)(builtIn, subscriptionScope) : undefined;
    }
}
function fillPermission(p) {
    return {
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
        dataActions: p.dataActions ?? [],
        notDataActions: p.notDataActions ?? [],
    };
}
/** Fills `name` and `type` from the id when a world leaves them out (ARM always returns both). */
function normalize(r) {
    const out = { ...r };
    out.name ??= r.id.split('/').filter(Boolean).pop();
    out.type ??= typeFromId(r.id);
    return out;
}

;// CONCATENATED MODULE: ./src/simulate/entra.ts
// Microsoft Entra ID stand-in: OpenID configuration, instance discovery (MSAL asks), and the v2.0 token endpoint for
// client credentials (client secret or client assertion). Secrets accepted: the gate's own, and `graph.secrets[appId]`
// unless the matching passwordCredential (by hint, the secret's first 3 characters) has expired at the world's `now`.


const AZURE_AD_DEFAULT_TENANTS = new Set(['common', 'organizations', 'consumers']);
function aadError(status, error, code, description) {
    const traceId = (0,external_node_crypto_.randomUUID)();
    const correlationId = (0,external_node_crypto_.randomUUID)();
    return json(status, {
        error,
        error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${new Date().toISOString()}`,
        error_codes: [code],
        timestamp: new Date().toISOString().replace('T', ' ').replace('Z', 'Z'),
        trace_id: traceId,
        correlation_id: correlationId,
    });
}
/** A subscription's `managedByTenants` (ARM's field: `[{tenantId}]`, Azure Lighthouse), lower-cased tenant ids. */
function managedByTenants(s) {
    const m = s.managedByTenants;
    if (!Array.isArray(m))
        return [];
    return m
        .map((x) => (typeof x === 'string' ? x : x?.tenantId))
        .filter((x) => typeof x === 'string')
        .map((x) => x.toLowerCase());
}
class EntraService {
    index;
    mint;
    constructor(index, mint) {
        this.index = index;
        this.mint = mint;
    }
    tenantOf(segment) {
        return AZURE_AD_DEFAULT_TENANTS.has(segment.toLowerCase()) ? this.index.world.gate.tenantId : segment;
    }
    /** The tenants the world knows: the gate's, its subscriptions' and their managedByTenants, the service principals'
     *  own (`tenantId`, an extension: where the SP lives, default the gate's) and their apps' (`appOwnerOrganizationId`). */
    knownTenants() {
        const w = this.index.world;
        const out = new Set([w.gate.tenantId.toLowerCase()]);
        for (const s of w.azure.subscriptions) {
            if (s.tenantId)
                out.add(s.tenantId.toLowerCase());
            for (const m of managedByTenants(s))
                out.add(m);
        }
        for (const sp of w.graph.servicePrincipals) {
            if (sp.appOwnerOrganizationId)
                out.add(sp.appOwnerOrganizationId.toLowerCase());
            if (typeof sp.tenantId === 'string')
                out.add(sp.tenantId.toLowerCase());
        }
        return out;
    }
    /** Whether an application may sign in in `tenant`: its home tenant (the gate's app and the world's applications live
     *  in the gate's tenant unless a service principal of the app names another `appOwnerOrganizationId`), or a tenant
     *  holding a service principal of that appId (a multitenant app). */
    appUsableIn(clientId, tenant) {
        const w = this.index.world;
        const id = clientId.toLowerCase();
        const t = tenant.toLowerCase();
        const sps = w.graph.servicePrincipals.filter((s) => s.appId.toLowerCase() === id);
        const home = (id === w.gate.clientId.toLowerCase()
            ? w.gate.tenantId
            : (sps.find((s) => s.appOwnerOrganizationId)?.appOwnerOrganizationId ?? w.gate.tenantId)).toLowerCase();
        if (t === home)
            return true;
        return sps.some((s) => (typeof s.tenantId === 'string' ? s.tenantId : w.gate.tenantId).toLowerCase() === t);
    }
    handle(req, segs) {
        // /common/discovery/instance, /{tenant}/discovery/v2.0/keys
        if (segs[1] === 'discovery' && segs[2] === 'instance')
            return this.instanceDiscovery(req);
        if (segs[1] === 'discovery' && segs.at(-1) === 'keys')
            return json(200, { keys: [] });
        const rest = segs.slice(1).join('/').toLowerCase();
        const tenant = this.tenantOf(segs[0]);
        const served = ['v2.0/.well-known/openid-configuration', '.well-known/openid-configuration', 'oauth2/v2.0/token'];
        if ((served.includes(rest) || rest === 'oauth2/token') && !this.knownTenants().has(tenant.toLowerCase())) {
            // Real Entra, for a tenant id or domain it does not know (recorded shape of AADSTS90002).
            return aadError(400, rest.includes('openid-configuration') ? 'invalid_tenant' : 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`);
        }
        if (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') {
            return json(200, this.openIdConfiguration(req.origin, tenant));
        }
        if (rest === 'oauth2/v2.0/token' || rest === 'oauth2/token') {
            if (req.method !== 'POST')
                return aadError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
            return this.token(req, tenant, rest === 'oauth2/token');
        }
        return undefined;
    }
    instanceDiscovery(req) {
        const host = new URL(req.origin).host;
        // MSAL names the authority it validates (`authorization_endpoint=https://<host>/<tenant>/oauth2/v2.0/authorize`;
        // MSAL Python drops the port): the tenant discovery it is sent on to is that tenant's.
        let tenant = this.index.world.gate.tenantId;
        try {
            const seg = new URL(req.query.get('authorization_endpoint') ?? '').pathname.split('/')[1];
            if (seg)
                tenant = this.tenantOf(decodeURIComponent(seg));
        }
        catch {
            // no or bad authorization_endpoint: the gate's tenant
        }
        return json(200, {
            tenant_discovery_endpoint: `${req.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        });
    }
    openIdConfiguration(origin, tenant) {
        const base = `${origin}/${tenant}`;
        return {
            token_endpoint: `${base}/oauth2/v2.0/token`,
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            issuer: `${origin}/${tenant}/v2.0`,
            request_uri_parameter_supported: false,
            userinfo_endpoint: `${origin}/oidc/userinfo`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
            http_logout_supported: true,
            frontchannel_logout_supported: true,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'oid'],
            kerberos_endpoint: `${base}/kerberos`,
            tenant_region_scope: 'NA',
            cloud_instance_name: 'microsoftonline.com',
            cloud_graph_host_name: 'graph.windows.net',
            msgraph_host: 'graph.microsoft.com',
            rbac_url: 'https://pas.windows.net',
        };
    }
    /** Who a client id signs in as: the gate, or a service principal of the world. */
    principalFor(clientId, tenant) {
        const gate = this.index.world.gate;
        if (clientId.toLowerCase() === gate.clientId.toLowerCase())
            return { objectId: gate.objectId, appId: gate.clientId, tenantId: tenant };
        const g = this.index.world.graph;
        const sp = g.servicePrincipals.find((s) => s.appId.toLowerCase() === clientId.toLowerCase());
        const app = g.applications.find((a) => a.appId.toLowerCase() === clientId.toLowerCase());
        if (!sp && !app && !(clientId in g.secrets))
            return undefined;
        return { objectId: sp?.id ?? app?.id ?? clientId, appId: clientId, tenantId: tenant };
    }
    /** Checks a client secret; returns an error reply or undefined when accepted. */
    checkSecret(clientId, secret) {
        const gate = this.index.world.gate;
        if (clientId.toLowerCase() === gate.clientId.toLowerCase())
            return secret === gate.clientSecret ? 'ok' : 'invalid';
        const accepted = Object.entries(this.index.world.graph.secrets).find(([k]) => k.toLowerCase() === clientId.toLowerCase())?.[1] ??
            [];
        if (!accepted.includes(secret))
            return 'invalid';
        const app = this.index.world.graph.applications.find((a) => a.appId.toLowerCase() === clientId.toLowerCase());
        const cred = app?.passwordCredentials?.find((c) => c.hint !== undefined && secret.startsWith(c.hint));
        if (cred?.endDateTime && Date.parse(cred.endDateTime) <= Date.parse(this.index.world.now))
            return 'expired';
        return 'ok';
    }
    token(req, tenant, v1) {
        const f = http_kit_form(req);
        const grant = f.get('grant_type');
        if (grant !== 'client_credentials') {
            return aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`);
        }
        let clientId = f.get('client_id') ?? '';
        const assertion = f.get('client_assertion');
        if (!clientId && assertion)
            clientId = String(decodeJwt(assertion)?.sub ?? '');
        const principal = this.principalFor(clientId, tenant);
        if (!principal || !this.appUsableIn(clientId, tenant)) {
            return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
        }
        if (assertion) {
            const claims = decodeJwt(assertion);
            if (!claims || (claims.sub !== undefined && String(claims.sub).toLowerCase() !== clientId.toLowerCase())) {
                return aadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
            }
            if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
                return aadError(400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
            }
        }
        else {
            const secret = f.get('client_secret') ?? '';
            const result = this.checkSecret(clientId, secret);
            if (result === 'invalid') {
                return aadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`);
            }
            if (result === 'expired') {
                return aadError(401, 'invalid_client', 7000222, `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`);
            }
        }
        // The resource scope, whatever OIDC scopes (openid, profile, offline_access) MSAL puts around it.
        const scopes = (f.get('scope') ?? f.get('resource') ?? '').split(' ').filter(Boolean);
        const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
        const scope = scopes.find((x) => x.endsWith('/.default')) ?? scopes.find((x) => !OIDC.has(x)) ?? '';
        const audience = scope.replace(/\/\.default$/, '');
        const iat = nowSeconds();
        const accessToken = this.mint.sign({
            aud: audience,
            iss: `https://sts.windows.net/${principal.tenantId}/`,
            iat,
            nbf: iat,
            exp: iat + 3600,
            appid: principal.appId,
            azp: principal.appId,
            idtyp: 'app',
            oid: principal.objectId,
            sub: principal.objectId,
            tid: principal.tenantId,
            ver: v1 ? '1.0' : '2.0',
        });
        return json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
    }
}

;// CONCATENATED MODULE: ./src/simulate/arm.ts
// Azure Resource Manager stand-in: GET by id (case-insensitive), collections with nextLink paging, subscriptions,
// role assignments listForScope with $filter (atScope(), assignedTo(), principalId eq), role and deny assignment
// definitions, registry listCredentials, and ARM's error bodies (ResourceNotFound, AuthorizationFailed, ...).



const DEFAULT_PAGE_SIZE = 2;
function armError(status, code, message) {
    return json(status, { error: { code, message } });
}
function authorizationFailed(caller, action, scope) {
    return armError(403, 'AuthorizationFailed', `The client '${caller.objectId}' with object id '${caller.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
}
/** ARM's 400 for a $filter it cannot parse; the emulator answers it for any filter it does not understand, rather
 *  than ignore the filter and return everything (a dropped `assignedTo()` would read as "the kubelet has AcrPull"). */
function invalidFilter(filter) {
    return armError(400, 'InvalidFilterInQueryString', `Invalid $filter '${filter}' specified in the query string.`);
}
/** Whether a $filter consists only of the given clause forms joined by `and`. */
function filterUnderstood(filter, clauses) {
    let rest = filter;
    for (const c of clauses)
        rest = rest.replace(new RegExp(c.source, 'gi'), ' ');
    return rest.replace(/\band\b/gi, ' ').trim() === '';
}
function splitAt(path, marker) {
    const i = lower(path).indexOf(marker);
    if (i < 0)
        return undefined;
    return [path.slice(0, i), path.slice(i + marker.length)];
}
/**
 * A resource body as the given api-version shows it. Registries: service-endpoint VNet rules
 * (`networkRuleSet.virtualNetworkRules`) are listed at 2021-08-01-preview and left out at 2023-11-01-preview for the
 * same registry (azure-cli test_acr_network_rule.yaml recordings), so only api-versions before 2022 carry them here.
 */
function asApiVersion(r, apiVersion) {
    if (lower(r.type ?? '') !== 'microsoft.containerregistry/registries')
        return r;
    const props = r.properties;
    const rules = props?.networkRuleSet;
    if (!rules || !('virtualNetworkRules' in rules))
        return r;
    if ((apiVersion ?? '9999') < '2022')
        return r;
    const { virtualNetworkRules: _dropped, ...kept } = rules;
    return { ...r, properties: { ...props, networkRuleSet: kept } };
}
class ArmService {
    index;
    pageSize;
    constructor(index, pageSize) {
        this.index = index;
        this.pageSize = pageSize;
    }
    page(req, items) {
        const skip = Math.max(0, Number(req.query.get('$skiptoken') ?? '0') || 0);
        const value = items.slice(skip, skip + this.pageSize);
        const body = { value };
        if (skip + this.pageSize < items.length) {
            // Written out by hand so it reads like ARM's own nextLink ($skiptoken unescaped).
            const parts = [...req.query.entries()]
                .filter(([k]) => k !== '$skiptoken')
                .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
            parts.push(`$skiptoken=${skip + this.pageSize}`);
            body.nextLink = `${req.origin}${req.path}?${parts.join('&')}`;
        }
        return json(200, body);
    }
    /** Set by the emulator: the kubeconfig (YAML or JSON text) `listClusterUserCredential` returns for a cluster. */
    userKubeconfig;
    handle(req, caller) {
        const path = req.path.replace(/\/+$/, '') || '/';
        const pathL = lower(path);
        if (!req.query.get('api-version')) {
            return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
        }
        const early = this.checkSubscription(path) ?? this.checkTenant(path, caller);
        if (early)
            return early;
        if (req.method === 'POST' && pathL.endsWith('/listcredentials'))
            return this.listCredentials(path, caller);
        if (req.method === 'POST' && pathL.endsWith('/listclusterusercredential'))
            return this.listClusterUserCredential(path, caller);
        if (req.method !== 'GET')
            return armError(405, 'MethodNotAllowed', `The emulator serves reads only (got ${req.method} ${path}).`);
        if (pathL === '/subscriptions')
            return this.subscriptions(req, caller);
        if (pathL === '/tenants')
            return this.tenants(req, caller);
        const ra = splitAt(path, '/providers/microsoft.authorization/roleassignments');
        if (ra)
            return this.roleAssignments(req, caller, ra[0] || '/', ra[1]);
        const rd = splitAt(path, '/providers/microsoft.authorization/roledefinitions');
        if (rd)
            return this.roleDefinitions(req, caller, rd[0], rd[1]);
        const da = splitAt(path, '/providers/microsoft.authorization/denyassignments');
        if (da)
            return this.denyAssignments(req, caller, da[0] || '/', da[1]);
        return this.resourceOrCollection(req, caller, path);
    }
    tenants(req, caller) {
        // ARM lists the tenants the caller is in: the token's, not every tenant of the world.
        const tenants = [caller.tenantId ?? this.index.world.gate.tenantId];
        return this.page(req, tenants.map((t) => ({ id: `/tenants/${t}`, tenantId: t, tenantCategory: 'Home' })));
    }
    /** Whether the token's tenant may use the subscription: its own tenant or one of its managedByTenants. */
    tenantMayUse(sub, tid) {
        if (!tid)
            return true;
        const home = lower(sub.tenantId ?? this.index.world.gate.tenantId);
        return lower(tid) === home || managedByTenants(sub).includes(lower(tid));
    }
    checkTenant(path, caller) {
        const m = /^\/subscriptions\/([^/]+)/i.exec(path);
        if (!m)
            return undefined;
        const sub = this.index.world.azure.subscriptions.find((s) => lower(s.subscriptionId) === lower(m[1]));
        if (!sub || this.tenantMayUse(sub, caller.tenantId))
            return undefined;
        const want = sub.tenantId ?? this.index.world.gate.tenantId;
        // ARM's body and challenge for a token of another tenant (the subscription is not delegated to it).
        const reply = armError(401, 'InvalidAuthenticationTokenTenant', `The access token is from the wrong issuer 'https://sts.windows.net/${caller.tenantId}/'. It must match the tenant 'https://sts.windows.net/${want}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${want}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`);
        reply.headers = {
            ...reply.headers,
            'www-authenticate': `Bearer authorization_uri="https://login.windows.net/${want}", error="invalid_token", error_description="The access token is from the wrong issuer."`,
        };
        return reply;
    }
    listClusterUserCredential(path, caller) {
        const clusterId = path.replace(/\/listClusterUserCredential$/i, '');
        const action = 'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action';
        const cluster = this.index.resources.get(lower(clusterId));
        if (!cluster || lower(cluster.type ?? '') !== 'microsoft.containerservice/managedclusters')
            return this.notFound(clusterId);
        if (!caller.can(action, cluster.id))
            return authorizationFailed(caller, action, cluster.id);
        const text = this.userKubeconfig?.(cluster);
        if (!text)
            return armError(404, 'NotFound', 'The simulated world serves no Kubernetes API for this cluster.');
        return json(200, {
            kubeconfigs: [{ name: 'clusterUser', value: Buffer.from(text).toString('base64') }],
        });
    }
    checkSubscription(path) {
        const m = /^\/subscriptions\/([^/]+)/i.exec(path);
        if (!m)
            return undefined;
        if (this.index.world.azure.subscriptions.some((s) => lower(s.subscriptionId) === lower(m[1])))
            return undefined;
        return armError(404, 'SubscriptionNotFound', `The subscription '${m[1]}' could not be found.`);
    }
    subscriptionBody(s) {
        return {
            id: `/subscriptions/${s.subscriptionId}`,
            authorizationSource: 'RoleBased',
            managedByTenants: [],
            state: 'Enabled',
            subscriptionPolicies: {
                locationPlacementId: 'Public_2014-09-01',
                quotaId: 'PayAsYouGo_2014-09-01',
                spendingLimit: 'Off',
            },
            ...s,
        };
    }
    subscriptions(req, caller) {
        const visible = this.index.world.azure.subscriptions.filter((s) => this.tenantMayUse(s, caller.tenantId) &&
            caller.can('Microsoft.Resources/subscriptions/read', `/subscriptions/${s.subscriptionId}`));
        return this.page(req, visible.map((s) => this.subscriptionBody(s)));
    }
    listCredentials(path, caller) {
        const registryId = path.replace(/\/listCredentials$/i, '');
        const action = 'Microsoft.ContainerRegistry/registries/listCredentials/action';
        const reg = this.index.resources.get(lower(registryId));
        if (!reg)
            return this.notFound(registryId);
        if (!caller.can(action, reg.id))
            return authorizationFailed(caller, action, reg.id);
        const props = (reg.properties ?? {});
        if (props.adminUserEnabled !== true) {
            return armError(400, 'AdminUserDisabled', `Admin user is disabled.`);
        }
        const cred = Object.entries(this.index.world.azure.registryCredentials).find(([id]) => lower(id) === lower(reg.id))?.[1];
        if (!cred)
            return json(200, { username: reg.name, passwords: [] });
        return json(200, cred);
    }
    roleAssignments(req, caller, scope, rest) {
        const action = 'Microsoft.Authorization/roleAssignments/read';
        if (!caller.can(action, scope))
            return authorizationFailed(caller, action, scope);
        if (rest && rest !== '/') {
            const a = this.index.assignments.find((x) => lower(x.id) ===
                lower(`${scope === '/' ? '' : scope}/providers/Microsoft.Authorization/roleAssignments${rest}`));
            return a
                ? json(200, a.body)
                : armError(404, 'RoleAssignmentNotFound', `The role assignment '${rest.slice(1)}' is not found.`);
        }
        const filter = req.query.get('$filter') ?? '';
        if (!filterUnderstood(filter, [/atScope\(\)/, /assignedTo\('[^']*'\)/, /principalId\s+eq\s+'[^']*'/]))
            return invalidFilter(filter);
        const atScope = /atScope\(\)/i.test(filter);
        const assignedTo = /assignedTo\('([^']+)'\)/i.exec(filter)?.[1];
        const principalEq = /principalId\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
        const ids = assignedTo
            ? this.index.principalAndGroups(assignedTo)
            : principalEq
                ? new Set([lower(principalEq)])
                : undefined;
        const items = this.index.assignments.filter((a) => {
            const above = this.index.covers(a.scope, scope);
            const below = this.index.covers(scope, a.scope);
            if (atScope ? !above : !(above || below))
                return false;
            return ids === undefined || ids.has(a.principalId);
        });
        return this.page(req, items.map((a) => a.body));
    }
    roleDefinitions(req, caller, scope, rest) {
        const action = 'Microsoft.Authorization/roleDefinitions/read';
        if (!caller.can(action, scope || '/'))
            return authorizationFailed(caller, action, scope || '/');
        const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? '';
        if (rest && rest !== '/') {
            const guid = rest.slice(1);
            const body = this.index.roleDefinitionBody(guid, sub);
            return body
                ? json(200, body)
                : armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${guid}' does not exist.`);
        }
        const filter = req.query.get('$filter') ?? '';
        if (!filterUnderstood(filter, [/roleName\s+eq\s+'[^']*'/, /type\s+eq\s+'[^']*'/]))
            return invalidFilter(filter);
        const roleName = /roleName\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
        const type = /type\s+eq\s+'([^']+)'/i.exec(filter)?.[1];
        const items = this.index.roleDefinitionBodies(sub).filter((r) => {
            const p = (r.properties ?? {});
            if (roleName && lower(String(p.roleName)) !== lower(roleName))
                return false;
            if (type && lower(String(p.type)) !== lower(type))
                return false;
            return true;
        });
        return this.page(req, items);
    }
    denyAssignments(req, caller, scope, rest) {
        const action = 'Microsoft.Authorization/denyAssignments/read';
        if (!caller.can(action, scope))
            return authorizationFailed(caller, action, scope);
        const all = [...this.index.resources.values()].filter((r) => lower(r.type ?? '') === 'microsoft.authorization/denyassignments');
        if (rest && rest !== '/') {
            const found = all.find((r) => lower(r.id).endsWith(lower(rest)));
            return found
                ? json(200, found)
                : armError(404, 'DenyAssignmentNotFound', `The deny assignment '${rest.slice(1)}' is not found.`);
        }
        const daFilter = req.query.get('$filter') ?? '';
        if (!filterUnderstood(daFilter, [/atScope\(\)/]))
            return invalidFilter(daFilter);
        const atScope = /atScope\(\)/i.test(daFilter);
        return this.page(req, all.filter((r) => {
            const s = String((r.properties ?? {}).scope ??
                r.id.slice(0, lower(r.id).indexOf('/providers/microsoft.authorization/')));
            return atScope ? this.index.covers(s, scope) : this.index.covers(s, scope) || this.index.covers(scope, s);
        }));
    }
    notFound(id) {
        const rg = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)/i.exec(id);
        if (rg) {
            const prefix = lower(rg[0]);
            const exists = [...this.index.resources.keys()].some((k) => k === prefix || k.startsWith(`${prefix}/`));
            if (!exists)
                return armError(404, 'ResourceGroupNotFound', `Resource group '${rg[2]}' could not be found.`);
            const type = typeFromId(id) ?? 'resource';
            const name = id.split('/').pop();
            return armError(404, 'ResourceNotFound', `The Resource '${type}/${name}' under resource group '${rg[2]}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
        }
        return armError(404, 'ResourceNotFound', `The Resource '${id}' was not found.`);
    }
    resourceOrCollection(req, caller, path) {
        const segs = path.split('/').filter(Boolean);
        const pathL = lower(path);
        const p = segs.map(lower).lastIndexOf('providers');
        // /subscriptions/{s}, /subscriptions/{s}/resourceGroups[/{rg}], /subscriptions/{s}/resources
        if (p < 0)
            return this.nonProviderPath(req, caller, path, segs);
        const afterNs = segs.length - (p + 2);
        const isCollection = afterNs % 2 === 1;
        const type = typeFromId(isCollection ? `${path}/x` : path) ?? '';
        const scope = isCollection ? segs.slice(0, -1).join('/') : path;
        const action = `${type}/read`;
        if (!caller.can(action, isCollection ? `/${scope}` : path))
            return authorizationFailed(caller, action, isCollection ? `/${scope}` : path);
        if (!isCollection) {
            const r = this.index.resources.get(pathL);
            return r ? json(200, asApiVersion(r, req.query.get('api-version'))) : this.notFound(path);
        }
        if (afterNs === 1) {
            // Top-level type listed under a subscription or resource group.
            const scopePrefix = lower(`/${segs.slice(0, p).join('/')}/`);
            // ARM answers a list under a resource group that does not exist with 404 ResourceGroupNotFound.
            const rg = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/$/i.exec(scopePrefix.replace(/providers\/.*$/, ''));
            if (rg && ![...this.index.resources.keys()].some((k) => k.startsWith(rg[0])))
                return armError(404, 'ResourceGroupNotFound', `Resource group '${rg[1]}' could not be found.`);
            const t = lower(type);
            return this.page(req, [...this.index.resources.values()]
                .filter((r) => lower(r.type ?? '') === t && lower(r.id).startsWith(scopePrefix))
                .map((r) => asApiVersion(r, req.query.get('api-version'))));
        }
        const parentId = `/${segs.slice(0, -1).join('/')}`;
        const parent = this.index.resources.get(lower(parentId));
        if (!parent) {
            return armError(404, 'ParentResourceNotFound', `Can not perform requested operation on nested resource. Parent resource '${parentId.split('/').slice(-1)[0]}' not found.`);
        }
        const child = segs[segs.length - 1];
        if (['all', 'recordsets'].includes(lower(child)) &&
            lower(parent.type ?? '') === 'microsoft.network/privatednszones') {
            const prefix = `${lower(parentId)}/`;
            const records = [...this.index.resources.entries()]
                .filter(([k]) => k.startsWith(prefix) &&
                k.slice(prefix.length).split('/').length === 2 &&
                !k.slice(prefix.length).startsWith('virtualnetworklinks/'))
                .map(([, v]) => v);
            return this.page(req, records);
        }
        return this.page(req, this.index.children(parentId, child));
    }
    nonProviderPath(req, caller, path, segs) {
        const segsL = segs.map(lower);
        const sub = this.index.world.azure.subscriptions.find((s) => lower(s.subscriptionId) === segsL[1]);
        if (segs.length === 2 && sub) {
            const action = 'Microsoft.Resources/subscriptions/read';
            return caller.can(action, path)
                ? json(200, this.subscriptionBody(sub))
                : authorizationFailed(caller, action, path);
        }
        const action = 'Microsoft.Resources/subscriptions/resourceGroups/read';
        if (segs.length === 3 && segsL[2] === 'resourcegroups') {
            if (!caller.can(action, path))
                return authorizationFailed(caller, action, path);
            const groups = new Map();
            for (const r of this.index.resources.values()) {
                const m = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.exec(r.id);
                if (m && lower(m[0]).startsWith(lower(path)))
                    groups.set(lower(m[0]), this.resourceGroupBody(m[0], r));
            }
            return this.page(req, [...groups.values()]);
        }
        if (segs.length === 4 && segsL[2] === 'resourcegroups') {
            if (!caller.can(action, path))
                return authorizationFailed(caller, action, path);
            const first = [...this.index.resources.values()].find((r) => lower(r.id).startsWith(`${lower(path)}/`));
            return first
                ? json(200, this.resourceGroupBody(path, first))
                : armError(404, 'ResourceGroupNotFound', `Resource group '${segs[3]}' could not be found.`);
        }
        if (segsL.at(-1) === 'resources') {
            // Resources_List(ByResourceGroup): top-level resources only (a child such as an A record named like a
            // registry is not listed), with `resourceType eq '…'` honoured and any other filter refused.
            const filter = req.query.get('$filter') ?? '';
            if (!filterUnderstood(filter, [/resourceType\s+eq\s+'[^']*'/]))
                return invalidFilter(filter);
            const wantType = /resourceType\s+eq\s+'([^']*)'/i.exec(filter)?.[1];
            const prefix = `${lower(segs.slice(0, -1).join('/'))}/`;
            return this.page(req, [...this.index.resources.values()].filter((r) => {
                const id = lower(r.id);
                if (!id.startsWith(`/${prefix}`) || id.includes('/providers/microsoft.authorization/'))
                    return false;
                const parts = id.split('/providers/');
                if (parts.length !== 2 || parts[1].split('/').length !== 3)
                    return false;
                return !wantType || lower(r.type ?? '') === lower(wantType);
            }));
        }
        return armError(404, 'InvalidResourceType', `The resource type could not be found for path '${path}'.`);
    }
    resourceGroupBody(id, sample) {
        return {
            id,
            name: id.split('/').pop(),
            type: 'Microsoft.Resources/resourceGroups',
            location: typeof sample.location === 'string' ? sample.location : 'eastus',
            properties: { provisioningState: 'Succeeded' },
        };
    }
}

;// CONCATENATED MODULE: ./src/simulate/graph.ts
// Microsoft Graph stand-in (v1.0 and beta): applications and servicePrincipals by id, by `(appId='...')` and by
// `$filter=appId eq '...'`, `$select`, transitiveMemberOf/memberOf from graph.groupMembers, directoryObjects, and
// Graph's error bodies (Request_ResourceNotFound, Authorization_RequestDenied).



function graphError(status, code, message) {
    return json(status, {
        error: {
            code,
            message,
            innerError: {
                date: new Date().toISOString().replace(/\.\d+Z$/, ''),
                'request-id': (0,external_node_crypto_.randomUUID)(),
                'client-request-id': (0,external_node_crypto_.randomUUID)(),
            },
        },
    });
}
function graphDenied() {
    return graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}
class GraphService {
    index;
    pageSize;
    constructor(index, pageSize) {
        this.index = index;
        this.pageSize = pageSize;
    }
    select(req, o) {
        const sel = req.query.get('$select');
        if (!sel)
            return o;
        const keys = sel.split(',').map((s) => s.trim());
        const out = {};
        for (const k of keys)
            if (k in o)
                out[k] = o[k];
        if (!('id' in out) && 'id' in o)
            out.id = o.id;
        // Graph keeps the derived type on polymorphic items (directoryObjects) even under $select.
        if ('@odata.type' in o)
            out['@odata.type'] = o['@odata.type'];
        return out;
    }
    /** A collection page; `@odata.nextLink` (absolute, with $skiptoken) when more remain, like Graph. */
    collection(req, version, entity, items) {
        const top = Number(req.query.get('$top') ?? '0');
        const size = top > 0 ? top : this.pageSize;
        const skip = Math.max(0, Number(req.query.get('$skiptoken') ?? '0') || 0);
        const body = {
            '@odata.context': `${req.origin}/${version}/$metadata#${entity}`,
            value: items.slice(skip, skip + size).map((i) => this.select(req, i)),
        };
        if (skip + size < items.length) {
            const parts = [...req.query.entries()]
                .filter(([k]) => k !== '$skiptoken')
                .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
            parts.push(`$skiptoken=${skip + size}`);
            body['@odata.nextLink'] = `${req.origin}${req.path}?${parts.join('&')}`;
        }
        return json(200, body);
    }
    single(req, version, entity, o, key) {
        if (!o) {
            return graphError(404, 'Request_ResourceNotFound', `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
        }
        return json(200, {
            '@odata.context': `${req.origin}/${version}/$metadata#${entity}/$entity`,
            ...this.select(req, o),
        });
    }
    applications() {
        return this.index.world.graph.applications.map((a) => ({ '@odata.type': '#microsoft.graph.application', ...a }));
    }
    servicePrincipals() {
        return this.index.world.graph.servicePrincipals.map((s) => ({
            '@odata.type': '#microsoft.graph.servicePrincipal',
            servicePrincipalType: 'Application',
            ...s,
        }));
    }
    directoryObject(id) {
        const all = [
            ...this.applications(),
            ...this.servicePrincipals(),
            ...this.index.world.graph.directoryObjects,
        ];
        const found = all.find((o) => lower(String(o.id)) === lower(id));
        if (found)
            return found;
        if (Object.keys(this.index.world.graph.groupMembers).some((g) => lower(g) === lower(id))) {
            return { '@odata.type': '#microsoft.graph.group', id, displayName: id, securityEnabled: true };
        }
        return undefined;
    }
    filterAppId(req, items) {
        const filter = req.query.get('$filter');
        if (!filter)
            return items;
        // az ad sp show --id <appId or identifier URI>: servicePrincipalNames holds the appId and the identifier URIs.
        const spn = /^\s*servicePrincipalNames\/any\((\w+):\s*\1\s+eq\s+'([^']*)'\)\s*$/i.exec(filter);
        if (spn) {
            return items.filter((i) => {
                const names = Array.isArray(i.servicePrincipalNames) ? i.servicePrincipalNames : [i.appId];
                return names.some((n) => lower(String(n)) === lower(spn[2]));
            });
        }
        const m = /^\s*(appId|id|displayName)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
        if (!m)
            return undefined;
        const field = m[1] === 'appId' || m[1] === 'AppId' ? 'appId' : m[1].toLowerCase() === 'id' ? 'id' : 'displayName';
        return items.filter((i) => lower(String(i[field] ?? '')) === lower(m[2]));
    }
    handle(req, segs) {
        if (req.method === 'POST' &&
            segs.length === 3 &&
            lower(segs[1]) === 'directoryobjects' &&
            lower(segs[2]) === 'getbyids')
            return this.getByIds(req, segs[0]);
        if (req.method !== 'GET')
            return graphError(405, 'Request_BadRequest', 'The emulator serves reads only.');
        const version = segs[0];
        const [head, second, third] = segs.slice(1);
        if (!head)
            return json(200, { '@odata.context': `${req.origin}/${version}/$metadata` });
        const byAppId = /^(applications|servicePrincipals)\(appId='([^']+)'\)$/i.exec(head);
        if (byAppId) {
            const isApp = lower(byAppId[1]) === 'applications';
            const list = isApp ? this.applications() : this.servicePrincipals();
            const o = list.find((x) => lower(String(x.appId)) === lower(byAppId[2]));
            if (second)
                return this.memberOf(req, version, o, second, byAppId[2]);
            return this.single(req, version, isApp ? 'applications' : 'servicePrincipals', o, `appId='${byAppId[2]}'`);
        }
        const h = lower(head);
        if (h === 'applications' || h === 'serviceprincipals') {
            const list = h === 'applications' ? this.applications() : this.servicePrincipals();
            const entity = h === 'applications' ? 'applications' : 'servicePrincipals';
            if (!second) {
                const items = this.filterAppId(req, list);
                if (!items)
                    return graphError(400, 'Request_UnsupportedQuery', `Unsupported query: ${req.query.get('$filter') ?? ''}`);
                return this.collection(req, version, entity, items);
            }
            const o = list.find((x) => lower(String(x.id)) === lower(second));
            if (third)
                return this.memberOf(req, version, o, third, second);
            return this.single(req, version, entity, o, second);
        }
        if (h === 'directoryobjects' && second) {
            const o = this.directoryObject(second);
            if (third)
                return this.memberOf(req, version, o, third, second);
            return this.single(req, version, 'directoryObjects', o, second);
        }
        if (h === 'groups' && second) {
            const o = this.directoryObject(second);
            if (third && lower(third) === 'members') {
                const members = Object.entries(this.index.world.graph.groupMembers).find(([g]) => lower(g) === lower(second))?.[1] ?? [];
                return this.collection(req, version, 'directoryObjects', members.map((m) => this.directoryObject(m) ?? { '@odata.type': '#microsoft.graph.directoryObject', id: m }));
            }
            return this.single(req, version, 'groups', o, second);
        }
        return graphError(400, 'BadRequest', `Resource not found for the segment '${head}'.`);
    }
    /** POST /directoryObjects/getByIds `{ids, types?}`: the objects found, unknown ids left out (as Graph does). */
    getByIds(req, version) {
        let body;
        try {
            body = JSON.parse(req.body.toString('utf8') || '{}');
        }
        catch {
            return graphError(400, 'BadRequest', 'Invalid JSON in the request body.');
        }
        if (!Array.isArray(body.ids))
            return graphError(400, 'BadRequest', "The property 'ids' is required.");
        const types = Array.isArray(body.types) ? body.types.map((t) => lower(String(t))) : [];
        const found = body.ids
            .map((id) => this.directoryObject(String(id)))
            .filter((o) => o !== undefined)
            .filter((o) => types.length === 0 || types.includes(lower(String(o['@odata.type'] ?? '').replace('#microsoft.graph.', ''))));
        return json(200, { '@odata.context': `${req.origin}/${version}/$metadata#directoryObjects`, value: found });
    }
    memberOf(req, version, o, nav, key) {
        if (!o)
            return this.single(req, version, 'directoryObjects', undefined, key);
        const n = lower(nav);
        if (n !== 'transitivememberof' && n !== 'memberof') {
            return graphError(400, 'BadRequest', `Resource not found for the segment '${nav}'.`);
        }
        const id = String(o.id);
        const groups = n === 'transitivememberof'
            ? this.index.groupsOf(id)
            : Object.entries(this.index.world.graph.groupMembers)
                .filter(([, members]) => members.some((m) => lower(m) === lower(id)))
                .map(([g]) => g);
        return this.collection(req, version, 'directoryObjects', groups.map((g) => this.directoryObject(g) ?? { '@odata.type': '#microsoft.graph.group', id: g }));
    }
}

;// CONCATENATED MODULE: ./src/simulate/kubernetes.ts
// Kubernetes API stand-in for the world's live objects, read only, as kubectl and client libraries see an API server:
// discovery (/api, /apis, the group versions' resource lists, /version), list and get of every kind below with
// labelSelector and fieldSelector, `Table` output when the client asks for it, a `default` ServiceAccount in every
// namespace, and SelfSubjectAccessReview answered from the world's Role/ClusterRole/RoleBinding/ClusterRoleBinding
// objects (allow-all when the world holds none of them). Reads are authorized by the same rules: a world with RBAC
// objects gets 403 Forbidden where the kubeconfig's user is not allowed, in the API server's words.
// Errors are the API server's `Status` bodies (400 BadRequest, 401 Unauthorized, 403 Forbidden, 404 NotFound, 405).

const READ = ['get', 'list', 'watch'];
const KUBE_RESOURCES = [
    {
        resource: 'pods',
        kind: 'Pod',
        group: '',
        version: 'v1',
        namespaced: true,
        shortNames: ['po'],
        verbs: READ,
        fields: [
            'spec.nodeName',
            'spec.restartPolicy',
            'spec.schedulerName',
            'spec.serviceAccountName',
            'spec.hostNetwork',
            'status.phase',
            'status.podIP',
            'status.nominatedNodeName',
        ],
    },
    {
        resource: 'nodes',
        kind: 'Node',
        group: '',
        version: 'v1',
        namespaced: false,
        shortNames: ['no'],
        verbs: READ,
        fields: ['spec.unschedulable'],
    },
    {
        resource: 'events',
        kind: 'Event',
        group: '',
        version: 'v1',
        namespaced: true,
        shortNames: ['ev'],
        verbs: READ,
        fields: [
            'involvedObject.kind',
            'involvedObject.namespace',
            'involvedObject.name',
            'involvedObject.uid',
            'involvedObject.apiVersion',
            'involvedObject.resourceVersion',
            'involvedObject.fieldPath',
            'reason',
            'reportingComponent',
            'source',
            'type',
        ],
    },
    { resource: 'secrets', kind: 'Secret', group: '', version: 'v1', namespaced: true, verbs: READ, fields: ['type'] },
    {
        resource: 'serviceaccounts',
        kind: 'ServiceAccount',
        group: '',
        version: 'v1',
        namespaced: true,
        shortNames: ['sa'],
        verbs: READ,
    },
    {
        resource: 'namespaces',
        kind: 'Namespace',
        group: '',
        version: 'v1',
        namespaced: false,
        shortNames: ['ns'],
        verbs: READ,
        fields: ['status.phase'],
    },
    {
        resource: 'deployments',
        kind: 'Deployment',
        group: 'apps',
        version: 'v1',
        namespaced: true,
        shortNames: ['deploy'],
        verbs: READ,
    },
    {
        resource: 'replicasets',
        kind: 'ReplicaSet',
        group: 'apps',
        version: 'v1',
        namespaced: true,
        shortNames: ['rs'],
        verbs: READ,
        fields: ['status.replicas'],
    },
    {
        resource: 'statefulsets',
        kind: 'StatefulSet',
        group: 'apps',
        version: 'v1',
        namespaced: true,
        shortNames: ['sts'],
        verbs: READ,
    },
    {
        resource: 'daemonsets',
        kind: 'DaemonSet',
        group: 'apps',
        version: 'v1',
        namespaced: true,
        shortNames: ['ds'],
        verbs: READ,
    },
    {
        resource: 'jobs',
        kind: 'Job',
        group: 'batch',
        version: 'v1',
        namespaced: true,
        verbs: READ,
        fields: ['status.successful'],
    },
    {
        resource: 'cronjobs',
        kind: 'CronJob',
        group: 'batch',
        version: 'v1',
        namespaced: true,
        shortNames: ['cj'],
        verbs: READ,
    },
    { resource: 'roles', kind: 'Role', group: 'rbac.authorization.k8s.io', version: 'v1', namespaced: true, verbs: READ },
    {
        resource: 'rolebindings',
        kind: 'RoleBinding',
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        namespaced: true,
        verbs: READ,
    },
    {
        resource: 'clusterroles',
        kind: 'ClusterRole',
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        namespaced: false,
        verbs: READ,
    },
    {
        resource: 'clusterrolebindings',
        kind: 'ClusterRoleBinding',
        group: 'rbac.authorization.k8s.io',
        version: 'v1',
        namespaced: false,
        verbs: READ,
    },
    {
        resource: 'selfsubjectaccessreviews',
        kind: 'SelfSubjectAccessReview',
        group: 'authorization.k8s.io',
        version: 'v1',
        namespaced: false,
        verbs: ['create'],
    },
];
const GROUPS = ['apps', 'batch', 'rbac.authorization.k8s.io', 'authorization.k8s.io'];
const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
function kubeStatus(code, reason, message, details) {
    const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
    if (details)
        body.details = details;
    return json(code, body);
}
function meta(o) {
    return (o.metadata ?? {});
}
function gv(group, version) {
    return group ? `${group}/${version}` : version;
}
/** Value at a dotted path, as the API server's field selectors read it (absent fields compare as ''). */
function fieldValue(o, path) {
    let cur = o;
    for (const p of path.split('.')) {
        if (cur === null || typeof cur !== 'object')
            return '';
        cur = cur[p];
    }
    if (cur === undefined || cur === null)
        return '';
    return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}
/** Parses a label selector (`a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`); undefined when malformed. */
function parseLabelSelector(sel) {
    const parts = [];
    let depth = 0;
    let cur = '';
    for (const ch of sel) {
        if (ch === '(')
            depth += 1;
        if (ch === ')')
            depth -= 1;
        if (ch === ',' && depth === 0) {
            parts.push(cur);
            cur = '';
        }
        else
            cur += ch;
    }
    parts.push(cur);
    const reqs = [];
    for (const raw of parts.map((p) => p.trim()).filter(Boolean)) {
        let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(raw);
        if (m) {
            const [, key, op, list] = m;
            const values = new Set(list.split(',').map((v) => v.trim()));
            reqs.push(op === 'in' ? (l) => key in l && values.has(l[key]) : (l) => !(key in l) || !values.has(l[key]));
            continue;
        }
        m = /^([\w./-]+)\s*(!=|==|=)\s*([\w.-]*)$/.exec(raw);
        if (m) {
            const [, key, op, value] = m;
            reqs.push(op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value);
            continue;
        }
        m = /^(!?)([\w./-]+)$/.exec(raw);
        if (m) {
            const [, not, key] = m;
            reqs.push(not ? (l) => !(key in l) : (l) => key in l);
            continue;
        }
        return undefined;
    }
    return reqs;
}
/** Protobuf fields of one message: field number -> list of length-delimited payloads (varints are skipped). */
function protoFields(buf) {
    const out = new Map();
    let i = 0;
    const varint = () => {
        let v = 0;
        let shift = 0;
        while (i < buf.length && shift < 35) {
            const b = buf[i++];
            v += (b & 0x7f) * 2 ** shift;
            if ((b & 0x80) === 0)
                return v;
            shift += 7;
        }
        return undefined;
    };
    while (i < buf.length) {
        const key = varint();
        if (key === undefined)
            return undefined;
        const field = Math.floor(key / 8);
        const wire = key % 8;
        if (wire === 0) {
            if (varint() === undefined)
                return undefined;
        }
        else if (wire === 2) {
            const len = varint();
            if (len === undefined || i + len > buf.length)
                return undefined;
            out.set(field, [...(out.get(field) ?? []), buf.subarray(i, i + len)]);
            i += len;
        }
        else if (wire === 5)
            i += 4;
        else if (wire === 1)
            i += 8;
        else
            return undefined;
    }
    return out;
}
/**
 * kubectl (client-go) posts SelfSubjectAccessReview as protobuf: the `k8s\0` envelope (runtime.Unknown: raw = field 2)
 * around the review (spec = 2; spec.resourceAttributes = 1: namespace 1, verb 2, group 3, version 4, resource 5,
 * subresource 6, name 7). Decodes just that into the JSON shape; undefined when it is not one.
 */
function decodeSsarProtobuf(buf) {
    if (buf.length < 4 || buf.subarray(0, 4).toString('latin1') !== 'k8s\0')
        return undefined;
    const unknown = protoFields(buf.subarray(4));
    const raw = unknown?.get(2)?.[0];
    if (!raw)
        return undefined;
    const review = protoFields(raw);
    const specBuf = review?.get(2)?.[0];
    const specFields = specBuf ? protoFields(specBuf) : new Map();
    if (!specFields)
        return undefined;
    const attrsBuf = specFields.get(1)?.[0];
    const spec = {};
    if (attrsBuf) {
        const a = protoFields(attrsBuf);
        if (!a)
            return undefined;
        const names = ['', 'namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'];
        const attrs = {};
        for (let f = 1; f < names.length; f++) {
            const v = a.get(f)?.[0];
            if (v)
                attrs[names[f]] = v.toString('utf8');
        }
        spec.resourceAttributes = attrs;
    }
    return { spec };
}
function age(ts, now) {
    const t = typeof ts === 'string' ? Date.parse(ts) : NaN;
    if (!Number.isFinite(t))
        return '<unknown>';
    const s = Math.max(0, Math.floor((now - t) / 1000));
    if (s < 120)
        return `${s}s`;
    if (s < 7200)
        return `${Math.floor(s / 60)}m`;
    if (s < 172800)
        return `${Math.floor(s / 3600)}h`;
    return `${Math.floor(s / 86400)}d`;
}
const num = (v) => (typeof v === 'number' ? v : 0);
const kubernetes_status = (o) => (o.status ?? {});
const spec = (o) => (o.spec ?? {});
function podStatus(o) {
    const st = kubernetes_status(o);
    const cs = (st.containerStatuses ?? []);
    for (const c of cs) {
        const state = (c.state ?? {});
        const waiting = state.waiting;
        if (waiting?.reason)
            return String(waiting.reason);
        const term = state.terminated;
        if (term?.reason)
            return String(term.reason);
    }
    return String(st.phase ?? 'Pending');
}
const NAME = { name: 'Name', type: 'string', cell: (o) => String(meta(o).name) };
const AGE = { name: 'Age', type: 'string', cell: (o, now) => age(meta(o).creationTimestamp, now) };
const COLUMNS = {
    Pod: [
        NAME,
        {
            name: 'Ready',
            type: 'string',
            cell: (o) => {
                const cs = (kubernetes_status(o).containerStatuses ?? []);
                const total = (spec(o).containers ?? []).length;
                return `${cs.filter((c) => c.ready === true).length}/${total}`;
            },
        },
        { name: 'Status', type: 'string', cell: podStatus },
        {
            name: 'Restarts',
            type: 'string',
            cell: (o) => String((kubernetes_status(o).containerStatuses ?? []).reduce((n, c) => n + num(c.restartCount), 0)),
        },
        AGE,
    ],
    Deployment: [
        NAME,
        { name: 'Ready', type: 'string', cell: (o) => `${num(kubernetes_status(o).readyReplicas)}/${num(spec(o).replicas ?? 1)}` },
        { name: 'Up-to-date', type: 'integer', cell: (o) => num(kubernetes_status(o).updatedReplicas) },
        { name: 'Available', type: 'integer', cell: (o) => num(kubernetes_status(o).availableReplicas) },
        AGE,
    ],
    ReplicaSet: [
        NAME,
        { name: 'Desired', type: 'integer', cell: (o) => num(spec(o).replicas ?? 1) },
        { name: 'Current', type: 'integer', cell: (o) => num(kubernetes_status(o).replicas) },
        { name: 'Ready', type: 'integer', cell: (o) => num(kubernetes_status(o).readyReplicas) },
        AGE,
    ],
    Secret: [
        NAME,
        { name: 'Type', type: 'string', cell: (o) => String(o.type ?? 'Opaque') },
        { name: 'Data', type: 'string', cell: (o) => String(Object.keys((o.data ?? {})).length) },
        AGE,
    ],
    ServiceAccount: [
        NAME,
        { name: 'Secrets', type: 'string', cell: (o) => String((o.secrets ?? []).length) },
        AGE,
    ],
    Namespace: [NAME, { name: 'Status', type: 'string', cell: (o) => String(kubernetes_status(o).phase ?? 'Active') }, AGE],
    Node: [
        NAME,
        {
            name: 'Status',
            type: 'string',
            cell: (o) => {
                const conds = (kubernetes_status(o).conditions ?? []);
                const ready = conds.find((c) => c.type === 'Ready');
                return ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
            },
        },
        AGE,
    ],
    Event: [
        {
            name: 'Last Seen',
            type: 'string',
            cell: (o, now) => age(o.lastTimestamp ?? o.eventTime ?? meta(o).creationTimestamp, now),
        },
        { name: 'Type', type: 'string', cell: (o) => String(o.type ?? '') },
        { name: 'Reason', type: 'string', cell: (o) => String(o.reason ?? '') },
        {
            name: 'Object',
            type: 'string',
            cell: (o) => {
                const io = (o.involvedObject ?? {});
                return `${String(io.kind ?? '').toLowerCase()}/${String(io.name ?? '')}`;
            },
        },
        { name: 'Message', type: 'string', cell: (o) => String(o.message ?? '') },
    ],
};
class KubernetesService {
    user;
    now;
    objects;
    rbac;
    /** `now` is the world's clock (ages in Table output); the real clock when the world has none. */
    constructor(objects, user = { name: 'aks-pull-gate', groups: ['system:authenticated'] }, now) {
        this.user = user;
        this.now = now;
        // Fill what the API server always sets, so clients that read these fields find them.
        const filled = objects.map((o, i) => {
            const m = meta(o);
            const def = KUBE_RESOURCES.find((r) => r.kind === o.kind);
            return {
                apiVersion: def ? gv(def.group, def.version) : 'v1',
                ...o,
                metadata: {
                    ...(def && !def.namespaced ? {} : { namespace: 'default' }),
                    uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
                    resourceVersion: String(1000 + i),
                    creationTimestamp: '2026-01-01T00:00:00Z',
                    ...m,
                },
            };
        });
        this.rbac = filled.some((o) => RBAC_KINDS.has(String(o.kind)));
        // Every namespace has a `default` ServiceAccount (the ServiceAccount controller creates it).
        const nsNames = new Set(['default', 'kube-system', 'kube-public']);
        for (const o of filled) {
            if (o.kind === 'Namespace')
                nsNames.add(String(meta(o).name));
            else if (meta(o).namespace !== undefined)
                nsNames.add(String(meta(o).namespace));
        }
        let n = filled.length;
        for (const ns of [...nsNames].sort()) {
            if (!filled.some((o) => o.kind === 'Namespace' && meta(o).name === ns)) {
                filled.push({
                    apiVersion: 'v1',
                    kind: 'Namespace',
                    metadata: {
                        name: ns,
                        uid: `00000000-0000-4000-9000-${String(n++).padStart(12, '0')}`,
                        resourceVersion: '1',
                        creationTimestamp: '2026-01-01T00:00:00Z',
                        labels: { 'kubernetes.io/metadata.name': ns },
                    },
                    spec: { finalizers: ['kubernetes'] },
                    status: { phase: 'Active' },
                });
            }
            if (!filled.some((o) => o.kind === 'ServiceAccount' && meta(o).name === 'default' && meta(o).namespace === ns)) {
                filled.push({
                    apiVersion: 'v1',
                    kind: 'ServiceAccount',
                    metadata: {
                        name: 'default',
                        namespace: ns,
                        uid: `00000000-0000-4000-9000-${String(n++).padStart(12, '0')}`,
                        resourceVersion: '1',
                        creationTimestamp: '2026-01-01T00:00:00Z',
                    },
                });
            }
        }
        for (const o of filled) {
            if (o.kind === 'Namespace' && o.status === undefined)
                o.status = { phase: 'Active' };
        }
        this.objects = filled;
    }
    handle(req, token) {
        if (req.headers.authorization !== `Bearer ${token}`)
            return kubeStatus(401, 'Unauthorized', 'Unauthorized');
        const segs = req.path.split('/').filter(Boolean).map(decodeURIComponent);
        if (req.method === 'POST') {
            const isSsar = segs.length === 4 &&
                segs[0] === 'apis' &&
                segs[1] === 'authorization.k8s.io' &&
                segs[2] === 'v1' &&
                segs[3] === 'selfsubjectaccessreviews';
            if (isSsar)
                return this.selfSubjectAccessReview(req);
            return kubeStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        }
        if (req.method !== 'GET' && req.method !== 'HEAD')
            return kubeStatus(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
        if (segs.length === 1 && segs[0] === 'version') {
            return json(200, {
                major: '1',
                minor: '33',
                gitVersion: 'v1.33.0',
                gitCommit: '0000000000000000000000000000000000000000',
                gitTreeState: 'clean',
                buildDate: '2026-01-01T00:00:00Z',
                goVersion: 'go1.24.0',
                compiler: 'gc',
                platform: 'linux/amd64',
            });
        }
        if (segs[0] === 'api') {
            if (segs.length === 1)
                return json(200, {
                    kind: 'APIVersions',
                    versions: ['v1'],
                    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.host }],
                });
            if (segs[1] !== 'v1')
                return this.notFound();
            return this.resourcePath(req, '', 'v1', segs.slice(2));
        }
        if (segs[0] === 'apis') {
            if (segs.length === 1)
                return json(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: GROUPS.map((g) => this.group(g)) });
            const g = segs[1];
            if (!GROUPS.includes(g))
                return this.notFound();
            if (segs.length === 2)
                return json(200, { kind: 'APIGroup', apiVersion: 'v1', ...this.group(g) });
            if (segs[2] !== 'v1')
                return this.notFound();
            return this.resourcePath(req, g, 'v1', segs.slice(3));
        }
        return this.notFound();
    }
    notFound() {
        return kubeStatus(404, 'NotFound', 'the server could not find the requested resource');
    }
    group(name) {
        const v = { groupVersion: `${name}/v1`, version: 'v1' };
        return { name, versions: [v], preferredVersion: v };
    }
    resourceList(group, version) {
        return json(200, {
            kind: 'APIResourceList',
            apiVersion: 'v1',
            groupVersion: gv(group, version),
            resources: KUBE_RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({
                name: r.resource,
                singularName: r.kind.toLowerCase(),
                namespaced: r.namespaced,
                kind: r.kind,
                verbs: r.verbs,
                ...(r.shortNames ? { shortNames: r.shortNames } : {}),
            })),
        });
    }
    resourcePath(req, group, version, rest) {
        if (rest.length === 0)
            return this.resourceList(group, version);
        let ns;
        let resource;
        let name;
        if (group === '' && rest[0] === 'namespaces' && rest.length <= 2) {
            resource = 'namespaces';
            name = rest[1];
        }
        else if (rest[0] === 'namespaces' && rest.length >= 3 && rest.length <= 4) {
            ns = rest[1];
            resource = rest[2];
            name = rest[3];
        }
        else if (rest.length <= 2) {
            resource = rest[0];
            name = rest[1];
        }
        else
            return this.notFound();
        const def = KUBE_RESOURCES.find((r) => r.group === group && r.resource === resource);
        if (!def || !def.verbs.includes('get'))
            return this.notFound();
        if (!def.namespaced && ns !== undefined)
            return this.notFound();
        // A namespaced resource fetched by name needs a namespace in the path.
        if (def.namespaced && ns === undefined && name !== undefined)
            return this.notFound();
        const verb = name === undefined ? (req.query.get('watch') === 'true' ? 'watch' : 'list') : 'get';
        if (!this.allowed(verb, group, resource, ns, name)) {
            const where = ns !== undefined ? ` in the namespace "${ns}"` : ' at the cluster scope';
            const what = name !== undefined ? `${resource} "${name}"` : resource;
            return kubeStatus(403, 'Forbidden', `${what} is forbidden: User "${this.user.name}" cannot ${verb} resource "${resource}" in API group "${group}"${where}`, { ...(name !== undefined ? { name } : {}), ...(group ? { group } : {}), kind: resource });
        }
        if (verb === 'watch')
            return kubeStatus(405, 'MethodNotAllowed', 'the emulator does not serve watches; list instead');
        let items = this.objects.filter((o) => o.kind === def.kind && (ns === undefined || meta(o).namespace === ns));
        if (name !== undefined) {
            const found = items.find((o) => meta(o).name === name);
            if (!found)
                return kubeStatus(404, 'NotFound', `${def.resource}${group ? '.' + group : ''} "${name}" not found`, {
                    name,
                    ...(group ? { group } : {}),
                    kind: resource,
                });
            return this.wantsTable(req) ? this.table(def, [found]) : json(200, found);
        }
        const ls = req.query.get('labelSelector');
        if (ls) {
            const reqs = parseLabelSelector(ls);
            if (!reqs)
                return kubeStatus(400, 'BadRequest', `unable to parse requirement: invalid label selector "${ls}"`);
            items = items.filter((o) => {
                const labels = (meta(o).labels ?? {});
                return reqs.every((r) => r(labels));
            });
        }
        const fs = req.query.get('fieldSelector');
        if (fs) {
            const allowed = new Set(['metadata.name', 'metadata.namespace', ...(def.fields ?? [])]);
            for (const term of fs
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean)) {
                const m = /^([\w.]+)\s*(!=|==|=)\s*(.*)$/.exec(term);
                if (!m)
                    return kubeStatus(400, 'BadRequest', `invalid selector: '${fs}'; can't understand '${term}'`);
                const [, field, op, value] = m;
                if (!allowed.has(field))
                    return kubeStatus(400, 'BadRequest', `field label not supported: ${field}`);
                items = items.filter((o) => (fieldValue(o, field) === value) !== (op === '!='));
            }
        }
        if (this.wantsTable(req))
            return this.table(def, items);
        return json(200, {
            kind: `${def.kind}List`,
            apiVersion: gv(group, version),
            metadata: { resourceVersion: '2000' },
            items,
        });
    }
    wantsTable(req) {
        const accept = String(req.headers.accept ?? '');
        return /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
    }
    table(def, items) {
        const cols = COLUMNS[def.kind] ?? [NAME, AGE];
        const now = this.now?.getTime() ?? Date.now();
        return json(200, {
            kind: 'Table',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { resourceVersion: '2000' },
            columnDefinitions: cols.map((c, i) => ({
                name: c.name,
                type: c.type,
                format: i === 0 && c === NAME ? 'name' : '',
                description: c.name,
                priority: 0,
            })),
            rows: items.map((o) => ({
                cells: cols.map((c) => c.cell(o, now)),
                object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: meta(o) },
            })),
        });
    }
    // --- RBAC: the API server's authorizer over the world's Role/ClusterRole/RoleBinding/ClusterRoleBinding ---------
    subjectMatches(s, bindingNs) {
        const kind = String(s.kind ?? '');
        const name = String(s.name ?? '');
        if (kind === 'User')
            return name === this.user.name;
        if (kind === 'Group')
            return this.user.groups.includes(name);
        if (kind === 'ServiceAccount') {
            const ns = String(s.namespace ?? bindingNs ?? '');
            return this.user.name === `system:serviceaccount:${ns}:${name}`;
        }
        return false;
    }
    rulesOf(roleRef, bindingNs) {
        const kind = String(roleRef.kind ?? '');
        const name = String(roleRef.name ?? '');
        const role = this.objects.find((o) => o.kind === kind && meta(o).name === name && (kind === 'ClusterRole' || meta(o).namespace === bindingNs));
        return role ? (role.rules ?? []) : [];
    }
    static ruleAllows(r, verb, group, resource, name) {
        const has = (list, v) => !!list && (list.includes('*') || list.includes(v));
        if (!has(r.verbs, verb) || !has(r.apiGroups, group) || !has(r.resources, resource))
            return false;
        if (r.resourceNames && r.resourceNames.length > 0)
            return name !== undefined && r.resourceNames.includes(name);
        return true;
    }
    /** Whether the kubeconfig's user may `verb` the resource; allow-all when the world holds no RBAC objects. */
    allowed(verb, group, resource, ns, name) {
        if (!this.rbac)
            return true;
        for (const b of this.objects) {
            const isCluster = b.kind === 'ClusterRoleBinding';
            if (!isCluster && b.kind !== 'RoleBinding')
                continue;
            const bns = isCluster ? undefined : String(meta(b).namespace);
            // A RoleBinding grants only inside its namespace.
            if (!isCluster && bns !== ns)
                continue;
            if (!(b.subjects ?? []).some((s) => this.subjectMatches(s, bns)))
                continue;
            const rules = this.rulesOf((b.roleRef ?? {}), bns);
            if (rules.some((r) => KubernetesService.ruleAllows(r, verb, group, resource, name)))
                return true;
        }
        return false;
    }
    selfSubjectAccessReview(req) {
        let body;
        const type = String(req.headers['content-type'] ?? '');
        if (type.startsWith('application/vnd.kubernetes.protobuf'))
            body = decodeSsarProtobuf(req.body);
        else {
            try {
                body = JSON.parse(req.body.toString('utf8'));
            }
            catch {
                body = undefined;
            }
        }
        if (!body)
            return kubeStatus(400, 'BadRequest', 'the body of the request was in an unknown format');
        const sp = (body.spec ?? {});
        const ra = sp.resourceAttributes;
        let allowed;
        let reason = '';
        if (ra) {
            const verb = String(ra.verb ?? '');
            const group = String(ra.group ?? '');
            const resource = String(ra.resource ?? '');
            const ns = ra.namespace ? String(ra.namespace) : undefined;
            const name = ra.name ? String(ra.name) : undefined;
            if (!this.rbac) {
                allowed = true;
                reason = 'the simulated world holds no RBAC objects: every request is allowed';
            }
            else if (resource === 'selfsubjectaccessreviews' && verb === 'create') {
                allowed = true;
                reason = 'RBAC: allowed by ClusterRoleBinding "system:basic-user"';
            }
            else {
                allowed = this.allowed(verb, group, resource, ns, name);
                reason = allowed ? 'RBAC: allowed by a binding of the world' : '';
            }
        }
        else {
            allowed = !this.rbac;
            if (allowed)
                reason = 'the simulated world holds no RBAC objects: every request is allowed';
        }
        return json(201, {
            kind: 'SelfSubjectAccessReview',
            apiVersion: 'authorization.k8s.io/v1',
            metadata: { creationTimestamp: null },
            spec: sp,
            status: { allowed, ...(reason ? { reason } : {}) },
        });
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/simulate/registry-content.ts
// Registry content from a world's repositories. A manifest with a raw `body:` is served byte for byte (its sha256 is
// its digest, checked at load) with the world's blobs; one given only by `platforms` is synthesized: an OCI image
// index for several platforms, else an image manifest, with a config blob and a small real gzip layer. The world's
// digests stay authoritative as names (returned as Docker-Content-Digest); a synthesized top-level body does not hash
// to them, while its children, configs and layers get the real sha256 of their bytes.


const MEDIA = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
function sha256(data) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')}`;
}
function parsePlatform(s) {
    const [main, osVersion] = s.split(':');
    const [os = 'linux', architecture = 'amd64', variant] = main.split('/');
    const p = { os, architecture };
    if (variant)
        p.variant = variant;
    if (osVersion)
        p['os.version'] = osVersion;
    return p;
}
/** A one-file ustar archive (what a layer's diff is), deterministic for its content. */
function tinyTar(name, content) {
    const header = Buffer.alloc(512);
    const put = (s, off, len) => void header.write(s.slice(0, len), off, 'ascii');
    put(name, 0, 100);
    put('0000644\0', 100, 8);
    put('0000000\0', 108, 8);
    put('0000000\0', 116, 8);
    put(content.length.toString(8).padStart(11, '0') + '\0', 124, 12);
    put('00000000000\0', 136, 12);
    put('        ', 148, 8);
    put('0', 156, 1);
    put('ustar\0', 257, 6);
    put('00', 263, 2);
    let sum = 0;
    for (const b of header)
        sum += b;
    put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
    const pad = Buffer.alloc((512 - (content.length % 512)) % 512);
    return Buffer.concat([header, content, pad, Buffer.alloc(1024)]);
}
function blobBytes(b) {
    return b.base64 !== undefined ? Buffer.from(b.base64, 'base64') : Buffer.from(b.content ?? '', 'utf8');
}
function tagDigest(t) {
    return typeof t === 'string' ? t : t.digest;
}
/** All manifests and blobs one repository serves, built once per emulator run. */
class RepositoryContent {
    name;
    repo;
    manifests = new Map();
    blobs = new Map();
    constructor(name, repo) {
        this.name = name;
        this.repo = repo;
        for (const [digest, b] of Object.entries(repo.blobs ?? {}))
            this.blobs.set(digest, { mediaType: b.mediaType ?? 'application/octet-stream', body: blobBytes(b) });
        for (const [digest, attrs] of Object.entries(repo.manifests)) {
            if (attrs.deleted === true)
                continue;
            if (attrs.body !== undefined)
                this.raw(digest, attrs, attrs.body);
            else
                this.build(digest, attrs);
        }
    }
    /** A manifest the world gives byte for byte; its platform comes from its config blob, else from `platforms`. */
    raw(digest, attrs, text) {
        const doc = JSON.parse(text);
        const isIndex = Array.isArray(doc.manifests);
        const mediaType = doc.mediaType ?? attrs.mediaType ?? (isIndex ? MEDIA.ociIndex : MEDIA.ociManifest);
        const served = { digest, mediaType, body: Buffer.from(text, 'utf8'), attrs, isIndex };
        if (!isIndex) {
            const config = doc.config?.digest ? this.repo.blobs?.[doc.config.digest] : undefined;
            let platform;
            if (config) {
                try {
                    const c = JSON.parse(blobBytes(config).toString('utf8'));
                    if (typeof c.os === 'string' && typeof c.architecture === 'string') {
                        platform = { os: c.os, architecture: c.architecture };
                        if (typeof c.variant === 'string')
                            platform.variant = c.variant;
                        if (typeof c['os.version'] === 'string')
                            platform['os.version'] = c['os.version'];
                    }
                }
                catch {
                    // Not a JSON config (an artifact): no platform.
                }
            }
            platform ??= attrs.platforms?.[0] ? parsePlatform(attrs.platforms[0]) : undefined;
            if (platform)
                served.platform = platform;
            if (doc.config?.mediaType)
                served.configMediaType = doc.config.mediaType;
        }
        this.manifests.set(digest, served);
    }
    imageManifest(platform, seed, docker) {
        // A real (tiny) layer, so that clients that copy an image get bytes of the size and digest the manifest names.
        const diff = tinyTar('simulated', Buffer.from(`${this.name} ${seed}\n`));
        const layer = (0,external_node_zlib_.gzipSync)(diff, { level: 9 });
        const layerDigest = sha256(layer);
        const layerType = docker ? MEDIA.dockerLayer : MEDIA.ociLayer;
        this.blobs.set(layerDigest, { mediaType: layerType, body: layer });
        const config = Buffer.from(JSON.stringify({
            architecture: platform.architecture,
            os: platform.os,
            ...(platform.variant ? { variant: platform.variant } : {}),
            ...(platform['os.version'] ? { 'os.version': platform['os.version'] } : {}),
            config: { Labels: { 'org.opencontainers.image.source': `simulated/${this.name}` } },
            rootfs: { type: 'layers', diff_ids: [sha256(diff)] },
            history: [{ created_by: 'aks-pull-gate simulated world' }],
        }));
        const configDigest = sha256(config);
        const configType = docker ? MEDIA.dockerConfig : MEDIA.ociConfig;
        this.blobs.set(configDigest, { mediaType: configType, body: config });
        const mediaType = docker ? MEDIA.dockerManifest : MEDIA.ociManifest;
        const body = Buffer.from(JSON.stringify({
            schemaVersion: 2,
            mediaType,
            config: { mediaType: configType, size: config.length, digest: configDigest },
            layers: [{ mediaType: layerType, size: layer.length, digest: layerDigest }],
        }));
        return { body, mediaType };
    }
    build(digest, attrs) {
        const platforms = (attrs.platforms && attrs.platforms.length > 0 ? attrs.platforms : ['linux/amd64']).map(parsePlatform);
        const wantsIndex = attrs.mediaType === MEDIA.ociIndex || attrs.mediaType === MEDIA.dockerList;
        const docker = attrs.mediaType === MEDIA.dockerList || attrs.mediaType === MEDIA.dockerManifest;
        if (platforms.length === 1 && !wantsIndex) {
            const m = this.imageManifest(platforms[0], digest, docker);
            this.manifests.set(digest, {
                digest,
                mediaType: m.mediaType,
                body: m.body,
                attrs,
                platform: platforms[0],
                configMediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
                isIndex: false,
            });
            return;
        }
        const children = platforms.map((p) => {
            const m = this.imageManifest(p, `${digest}/${p.os}/${p.architecture}/${p.variant ?? ''}`, docker);
            const childDigest = sha256(m.body);
            // Children inherit the index's attributes unless the world describes them itself.
            this.manifests.set(childDigest, {
                digest: childDigest,
                mediaType: m.mediaType,
                body: m.body,
                attrs: this.repo.manifests[childDigest] ?? attrs,
                platform: p,
                configMediaType: docker ? MEDIA.dockerConfig : MEDIA.ociConfig,
                isIndex: false,
            });
            return { mediaType: m.mediaType, size: m.body.length, digest: childDigest, platform: p };
        });
        const mediaType = docker ? MEDIA.dockerList : MEDIA.ociIndex;
        const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: children }));
        this.manifests.set(digest, { digest, mediaType, body, attrs, isIndex: true });
    }
    /** A tag or digest -> the served manifest (undefined when absent). */
    resolve(reference) {
        if (reference.includes(':'))
            return { manifest: this.manifests.get(reference) };
        const tag = this.repo.tags[reference];
        if (tag === undefined)
            return {};
        return { manifest: this.manifests.get(tagDigest(tag)), tag, tagName: reference };
    }
    tagsOf(digest) {
        return Object.entries(this.repo.tags)
            .filter(([, t]) => tagDigest(t) === digest)
            .map(([n]) => n)
            .sort();
    }
}

;// CONCATENATED MODULE: ./src/simulate/registry.ts
// Registry data plane stand-in (ACR and plain OCI registries of the world), routed by Host: the /v2/ challenge,
// /oauth2/exchange (Entra token -> ACR refresh token), /oauth2/token (Basic, refresh_token and password grants) with
// scopes granted from the world (RBAC legacy or ABAC mode, admin user, scoped tokens, service principals, anonymous
// pull), manifests, config blobs, tags/list, /acr/v1 attributes, and the distribution error bodies.




const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const PULL_ACTION = 'Microsoft.ContainerRegistry/registries/pull/read';
const REPO_DATA = 'Microsoft.ContainerRegistry/registries/repositories';
const ACR_AUDIENCES = [
    'https://containerregistry.azure.net',
    'https://management.azure.com',
    'https://management.core.windows.net',
];
function registryError(status, code, message, detail, headers = {}) {
    const err = { code, message };
    if (detail !== undefined)
        err.detail = detail;
    return json(status, { errors: [err] }, { 'docker-distribution-api-version': 'registry/2.0', ...headers });
}
function armAudienceDisabled(reg) {
    const props = (reg.arm?.properties ?? {});
    return lower(String(props.policies?.azureADAuthenticationAsArmPolicy?.status ?? 'enabled')) === 'disabled';
}
class RegistryService {
    index;
    mint;
    entra;
    content = new Map();
    /** Repositories an artifact-cache rule filled during this run (pulled through from the upstream registry). */
    filled = new Map();
    constructor(index, mint, entra) {
        this.index = index;
        this.mint = mint;
        this.entra = entra;
    }
    repoContent(reg, name) {
        const repo = this.filled.get(`${reg.loginServer}/${name}`) ?? reg.data.repositories[name];
        if (!repo)
            return undefined;
        const key = `${reg.loginServer}/${name}`;
        let c = this.content.get(key);
        if (!c) {
            c = new RepositoryContent(name, repo);
            this.content.set(key, c);
        }
        return c;
    }
    /** Request kind for counters and faults. */
    static kindOf(req) {
        const p = req.path;
        if (p.startsWith('/oauth2/'))
            return 'registry-token';
        if (p.startsWith('/acr/v1/'))
            return 'acr-attributes';
        if (/^\/v2\/.+\/manifests\//.test(p))
            return req.method === 'HEAD' ? 'manifest-head' : 'manifest-get';
        if (/^\/v2\/.+\/blobs\//.test(p))
            return 'blob';
        if (/^\/v2\/.+\/tags\/list$/.test(p))
            return 'tags';
        if (p === '/v2/_catalog')
            return 'catalog';
        return 'registry';
    }
    handle(req, reg) {
        const p = req.path;
        // An upper-case repository name is not routed at all (recording acr-acrv1-uppercase-repo-404-text-plain).
        const named = /^\/(?:v2|acr\/v1)\/(.+?)\/(?:manifests|blobs|tags|_tags|_manifests)(?:\/|$)/.exec(p);
        if (named && /[A-Z]/.test(decodeURIComponent(named[1]))) {
            return {
                status: 404,
                headers: { 'content-type': 'text/plain; charset=utf-8', 'docker-distribution-api-version': 'registry/2.0' },
                body: Buffer.from('404 page not found\n'),
            };
        }
        if (p === '/oauth2/exchange')
            return this.exchange(req, reg);
        if (p === '/oauth2/token')
            return this.token(req, reg);
        if (p === '/v2' || p === '/v2/')
            return this.ping(req, reg);
        const v2 = /^\/v2\/(.+)\/(manifests|blobs|tags)\/(.+)$/.exec(p);
        if (v2) {
            const [, repo, what, ref] = v2;
            if (what === 'manifests')
                return this.manifest(req, reg, repo, decodeURIComponent(ref));
            if (what === 'blobs')
                return this.blob(req, reg, repo, decodeURIComponent(ref));
            if (ref === 'list')
                return this.tagsList(req, reg, repo);
        }
        if (p === '/v2/_catalog')
            return this.catalog(req, reg);
        const acr = /^\/acr\/v1\/(.+?)\/(_tags|_manifests)(?:\/([^/]+))?$/.exec(p);
        if (acr)
            return this.attributes(req, reg, acr[1], acr[2], acr[3] ? decodeURIComponent(acr[3]) : undefined);
        const repoAttrs = /^\/acr\/v1\/(.+?)\/?$/.exec(p);
        if (repoAttrs && req.method === 'GET')
            return this.repositoryAttributes(req, reg, decodeURIComponent(repoAttrs[1]));
        return registryError(404, 'NOT_FOUND', `the requested path ${p} is not served by this registry`);
    }
    // ---- authentication --------------------------------------------------------------------------------------------
    challenge(reg, scope, error) {
        let v = `Bearer realm="https://${reg.loginServer}/oauth2/token",service="${reg.loginServer}"`;
        if (scope)
            v += `,scope="${scope}"`;
        if (error)
            v += `,error="${error}"`;
        return { 'www-authenticate': v };
    }
    unauthorized(reg, scope, detail, error) {
        return registryError(401, 'UNAUTHORIZED', 'authentication required, visit https://aka.ms/acr/authorization for more information.', detail, this.challenge(reg, scope, error));
    }
    regProps(reg) {
        return (reg.arm?.properties ?? {});
    }
    anonymousAllowed(reg) {
        if (reg.data.anonymousPull !== undefined)
            return reg.data.anonymousPull;
        if (!reg.arm)
            return true;
        return this.regProps(reg).anonymousPullEnabled === true;
    }
    /** Resolves Basic credentials (or a refresh token) to who they are, or the 401 the registry answers. */
    authenticate(reg, username, password) {
        if (username === EMPTY_GUID)
            return this.fromRefreshToken(reg, password);
        const props = this.regProps(reg);
        const cred = reg.arm
            ? Object.entries(this.index.world.azure.registryCredentials).find(([id]) => lower(id) === lower(reg.arm?.id ?? ''))?.[1]
            : undefined;
        if (cred && lower(cred.username) === lower(username)) {
            if (props.adminUserEnabled === true && cred.passwords.some((p) => p.value === password))
                return { subject: { kind: 'admin' } };
            return { error: this.unauthorized(reg) };
        }
        if (reg.arm) {
            const token = this.index.children(reg.arm.id, 'tokens').find((t) => lower(t.name ?? '') === lower(username));
            if (token)
                return this.checkScopedToken(reg, token, password);
        }
        const secret = this.entra.checkSecret(username, password);
        if (secret === 'ok') {
            const gate = this.index.world.gate;
            if (lower(username) === lower(gate.clientId))
                return { subject: { kind: 'entra', objectId: gate.objectId, tenantId: gate.tenantId } };
            const sp = this.index.world.graph.servicePrincipals.find((s) => lower(s.appId) === lower(username));
            return {
                subject: {
                    kind: 'entra',
                    objectId: sp?.id ?? username,
                    tenantId: typeof sp?.appOwnerOrganizationId === 'string' ? sp.appOwnerOrganizationId : undefined,
                },
            };
        }
        return { error: this.unauthorized(reg) };
    }
    checkScopedToken(reg, token, password) {
        const props = (token.properties ?? {});
        if (lower(String(props.status ?? 'enabled')) !== 'enabled')
            return { error: this.unauthorized(reg) };
        const secrets = Object.entries(this.index.world.azure.tokenPasswords).find(([id]) => lower(id) === lower(token.id))?.[1] ?? [];
        const match = secrets.find((s) => s.value === password);
        if (!match)
            return { error: this.unauthorized(reg) };
        const armPasswords = (props.credentials?.passwords ?? []);
        const expiry = match.expiry ?? armPasswords.find((p) => p.name === match.name)?.expiry;
        if (expiry && Date.parse(expiry) <= Date.parse(this.index.world.now))
            return { error: this.unauthorized(reg) };
        return { subject: { kind: 'token', token } };
    }
    fromRefreshToken(reg, token) {
        const mine = this.mint.verify(token);
        const claims = mine ?? decodeJwt(token);
        if (!claims || (claims.grant_type !== undefined && claims.grant_type !== 'refresh_token'))
            return { error: this.unauthorized(reg) };
        if (claims.aud !== undefined && !reg.hosts.includes(lower(String(claims.aud))))
            return { error: this.unauthorized(reg) };
        // World-authored refresh tokens (pasted from a pull secret) expire on the world's clock.
        if (!mine && typeof claims.exp === 'number' && claims.exp * 1000 <= Date.parse(this.index.world.now))
            return { error: this.unauthorized(reg) };
        const oid = String(claims.oid ?? claims.sub ?? '');
        if (!oid)
            return { error: this.unauthorized(reg) };
        const tenantId = typeof claims.tenant === 'string' ? claims.tenant : typeof claims.tid === 'string' ? claims.tid : undefined;
        return { subject: { kind: 'entra', objectId: oid, tenantId } };
    }
    // ---- authorization -------------------------------------------------------------------------------------------
    grantedActions(reg, subject, type, name, requested) {
        const readish = (a) => a === 'pull' || a === 'metadata_read' || a === '*';
        if (subject.kind === 'admin')
            return requested;
        if (subject.kind === 'anonymous') {
            return type === 'repository' && this.anonymousAllowed(reg) ? requested.filter((a) => a === 'pull') : [];
        }
        if (subject.kind === 'token') {
            if (type !== 'repository')
                return [];
            const scopeMapId = String((subject.token.properties ?? {}).scopeMapId ?? '');
            const scopeMap = this.index.resources.get(lower(scopeMapId));
            const actions = ((scopeMap?.properties ?? {}).actions ?? []);
            const need = {
                pull: 'content/read',
                push: 'content/write',
                delete: 'content/delete',
                metadata_read: 'metadata/read',
                metadata_write: 'metadata/write',
            };
            return requested.filter((a) => need[a] !== undefined && actions.some((s) => actionMatches(s, `repositories/${name}/${need[a]}`)));
        }
        // Entra principal.
        const gate = this.index.world.gate;
        if (reg.tenantId && subject.tenantId && lower(reg.tenantId) !== lower(subject.tenantId))
            return [];
        if (lower(subject.objectId) === lower(gate.objectId)) {
            const denied = gate.deniedActions.some((d) => actionMatches(d, PULL_ACTION));
            return denied ? [] : requested.filter(readish);
        }
        const scope = reg.arm?.id;
        if (!scope)
            return [];
        const abac = this.regProps(reg).roleAssignmentMode === 'AbacRepositoryPermissions';
        const oid = subject.objectId;
        if (type === 'registry') {
            const ok = abac
                ? this.index.hasDataAction(oid, scope, 'Microsoft.ContainerRegistry/registries/catalog/read', undefined, true)
                : this.index.hasAction(oid, scope, PULL_ACTION) ||
                    this.index.hasDataAction(oid, scope, 'Microsoft.ContainerRegistry/registries/catalog/read', undefined, false);
            return ok ? requested : [];
        }
        return requested.filter((a) => {
            if (!readish(a))
                return false;
            const dataAction = a === 'metadata_read' ? `${REPO_DATA}/metadata/read` : `${REPO_DATA}/content/read`;
            if (abac)
                return this.index.hasDataAction(oid, scope, dataAction, name, true);
            return (this.index.hasAction(oid, scope, PULL_ACTION) ||
                this.index.hasDataAction(oid, scope, dataAction, undefined, false));
        });
    }
    parseScopes(values) {
        const out = [];
        for (const v of values.flatMap((s) => s.split(' ')).filter(Boolean)) {
            const first = v.indexOf(':');
            const last = v.lastIndexOf(':');
            if (first < 0 || last === first)
                continue;
            out.push({
                type: v.slice(0, first),
                name: v.slice(first + 1, last),
                actions: v
                    .slice(last + 1)
                    .split(',')
                    .filter(Boolean),
            });
        }
        return out;
    }
    issueAccessToken(reg, subject, scopes) {
        if (subject.kind === 'anonymous')
            return this.anonymousToken(reg);
        const capitalized = reg.data.accessClaimKeys === 'capitalized';
        const access = scopes.map((s) => {
            const actions = this.grantedActions(reg, subject, s.type, s.name, s.actions);
            return capitalized ? { Type: s.type, Name: s.name, Actions: actions } : { type: s.type, name: s.name, actions };
        });
        const iat = nowSeconds();
        const sub = subject.kind === 'entra'
            ? subject.objectId
            : subject.kind === 'token'
                ? String(subject.token.name)
                : subject.kind;
        const token = this.mint.sign({
            jti: (0,external_node_crypto_.randomUUID)(),
            sub,
            nbf: iat,
            exp: iat + 3600,
            iat,
            iss: 'Azure Container Registry',
            aud: reg.loginServer,
            version: '3.0',
            grant_type: subject.kind === 'entra' ? 'refresh_token' : 'password',
            access,
            roles: [],
            kind: subject.kind,
        });
        return json(200, { access_token: token });
    }
    /**
     * The token real ACR gives an anonymous client of an anonymous-pull registry (recording
     * acr-anonymous-token-for-delete-scope-200): whatever was asked, `sub: acr_anon_pull` and one capitalised access
     * entry `{Type: repository, Name: "*", Actions: [pull]}`, valid 1200 s.
     */
    anonymousToken(reg) {
        const iat = nowSeconds();
        const token = this.mint.sign({
            jti: (0,external_node_crypto_.randomUUID)(),
            sub: 'acr_anon_pull',
            nbf: iat,
            exp: iat + 1200,
            iat,
            iss: 'Azure Container Registry',
            aud: reg.loginServer,
            version: '2.0',
            grant_type: 'password',
            access: [{ Type: 'repository', Name: '*', Actions: ['pull'] }],
        });
        return json(200, { access_token: token });
    }
    token(req, reg) {
        let scopes;
        let result;
        if (req.method === 'GET') {
            scopes = this.parseScopes(req.query.getAll('scope'));
            const b = basic(req);
            result = b ? this.authenticate(reg, b.username, b.password) : { subject: { kind: 'anonymous' } };
        }
        else if (req.method === 'POST') {
            const f = http_kit_form(req);
            scopes = this.parseScopes(f.getAll('scope'));
            const grant = f.get('grant_type');
            if (grant === 'refresh_token')
                result = this.fromRefreshToken(reg, f.get('refresh_token') ?? '');
            else if (grant === 'password' && !f.get('username') && !f.get('password'))
                // A password grant without credentials is anonymous (recording acr-anonymous-token-for-delete-scope-200).
                result = { subject: { kind: 'anonymous' } };
            else if (grant === 'password')
                result = this.authenticate(reg, f.get('username') ?? '', f.get('password') ?? '');
            else
                return registryError(400, 'UNSUPPORTED', `grant_type '${grant ?? ''}' is not supported`);
        }
        else {
            return registryError(405, 'UNSUPPORTED', 'The operation is unsupported.');
        }
        if ('error' in result)
            return result.error;
        if (result.subject.kind === 'anonymous' && !this.anonymousAllowed(reg))
            return this.unauthorized(reg);
        return this.issueAccessToken(reg, result.subject, scopes);
    }
    exchange(req, reg) {
        if (req.method !== 'POST')
            return registryError(404, 'NOT_FOUND', 'the requested resource was not found');
        const f = http_kit_form(req);
        const grant = f.get('grant_type');
        if (grant !== 'access_token' && grant !== 'access_token_refresh_token') {
            return registryError(400, 'UNSUPPORTED', `grant_type '${grant ?? ''}' is not supported`);
        }
        const claims = this.mint.verify(f.get('access_token') ?? '');
        if (!claims)
            return this.unauthorized(reg);
        const aud = lower(String(claims.aud ?? '')).replace(/\/$/, '');
        const armOrigin = lower(req.origin);
        if (!ACR_AUDIENCES.includes(aud) && aud !== armOrigin)
            return this.unauthorized(reg);
        // policies.azureADAuthenticationAsArmPolicy disabled: only tokens for the ACR audience are exchanged.
        if (armAudienceDisabled(reg) && aud !== ACR_AUDIENCES[0])
            return this.unauthorized(reg);
        const tid = String(claims.tid ?? '');
        if (reg.tenantId && lower(tid) !== lower(reg.tenantId))
            return this.unauthorized(reg);
        const iat = nowSeconds();
        const refresh = this.mint.sign({
            jti: (0,external_node_crypto_.randomUUID)(),
            sub: claims.oid,
            oid: claims.oid,
            nbf: iat,
            iat,
            exp: iat + 3 * 3600,
            iss: 'Azure Container Registry',
            aud: reg.loginServer,
            version: '1.0',
            grant_type: 'refresh_token',
            tenant: tid,
            appid: claims.appid,
        });
        return json(200, { refresh_token: refresh });
    }
    /** Claims of a valid bearer access token for this registry, or undefined. */
    accessClaims(req, reg) {
        const t = bearer(req);
        if (!t)
            return undefined;
        const c = this.mint.verify(t);
        if (!c || !reg.hosts.includes(lower(String(c.aud ?? ''))))
            return undefined;
        return c;
    }
    allows(claims, type, name, action) {
        const access = Array.isArray(claims?.access) ? claims.access : [];
        return access.some((a) => {
            // Anonymous tokens carry capitalised keys and Name "*" (see anonymousToken); the others lower-case keys.
            const t = a.type ?? a.Type;
            const n = a.name ?? a.Name;
            const acts = a.actions ?? a.Actions;
            return (t === type &&
                (n === name || (n === '*' && type === 'repository')) &&
                Array.isArray(acts) &&
                (acts.includes(action) || acts.includes('*')));
        });
    }
    /** 401 with the challenge unless the token grants one of `actions` on the repository. */
    guard(req, reg, repo, actions) {
        const claims = this.accessClaims(req, reg);
        if (actions.some((a) => this.allows(claims, 'repository', repo, a)))
            return undefined;
        const scope = `repository:${repo}:${actions[0]}`;
        const detail = [{ Type: 'repository', Name: repo, Action: actions[0] }];
        return this.unauthorized(reg, scope, detail, claims ? 'insufficient_scope' : undefined);
    }
    // ---- content -------------------------------------------------------------------------------------------------
    ping(req, reg) {
        // Every registry challenges an unauthenticated /v2/, also one that allows anonymous pull (Docker Hub does): the
        // client then follows the distribution token flow (anonymous token, pull), which the manifest requires anyway.
        // Whether real ACR answers 200 there for an anonymous-pull registry is an open question; the gate accepts both.
        if (!this.accessClaims(req, reg))
            return this.unauthorized(reg);
        return json(200, {}, { 'docker-distribution-api-version': 'registry/2.0' });
    }
    nameUnknown(repo) {
        return registryError(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name: repo });
    }
    /** As recorded (acr-acrv1-manifest-MANIFEST_UNKNOWN-404): message "manifest unknown", no detail. */
    manifestUnknown() {
        return registryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown');
    }
    readBlocked(m, tag) {
        const tagReadDisabled = typeof tag === 'object' && tag !== null && tag.readEnabled === false;
        if (tagReadDisabled || m.attrs.readEnabled === false) {
            return registryError(403, 'DENIED', 'The operation is disallowed on this registry, repository or manifest: read is disabled.');
        }
        return undefined;
    }
    quarantined(reg, m) {
        const policy = (this.regProps(reg).policies ?? {}).quarantinePolicy;
        const state = m.attrs.quarantineState;
        return lower(policy?.status ?? '') === 'enabled' && typeof state === 'string' && lower(state) !== 'passed';
    }
    manifest(req, reg, repo, ref) {
        const denied = this.guard(req, reg, repo, ['pull']);
        if (denied)
            return denied;
        if (req.method === 'GET')
            this.pullThrough(reg, repo, ref);
        const content = this.repoContent(reg, repo);
        if (!content)
            return this.nameUnknown(repo);
        if (content.repo.changeableAttributes?.readEnabled === false) {
            // Status and body of a repository read lock are not documented (FIDELITY open question 3): as for tag locks.
            return registryError(403, 'DENIED', 'The operation is disallowed on this registry, repository or manifest: read is disabled.');
        }
        const { manifest, tag } = content.resolve(ref);
        if (!manifest)
            return this.manifestUnknown();
        const blocked = this.readBlocked(manifest, tag);
        if (blocked)
            return blocked;
        if (this.quarantined(reg, manifest)) {
            // Azure/acr docs/preview/quarantine: by tag "manifest ... not found" (404); by digest "unknown: The operation
            // is disallowed." (the status of the latter is not given there: 403 is a guess).
            if (!ref.includes(':'))
                return this.manifestUnknown();
            return registryError(403, 'UNKNOWN', 'The operation is disallowed.');
        }
        // Like distribution: an index is only served to clients that accept its media type.
        const accept = String(req.headers.accept ?? '');
        if (manifest.isIndex && accept !== '' && !accept.includes(manifest.mediaType) && !accept.includes('*/*'))
            return this.manifestUnknown();
        return {
            status: 200,
            headers: {
                'content-type': manifest.mediaType,
                'docker-content-digest': manifest.digest,
                'docker-distribution-api-version': 'registry/2.0',
                etag: `"${manifest.digest}"`,
            },
            body: manifest.body,
        };
    }
    /** A blob URL on the data endpoint signed like a SAS (no Authorization needed), valid for 20 minutes. */
    signedBlobUrl(host, path) {
        const sig = this.mint.sign({ path, exp: nowSeconds() + 1200 });
        return `https://${host}${path}?sig=${sig}`;
    }
    blob(req, reg, repo, digest) {
        const sig = req.query.get('sig');
        const signed = sig !== null && this.mint.verify(sig)?.path === req.path;
        if (!signed) {
            const denied = this.guard(req, reg, repo, ['pull']);
            if (denied)
                return denied;
        }
        const content = this.repoContent(reg, repo);
        if (!content)
            return this.nameUnknown(repo);
        const blob = content.blobs.get(digest);
        if (!blob)
            return registryError(404, 'BLOB_UNKNOWN', 'blob unknown to registry', digest);
        // ACR with dedicated data endpoints answers a blob GET on the login server with a redirect to the regional data
        // endpoint (a signed URL): clients must follow it, and must not carry the registry token there.
        const dataHost = reg.hosts.find((h) => h !== reg.loginServer);
        if (!signed && req.host === reg.loginServer && dataHost && this.regProps(reg).dataEndpointEnabled === true) {
            return {
                status: 307,
                headers: {
                    location: this.signedBlobUrl(dataHost, req.path),
                    'docker-distribution-api-version': 'registry/2.0',
                },
            };
        }
        return {
            status: 200,
            headers: {
                'content-type': 'application/octet-stream',
                'docker-content-digest': digest,
                'docker-distribution-api-version': 'registry/2.0',
            },
            body: blob.body,
        };
    }
    tagsList(req, reg, repo) {
        const denied = this.guard(req, reg, repo, ['pull', 'metadata_read']);
        if (denied)
            return denied;
        const content = this.repoContent(reg, repo);
        if (!content)
            return this.nameUnknown(repo);
        // Guess (FIDELITY open question 4): a quarantined tag is left out of tags/list while the policy holds it, which
        // is the harder case for a client (it must still read the manifest attributes).
        let tags = Object.keys(content.repo.tags)
            .filter((t) => {
            const m = content.resolve(t).manifest;
            return !m || !this.quarantined(reg, m);
        })
            .sort();
        const last = req.query.get('last');
        if (last)
            tags = tags.filter((t) => t > last);
        const n = Number(req.query.get('n') ?? '0');
        const headers = { 'docker-distribution-api-version': 'registry/2.0' };
        if (n > 0 && tags.length > n) {
            tags = tags.slice(0, n);
            headers.link = `</v2/${repo}/tags/list?last=${encodeURIComponent(tags[tags.length - 1])}&n=${n}>; rel="next"`;
        }
        return json(200, { name: repo, tags }, headers);
    }
    catalog(req, reg) {
        const claims = this.accessClaims(req, reg);
        if (!this.allows(claims, 'registry', 'catalog', '*'))
            return this.unauthorized(reg, 'registry:catalog:*', undefined, claims ? 'insufficient_scope' : undefined);
        return json(200, { repositories: Object.keys(reg.data.repositories).sort() });
    }
    /** `GET /acr/v1/<repo>`: the repository's attributes with its own changeableAttributes (repository lock). */
    repositoryAttributes(req, reg, repo) {
        const denied = this.guard(req, reg, repo, ['metadata_read']);
        if (denied)
            return denied;
        const content = this.repoContent(reg, repo);
        if (!content)
            return this.nameUnknown(repo);
        const created = '2026-01-01T00:00:00.0000000Z';
        return json(200, {
            registry: reg.loginServer,
            imageName: repo,
            createdTime: created,
            lastUpdateTime: created,
            manifestCount: content.manifests.size,
            tagCount: Object.keys(content.repo.tags).length,
            changeableAttributes: this.changeable(content.repo.changeableAttributes ?? {}),
        });
    }
    /**
     * Artifact cache: a GET of a repository behind a cache rule pulls the tag through from the upstream registry of the
     * world (the `registries:` entry of the source host) the first time, unless the rule's credential set is Unhealthy
     * or the upstream needs credentials the rule does not have. "Cache will only occur after at least one image pull is
     * complete" (MicrosoftDocs container-registry-artifact-cache.md).
     */
    pullThrough(reg, repo, ref) {
        if (!reg.arm)
            return;
        const existing = this.repoContent(reg, repo);
        if (existing?.resolve(ref).manifest)
            return;
        const source = this.cacheSource(reg, repo);
        if (!source)
            return;
        const upstream = this.index.registryForHost(source.host);
        if (!upstream)
            return;
        const setId = source.credentialSetResourceId;
        if (setId) {
            const set = this.index.resources.get(lower(setId));
            const creds = ((set?.properties ?? {}).authCredentials ?? []);
            if (!set || creds.some((c) => lower(c.credentialHealth?.status ?? '') === 'unhealthy'))
                return;
        }
        else if (upstream.data.anonymousPull === false) {
            return;
        }
        const up = upstream.data.repositories[source.repository];
        if (!up)
            return;
        const digest = ref.includes(':') ? ref : up.tags[ref] === undefined ? undefined : tagDigest(up.tags[ref]);
        if (!digest || !up.manifests[digest] || up.manifests[digest].deleted === true)
            return;
        const key = `${reg.loginServer}/${repo}`;
        const base = this.filled.get(key) ?? reg.data.repositories[repo] ?? { tags: {}, manifests: {} };
        const next = {
            ...base,
            tags: ref.includes(':') ? { ...base.tags } : { ...base.tags, [ref]: digest },
            manifests: { ...base.manifests, [digest]: up.manifests[digest] },
        };
        this.filled.set(key, next);
        this.content.delete(key);
    }
    /** The upstream of a repository by the registry's cache rules (exact target first, then `prefix/*` wildcards). */
    cacheSource(reg, repo) {
        if (!reg.arm)
            return undefined;
        const rules = this.index
            .children(reg.arm.id, 'cacheRules')
            .map((r) => (r.properties ?? {}));
        const pick = (p) => {
            const target = typeof p.targetRepository === 'string' ? p.targetRepository : '';
            const src = typeof p.sourceRepository === 'string' ? p.sourceRepository : '';
            if (!target || !src)
                return undefined;
            if (target === repo)
                return src;
            if (target.endsWith('/*') && src.endsWith('/*') && repo.startsWith(target.slice(0, -1)))
                return src.slice(0, -1) + repo.slice(target.length - 1);
            return undefined;
        };
        const ordered = [...rules].sort((a, b) => Number(String(a.targetRepository).endsWith('*')) - Number(String(b.targetRepository).endsWith('*')));
        for (const p of ordered) {
            const src = pick(p);
            if (!src)
                continue;
            const slash = src.indexOf('/');
            if (slash < 0)
                continue;
            const out = {
                host: src.slice(0, slash),
                repository: src.slice(slash + 1),
            };
            if (typeof p.credentialSetResourceId === 'string' && p.credentialSetResourceId)
                out.credentialSetResourceId = p.credentialSetResourceId;
            return out;
        }
        return undefined;
    }
    /**
     * `GET /acr/v1/<repo>/_tags[?orderby=timedesc|timeasc][&n=..][&last=..]`: by name, or by last update time (what
     * `az acr repository show-tags --orderby time_desc` asks); `last` continues after that tag in the same order, and
     * a next page is announced by a relative Link that keeps `orderby` (recording acr-acrv1-tags-paging).
     */
    tagList(req, reg, repo, content, tagBody) {
        const orderby = req.query.get('orderby') ?? '';
        const order = lower(orderby);
        if (order !== '' && order !== 'timedesc' && order !== 'timeasc')
            return registryError(400, 'UNSUPPORTED', `orderby '${orderby}' is not supported; use timedesc or timeasc`);
        let names = Object.keys(content.repo.tags).sort();
        if (order) {
            const at = (n) => Date.parse(this.tagTimes(content, n).lastUpdateTime);
            names = names.sort((a, b) => (order === 'timedesc' ? at(b) - at(a) : at(a) - at(b)) || (a < b ? -1 : 1));
        }
        const last = req.query.get('last');
        if (last) {
            const i = names.indexOf(last);
            names = i >= 0 ? names.slice(i + 1) : order ? [] : names.filter((t) => t > last);
        }
        const n = Number(req.query.get('n') ?? '0');
        const headers = { 'docker-distribution-api-version': 'registry/2.0' };
        if (n > 0 && names.length > n) {
            names = names.slice(0, n);
            headers.link = `</acr/v1/${repo}/_tags?last=${encodeURIComponent(names[names.length - 1])}&n=${n}&orderby=${encodeURIComponent(orderby)}>; rel="next"`;
        }
        return json(200, { registry: reg.loginServer, imageName: repo, tags: names.map(tagBody) }, headers);
    }
    changeable(attrs) {
        return {
            deleteEnabled: attrs.deleteEnabled ?? true,
            writeEnabled: attrs.writeEnabled ?? true,
            readEnabled: attrs.readEnabled ?? true,
            listEnabled: attrs.listEnabled ?? true,
        };
    }
    /**
     * A tag's times: the world's `createdTime` / `lastUpdateTime`, else distinct days before the world's `now` in the
     * order the world lists its tags (the first listed is the oldest), so that `orderby=timedesc` has an order to show.
     */
    tagTimes(content, name) {
        const names = Object.keys(content.repo.tags);
        const t = content.repo.tags[name];
        const i = names.indexOf(name);
        const fallback = new Date(Date.parse(this.index.world.now) - (names.length - i) * 86_400_000).toISOString();
        const created = (typeof t === 'object' ? t.createdTime : undefined) ?? fallback;
        const updated = (typeof t === 'object' ? t.lastUpdateTime : undefined) ?? created;
        return { createdTime: created, lastUpdateTime: updated };
    }
    attributes(req, reg, repo, what, ref) {
        const denied = this.guard(req, reg, repo, ['metadata_read']);
        if (denied)
            return denied;
        const content = this.repoContent(reg, repo);
        if (!content)
            return this.nameUnknown(repo);
        const created = '2026-01-01T00:00:00.0000000Z';
        const tagBody = (name) => {
            const t = content.repo.tags[name];
            const attrs = typeof t === 'string' ? {} : t;
            return {
                name,
                digest: tagDigest(t),
                ...this.tagTimes(content, name),
                signed: false,
                changeableAttributes: this.changeable(attrs),
            };
        };
        if (what === '_tags') {
            if (!ref)
                return this.tagList(req, reg, repo, content, tagBody);
            if (content.repo.tags[ref] === undefined)
                return registryError(404, 'TAG_UNKNOWN', 'the specified tag does not exist', { Tag: ref });
            return json(200, { registry: reg.loginServer, imageName: repo, tag: tagBody(ref) });
        }
        const manifestBody = (m) => {
            const ch = this.changeable(m.attrs);
            if (m.attrs.quarantineState !== undefined && m.attrs.quarantineState !== null)
                ch.quarantineState = m.attrs.quarantineState;
            const body = {
                digest: m.digest,
                imageSize: m.body.length,
                createdTime: created,
                lastUpdateTime: created,
                mediaType: m.mediaType,
                tags: content.tagsOf(m.digest),
                changeableAttributes: ch,
            };
            if (m.platform) {
                body.architecture = m.platform.architecture;
                body.os = m.platform.os;
                body.configMediaType =
                    m.configMediaType ?? (m.mediaType === MEDIA.dockerManifest ? MEDIA.dockerConfig : MEDIA.ociConfig);
            }
            else if (m.isIndex) {
                body.references = JSON.parse(m.body.toString('utf8')).manifests.map((c) => ({
                    digest: c.digest,
                    // A raw index may hold children without a platform (attestations, artifacts).
                    ...(c.platform ? { architecture: c.platform.architecture, os: c.platform.os } : {}),
                }));
            }
            return body;
        };
        if (!ref)
            return json(200, {
                registry: reg.loginServer,
                imageName: repo,
                manifests: [...content.manifests.values()].map(manifestBody),
            });
        const { manifest } = content.resolve(ref);
        if (!manifest)
            return this.manifestUnknown();
        return json(200, { registry: reg.loginServer, imageName: repo, manifest: manifestBody(manifest) });
    }
}

// EXTERNAL MODULE: ./src/simulate/tunnel.ts
var tunnel = __webpack_require__(8510);
;// CONCATENATED MODULE: ./src/simulate/gate-network.ts
// The registry firewall as the gate's own runner meets it (world `gate.sourceIp`, `gate.subnetId`). With a source IP,
// each registry's publicNetworkAccess, networkRuleSet (ipRules, virtualNetworkRules against the runner's subnet) and
// private endpoints decide whether the gate's data-plane request is served; a refusal is ACR's real answer:
// 403 {"errors":[{"code":"DENIED","message":"client with IP '<ip>' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."}]}
// Independent of the product's network checks (imports only the world's shapes).
function gate_network_lower(s) {
    return s.toLowerCase();
}
function props(r) {
    const p = r?.properties;
    return p && typeof p === 'object' ? p : {};
}
function idOf(v) {
    if (v && typeof v === 'object' && typeof v.id === 'string')
        return v.id;
    return undefined;
}
function list(v) {
    return Array.isArray(v) ? v.filter((x) => !!x && typeof x === 'object') : [];
}
function ipv4(s) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
    if (!m)
        return undefined;
    const parts = m.slice(1).map(Number);
    if (parts.some((p) => p > 255))
        return undefined;
    return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}
/** `203.0.113.10` in `203.0.113.0/24` (or equal to a bare address). */
function ipInRule(ip, rule) {
    const [base, bits = '32'] = rule.trim().split('/');
    const a = ipv4(ip);
    const b = ipv4(base);
    const n = Number(bits);
    if (a === undefined || b === undefined || !Number.isInteger(n) || n < 0 || n > 32)
        return false;
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    return (a & mask) === (b & mask);
}
function vnetOf(subnetId) {
    return gate_network_lower(subnetId.replace(/\/subnets\/[^/]+\/?$/i, ''));
}
/** VNets a client in `vnet` reaches privately: itself and its connected peers. */
function reachableVnets(view, vnet) {
    const out = new Set([vnet]);
    for (const p of list(props(view.resource(vnet)).virtualNetworkPeerings)) {
        const pp = (p.properties ?? p);
        const remote = idOf(pp.remoteVirtualNetwork);
        if (remote && (pp.peeringState === undefined || pp.peeringState === 'Connected'))
            out.add(gate_network_lower(remote));
    }
    return out;
}
/** The gate reaches the registry through an approved private endpoint, with the privatelink zone linked and its record. */
function privatePath(view, registry, subnetId) {
    const name = gate_network_lower(registry.id.split('/').pop() ?? '');
    const gateVnet = vnetOf(subnetId);
    const vnets = reachableVnets(view, gateVnet);
    const approved = list(props(registry).privateEndpointConnections).some((pec) => {
        const p = (pec.properties ?? {});
        const state = (p.privateLinkServiceConnectionState ?? {});
        if (state.status !== 'Approved')
            return false;
        const pe = idOf(p.privateEndpoint);
        const subnet = pe ? idOf(props(view.resource(pe)).subnet) : undefined;
        return !!subnet && vnets.has(vnetOf(subnet));
    });
    if (!approved)
        return false;
    // Name resolution happens in the runner's own VNet: the zone must be linked to it and hold the registry's record.
    let linked = false;
    let record = false;
    for (const r of view.all()) {
        const id = gate_network_lower(r.id);
        if (!id.includes('/privatednszones/privatelink.azurecr.io/'))
            continue;
        if (id.includes('/virtualnetworklinks/') && gate_network_lower(idOf(props(r).virtualNetwork) ?? '') === gateVnet)
            linked = true;
        if (id.endsWith(`/a/${name}`))
            record = true;
    }
    return linked && record;
}
/** Whether the registry's network rules let the gate's runner in. */
function gateAllowed(view, registry, net) {
    if (!registry)
        return true;
    const p = props(registry);
    if (net.subnetId && privatePath(view, registry, net.subnetId))
        return true;
    if (p.publicNetworkAccess === 'Disabled')
        return false;
    const rules = (p.networkRuleSet ?? {});
    if (rules.defaultAction !== 'Deny')
        return true;
    if (list(rules.ipRules).some((r) => typeof r.value === 'string' && ipInRule(net.sourceIp, r.value)))
        return true;
    const subnet = net.subnetId ? gate_network_lower(net.subnetId) : undefined;
    return !!subnet && list(rules.virtualNetworkRules).some((r) => typeof r.id === 'string' && gate_network_lower(r.id) === subnet);
}
function firewallDeniedMessage(ip) {
    return `client with IP '${ip}' is not allowed access. Refer https://aka.ms/acr/firewall to grant access.`;
}

;// CONCATENATED MODULE: ./src/simulate/emulator.ts
// The loopback emulator behind --simulate: one HTTPS server on 127.0.0.1 with an ephemeral CA (generated in JS and
// trusted in-process), routing by Host (registry hosts -> data plane) and by path (Entra, ARM, Graph, Kubernetes).
// It hands the gate a custom cloud (endpoints), a fetch that routes the world's registry hosts to it, and a kubeconfig.

















/** A managed cluster's API server name as its kubeconfig names it: `fqdn`, else `privateFQDN` (a private cluster). */
function clusterHost(cluster) {
    const p = (cluster.properties ?? {});
    const h = typeof p.fqdn === 'string' && p.fqdn ? p.fqdn : typeof p.privateFQDN === 'string' ? p.privateFQDN : '';
    return h ? h.toLowerCase() : undefined;
}
/**
 * A kubeconfig for the world's Kubernetes API with one context per cluster, named and shaped as
 * `az aks get-credentials` writes them (cluster and context `<name>`, user `clusterUser_<rg>_<name>`, server
 * `https://<fqdn>:443`), the first cluster current. `proxyUrl` adds `proxy-url` (kubectl, the gate and the
 * JavaScript Kubernetes client honour it), so the cluster's name reaches the emulator without DNS.
 */
function clusterKubeconfig(clusters, origin, caPem, token, proxyUrl) {
    const ca = Buffer.from(caPem).toString('base64');
    const seen = new Set();
    const entries = clusters.map((c) => {
        const rg = /\/resourceGroups\/([^/]+)/i.exec(c.id)?.[1] ?? 'rg';
        let name = c.name ?? c.id.split('/').pop() ?? 'simulated';
        // Two clusters of one name (in different groups) get distinct contexts, as `az aks get-credentials` merges them.
        if (seen.has(name))
            name = `${name}-${rg}`;
        seen.add(name);
        const host = clusterHost(c);
        const server = host ? `https://${host}:443` : origin;
        return { name, user: `clusterUser_${rg}_${name}`, server, proxied: host !== undefined };
    });
    return {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: entries.map((e) => ({
            name: e.name,
            cluster: {
                server: e.server,
                'certificate-authority-data': ca,
                ...(proxyUrl && e.proxied ? { 'proxy-url': proxyUrl } : {}),
            },
        })),
        users: entries.map((e) => ({ name: e.user, user: { token } })),
        contexts: entries.map((e) => ({ name: e.name, context: { cluster: e.name, user: e.user } })),
        'current-context': entries[0]?.name ?? '',
        preferences: {},
    };
}
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
// Extra CAs of running emulators: several may run in one process, and closing one must not untrust another.
const trustedExtra = new Set();
let baseCAs;
function applyTrust() {
    baseCAs ??= external_node_tls_.getCACertificates('default');
    external_node_tls_.setDefaultCACertificates([...baseCAs, ...trustedExtra]);
    if (trustedExtra.size === 0)
        baseCAs = undefined;
}
async function makeCertificates(hosts) {
    const notAfterDate = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    // A unique subject per run: with two emulators' CAs trusted at once, OpenSSL picks an issuer by subject name, and
    // a shared name would make it verify against the wrong key (CERT_SIGNATURE_FAILURE).
    const ca = await (0,selfsigned/* generate */.c)([{ name: 'commonName', value: `aks-pull-gate simulated world CA ${(0,external_node_crypto_.randomBytes)(6).toString('hex')}` }], {
        keyType: 'ec',
        algorithm: 'sha256',
        notAfterDate,
        extensions: [
            { name: 'basicConstraints', cA: true, critical: true },
            { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        ],
    });
    const leaf = await (0,selfsigned/* generate */.c)([{ name: 'commonName', value: '127.0.0.1' }], {
        keyType: 'ec',
        algorithm: 'sha256',
        notAfterDate,
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
            { name: 'basicConstraints', cA: false },
            { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
            { name: 'extKeyUsage', serverAuth: true },
            {
                name: 'subjectAltName',
                altNames: [
                    { type: 7, ip: '127.0.0.1' },
                    { type: 2, value: 'localhost' },
                    ...hosts.map((h) => ({ type: 2, value: h })),
                ],
            },
        ],
    });
    return { caPem: ca.cert, key: leaf.private, cert: leaf.cert };
}
function acrSuffixes(hosts) {
    const out = new Set();
    for (const h of hosts) {
        const m = /(\.azurecr\.(?:io|cn|us))$/.exec(h);
        if (m)
            out.add(m[1]);
        else if (h.includes('.'))
            out.add(h.slice(h.indexOf('.')));
    }
    return out.size > 0 ? [...out].sort() : ['.azurecr.io'];
}
function readBody(req, limit = 4 * 1024 * 1024) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > limit) {
                reject(new Error('request body too large'));
                req.destroy();
                return;
            }
            chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
/** A Kubernetes fault answered as the API server would, e.g. RBAC's 403 naming the verb, resource and namespace. */
function kubeFault(status, path) {
    if (status === 403) {
        const m = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?/.exec(path);
        const [, ns, resource = 'resources', name] = m ?? [];
        const verb = name ? 'get' : 'list';
        const where = ns ? ` in the namespace "${ns}"` : ' at the cluster scope';
        const subject = `${resource}${name ? ` "${name}"` : ''}`;
        return kubeStatus(403, 'Forbidden', `${subject} is forbidden: User "aks-pull-gate" cannot ${verb} resource "${resource}" in API group ""${where}`, {
            ...(name ? { name } : {}),
            kind: resource,
        });
    }
    const reasons = {
        401: 'Unauthorized',
        404: 'NotFound',
        429: 'TooManyRequests',
        500: 'InternalError',
        503: 'ServiceUnavailable',
        504: 'Timeout',
    };
    return kubeStatus(status, reasons[status] ?? 'InternalError', `Simulated fault: ${reasons[status] ?? status}.`);
}
function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
function bodyBuffer(reply) {
    if (reply.body === undefined)
        return Buffer.alloc(0);
    if (Buffer.isBuffer(reply.body))
        return reply.body;
    if (typeof reply.body === 'string')
        return Buffer.from(reply.body);
    return Buffer.from(JSON.stringify(reply.body));
}
class EmulatorServer {
    world;
    latencyMs;
    index;
    mint = new TokenMint();
    entra;
    arm;
    graph;
    registry;
    networkView = {
        resource: (id) => this.index.resources.get(id.toLowerCase()),
        all: () => this.index.resources.values(),
    };
    kube;
    kubeToken = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
    counts = {};
    faults;
    origin = '';
    hanging = new Set();
    timers = new Set();
    constructor(world, latencyMs, pageSize) {
        this.world = world;
        this.latencyMs = latencyMs;
        this.index = new WorldIndex(world);
        this.entra = new EntraService(this.index, this.mint);
        this.arm = new ArmService(this.index, pageSize);
        this.arm.userKubeconfig = (c) => this.userKubeconfig(c);
        this.graph = new GraphService(this.index, pageSize);
        this.registry = new RegistryService(this.index, this.mint, this.entra);
        // AKS with Entra ID names a service principal by its object id in Kubernetes RBAC.
        this.kube = new KubernetesService(world.kubernetes, {
            name: world.gate.objectId,
            groups: ['system:authenticated'],
        }, typeof world.now === 'string' ? new Date(world.now) : undefined);
        this.faults = world.faults.map((f) => ({
            fault: f,
            left: f.count ?? Infinity,
            re: f.path ? new RegExp(f.path) : undefined,
        }));
    }
    /** ARM's `/metadata/endpoints` cloud document (the shape of management.azure.com's, api-version 2022-09-01),
     *  naming the emulator for every endpoint, so `az cloud register --endpoint-resource-manager` can autodetect. */
    cloudMetadata(apiVersion) {
        const o = this.origin;
        // api-version 2015-01-01 (msrestazure, azure-cli's `az cloud register` autodetect) has the old flat shape;
        // 2019-05-01 and later list the clouds (an array of the document below).
        if (apiVersion && apiVersion < '2019') {
            return {
                galleryEndpoint: `${o}/`,
                graphEndpoint: `${o}/`,
                portalEndpoint: `${o}/`,
                authentication: { loginEndpoint: `${o}/`, audiences: [`${o}/`, o] },
            };
        }
        return [this.cloudDocument()];
    }
    cloudDocument() {
        const o = this.origin;
        const suffixes = acrSuffixes(this.index.registryHosts());
        return {
            portal: o,
            authentication: { loginEndpoint: o, audiences: [`${o}/`, o], tenant: 'common', identityProvider: 'AAD' },
            media: o,
            graphAudience: `${o}/`,
            graph: `${o}/`,
            name: 'SimulatedWorld',
            suffixes: {
                azureDataLakeStoreFileSystem: 'azuredatalakestore.net',
                acrLoginServer: suffixes[0].replace(/^\./, ''),
                sqlServerHostname: 'database.windows.net',
                azureDataLakeAnalyticsCatalogAndJob: 'azuredatalakeanalytics.net',
                keyVaultDns: 'vault.azure.net',
                storage: 'core.windows.net',
                azureFrontDoorEndpointSuffix: 'azurefd.net',
            },
            batch: o,
            resourceManager: `${o}/`,
            vmImageAliasDoc: `${o}/vmImageAliasDoc`,
            activeDirectoryDataLake: o,
            sqlManagement: o,
            gallery: o,
            microsoftGraphResourceId: `${o}/`,
        };
    }
    /**
     * The kubeconfig `listClusterUserCredential` returns, as AKS writes it: cluster and context named after the
     * cluster, user `clusterUser_<rg>_<name>`, server `https://<fqdn>:443` (a client reaches that name through the
     * emulator's proxy, HTTPS_PROXY) — or the emulator's origin for a cluster without an fqdn in the world.
     */
    userKubeconfig(cluster) {
        return JSON.stringify(clusterKubeconfig([cluster], this.origin, this.caPem, this.kubeToken));
    }
    caPem = '';
    kindOf(req, registryHost) {
        if (registryHost)
            return RegistryService.kindOf(req);
        const first = req.path.split('/')[1] ?? '';
        if (first === 'api' || first === 'apis' || first === 'version')
            return 'kubernetes';
        if (first === 'v1.0' || first === 'beta')
            return 'graph';
        if (['subscriptions', 'providers', 'tenants', 'metadata'].includes(lower(first)))
            return 'arm';
        return 'entra';
    }
    takeFault(req, kind, rawPath) {
        for (const f of this.faults) {
            if (f.left <= 0)
                continue;
            if (f.fault.host && f.fault.host !== req.host)
                continue;
            if (f.fault.kind && f.fault.kind !== kind)
                continue;
            if (f.re && !f.re.test(rawPath))
                continue;
            f.left -= 1;
            return f.fault;
        }
        return undefined;
    }
    faultReply(kind, fault, path) {
        const status = fault.status ?? 503;
        const headers = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
        const names = {
            429: 'TooManyRequests',
            500: 'InternalServerError',
            502: 'BadGateway',
            503: 'ServiceUnavailable',
            504: 'GatewayTimeout',
            403: 'AuthorizationFailed',
            401: 'Unauthorized',
            404: 'NotFound',
        };
        const name = names[status] ?? `Status${status}`;
        const message = `Simulated fault: ${name}.`;
        let reply;
        if (kind === 'arm')
            reply = armError(status, name, message);
        else if (kind === 'graph')
            reply = json(status, { error: { code: name, message } });
        else if (kind === 'kubernetes')
            reply = kubeFault(status, path);
        else if (kind === 'entra')
            reply = json(status, { error: 'temporarily_unavailable', error_description: message });
        else
            reply = registryError(status, status === 429
                ? 'TOOMANYREQUESTS'
                : status === 401
                    ? 'UNAUTHORIZED'
                    : status === 403
                        ? 'DENIED'
                        : 'UNAVAILABLE', message);
        reply.headers = { ...reply.headers, ...headers };
        return reply;
    }
    armCaller(req) {
        const token = bearer(req);
        const claims = token ? this.mint.verify(token) : undefined;
        if (!claims) {
            const challenge = {
                'www-authenticate': `Bearer authorization_uri="${this.origin}/${this.world.gate.tenantId}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
            };
            return token
                ? json(401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } }, challenge)
                : json(401, {
                    error: {
                        code: 'AuthenticationFailed',
                        message: "Authentication failed. The 'Authorization' header is missing.",
                    },
                }, challenge);
        }
        // ARM accepts its own audiences only (an ACR- or Graph-audience token is refused). Under the emulator the ARM
        // endpoint is the origin; the modular SDK clients ask for https://management.azure.com/.default unless given
        // `credentials.scopes`, and ARM accepts that audience too.
        const aud = lower(String(claims.aud ?? '')).replace(/\/$/, '');
        if (![lower(this.origin), 'https://management.azure.com', 'https://management.core.windows.net'].includes(aud)) {
            return json(401, {
                error: {
                    code: 'InvalidAuthenticationTokenAudience',
                    message: `The access token has been obtained for wrong audience or resource '${String(claims.aud)}'. It should exactly match with one of the allowed audiences '${this.origin}/','${this.origin}','https://management.azure.com/','https://management.core.windows.net/'.`,
                },
            });
        }
        const oid = String(claims.oid ?? '');
        const tenantId = typeof claims.tid === 'string' ? claims.tid : undefined;
        const gate = this.world.gate;
        if (lower(oid) === lower(gate.objectId)) {
            return { objectId: oid, tenantId, can: (action) => !gate.deniedActions.some((d) => actionMatches(d, action)) };
        }
        return { objectId: oid, tenantId, can: (action, scope) => this.index.hasAction(oid, scope, action) };
    }
    route(req) {
        const reg = this.index.registryForHost(req.host);
        if (reg) {
            const g = this.world.gate;
            if (g.sourceIp &&
                !gateAllowed(this.networkView, reg.arm, {
                    sourceIp: g.sourceIp,
                    ...(g.subnetId ? { subnetId: g.subnetId } : {}),
                }))
                return registryError(403, 'DENIED', firewallDeniedMessage(g.sourceIp));
            return this.registry.handle(req, reg);
        }
        const segs = req.path.split('/').filter(Boolean);
        const first = segs[0] ?? '';
        const kind = this.kindOf(req, false);
        if (kind === 'kubernetes')
            return this.kube.handle(req, this.kubeToken);
        if (lower(req.path) === '/metadata/endpoints')
            return json(200, this.cloudMetadata(req.query.get('api-version')));
        if (kind === 'graph') {
            const claims = this.mint.verify(bearer(req) ?? '');
            if (!claims)
                return json(401, {
                    error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty or invalid.' },
                });
            if (!this.world.gate.graph && lower(String(claims.oid)) === lower(this.world.gate.objectId))
                return graphDenied();
            return this.graph.handle(req, segs.map(decodeURIComponent));
        }
        if (kind === 'arm') {
            const caller = this.armCaller(req);
            return 'status' in caller ? caller : this.arm.handle(req, caller);
        }
        if (first) {
            const r = this.entra.handle(req, segs.map(decodeURIComponent));
            if (r)
                return r;
        }
        return json(404, {
            error: { code: 'NotFound', message: `The emulator does not serve ${req.method} ${req.path}.` },
        });
    }
    async serve(raw, res) {
        // Collapse repeated slashes: SDKs join `/{scope}` with a scope that starts with '/', and a leading '//' would
        // otherwise parse as a protocol-relative URL. ARM itself tolerates them.
        const url = new URL((raw.url ?? '/').replace(/\/{2,}/g, '/'), 'https://emulator.invalid');
        const hostHeader = String(raw.headers.host ?? '');
        const req = {
            method: raw.method ?? 'GET',
            host: lower(hostHeader.replace(/:\d+$/, '')),
            path: url.pathname,
            query: url.searchParams,
            headers: raw.headers,
            body: Buffer.alloc(0),
            origin: this.origin,
        };
        const registryHost = this.index.registryForHost(req.host) !== undefined;
        const kind = this.kindOf(req, registryHost);
        this.counts[kind] = (this.counts[kind] ?? 0) + 1;
        try {
            req.body = await readBody(raw);
        }
        catch {
            res.destroy();
            return;
        }
        if (this.latencyMs > 0)
            await sleep(this.latencyMs);
        const fault = this.takeFault(req, kind, `${url.pathname}${url.search}`);
        const mode = fault ? (fault.mode ?? 'status') : undefined;
        if (mode === 'reset') {
            raw.socket.destroy();
            return;
        }
        if (mode === 'hang') {
            this.hanging.add(res);
            res.on('close', () => this.hanging.delete(res));
            return;
        }
        let reply;
        try {
            reply = fault && mode === 'status' ? this.faultReply(kind, fault, req.path) : this.route(req);
        }
        catch (e) {
            // A bug in the emulator must surface as a 500 the test sees, not a hung request.
            reply = json(500, { error: { code: 'EmulatorError', message: e instanceof Error ? e.message : String(e) } });
        }
        let body = bodyBuffer(reply);
        const headers = { ...reply.headers };
        if (mode === 'truncate')
            body = body.subarray(0, Math.floor(body.length / 2));
        if (mode === 'wrong-content-type') {
            body = Buffer.from('<html><head><title>Proxy</title></head><body>Request blocked by proxy</body></html>');
            headers['content-type'] = 'text/html; charset=utf-8';
        }
        if (fault?.retryAfter !== undefined && mode !== 'status')
            headers['retry-after'] = String(fault.retryAfter);
        if (mode === 'slow') {
            res.writeHead(reply.status, headers);
            await this.trickle(res, req.method === 'HEAD' ? Buffer.alloc(0) : body);
            return;
        }
        headers['content-length'] = String(body.length);
        res.writeHead(reply.status, headers);
        res.end(req.method === 'HEAD' ? undefined : body);
    }
    /** Slow-loris reply: one byte every 200 ms, so a client without a deadline waits for minutes. */
    trickle(res, body) {
        return new Promise((resolve) => {
            let i = 0;
            const tick = () => {
                if (res.destroyed)
                    return resolve();
                if (i >= body.length) {
                    res.end();
                    return resolve();
                }
                res.write(body.subarray(i, i + 1));
                i += 1;
                const t = setTimeout(() => {
                    this.timers.delete(t);
                    tick();
                }, 200);
                this.timers.add(t);
            };
            tick();
        });
    }
    stop() {
        for (const t of this.timers)
            clearTimeout(t);
        this.timers.clear();
        for (const r of this.hanging)
            r.destroy();
        this.hanging.clear();
    }
}
/** Starts the emulator for a world on 127.0.0.1 (random port) and trusts its CA in this process. */
async function startEmulator(world, opts = {}) {
    const state = new EmulatorServer(world, opts.latencyMs ?? world.latencyMs, opts.pageSize ?? DEFAULT_PAGE_SIZE);
    const hosts = state.index.registryHosts();
    const clusters = world.azure.resources.filter((r) => lower(r.type ?? '') === 'microsoft.containerservice/managedclusters');
    const clusterHosts = [...new Set(clusters.map(clusterHost).filter((h) => h !== undefined))];
    const { caPem, key, cert } = await makeCertificates([...hosts, ...clusterHosts, ...(opts.extraCertHosts ?? [])]);
    const sockets = new Set();
    const server = (0,external_node_https_.createServer)({ key, cert }, (req, res) => {
        state.serve(req, res).catch(() => res.destroy());
    });
    server.on('connection', (s) => {
        // Without this, Nagle's algorithm holds small replies back for a delayed ACK (~15 ms per HEAD).
        s.setNoDelay(true);
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
    });
    // TLS handshakes that fail (a client that does not trust the CA) must not crash the process.
    server.on('tlsClientError', () => undefined);
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        // A deep backlog: a burst of concurrent clients (undici opens a connection per request beyond keep-alive)
        // must queue, not be reset.
        server.listen({ port: opts.port ?? 0, host: '127.0.0.1', backlog: 4096 }, () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const origin = `https://127.0.0.1:${port}`;
    state.origin = origin;
    state.caPem = caPem;
    trustedExtra.add(caPem);
    applyTrust();
    const proxy = await (0,tunnel/* startTunnelProxy */.l)(port, [...hosts, ...clusterHosts, ...(opts.extraCertHosts ?? [])]);
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aks-pull-gate-sim-'));
    const kubeconfigPath = (0,external_node_path_.join)(dir, 'kubeconfig');
    // The gate's kubeconfig names the clusters' API servers by their fqdn (so the gate's kubeconfig-to-cluster tie is
    // exercised under --simulate too), reached through the proxy; a world without clusters gets the origin.
    const kubeconfig = clusters.length > 0
        ? clusterKubeconfig(clusters, origin, caPem, state.kubeToken, proxy.url)
        : clusterKubeconfig([{ id: '/simulated', name: 'simulated' }], origin, caPem, state.kubeToken);
    await (0,promises_.writeFile)(kubeconfigPath, JSON.stringify(kubeconfig, null, 2), { mode: 0o600 });
    const hostSet = new Set(hosts);
    // One SecureContext for every connection: building it per connection re-parses ~150 root certificates each time
    // (22 s of 41 s CPU at 500 images in the benchmark) and holds ~1 MB of native memory per connection until GC.
    const connector = (0,undici.buildConnector)({
        secureContext: external_node_tls_.createSecureContext({ ca: [...external_node_tls_.getCACertificates('default')] }),
    });
    const agent = new undici.Agent({
        // As many connections per origin as the gate's own registry transport opens (EmulatorOptions).
        connections: opts.connectionsPerOrigin ?? 64,
        connect: (o, cb) => {
            const h = lower(o.hostname);
            const onDefaultPort = !o.port || o.port === '443';
            if (hostSet.has(h) && onDefaultPort) {
                connector({ ...o, hostname: '127.0.0.1', host: `127.0.0.1:${port}`, port: String(port), servername: h }, cb);
            }
            else if (h === '127.0.0.1' || h === 'localhost' || h === '[::1]') {
                connector(o, cb);
            }
            else {
                // The simulated world is closed: a host it does not know does not resolve (fast, deterministic, offline).
                const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${h}`), {
                    code: 'ENOTFOUND',
                    hostname: h,
                    syscall: 'getaddrinfo',
                });
                cb(err, null);
            }
        },
    });
    const simFetch = ((input, init) => (0,undici.fetch)(input, {
        ...init,
        dispatcher: agent,
    }));
    let closed = false;
    return {
        endpoints: {
            name: 'Simulated',
            authorityHost: origin,
            resourceManager: origin,
            graph: origin,
            acrSuffixes: acrSuffixes(hosts),
            acrScope: ACR_SCOPE,
        },
        caPem,
        fetch: simFetch,
        request: (url, init) => (0,undici.request)(url, { ...init, dispatcher: agent }),
        kubeconfigPath,
        port,
        registryHosts: hosts,
        clusterHosts,
        proxyUrl: proxy.url,
        gate: {
            tenantId: world.gate.tenantId,
            clientId: world.gate.clientId,
            clientSecret: world.gate.clientSecret,
            objectId: world.gate.objectId,
        },
        requestCounts: () => ({ ...state.counts }),
        close: async () => {
            if (closed)
                return;
            closed = true;
            state.stop();
            await proxy.close();
            // destroy, not close: close() would wait for a hung or trickling reply to finish.
            await agent.destroy().catch(() => undefined);
            await new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
                for (const s of sockets)
                    s.destroy();
            });
            await (0,promises_.rm)(dir, { recursive: true, force: true });
            trustedExtra.delete(caPem);
            applyTrust();
        },
    };
}


/***/ }),

/***/ 8510:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ startTunnelProxy)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
// A loopback CONNECT proxy in front of the emulator, so real names resolve to it without /etc/hosts.


/**
 * The emulator's loopback CONNECT proxy: it tunnels the world's names (registry hosts, the clusters' API server
 * FQDNs, and under `simulate serve` MSAL's instance-discovery host) to the emulator's port and refuses every other
 * host (403), so a client on this machine reaches `<registry>.azurecr.io` or `<cluster>.hcp.<region>.azmk8s.io`
 * without /etc/hosts (as HTTPS_PROXY, or as a kubeconfig's `proxy-url`), and nothing leaves the machine.
 */
async function startTunnelProxy(port, hosts) {
    const allowed = new Set(hosts.map((h) => h.toLowerCase()));
    const sockets = new Set();
    const server = (0,node_http__WEBPACK_IMPORTED_MODULE_0__.createServer)((_req, res) => {
        res.writeHead(405, { 'content-type': 'text/plain' }).end('CONNECT only\n');
    });
    server.on('connect', (req, client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => undefined);
        const [host = '', p = '443'] = (req.url ?? '').toLowerCase().split(':');
        if (!allowed.has(host) || (p !== '443' && p !== String(port))) {
            client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
            return;
        }
        const upstream = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)(port, '127.0.0.1', () => {
            client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
            upstream.pipe(client);
            client.pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => client.destroy());
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
    });
    const a = server.address();
    const url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
    return {
        url,
        close: () => new Promise((resolve) => {
            for (const s of sockets)
                s.destroy();
            server.close(() => resolve());
        }),
    };
}


/***/ }),

/***/ 85418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pT: () => (/* binding */ loadWorld)
/* harmony export */ });
/* unused harmony exports DEFAULT_GATE, parseWorld */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33243);
/* harmony import */ var _settings_config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(69551);
// The simulated world: its typed shape (DESIGN.md "Simulated world" plus the extensions in ./README.md), the YAML/JSON
// loader, and the validation that turns a malformed world into one ConfigurationError line instead of a crash later.




const DEFAULT_GATE = {
    clientId: '0e5d6c07-9a3b-4d7e-8f51-6a2b3c4d5e6f',
    clientSecret: 'simulated-gate-secret',
    objectId: '7a1f0c52-3e4b-4c8d-9f6a-1b2c3d4e5f60',
    graph: true,
};
const DEFAULT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const MAX_WORLD_BYTES = 20 * 1024 * 1024;
const FAULT_MODES = new Set(['status', 'reset', 'hang', 'slow', 'truncate', 'wrong-content-type']);
function isObj(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
class WorldShapeError extends Error {
}
function fail(where, what) {
    throw new WorldShapeError(`${where}: ${what}`);
}
function obj(v, where) {
    if (v === undefined || v === null)
        return {};
    if (!isObj(v))
        fail(where, 'must be a mapping');
    return v;
}
function arr(v, where) {
    if (v === undefined || v === null)
        return [];
    if (!Array.isArray(v))
        fail(where, 'must be a list');
    return v;
}
function str(v, where) {
    if (typeof v !== 'string' || v === '')
        fail(where, 'must be a non-empty string');
    return v;
}
function optStr(v, where) {
    return v === undefined || v === null ? undefined : str(v, where);
}
function strList(v, where) {
    return arr(v, where).map((s, i) => str(s, `${where}[${i}]`));
}
function parseResources(v) {
    return arr(v, 'azure.resources').map((r, i) => {
        const o = obj(r, `azure.resources[${i}]`);
        const id = str(o.id, `azure.resources[${i}].id`);
        if (!id.startsWith('/'))
            fail(`azure.resources[${i}].id`, `must be an ARM resource id starting with "/" (got "${id}")`);
        if (o.properties !== undefined && !isObj(o.properties))
            fail(`azure.resources[${i}].properties`, 'must be a mapping');
        return { ...o, id };
    });
}
const MG_ID = /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i;
function parseManagementGroups(v) {
    const groups = arr(v, 'azure.managementGroups').map((g, i) => {
        const where = `azure.managementGroups[${i}]`;
        const o = obj(g, where);
        const id = str(o.id, `${where}.id`);
        if (!MG_ID.test(id))
            fail(`${where}.id`, `must be /providers/Microsoft.Management/managementGroups/<name> (got "${id}")`);
        const parent = optStr(o.parent, `${where}.parent`);
        const out = { id, subscriptions: strList(o.subscriptions, `${where}.subscriptions`) };
        if (parent !== undefined)
            out.parent = parent;
        return out;
    });
    const ids = new Set(groups.map((g) => g.id.toLowerCase()));
    groups.forEach((g, i) => {
        if (g.parent !== undefined && !ids.has(g.parent.toLowerCase()))
            fail(`azure.managementGroups[${i}].parent`, `names no management group of the world ("${g.parent}")`);
    });
    return groups;
}
function parseRegistryCredentials(v) {
    const out = {};
    for (const [id, c] of Object.entries(obj(v, 'azure.registryCredentials'))) {
        const where = `azure.registryCredentials["${id}"]`;
        const o = obj(c, where);
        out[id] = {
            username: str(o.username, `${where}.username`),
            passwords: arr(o.passwords, `${where}.passwords`).map((p, i) => {
                const po = obj(p, `${where}.passwords[${i}]`);
                return {
                    name: str(po.name, `${where}.passwords[${i}].name`),
                    value: str(po.value, `${where}.passwords[${i}].value`),
                };
            }),
        };
    }
    return out;
}
function parseTokenPasswords(v) {
    const out = {};
    for (const [id, list] of Object.entries(obj(v, 'azure.tokenPasswords'))) {
        const where = `azure.tokenPasswords["${id}"]`;
        out[id] = arr(list, where).map((p, i) => {
            const o = obj(p, `${where}[${i}]`);
            const tp = {
                name: str(o.name, `${where}[${i}].name`),
                value: str(o.value, `${where}[${i}].value`),
            };
            const expiry = optStr(o.expiry, `${where}[${i}].expiry`);
            if (expiry !== undefined)
                tp.expiry = expiry;
            return tp;
        });
    }
    return out;
}
function parseGraph(v) {
    const g = obj(v, 'graph');
    const applications = arr(g.applications, 'graph.applications').map((a, i) => {
        const o = obj(a, `graph.applications[${i}]`);
        str(o.id, `graph.applications[${i}].id`);
        str(o.appId, `graph.applications[${i}].appId`);
        arr(o.passwordCredentials, `graph.applications[${i}].passwordCredentials`);
        return o;
    });
    const servicePrincipals = arr(g.servicePrincipals, 'graph.servicePrincipals').map((a, i) => {
        const o = obj(a, `graph.servicePrincipals[${i}]`);
        str(o.id, `graph.servicePrincipals[${i}].id`);
        str(o.appId, `graph.servicePrincipals[${i}].appId`);
        return o;
    });
    const secrets = {};
    for (const [appId, list] of Object.entries(obj(g.secrets, 'graph.secrets'))) {
        secrets[appId] = strList(list, `graph.secrets["${appId}"]`);
    }
    const groupMembers = {};
    for (const [gid, list] of Object.entries(obj(g.groupMembers, 'graph.groupMembers'))) {
        groupMembers[gid] = strList(list, `graph.groupMembers["${gid}"]`);
    }
    const directoryObjects = arr(g.directoryObjects, 'graph.directoryObjects').map((d, i) => {
        const o = obj(d, `graph.directoryObjects[${i}]`);
        str(o.id, `graph.directoryObjects[${i}].id`);
        return o;
    });
    return { applications, servicePrincipals, secrets, groupMembers, directoryObjects };
}
const BOOL_ATTRS = ['readEnabled', 'writeEnabled', 'deleteEnabled', 'listEnabled'];
const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;
function digestOf(algorithm, data) {
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(data).digest('hex')}`;
}
/** A raw manifest body: JSON text whose hash is its digest. */
function manifestBody(v, digest, where) {
    if (typeof v !== 'string' || v === '')
        fail(`${where}.body`, 'must be the manifest JSON as a string');
    try {
        const parsed = JSON.parse(v);
        if (!isObj(parsed))
            throw new Error('not an object');
    }
    catch {
        fail(`${where}.body`, 'is not a JSON object');
    }
    const actual = digestOf(digest.slice(0, digest.indexOf(':')), v);
    if (actual !== digest)
        fail(`${where}.body`, `hashes to ${actual}, not to its digest ${digest}`);
    return v;
}
function blobBytes(b) {
    return b.base64 !== undefined ? Buffer.from(b.base64, 'base64') : Buffer.from(b.content ?? '', 'utf8');
}
function parseBlobs(v, where) {
    const out = {};
    for (const [digest, b] of Object.entries(obj(v, where))) {
        const bw = `${where}["${digest}"]`;
        if (!DIGEST.test(digest))
            fail(bw, 'the key must be a digest like sha256:<64 hex>');
        const blob = {};
        if (typeof b === 'string')
            blob.content = b;
        else {
            const bo = obj(b, bw);
            if ((bo.content === undefined) === (bo.base64 === undefined))
                fail(bw, 'needs one of content or base64');
            if (bo.content !== undefined) {
                if (typeof bo.content !== 'string')
                    fail(`${bw}.content`, 'must be a string');
                blob.content = bo.content;
            }
            if (bo.base64 !== undefined) {
                blob.base64 = str(bo.base64, `${bw}.base64`);
                if (!/^[A-Za-z0-9+/]*={0,2}$/.test(blob.base64.replace(/\s+/g, '')))
                    fail(`${bw}.base64`, 'is not base64');
            }
            const mt = optStr(bo.mediaType, `${bw}.mediaType`);
            if (mt)
                blob.mediaType = mt;
        }
        const actual = digestOf(digest.slice(0, digest.indexOf(':')), blobBytes(blob));
        if (actual !== digest)
            fail(bw, `hashes to ${actual}, not to its digest ${digest}`);
        out[digest] = blob;
    }
    return out;
}
/**
 * What a registry checks at push: an index's children are manifests of the repository (with their own bodies, of the
 * size the index says), and a blob the world gives has the size its descriptor says. Blobs the world leaves out are
 * allowed (a recorded world rarely carries layers): the registry answers them BLOB_UNKNOWN.
 */
function checkReferences(manifests, blobs, rw) {
    for (const [digest, m] of Object.entries(manifests)) {
        if (m.body === undefined)
            continue;
        const where = `${rw}.manifests["${digest}"].body`;
        const doc = JSON.parse(m.body);
        for (const c of Array.isArray(doc.manifests) ? doc.manifests : []) {
            const child = typeof c.digest === 'string' ? manifests[c.digest] : undefined;
            if (!child?.body)
                fail(where, `names child manifest ${String(c.digest)}, which the repository does not hold with a body`);
            if (Buffer.byteLength(child.body) !== c.size)
                fail(where, `gives child ${String(c.digest)} size ${String(c.size)}; its body is ${Buffer.byteLength(child.body)} bytes`);
        }
        for (const d of [...(doc.config ? [doc.config] : []), ...(Array.isArray(doc.layers) ? doc.layers : [])]) {
            const blob = typeof d.digest === 'string' ? blobs[d.digest] : undefined;
            if (blob && blobBytes(blob).length !== d.size)
                fail(where, `gives blob ${String(d.digest)} size ${String(d.size)}; the world's blob is ${blobBytes(blob).length} bytes`);
        }
    }
}
function parseRegistries(v) {
    const out = {};
    for (const [host, r] of Object.entries(obj(v, 'registries'))) {
        const where = `registries["${host}"]`;
        if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host))
            fail(where, 'the key must be a registry host name like prodacr.azurecr.io');
        const ro = obj(r, where);
        const repositories = {};
        for (const [name, repo] of Object.entries(obj(ro.repositories, `${where}.repositories`))) {
            const rw = `${where}.repositories["${name}"]`;
            const o = obj(repo, rw);
            const tags = {};
            for (const [tag, t] of Object.entries(obj(o.tags, `${rw}.tags`))) {
                if (typeof t === 'string') {
                    tags[tag] = str(t, `${rw}.tags["${tag}"]`);
                }
                else {
                    const to = obj(t, `${rw}.tags["${tag}"]`);
                    const entry = { digest: str(to.digest, `${rw}.tags["${tag}"].digest`) };
                    for (const k of BOOL_ATTRS)
                        if (typeof to[k] === 'boolean')
                            entry[k] = to[k];
                    for (const k of ['createdTime', 'lastUpdateTime']) {
                        const v = to[k];
                        if (v === undefined)
                            continue;
                        const d = v instanceof Date ? v : new Date(str(v, `${rw}.tags["${tag}"].${k}`));
                        if (Number.isNaN(d.getTime()))
                            fail(`${rw}.tags["${tag}"].${k}`, 'must be an ISO 8601 time like 2026-11-21T00:00:00Z');
                        // Kept as written (ACR writes 7 fractional digits); a YAML timestamp becomes ISO.
                        entry[k] = typeof v === 'string' ? v : d.toISOString();
                    }
                    tags[tag] = entry;
                }
            }
            const manifests = {};
            for (const [digest, m] of Object.entries(obj(o.manifests, `${rw}.manifests`))) {
                const mw = `${rw}.manifests["${digest}"]`;
                if (!/^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/.test(digest))
                    fail(mw, 'the key must be a digest like sha256:<64 hex>');
                const mo = obj(m, mw);
                const wm = {};
                if (mo.platforms !== undefined)
                    wm.platforms = strList(mo.platforms, `${mw}.platforms`);
                for (const k of BOOL_ATTRS)
                    if (typeof mo[k] === 'boolean')
                        wm[k] = mo[k];
                if (mo.quarantineState !== undefined)
                    wm.quarantineState = mo.quarantineState === null ? null : str(mo.quarantineState, `${mw}.quarantineState`);
                const mt = optStr(mo.mediaType, `${mw}.mediaType`);
                if (mt)
                    wm.mediaType = mt;
                if (mo.deleted === true)
                    wm.deleted = true;
                if (mo.body !== undefined)
                    wm.body = manifestBody(mo.body, digest, mw);
                manifests[digest] = wm;
            }
            const blobs = parseBlobs(o.blobs, `${rw}.blobs`);
            for (const [tag, t] of Object.entries(tags)) {
                const d = typeof t === 'string' ? t : t.digest;
                if (!/^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/.test(d))
                    fail(`${rw}.tags["${tag}"]`, `must be a digest like sha256:<64 hex> (got "${d}")`);
                // A tag pointing at a digest the world does not describe still resolves (as a linux/amd64 image).
                manifests[d] ??= {};
            }
            checkReferences(manifests, blobs, rw);
            const wr = { tags, manifests };
            if (Object.keys(blobs).length > 0)
                wr.blobs = blobs;
            if (o.changeableAttributes !== undefined) {
                const co = obj(o.changeableAttributes, `${rw}.changeableAttributes`);
                const ch = {};
                for (const k of BOOL_ATTRS)
                    if (typeof co[k] === 'boolean')
                        ch[k] = co[k];
                wr.changeableAttributes = ch;
            }
            repositories[name] = wr;
        }
        const reg = { repositories };
        if (typeof ro.anonymousPull === 'boolean')
            reg.anonymousPull = ro.anonymousPull;
        if (ro.accessClaimKeys !== undefined) {
            if (ro.accessClaimKeys !== 'lowercase' && ro.accessClaimKeys !== 'capitalized')
                fail(`registries["${host}"].accessClaimKeys`, `must be lowercase or capitalized (got ${JSON.stringify(ro.accessClaimKeys)})`);
            reg.accessClaimKeys = ro.accessClaimKeys;
        }
        out[host.toLowerCase()] = reg;
    }
    return out;
}
function parseFaults(v) {
    return arr(v, 'faults').map((f, i) => {
        const where = `faults[${i}]`;
        const o = obj(f, where);
        const fault = {};
        const host = optStr(o.host, `${where}.host`);
        if (host)
            fault.host = host.toLowerCase();
        const path = optStr(o.path, `${where}.path`);
        if (path) {
            try {
                new RegExp(path);
            }
            catch {
                fail(`${where}.path`, `is not a valid regular expression ("${path}")`);
            }
            fault.path = path;
        }
        const kind = optStr(o.kind, `${where}.kind`);
        if (kind)
            fault.kind = kind;
        for (const k of ['status', 'retryAfter', 'count']) {
            if (o[k] !== undefined) {
                if (typeof o[k] !== 'number' || !Number.isFinite(o[k]) || o[k] < 0)
                    fail(`${where}.${k}`, 'must be a number of 0 or more');
                fault[k] = o[k];
            }
        }
        if (o.mode !== undefined) {
            if (typeof o.mode !== 'string' || !FAULT_MODES.has(o.mode)) {
                fail(`${where}.mode`, `must be one of ${[...FAULT_MODES].join(', ')}`);
            }
            fault.mode = o.mode;
        }
        return fault;
    });
}
function parseGate(v, subscriptions) {
    const g = obj(v, 'gate');
    if (g.graph !== undefined && typeof g.graph !== 'boolean')
        fail('gate.graph', 'must be true or false');
    return {
        tenantId: optStr(g.tenantId, 'gate.tenantId') ?? subscriptions.find((s) => s.tenantId)?.tenantId ?? DEFAULT_TENANT,
        clientId: optStr(g.clientId, 'gate.clientId') ?? DEFAULT_GATE.clientId,
        clientSecret: optStr(g.clientSecret, 'gate.clientSecret') ?? DEFAULT_GATE.clientSecret,
        objectId: optStr(g.objectId, 'gate.objectId') ?? DEFAULT_GATE.objectId,
        deniedActions: strList(g.deniedActions, 'gate.deniedActions'),
        graph: g.graph === undefined ? DEFAULT_GATE.graph : g.graph,
        ...gateNetwork(g),
    };
}
function gateNetwork(g) {
    const sourceIp = optStr(g.sourceIp, 'gate.sourceIp');
    const subnetId = optStr(g.subnetId, 'gate.subnetId');
    if (sourceIp !== undefined && !/^\d{1,3}(\.\d{1,3}){3}$/.test(sourceIp))
        fail('gate.sourceIp', `must be an IPv4 address like 203.0.113.10 (got "${sourceIp}")`);
    if (subnetId !== undefined && !/\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(subnetId))
        fail('gate.subnetId', `must be a subnet resource id ending in /virtualNetworks/<vnet>/subnets/<subnet> (got "${subnetId}")`);
    if (subnetId !== undefined && sourceIp === undefined)
        fail('gate.subnetId', 'needs gate.sourceIp as well');
    return { ...(sourceIp ? { sourceIp } : {}), ...(subnetId ? { subnetId } : {}) };
}
function buildWorld(doc, source) {
    const root = obj(doc, 'world');
    if (root.kind !== undefined && root.kind !== 'World')
        fail('kind', `must be World (got "${String(root.kind)}")`);
    if (root.apiVersion !== undefined && root.apiVersion !== 'aks-pull-gate/v1') {
        fail('apiVersion', `must be aks-pull-gate/v1 (got "${String(root.apiVersion)}")`);
    }
    let now = new Date().toISOString();
    if (root.now !== undefined) {
        // YAML turns an unquoted timestamp into a Date; accept both.
        const d = root.now instanceof Date ? root.now : new Date(str(root.now, 'now'));
        if (Number.isNaN(d.getTime()))
            fail('now', `must be an ISO 8601 time like 2026-11-21T00:00:00Z (got "${String(root.now)}")`);
        now = d.toISOString();
    }
    const azure = obj(root.azure, 'azure');
    const subscriptions = arr(azure.subscriptions, 'azure.subscriptions').map((s, i) => {
        const o = obj(s, `azure.subscriptions[${i}]`);
        str(o.subscriptionId, `azure.subscriptions[${i}].subscriptionId`);
        return o;
    });
    const latency = root.latencyMs;
    if (latency !== undefined && (typeof latency !== 'number' || latency < 0))
        fail('latencyMs', 'must be a number of 0 or more');
    return {
        apiVersion: 'aks-pull-gate/v1',
        kind: 'World',
        now,
        azure: {
            subscriptions,
            resources: parseResources(azure.resources),
            registryCredentials: parseRegistryCredentials(azure.registryCredentials),
            tokenPasswords: parseTokenPasswords(azure.tokenPasswords),
            managementGroups: parseManagementGroups(azure.managementGroups),
        },
        graph: parseGraph(root.graph),
        registries: parseRegistries(root.registries),
        kubernetes: arr(root.kubernetes, 'kubernetes').map((k, i) => {
            const o = obj(k, `kubernetes[${i}]`);
            str(o.kind, `kubernetes[${i}].kind`);
            const md = obj(o.metadata, `kubernetes[${i}].metadata`);
            str(md.name, `kubernetes[${i}].metadata.name`);
            return o;
        }),
        gate: parseGate(root.gate, subscriptions),
        faults: parseFaults(root.faults),
        latencyMs: typeof latency === 'number' ? latency : 0,
        source,
    };
}
/** Nodes a world may expand to once its aliases are followed: far above any real world, far below a bomb's. */
const MAX_WORLD_NODES = 2_000_000;
/** Counts the nodes of `doc` as a walk that follows aliases would meet them, and throws past `budget`. */
function expandedWithin(doc, budget) {
    let seen = 0;
    const stack = [doc];
    while (stack.length > 0) {
        const v = stack.pop();
        if (++seen > budget)
            throw new Error(`the document expands to more than ${budget} nodes (aliases of aliases?)`);
        if (Array.isArray(v))
            for (const x of v)
                stack.push(x);
        else if (v !== null && typeof v === 'object')
            for (const x of Object.values(v))
                stack.push(x);
    }
}
/** Parses a world from YAML (or JSON, which is YAML). Throws ConfigurationError with a one-line message. */
function parseWorld(text, source = 'world') {
    let doc;
    try {
        // js-yaml's core schema (YAML 1.2, no timestamps, no merge keys), as `yaml` read it: the same values, in a tenth
        // of the time (8-17 ms against 110 ms for the benchmark's 210 KB world). Aliases share one object; the walk
        // below refuses a document that would expand past its budget (an alias bomb) before anything walks it fully.
        doc = (0,js_yaml__WEBPACK_IMPORTED_MODULE_2__/* .load */ .Hh)(text, { schema: js_yaml__WEBPACK_IMPORTED_MODULE_2__/* .CORE_SCHEMA */ .OU });
        expandedWithin(doc, MAX_WORLD_NODES);
    }
    catch (e) {
        const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
        throw new _settings_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`simulate: ${source} is not valid YAML or JSON: ${msg}`);
    }
    try {
        return buildWorld(doc, source);
    }
    catch (e) {
        if (e instanceof WorldShapeError)
            throw new _settings_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`simulate: ${source}: ${e.message}`);
        throw e;
    }
}
/** Reads and parses a world file. A missing, oversized or malformed file is a ConfigurationError. */
async function loadWorld(path) {
    let size;
    try {
        size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).size;
    }
    catch {
        throw new _settings_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`simulate: world file ${path} does not exist or cannot be read`);
    }
    if (size > MAX_WORLD_BYTES) {
        throw new _settings_config_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`simulate: world file ${path} is larger than ${MAX_WORLD_BYTES / 1024 / 1024} MB`);
    }
    const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(path, 'utf8');
    return parseWorld(text, path);
}


/***/ })

};
