// Registry data plane stand-in (ACR and plain OCI registries of the world), routed by Host: the /v2/ challenge,
// /oauth2/exchange (Entra token -> ACR refresh token), /oauth2/token (Basic, refresh_token and password grants) with
// scopes granted from the world (RBAC legacy or ABAC mode, admin user, scoped tokens, service principals, anonymous
// pull), manifests, config blobs, tags/list, /acr/v1 attributes, and the distribution error bodies.

import { randomUUID } from 'node:crypto';
import {
  basic,
  bearer,
  decodeJwt,
  form,
  json,
  nowSeconds,
  type Claims,
  type Reply,
  type Req,
  type TokenMint,
} from './http-kit.js';
import type { EntraService } from './entra.js';
import { MEDIA, RepositoryContent, tagDigest, type ServedManifest } from './registry-content.js';
import { actionMatches, lower, type RegistryInfo, type WorldIndex } from './world-index.js';
import type { ArmResource, WorldRepository } from './world.js';

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const PULL_ACTION = 'Microsoft.ContainerRegistry/registries/pull/read';
const REPO_DATA = 'Microsoft.ContainerRegistry/registries/repositories';
const ACR_AUDIENCES = [
  'https://containerregistry.azure.net',
  'https://management.azure.com',
  'https://management.core.windows.net',
];

export function registryError(
  status: number,
  code: string,
  message: string,
  detail?: unknown,
  headers: Record<string, string> = {},
): Reply {
  const err: Record<string, unknown> = { code, message };
  if (detail !== undefined) err.detail = detail;
  return json(status, { errors: [err] }, { 'docker-distribution-api-version': 'registry/2.0', ...headers });
}

type Subject =
  | { kind: 'entra'; objectId: string; tenantId?: string }
  | { kind: 'admin' }
  | { kind: 'token'; token: ArmResource }
  | { kind: 'anonymous' };

interface Access {
  type: string;
  name: string;
  actions: string[];
}

type AuthResult = { subject: Subject } | { error: Reply };

function armAudienceDisabled(reg: RegistryInfo): boolean {
  const props = (reg.arm?.properties ?? {}) as {
    policies?: { azureADAuthenticationAsArmPolicy?: { status?: unknown } };
  };
  return lower(String(props.policies?.azureADAuthenticationAsArmPolicy?.status ?? 'enabled')) === 'disabled';
}

export class RegistryService {
  private readonly content = new Map<string, RepositoryContent>();
  /** Repositories an artifact-cache rule filled during this run (pulled through from the upstream registry). */
  private readonly filled = new Map<string, WorldRepository>();

  constructor(
    private readonly index: WorldIndex,
    private readonly mint: TokenMint,
    private readonly entra: EntraService,
  ) {}

  private repoContent(reg: RegistryInfo, name: string): RepositoryContent | undefined {
    const repo = this.filled.get(`${reg.loginServer}/${name}`) ?? reg.data.repositories[name];
    if (!repo) return undefined;
    const key = `${reg.loginServer}/${name}`;
    let c = this.content.get(key);
    if (!c) {
      c = new RepositoryContent(name, repo);
      this.content.set(key, c);
    }
    return c;
  }

