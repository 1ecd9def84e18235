// The simulated world: its typed shape (DESIGN.md "Simulated world" plus the extensions in ./README.md), the YAML/JSON
// loader, and the validation that turns a malformed world into one ConfigurationError line instead of a crash later.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { ConfigurationError } from '../settings/config.js';

/** An ARM resource body as GET returns it. Only `id` is required; everything else is served verbatim. */
export interface ArmResource {
  id: string;
  name?: string;
  type?: string;
  location?: string;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface WorldSubscription {
  subscriptionId: string;
  tenantId?: string;
  displayName?: string;
  state?: string;
  [key: string]: unknown;
}

export interface RegistryCredential {
  username: string;
  passwords: { name: string; value: string }[];
}

/** A scoped token's secret value; `expiry` (ISO) mirrors the ARM token's `credentials.passwords[].expiry`. */
export interface TokenPassword {
  name: string;
  value: string;
  expiry?: string;
}

export interface GraphApplication {
  id: string;
  appId: string;
  displayName?: string;
  passwordCredentials?: { keyId?: string; hint?: string; startDateTime?: string; endDateTime?: string | null }[];
  [key: string]: unknown;
}

export interface GraphServicePrincipal {
  id: string;
  appId: string;
  displayName?: string;
  appOwnerOrganizationId?: string;
  [key: string]: unknown;
}

export interface WorldGraph {
  applications: GraphApplication[];
  servicePrincipals: GraphServicePrincipal[];
  secrets: Record<string, string[]>;
  groupMembers: Record<string, string[]>;
  /** Extension: other directory objects (users, groups, managed identities) served under /directoryObjects/{id}. */
  directoryObjects: Record<string, unknown>[];
}

/** A tag points at a digest; the object form adds the tag's changeable attributes (extension). */
export type WorldTag =
  | string
  | {
      digest: string;
      readEnabled?: boolean;
      writeEnabled?: boolean;
      deleteEnabled?: boolean;
      listEnabled?: boolean;
      /** ISO times `/acr/v1/<repo>/_tags` reports (default: distinct days before `now`, the first tag listed oldest). */
      createdTime?: string;
      lastUpdateTime?: string;
    };

export interface WorldManifest {
  /** `os/arch[/variant]`; more than one makes the digest an OCI image index. */
  platforms?: string[];
  readEnabled?: boolean;
  writeEnabled?: boolean;
  deleteEnabled?: boolean;
  listEnabled?: boolean;
  quarantineState?: string | null;
  /** Override the synthesized media type (e.g. a Docker manifest list). */
  mediaType?: string;
  /** The manifest was deleted while a tag still names it (the tag stays listed; the manifest answers 404). */
  deleted?: boolean;
  /**
   * The manifest's exact bytes (JSON), as a recorder writes them: its sha256 must be the world's digest (checked at
   * load), and the registry serves exactly these bytes. Without it the body is synthesized from `platforms` and does
   * not hash to the world's digest (the digest stays authoritative as a name).
   */
  body?: string;
}

/** A blob a repository serves (`/v2/<repo>/blobs/<digest>`): text (`content`) or bytes (`base64`). */
export interface WorldBlob {
  content?: string;
  base64?: string;
  mediaType?: string;
}

export interface WorldRepository {
  tags: Record<string, WorldTag>;
  manifests: Record<string, WorldManifest>;
  /** Config and layer blobs by digest (their sha256 is checked at load). */
  blobs?: Record<string, WorldBlob>;
  /** The repository's own lock, as `/acr/v1/<repo>` returns it (`readEnabled: false` refuses every pull). */
  changeableAttributes?: {
    readEnabled?: boolean;
    writeEnabled?: boolean;
    deleteEnabled?: boolean;
    listEnabled?: boolean;
  };
}

export interface WorldRegistry {
  repositories: Record<string, WorldRepository>;
  /** Extension: pulls without credentials succeed (a public registry, or ACR with anonymous pull). */
  anonymousPull?: boolean;
  /**
   * Extension: the key casing of the `access` claim in the tokens this registry issues to credentials (scoped tokens,
   * admin, service principals, Entra exchange). Real ACR writes `Type`/`Name`/`Actions` in its anonymous tokens
   * (recording acr-anonymous-token-for-delete-scope-200; the emulator always does for those); the casing of the other
   * kinds is an open question (FIDELITY.md), so a world may choose either: `lowercase` (the distribution spec's, the
   * default) or `capitalized`.
   */
  accessClaimKeys?: 'lowercase' | 'capitalized';
}

export interface GateIdentity {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  objectId: string;
  /** ARM actions (and `.../registries/pull/read`) the gate's identity is refused. */
  deniedActions: string[];
  /** false: Graph answers 403 Authorization_RequestDenied. */
  graph: boolean;
  /** The public IP the gate's runner egresses from; when absent, registries' network rules do not apply to the gate. */
  sourceIp?: string;
  /** A self-hosted runner's subnet (virtualNetworkRules, private endpoints reachable from its VNet). */
  subnetId?: string;
}

export type FaultMode = 'status' | 'reset' | 'hang' | 'slow' | 'truncate' | 'wrong-content-type';

export interface Fault {
  host?: string;
  /** Regular expression matched against the request path (with query). */
  path?: string;
  /** Request kind as counted by requestCounts() (arm, entra, graph, registry-token, manifest-head, ...). */
  kind?: string;
  status?: number;
  retryAfter?: number;
  /** How many matching requests fail; then the fault is spent. Unlimited when absent. */
  count?: number;
  mode?: FaultMode;
}

/** A management group: its id, its parent (absent for the root) and the subscriptions directly in it. */
export interface WorldManagementGroup {
  id: string;
  parent?: string;
  subscriptions: string[];
}

export interface World {
  apiVersion: string;
  kind: 'World';
  now: string;
  azure: {
    subscriptions: WorldSubscription[];
    resources: ArmResource[];
    registryCredentials: Record<string, RegistryCredential>;
    tokenPasswords: Record<string, TokenPassword[]>;
    /** Management-group ancestry of subscriptions: role assignments at a group cover everything below it. */
    managementGroups: WorldManagementGroup[];
  };
  graph: WorldGraph;
  registries: Record<string, WorldRegistry>;
  kubernetes: Record<string, unknown>[];
  gate: GateIdentity;
  faults: Fault[];
  latencyMs: number;
  /** Where the world came from, for messages. */
  source: string;
}

export const DEFAULT_GATE: Readonly<Omit<GateIdentity, 'tenantId' | 'deniedActions'>> = {
  clientId: '0e5d6c07-9a3b-4d7e-8f51-6a2b3c4d5e6f',
  clientSecret: 'simulated-gate-secret',
  objectId: '7a1f0c52-3e4b-4c8d-9f6a-1b2c3d4e5f60',
  graph: true,
};
const DEFAULT_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

const MAX_WORLD_BYTES = 20 * 1024 * 1024;
const FAULT_MODES = new Set<FaultMode>(['status', 'reset', 'hang', 'slow', 'truncate', 'wrong-content-type']);

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class WorldShapeError extends Error {}

function fail(where: string, what: string): never {
  throw new WorldShapeError(`${where}: ${what}`);
}

function obj(v: unknown, where: string): Obj {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) fail(where, 'must be a mapping');
  return v;
}