  /** Request kind for counters and faults. */
  static kindOf(req: Req): string {
    const p = req.path;
    if (p.startsWith('/oauth2/')) return 'registry-token';
    if (p.startsWith('/acr/v1/')) return 'acr-attributes';
    if (/^\/v2\/.+\/manifests\//.test(p)) return req.method === 'HEAD' ? 'manifest-head' : 'manifest-get';
    if (/^\/v2\/.+\/blobs\//.test(p)) return 'blob';
    if (/^\/v2\/.+\/tags\/list$/.test(p)) return 'tags';
    if (p === '/v2/_catalog') return 'catalog';
    return 'registry';
  }

  handle(req: Req, reg: RegistryInfo): Reply {
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
    if (p === '/oauth2/exchange') return this.exchange(req, reg);
    if (p === '/oauth2/token') return this.token(req, reg);
    if (p === '/v2' || p === '/v2/') return this.ping(req, reg);
    const v2 = /^\/v2\/(.+)\/(manifests|blobs|tags)\/(.+)$/.exec(p);
    if (v2) {
      const [, repo, what, ref] = v2;
      if (what === 'manifests') return this.manifest(req, reg, repo, decodeURIComponent(ref));
      if (what === 'blobs') return this.blob(req, reg, repo, decodeURIComponent(ref));
      if (ref === 'list') return this.tagsList(req, reg, repo);
    }
    if (p === '/v2/_catalog') return this.catalog(req, reg);
    const acr = /^\/acr\/v1\/(.+?)\/(_tags|_manifests)(?:\/([^/]+))?$/.exec(p);
    if (acr) return this.attributes(req, reg, acr[1], acr[2], acr[3] ? decodeURIComponent(acr[3]) : undefined);
    const repoAttrs = /^\/acr\/v1\/(.+?)\/?$/.exec(p);
    if (repoAttrs && req.method === 'GET') return this.repositoryAttributes(req, reg, decodeURIComponent(repoAttrs[1]));
    return registryError(404, 'NOT_FOUND', `the requested path ${p} is not served by this registry`);
  }

  // ---- authentication --------------------------------------------------------------------------------------------

  private challenge(reg: RegistryInfo, scope?: string, error?: string): Record<string, string> {
    let v = `Bearer realm="https://${reg.loginServer}/oauth2/token",service="${reg.loginServer}"`;
    if (scope) v += `,scope="${scope}"`;
    if (error) v += `,error="${error}"`;
    return { 'www-authenticate': v };
  }

  private unauthorized(reg: RegistryInfo, scope?: string, detail?: unknown, error?: string): Reply {
    return registryError(
      401,
      'UNAUTHORIZED',
      'authentication required, visit https://aka.ms/acr/authorization for more information.',
      detail,
      this.challenge(reg, scope, error),
    );
  }

  private regProps(reg: RegistryInfo): Record<string, unknown> {
    return (reg.arm?.properties ?? {}) as Record<string, unknown>;
  }

  private anonymousAllowed(reg: RegistryInfo): boolean {
    if (reg.data.anonymousPull !== undefined) return reg.data.anonymousPull;
    if (!reg.arm) return true;
    return this.regProps(reg).anonymousPullEnabled === true;
  }

  /** Resolves Basic credentials (or a refresh token) to who they are, or the 401 the registry answers. */
  private authenticate(reg: RegistryInfo, username: string, password: string): AuthResult {
    if (username === EMPTY_GUID) return this.fromRefreshToken(reg, password);
    const props = this.regProps(reg);
    const cred = reg.arm
      ? Object.entries(this.index.world.azure.registryCredentials).find(
          ([id]) => lower(id) === lower(reg.arm?.id ?? ''),
        )?.[1]
      : undefined;
    if (cred && lower(cred.username) === lower(username)) {
      if (props.adminUserEnabled === true && cred.passwords.some((p) => p.value === password))
        return { subject: { kind: 'admin' } };
      return { error: this.unauthorized(reg) };
    }
    if (reg.arm) {
      const token = this.index.children(reg.arm.id, 'tokens').find((t) => lower(t.name ?? '') === lower(username));
      if (token) return this.checkScopedToken(reg, token, password);
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

  private checkScopedToken(reg: RegistryInfo, token: ArmResource, password: string): AuthResult {
    const props = (token.properties ?? {}) as Record<string, unknown>;
    if (lower(String(props.status ?? 'enabled')) !== 'enabled') return { error: this.unauthorized(reg) };
    const secrets =
      Object.entries(this.index.world.azure.tokenPasswords).find(([id]) => lower(id) === lower(token.id))?.[1] ?? [];
    const match = secrets.find((s) => s.value === password);
    if (!match) return { error: this.unauthorized(reg) };
    const armPasswords = ((props.credentials as Record<string, unknown> | undefined)?.passwords ?? []) as {
      name?: string;
      expiry?: string;
    }[];
    const expiry = match.expiry ?? armPasswords.find((p) => p.name === match.name)?.expiry;
    if (expiry && Date.parse(expiry) <= Date.parse(this.index.world.now)) return { error: this.unauthorized(reg) };
    return { subject: { kind: 'token', token } };
  }

  private fromRefreshToken(reg: RegistryInfo, token: string): AuthResult {
    const mine = this.mint.verify(token);
    const claims: Claims | undefined = mine ?? decodeJwt(token);
    if (!claims || (claims.grant_type !== undefined && claims.grant_type !== 'refresh_token'))
      return { error: this.unauthorized(reg) };
    if (claims.aud !== undefined && !reg.hosts.includes(lower(String(claims.aud))))
      return { error: this.unauthorized(reg) };
    // World-authored refresh tokens (pasted from a pull secret) expire on the world's clock.
    if (!mine && typeof claims.exp === 'number' && claims.exp * 1000 <= Date.parse(this.index.world.now))
      return { error: this.unauthorized(reg) };
    const oid = String(claims.oid ?? claims.sub ?? '');
    if (!oid) return { error: this.unauthorized(reg) };
    const tenantId =
      typeof claims.tenant === 'string' ? claims.tenant : typeof claims.tid === 'string' ? claims.tid : undefined;
    return { subject: { kind: 'entra', objectId: oid, tenantId } };
  }

  // ---- authorization -------------------------------------------------------------------------------------------

  private grantedActions(
    reg: RegistryInfo,
    subject: Subject,
    type: string,
    name: string,
    requested: string[],
  ): string[] {
    const readish = (a: string): boolean => a === 'pull' || a === 'metadata_read' || a === '*';
    if (subject.kind === 'admin') return requested;
    if (subject.kind === 'anonymous') {
      return type === 'repository' && this.anonymousAllowed(reg) ? requested.filter((a) => a === 'pull') : [];
    }
    if (subject.kind === 'token') {
      if (type !== 'repository') return [];
      const scopeMapId = String(((subject.token.properties ?? {}) as Record<string, unknown>).scopeMapId ?? '');
      const scopeMap = this.index.resources.get(lower(scopeMapId));
      const actions = (((scopeMap?.properties ?? {}) as Record<string, unknown>).actions ?? []) as string[];
      const need: Record<string, string> = {
        pull: 'content/read',
        push: 'content/write',
        delete: 'content/delete',
        metadata_read: 'metadata/read',
        metadata_write: 'metadata/write',
      };
      return requested.filter(
        (a) => need[a] !== undefined && actions.some((s) => actionMatches(s, `repositories/${name}/${need[a]}`)),
      );
    }
    // Entra principal.
    const gate = this.index.world.gate;
    if (reg.tenantId && subject.tenantId && lower(reg.tenantId) !== lower(subject.tenantId)) return [];
    if (lower(subject.objectId) === lower(gate.objectId)) {
      const denied = gate.deniedActions.some((d) => actionMatches(d, PULL_ACTION));
      return denied ? [] : requested.filter(readish);
    }
    const scope = reg.arm?.id;
    if (!scope) return [];
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
      if (!readish(a)) return false;
      const dataAction = a === 'metadata_read' ? `${REPO_DATA}/metadata/read` : `${REPO_DATA}/content/read`;
      if (abac) return this.index.hasDataAction(oid, scope, dataAction, name, true);
      return (
        this.index.hasAction(oid, scope, PULL_ACTION) ||
        this.index.hasDataAction(oid, scope, dataAction, undefined, false)
      );
    });
  }

  private parseScopes(values: string[]): Access[] {
    const out: Access[] = [];
    for (const v of values.flatMap((s) => s.split(' ')).filter(Boolean)) {
      const first = v.indexOf(':');
      const last = v.lastIndexOf(':');
      if (first < 0 || last === first) continue;
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

  private issueAccessToken(reg: RegistryInfo, subject: Subject, scopes: Access[]): Reply {
    if (subject.kind === 'anonymous') return this.anonymousToken(reg);
    const capitalized = reg.data.accessClaimKeys === 'capitalized';
    const access = scopes.map((s) => {
      const actions = this.grantedActions(reg, subject, s.type, s.name, s.actions);
      return capitalized ? { Type: s.type, Name: s.name, Actions: actions } : { type: s.type, name: s.name, actions };
    });
    const iat = nowSeconds();
    const sub =
      subject.kind === 'entra'
        ? subject.objectId
        : subject.kind === 'token'
          ? String(subject.token.name)
          : subject.kind;
    const token = this.mint.sign({
      jti: randomUUID(),
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
  private anonymousToken(reg: RegistryInfo): Reply {
    const iat = nowSeconds();
    const token = this.mint.sign({
      jti: randomUUID(),
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

  private token(req: Req, reg: RegistryInfo): Reply {
    let scopes: Access[];
    let result: AuthResult;
    if (req.method === 'GET') {
      scopes = this.parseScopes(req.query.getAll('scope'));
      const b = basic(req);
      result = b ? this.authenticate(reg, b.username, b.password) : { subject: { kind: 'anonymous' } };
    } else if (req.method === 'POST') {
      const f = form(req);
      scopes = this.parseScopes(f.getAll('scope'));
      const grant = f.get('grant_type');
      if (grant === 'refresh_token') result = this.fromRefreshToken(reg, f.get('refresh_token') ?? '');
      else if (grant === 'password' && !f.get('username') && !f.get('password'))
        // A password grant without credentials is anonymous (recording acr-anonymous-token-for-delete-scope-200).
        result = { subject: { kind: 'anonymous' } };
      else if (grant === 'password') result = this.authenticate(reg, f.get('username') ?? '', f.get('password') ?? '');
      else return registryError(400, 'UNSUPPORTED', `grant_type '${grant ?? ''}' is not supported`);
    } else {
      return registryError(405, 'UNSUPPORTED', 'The operation is unsupported.');
    }
    if ('error' in result) return result.error;
    if (result.subject.kind === 'anonymous' && !this.anonymousAllowed(reg)) return this.unauthorized(reg);
    return this.issueAccessToken(reg, result.subject, scopes);
  }

  private exchange(req: Req, reg: RegistryInfo): Reply {
    if (req.method !== 'POST') return registryError(404, 'NOT_FOUND', 'the requested resource was not found');
    const f = form(req);
    const grant = f.get('grant_type');
    if (grant !== 'access_token' && grant !== 'access_token_refresh_token') {
      return registryError(400, 'UNSUPPORTED', `grant_type '${grant ?? ''}' is not supported`);
    }
    const claims = this.mint.verify(f.get('access_token') ?? '');
    if (!claims) return this.unauthorized(reg);
    const aud = lower(String(claims.aud ?? '')).replace(/\/$/, '');
    const armOrigin = lower(req.origin);
    if (!ACR_AUDIENCES.includes(aud) && aud !== armOrigin) return this.unauthorized(reg);
    // policies.azureADAuthenticationAsArmPolicy disabled: only tokens for the ACR audience are exchanged.
    if (armAudienceDisabled(reg) && aud !== ACR_AUDIENCES[0]) return this.unauthorized(reg);
    const tid = String(claims.tid ?? '');
    if (reg.tenantId && lower(tid) !== lower(reg.tenantId)) return this.unauthorized(reg);
    const iat = nowSeconds();
    const refresh = this.mint.sign({
      jti: randomUUID(),
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
  private accessClaims(req: Req, reg: RegistryInfo): Claims | undefined {
    const t = bearer(req);
    if (!t) return undefined;
    const c = this.mint.verify(t);
    if (!c || !reg.hosts.includes(lower(String(c.aud ?? '')))) return undefined;
    return c;
  }

  private allows(claims: Claims | undefined, type: string, name: string, action: string): boolean {
    const access = Array.isArray(claims?.access) ? (claims.access as Record<string, unknown>[]) : [];
    return access.some((a) => {
      // Anonymous tokens carry capitalised keys and Name "*" (see anonymousToken); the others lower-case keys.
      const t = a.type ?? a.Type;
      const n = a.name ?? a.Name;
      const acts = a.actions ?? a.Actions;
      return (
        t === type &&
        (n === name || (n === '*' && type === 'repository')) &&
        Array.isArray(acts) &&
        (acts.includes(action) || acts.includes('*'))
      );
    });
  }

  /** 401 with the challenge unless the token grants one of `actions` on the repository. */
  private guard(req: Req, reg: RegistryInfo, repo: string, actions: string[]): Reply | undefined {
    const claims = this.accessClaims(req, reg);
    if (actions.some((a) => this.allows(claims, 'repository', repo, a))) return undefined;
    const scope = `repository:${repo}:${actions[0]}`;
    const detail = [{ Type: 'repository', Name: repo, Action: actions[0] }];
    return this.unauthorized(reg, scope, detail, claims ? 'insufficient_scope' : undefined);
  }

  // ---- content -------------------------------------------------------------------------------------------------

  private ping(req: Req, reg: RegistryInfo): Reply {
    // Every registry challenges an unauthenticated /v2/, also one that allows anonymous pull (Docker Hub does): the
    // client then follows the distribution token flow (anonymous token, pull), which the manifest requires anyway.
    // Whether real ACR answers 200 there for an anonymous-pull registry is an open question; the gate accepts both.
    if (!this.accessClaims(req, reg)) return this.unauthorized(reg);
    return json(200, {}, { 'docker-distribution-api-version': 'registry/2.0' });
  }

  private nameUnknown(repo: string): Reply {
    return registryError(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name: repo });
  }

  /** As recorded (acr-acrv1-manifest-MANIFEST_UNKNOWN-404): message "manifest unknown", no detail. */
  private manifestUnknown(): Reply {
    return registryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown');
  }

  private readBlocked(m: ServedManifest, tag: unknown): Reply | undefined {
    const tagReadDisabled =
      typeof tag === 'object' && tag !== null && (tag as { readEnabled?: boolean }).readEnabled === false;
    if (tagReadDisabled || m.attrs.readEnabled === false) {
      return registryError(
        403,
        'DENIED',
        'The operation is disallowed on this registry, repository or manifest: read is disabled.',
      );
    }
    return undefined;
  }

  private quarantined(reg: RegistryInfo, m: ServedManifest): boolean {
    const policy = ((this.regProps(reg).policies ?? {}) as Record<string, unknown>).quarantinePolicy as
      { status?: string } | undefined;
    const state = m.attrs.quarantineState;
    return lower(policy?.status ?? '') === 'enabled' && typeof state === 'string' && lower(state) !== 'passed';
  }

  private manifest(req: Req, reg: RegistryInfo, repo: string, ref: string): Reply {
    const denied = this.guard(req, reg, repo, ['pull']);
    if (denied) return denied;
    if (req.method === 'GET') this.pullThrough(reg, repo, ref);
    const content = this.repoContent(reg, repo);
    if (!content) return this.nameUnknown(repo);
    if (content.repo.changeableAttributes?.readEnabled === false) {
      // Status and body of a repository read lock are not documented (FIDELITY open question 3): as for tag locks.
      return registryError(
        403,
        'DENIED',
        'The operation is disallowed on this registry, repository or manifest: read is disabled.',
      );
    }
    const { manifest, tag } = content.resolve(ref);
    if (!manifest) return this.manifestUnknown();
    const blocked = this.readBlocked(manifest, tag);
    if (blocked) return blocked;
    if (this.quarantined(reg, manifest)) {
      // Azure/acr docs/preview/quarantine: by tag "manifest ... not found" (404); by digest "unknown: The operation
      // is disallowed." (the status of the latter is not given there: 403 is a guess).
      if (!ref.includes(':')) return this.manifestUnknown();
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
  private signedBlobUrl(host: string, path: string): string {
    const sig = this.mint.sign({ path, exp: nowSeconds() + 1200 });
    return `https://${host}${path}?sig=${sig}`;
  }

  private blob(req: Req, reg: RegistryInfo, repo: string, digest: string): Reply {
    const sig = req.query.get('sig');
    const signed = sig !== null && this.mint.verify(sig)?.path === req.path;
    if (!signed) {
      const denied = this.guard(req, reg, repo, ['pull']);
      if (denied) return denied;
    }
    const content = this.repoContent(reg, repo);
    if (!content) return this.nameUnknown(repo);
    const blob = content.blobs.get(digest);
    if (!blob) return registryError(404, 'BLOB_UNKNOWN', 'blob unknown to registry', digest);
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

  private tagsList(req: Req, reg: RegistryInfo, repo: string): Reply {
    const denied = this.guard(req, reg, repo, ['pull', 'metadata_read']);
    if (denied) return denied;
    const content = this.repoContent(reg, repo);
    if (!content) return this.nameUnknown(repo);
    // Guess (FIDELITY open question 4): a quarantined tag is left out of tags/list while the policy holds it, which
    // is the harder case for a client (it must still read the manifest attributes).
    let tags = Object.keys(content.repo.tags)
      .filter((t) => {
        const m = content.resolve(t).manifest;
        return !m || !this.quarantined(reg, m);
      })
      .sort();
    const last = req.query.get('last');
    if (last) tags = tags.filter((t) => t > last);
    const n = Number(req.query.get('n') ?? '0');
    const headers: Record<string, string> = { 'docker-distribution-api-version': 'registry/2.0' };
    if (n > 0 && tags.length > n) {
      tags = tags.slice(0, n);
      headers.link = `</v2/${repo}/tags/list?last=${encodeURIComponent(tags[tags.length - 1])}&n=${n}>; rel="next"`;
    }
    return json(200, { name: repo, tags }, headers);
  }

  private catalog(req: Req, reg: RegistryInfo): Reply {
    const claims = this.accessClaims(req, reg);
    if (!this.allows(claims, 'registry', 'catalog', '*'))
      return this.unauthorized(reg, 'registry:catalog:*', undefined, claims ? 'insufficient_scope' : undefined);
    return json(200, { repositories: Object.keys(reg.data.repositories).sort() });
  }

  /** `GET /acr/v1/<repo>`: the repository's attributes with its own changeableAttributes (repository lock). */
  private repositoryAttributes(req: Req, reg: RegistryInfo, repo: string): Reply {
    const denied = this.guard(req, reg, repo, ['metadata_read']);
    if (denied) return denied;
    const content = this.repoContent(reg, repo);
    if (!content) return this.nameUnknown(repo);
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
  private pullThrough(reg: RegistryInfo, repo: string, ref: string): void {
    if (!reg.arm) return;
    const existing = this.repoContent(reg, repo);
    if (existing?.resolve(ref).manifest) return;
    const source = this.cacheSource(reg, repo);
    if (!source) return;
    const upstream = this.index.registryForHost(source.host);
    if (!upstream) return;
    const setId = source.credentialSetResourceId;
    if (setId) {
      const set = this.index.resources.get(lower(setId));
      const creds = (((set?.properties ?? {}) as Record<string, unknown>).authCredentials ?? []) as {
        credentialHealth?: { status?: string };
      }[];
      if (!set || creds.some((c) => lower(c.credentialHealth?.status ?? '') === 'unhealthy')) return;
    } else if (upstream.data.anonymousPull === false) {
      return;
    }
    const up = upstream.data.repositories[source.repository];
    if (!up) return;
    const digest = ref.includes(':') ? ref : up.tags[ref] === undefined ? undefined : tagDigest(up.tags[ref]);
    if (!digest || !up.manifests[digest] || up.manifests[digest].deleted === true) return;
    const key = `${reg.loginServer}/${repo}`;
    const base = this.filled.get(key) ?? reg.data.repositories[repo] ?? { tags: {}, manifests: {} };
    const next: WorldRepository = {
      ...base,
      tags: ref.includes(':') ? { ...base.tags } : { ...base.tags, [ref]: digest },
      manifests: { ...base.manifests, [digest]: up.manifests[digest] },
    };
    this.filled.set(key, next);
    this.content.delete(key);
  }

  /** The upstream of a repository by the registry's cache rules (exact target first, then `prefix/*` wildcards). */
  private cacheSource(
    reg: RegistryInfo,
    repo: string,
  ): { host: string; repository: string; credentialSetResourceId?: string } | undefined {
    if (!reg.arm) return undefined;
    const rules = this.index
      .children(reg.arm.id, 'cacheRules')
      .map((r) => (r.properties ?? {}) as Record<string, unknown>);
    const pick = (p: Record<string, unknown>): string | undefined => {
      const target = typeof p.targetRepository === 'string' ? p.targetRepository : '';
      const src = typeof p.sourceRepository === 'string' ? p.sourceRepository : '';
      if (!target || !src) return undefined;
      if (target === repo) return src;
      if (target.endsWith('/*') && src.endsWith('/*') && repo.startsWith(target.slice(0, -1)))
        return src.slice(0, -1) + repo.slice(target.length - 1);
      return undefined;
    };
    const ordered = [...rules].sort(
      (a, b) => Number(String(a.targetRepository).endsWith('*')) - Number(String(b.targetRepository).endsWith('*')),
    );
    for (const p of ordered) {
      const src = pick(p);
      if (!src) continue;
      const slash = src.indexOf('/');
      if (slash < 0) continue;
      const out: { host: string; repository: string; credentialSetResourceId?: string } = {
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
  private tagList(
    req: Req,
    reg: RegistryInfo,
    repo: string,
    content: RepositoryContent,
    tagBody: (name: string) => Record<string, unknown>,
  ): Reply {
    const orderby = req.query.get('orderby') ?? '';
    const order = lower(orderby);
    if (order !== '' && order !== 'timedesc' && order !== 'timeasc')
      return registryError(400, 'UNSUPPORTED', `orderby '${orderby}' is not supported; use timedesc or timeasc`);
    let names = Object.keys(content.repo.tags).sort();
    if (order) {
      const at = (n: string): number => Date.parse(this.tagTimes(content, n).lastUpdateTime);
      names = names.sort((a, b) => (order === 'timedesc' ? at(b) - at(a) : at(a) - at(b)) || (a < b ? -1 : 1));
    }
    const last = req.query.get('last');
    if (last) {
      const i = names.indexOf(last);
      names = i >= 0 ? names.slice(i + 1) : order ? [] : names.filter((t) => t > last);
    }
    const n = Number(req.query.get('n') ?? '0');
    const headers: Record<string, string> = { 'docker-distribution-api-version': 'registry/2.0' };
    if (n > 0 && names.length > n) {
      names = names.slice(0, n);
      headers.link = `</acr/v1/${repo}/_tags?last=${encodeURIComponent(names[names.length - 1])}&n=${n}&orderby=${encodeURIComponent(orderby)}>; rel="next"`;
    }
    return json(200, { registry: reg.loginServer, imageName: repo, tags: names.map(tagBody) }, headers);
  }

  private changeable(attrs: {
    readEnabled?: boolean;
    writeEnabled?: boolean;
    deleteEnabled?: boolean;
    listEnabled?: boolean;
  }): Record<string, unknown> {
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
  private tagTimes(content: RepositoryContent, name: string): { createdTime: string; lastUpdateTime: string } {
    const names = Object.keys(content.repo.tags);
    const t = content.repo.tags[name];
    const i = names.indexOf(name);
    const fallback = new Date(Date.parse(this.index.world.now) - (names.length - i) * 86_400_000).toISOString();
    const created = (typeof t === 'object' ? t.createdTime : undefined) ?? fallback;
    const updated = (typeof t === 'object' ? t.lastUpdateTime : undefined) ?? created;
    return { createdTime: created, lastUpdateTime: updated };
  }

  private attributes(req: Req, reg: RegistryInfo, repo: string, what: string, ref: string | undefined): Reply {
    const denied = this.guard(req, reg, repo, ['metadata_read']);
    if (denied) return denied;
    const content = this.repoContent(reg, repo);
    if (!content) return this.nameUnknown(repo);
    const created = '2026-01-01T00:00:00.0000000Z';
    const tagBody = (name: string): Record<string, unknown> => {
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
      if (!ref) return this.tagList(req, reg, repo, content, tagBody);
      if (content.repo.tags[ref] === undefined)
        return registryError(404, 'TAG_UNKNOWN', 'the specified tag does not exist', { Tag: ref });
      return json(200, { registry: reg.loginServer, imageName: repo, tag: tagBody(ref) });
    }
    const manifestBody = (m: ServedManifest): Record<string, unknown> => {
      const ch = this.changeable(m.attrs);
      if (m.attrs.quarantineState !== undefined && m.attrs.quarantineState !== null)
        ch.quarantineState = m.attrs.quarantineState;
      const body: Record<string, unknown> = {
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
      } else if (m.isIndex) {
        body.references = (
          JSON.parse(m.body.toString('utf8')) as {
            manifests: { digest: string; platform?: { os: string; architecture: string } }[];
          }
        ).manifests.map((c) => ({
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
    if (!manifest) return this.manifestUnknown();
    return json(200, { registry: reg.loginServer, imageName: repo, manifest: manifestBody(manifest) });
  }
}