function arr(v: unknown, where: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(where, 'must be a list');
  return v;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string' || v === '') fail(where, 'must be a non-empty string');
  return v;
}

function optStr(v: unknown, where: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, where);
}

function strList(v: unknown, where: string): string[] {
  return arr(v, where).map((s, i) => str(s, `${where}[${i}]`));
}

function parseResources(v: unknown): ArmResource[] {
  return arr(v, 'azure.resources').map((r, i) => {
    const o = obj(r, `azure.resources[${i}]`);
    const id = str(o.id, `azure.resources[${i}].id`);
    if (!id.startsWith('/'))
      fail(`azure.resources[${i}].id`, `must be an ARM resource id starting with "/" (got "${id}")`);
    if (o.properties !== undefined && !isObj(o.properties))
      fail(`azure.resources[${i}].properties`, 'must be a mapping');
    return { ...o, id } as ArmResource;
  });
}

const MG_ID = /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/i;

function parseManagementGroups(v: unknown): WorldManagementGroup[] {
  const groups = arr(v, 'azure.managementGroups').map((g, i) => {
    const where = `azure.managementGroups[${i}]`;
    const o = obj(g, where);
    const id = str(o.id, `${where}.id`);
    if (!MG_ID.test(id))
      fail(`${where}.id`, `must be /providers/Microsoft.Management/managementGroups/<name> (got "${id}")`);
    const parent = optStr(o.parent, `${where}.parent`);
    const out: WorldManagementGroup = { id, subscriptions: strList(o.subscriptions, `${where}.subscriptions`) };
    if (parent !== undefined) out.parent = parent;
    return out;
  });
  const ids = new Set(groups.map((g) => g.id.toLowerCase()));
  groups.forEach((g, i) => {
    if (g.parent !== undefined && !ids.has(g.parent.toLowerCase()))
      fail(`azure.managementGroups[${i}].parent`, `names no management group of the world ("${g.parent}")`);
  });
  return groups;
}

function parseRegistryCredentials(v: unknown): Record<string, RegistryCredential> {
  const out: Record<string, RegistryCredential> = {};
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

function parseTokenPasswords(v: unknown): Record<string, TokenPassword[]> {
  const out: Record<string, TokenPassword[]> = {};
  for (const [id, list] of Object.entries(obj(v, 'azure.tokenPasswords'))) {
    const where = `azure.tokenPasswords["${id}"]`;
    out[id] = arr(list, where).map((p, i) => {
      const o = obj(p, `${where}[${i}]`);
      const tp: TokenPassword = {
        name: str(o.name, `${where}[${i}].name`),
        value: str(o.value, `${where}[${i}].value`),
      };
      const expiry = optStr(o.expiry, `${where}[${i}].expiry`);
      if (expiry !== undefined) tp.expiry = expiry;
      return tp;
    });
  }
  return out;
}

function parseGraph(v: unknown): WorldGraph {
  const g = obj(v, 'graph');
  const applications = arr(g.applications, 'graph.applications').map((a, i) => {
    const o = obj(a, `graph.applications[${i}]`);
    str(o.id, `graph.applications[${i}].id`);
    str(o.appId, `graph.applications[${i}].appId`);
    arr(o.passwordCredentials, `graph.applications[${i}].passwordCredentials`);
    return o as GraphApplication;
  });
  const servicePrincipals = arr(g.servicePrincipals, 'graph.servicePrincipals').map((a, i) => {
    const o = obj(a, `graph.servicePrincipals[${i}]`);
    str(o.id, `graph.servicePrincipals[${i}].id`);
    str(o.appId, `graph.servicePrincipals[${i}].appId`);
    return o as GraphServicePrincipal;
  });
  const secrets: Record<string, string[]> = {};
  for (const [appId, list] of Object.entries(obj(g.secrets, 'graph.secrets'))) {
    secrets[appId] = strList(list, `graph.secrets["${appId}"]`);
  }
  const groupMembers: Record<string, string[]> = {};
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

const BOOL_ATTRS = ['readEnabled', 'writeEnabled', 'deleteEnabled', 'listEnabled'] as const;

const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/;

function digestOf(algorithm: string, data: Buffer | string): string {
  return `${algorithm}:${createHash(algorithm).update(data).digest('hex')}`;
}

/** A raw manifest body: JSON text whose hash is its digest. */
function manifestBody(v: unknown, digest: string, where: string): string {
  if (typeof v !== 'string' || v === '') fail(`${where}.body`, 'must be the manifest JSON as a string');
  try {
    const parsed: unknown = JSON.parse(v);
    if (!isObj(parsed)) throw new Error('not an object');
  } catch {
    fail(`${where}.body`, 'is not a JSON object');
  }
  const actual = digestOf(digest.slice(0, digest.indexOf(':')), v);
  if (actual !== digest) fail(`${where}.body`, `hashes to ${actual}, not to its digest ${digest}`);
  return v;
}

function blobBytes(b: WorldBlob): Buffer {
  return b.base64 !== undefined ? Buffer.from(b.base64, 'base64') : Buffer.from(b.content ?? '', 'utf8');
}

function parseBlobs(v: unknown, where: string): Record<string, WorldBlob> {
  const out: Record<string, WorldBlob> = {};
  for (const [digest, b] of Object.entries(obj(v, where))) {
    const bw = `${where}["${digest}"]`;
    if (!DIGEST.test(digest)) fail(bw, 'the key must be a digest like sha256:<64 hex>');
    const blob: WorldBlob = {};
    if (typeof b === 'string') blob.content = b;
    else {
      const bo = obj(b, bw);
      if ((bo.content === undefined) === (bo.base64 === undefined)) fail(bw, 'needs one of content or base64');
      if (bo.content !== undefined) {
        if (typeof bo.content !== 'string') fail(`${bw}.content`, 'must be a string');
        blob.content = bo.content;
      }
      if (bo.base64 !== undefined) {
        blob.base64 = str(bo.base64, `${bw}.base64`);
        if (!/^[A-Za-z0-9+/]*={0,2}$/.test(blob.base64.replace(/\s+/g, ''))) fail(`${bw}.base64`, 'is not base64');
      }
      const mt = optStr(bo.mediaType, `${bw}.mediaType`);
      if (mt) blob.mediaType = mt;
    }
    const actual = digestOf(digest.slice(0, digest.indexOf(':')), blobBytes(blob));
    if (actual !== digest) fail(bw, `hashes to ${actual}, not to its digest ${digest}`);
    out[digest] = blob;
  }
  return out;
}

interface Descriptor {
  digest?: unknown;
  size?: unknown;
}

/**
 * What a registry checks at push: an index's children are manifests of the repository (with their own bodies, of the
 * size the index says), and a blob the world gives has the size its descriptor says. Blobs the world leaves out are
 * allowed (a recorded world rarely carries layers): the registry answers them BLOB_UNKNOWN.
 */
function checkReferences(manifests: Record<string, WorldManifest>, blobs: Record<string, WorldBlob>, rw: string): void {
  for (const [digest, m] of Object.entries(manifests)) {
    if (m.body === undefined) continue;
    const where = `${rw}.manifests["${digest}"].body`;
    const doc = JSON.parse(m.body) as { manifests?: Descriptor[]; config?: Descriptor; layers?: Descriptor[] };
    for (const c of Array.isArray(doc.manifests) ? doc.manifests : []) {
      const child = typeof c.digest === 'string' ? manifests[c.digest] : undefined;
      if (!child?.body)
        fail(where, `names child manifest ${String(c.digest)}, which the repository does not hold with a body`);
      if (Buffer.byteLength(child.body) !== c.size)
        fail(
          where,
          `gives child ${String(c.digest)} size ${String(c.size)}; its body is ${Buffer.byteLength(child.body)} bytes`,
        );
    }
    for (const d of [...(doc.config ? [doc.config] : []), ...(Array.isArray(doc.layers) ? doc.layers : [])]) {
      const blob = typeof d.digest === 'string' ? blobs[d.digest] : undefined;
      if (blob && blobBytes(blob).length !== d.size)
        fail(
          where,
          `gives blob ${String(d.digest)} size ${String(d.size)}; the world's blob is ${blobBytes(blob).length} bytes`,
        );
    }
  }
}

function parseRegistries(v: unknown): Record<string, WorldRegistry> {
  const out: Record<string, WorldRegistry> = {};
  for (const [host, r] of Object.entries(obj(v, 'registries'))) {
    const where = `registries["${host}"]`;
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(host))
      fail(where, 'the key must be a registry host name like prodacr.azurecr.io');
    const ro = obj(r, where);
    const repositories: Record<string, WorldRepository> = {};
    for (const [name, repo] of Object.entries(obj(ro.repositories, `${where}.repositories`))) {
      const rw = `${where}.repositories["${name}"]`;
      const o = obj(repo, rw);
      const tags: Record<string, WorldTag> = {};
      for (const [tag, t] of Object.entries(obj(o.tags, `${rw}.tags`))) {
        if (typeof t === 'string') {
          tags[tag] = str(t, `${rw}.tags["${tag}"]`);
        } else {
          const to = obj(t, `${rw}.tags["${tag}"]`);
          const entry: Exclude<WorldTag, string> = { digest: str(to.digest, `${rw}.tags["${tag}"].digest`) };
          for (const k of BOOL_ATTRS) if (typeof to[k] === 'boolean') entry[k] = to[k];
          for (const k of ['createdTime', 'lastUpdateTime'] as const) {
            const v = to[k];
            if (v === undefined) continue;
            const d = v instanceof Date ? v : new Date(str(v, `${rw}.tags["${tag}"].${k}`));
            if (Number.isNaN(d.getTime()))
              fail(`${rw}.tags["${tag}"].${k}`, 'must be an ISO 8601 time like 2026-11-21T00:00:00Z');
            // Kept as written (ACR writes 7 fractional digits); a YAML timestamp becomes ISO.
            entry[k] = typeof v === 'string' ? v : d.toISOString();
          }
          tags[tag] = entry;
        }
      }
      const manifests: Record<string, WorldManifest> = {};
      for (const [digest, m] of Object.entries(obj(o.manifests, `${rw}.manifests`))) {
        const mw = `${rw}.manifests["${digest}"]`;
        if (!/^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/.test(digest))
          fail(mw, 'the key must be a digest like sha256:<64 hex>');
        const mo = obj(m, mw);
        const wm: WorldManifest = {};
        if (mo.platforms !== undefined) wm.platforms = strList(mo.platforms, `${mw}.platforms`);
        for (const k of BOOL_ATTRS) if (typeof mo[k] === 'boolean') wm[k] = mo[k];
        if (mo.quarantineState !== undefined)
          wm.quarantineState = mo.quarantineState === null ? null : str(mo.quarantineState, `${mw}.quarantineState`);
        const mt = optStr(mo.mediaType, `${mw}.mediaType`);
        if (mt) wm.mediaType = mt;
        if (mo.deleted === true) wm.deleted = true;
        if (mo.body !== undefined) wm.body = manifestBody(mo.body, digest, mw);
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
      const wr: WorldRepository = { tags, manifests };
      if (Object.keys(blobs).length > 0) wr.blobs = blobs;
      if (o.changeableAttributes !== undefined) {
        const co = obj(o.changeableAttributes, `${rw}.changeableAttributes`);
        const ch: NonNullable<WorldRepository['changeableAttributes']> = {};
        for (const k of BOOL_ATTRS) if (typeof co[k] === 'boolean') ch[k] = co[k];
        wr.changeableAttributes = ch;
      }
      repositories[name] = wr;
    }
    const reg: WorldRegistry = { repositories };
    if (typeof ro.anonymousPull === 'boolean') reg.anonymousPull = ro.anonymousPull;
    if (ro.accessClaimKeys !== undefined) {
      if (ro.accessClaimKeys !== 'lowercase' && ro.accessClaimKeys !== 'capitalized')
        fail(
          `registries["${host}"].accessClaimKeys`,
          `must be lowercase or capitalized (got ${JSON.stringify(ro.accessClaimKeys)})`,
        );
      reg.accessClaimKeys = ro.accessClaimKeys;
    }
    out[host.toLowerCase()] = reg;
  }
  return out;
}

function parseFaults(v: unknown): Fault[] {
  return arr(v, 'faults').map((f, i) => {
    const where = `faults[${i}]`;
    const o = obj(f, where);
    const fault: Fault = {};
    const host = optStr(o.host, `${where}.host`);
    if (host) fault.host = host.toLowerCase();
    const path = optStr(o.path, `${where}.path`);
    if (path) {
      try {
        new RegExp(path);
      } catch {
        fail(`${where}.path`, `is not a valid regular expression ("${path}")`);
      }
      fault.path = path;
    }
    const kind = optStr(o.kind, `${where}.kind`);
    if (kind) fault.kind = kind;
    for (const k of ['status', 'retryAfter', 'count'] as const) {
      if (o[k] !== undefined) {
        if (typeof o[k] !== 'number' || !Number.isFinite(o[k]) || o[k] < 0)
          fail(`${where}.${k}`, 'must be a number of 0 or more');
        fault[k] = o[k];
      }
    }
    if (o.mode !== undefined) {
      if (typeof o.mode !== 'string' || !FAULT_MODES.has(o.mode as FaultMode)) {
        fail(`${where}.mode`, `must be one of ${[...FAULT_MODES].join(', ')}`);
      }
      fault.mode = o.mode as FaultMode;
    }
    return fault;
  });
}

function parseGate(v: unknown, subscriptions: WorldSubscription[]): GateIdentity {
  const g = obj(v, 'gate');
  if (g.graph !== undefined && typeof g.graph !== 'boolean') fail('gate.graph', 'must be true or false');
  return {
    tenantId: optStr(g.tenantId, 'gate.tenantId') ?? subscriptions.find((s) => s.tenantId)?.tenantId ?? DEFAULT_TENANT,
    clientId: optStr(g.clientId, 'gate.clientId') ?? DEFAULT_GATE.clientId,
    clientSecret: optStr(g.clientSecret, 'gate.clientSecret') ?? DEFAULT_GATE.clientSecret,
    objectId: optStr(g.objectId, 'gate.objectId') ?? DEFAULT_GATE.objectId,
    deniedActions: strList(g.deniedActions, 'gate.deniedActions'),
    graph: g.graph === undefined ? DEFAULT_GATE.graph : (g.graph as boolean),
    ...gateNetwork(g),
  };
}

function gateNetwork(g: Record<string, unknown>): { sourceIp?: string; subnetId?: string } {
  const sourceIp = optStr(g.sourceIp, 'gate.sourceIp');
  const subnetId = optStr(g.subnetId, 'gate.subnetId');
  if (sourceIp !== undefined && !/^\d{1,3}(\.\d{1,3}){3}$/.test(sourceIp))
    fail('gate.sourceIp', `must be an IPv4 address like 203.0.113.10 (got "${sourceIp}")`);
  if (subnetId !== undefined && !/\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(subnetId))
    fail(
      'gate.subnetId',
      `must be a subnet resource id ending in /virtualNetworks/<vnet>/subnets/<subnet> (got "${subnetId}")`,
    );
  if (subnetId !== undefined && sourceIp === undefined) fail('gate.subnetId', 'needs gate.sourceIp as well');
  return { ...(sourceIp ? { sourceIp } : {}), ...(subnetId ? { subnetId } : {}) };
}

function buildWorld(doc: unknown, source: string): World {
  const root = obj(doc, 'world');
  if (root.kind !== undefined && root.kind !== 'World') fail('kind', `must be World (got "${String(root.kind)}")`);
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
    return o as WorldSubscription;
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
function expandedWithin(doc: unknown, budget: number): void {
  let seen = 0;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++seen > budget) throw new Error(`the document expands to more than ${budget} nodes (aliases of aliases?)`);
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push(x);
  }
}

/** Parses a world from YAML (or JSON, which is YAML). Throws ConfigurationError with a one-line message. */
export function parseWorld(text: string, source = 'world'): World {
  let doc: unknown;
  try {
    // js-yaml's core schema (YAML 1.2, no timestamps, no merge keys), as `yaml` read it: the same values, in a tenth
    // of the time (8-17 ms against 110 ms for the benchmark's 210 KB world). Aliases share one object; the walk
    // below refuses a document that would expand past its budget (an alias bomb) before anything walks it fully.
    doc = loadYaml(text, { schema: CORE_SCHEMA });
    expandedWithin(doc, MAX_WORLD_NODES);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ConfigurationError(`simulate: ${source} is not valid YAML or JSON: ${msg}`);
  }
  try {
    return buildWorld(doc, source);
  } catch (e) {
    if (e instanceof WorldShapeError) throw new ConfigurationError(`simulate: ${source}: ${e.message}`);
    throw e;
  }
}

/** Reads and parses a world file. A missing, oversized or malformed file is a ConfigurationError. */
export async function loadWorld(path: string): Promise<World> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ConfigurationError(`simulate: world file ${path} does not exist or cannot be read`);
  }
  if (size > MAX_WORLD_BYTES) {
    throw new ConfigurationError(`simulate: world file ${path} is larger than ${MAX_WORLD_BYTES / 1024 / 1024} MB`);
  }
  const text = await readFile(path, 'utf8');
  return parseWorld(text, path);
}
