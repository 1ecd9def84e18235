// Microsoft Entra ID stand-in: OpenID configuration, instance discovery (MSAL asks), and the v2.0 token endpoint for
// client credentials (client secret or client assertion). Secrets accepted: the gate's own, and `graph.secrets[appId]`
// unless the matching passwordCredential (by hint, the secret's first 3 characters) has expired at the world's `now`.

import { randomUUID } from 'node:crypto';
import { decodeJwt, form, json, nowSeconds, type Reply, type Req, type TokenMint } from './http-kit.js';
import type { WorldIndex } from './world-index.js';

const AZURE_AD_DEFAULT_TENANTS = new Set(['common', 'organizations', 'consumers']);

function aadError(status: number, error: string, code: number, description: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
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
export function managedByTenants(s: Record<string, unknown>): string[] {
  const m = s.managedByTenants;
  if (!Array.isArray(m)) return [];
  return m
    .map((x) => (typeof x === 'string' ? x : (x as { tenantId?: unknown })?.tenantId))
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.toLowerCase());
}

export interface Principal {
  objectId: string;
  appId: string;
  tenantId: string;
}

export class EntraService {
  constructor(
    private readonly index: WorldIndex,
    private readonly mint: TokenMint,
  ) {}

  private tenantOf(segment: string): string {
    return AZURE_AD_DEFAULT_TENANTS.has(segment.toLowerCase()) ? this.index.world.gate.tenantId : segment;
  }

  /** The tenants the world knows: the gate's, its subscriptions' and their managedByTenants, the service principals'
   *  own (`tenantId`, an extension: where the SP lives, default the gate's) and their apps' (`appOwnerOrganizationId`). */
  knownTenants(): Set<string> {
    const w = this.index.world;
    const out = new Set<string>([w.gate.tenantId.toLowerCase()]);
    for (const s of w.azure.subscriptions) {
      if (s.tenantId) out.add(s.tenantId.toLowerCase());
      for (const m of managedByTenants(s)) out.add(m);
    }
    for (const sp of w.graph.servicePrincipals) {
      if (sp.appOwnerOrganizationId) out.add(sp.appOwnerOrganizationId.toLowerCase());
      if (typeof sp.tenantId === 'string') out.add(sp.tenantId.toLowerCase());
    }
    return out;
  }

  /** Whether an application may sign in in `tenant`: its home tenant (the gate's app and the world's applications live
   *  in the gate's tenant unless a service principal of the app names another `appOwnerOrganizationId`), or a tenant
   *  holding a service principal of that appId (a multitenant app). */
  private appUsableIn(clientId: string, tenant: string): boolean {
    const w = this.index.world;
    const id = clientId.toLowerCase();
    const t = tenant.toLowerCase();
    const sps = w.graph.servicePrincipals.filter((s) => s.appId.toLowerCase() === id);
    const home = (
      id === w.gate.clientId.toLowerCase()
        ? w.gate.tenantId
        : (sps.find((s) => s.appOwnerOrganizationId)?.appOwnerOrganizationId ?? w.gate.tenantId)
    ).toLowerCase();
    if (t === home) return true;
    return sps.some((s) => (typeof s.tenantId === 'string' ? s.tenantId : w.gate.tenantId).toLowerCase() === t);
  }

  handle(req: Req, segs: string[]): Reply | undefined {
    // /common/discovery/instance, /{tenant}/discovery/v2.0/keys
    if (segs[1] === 'discovery' && segs[2] === 'instance') return this.instanceDiscovery(req);
    if (segs[1] === 'discovery' && segs.at(-1) === 'keys') return json(200, { keys: [] });
    const rest = segs.slice(1).join('/').toLowerCase();
    const tenant = this.tenantOf(segs[0]);
    const served = ['v2.0/.well-known/openid-configuration', '.well-known/openid-configuration', 'oauth2/v2.0/token'];
    if ((served.includes(rest) || rest === 'oauth2/token') && !this.knownTenants().has(tenant.toLowerCase())) {
      // Real Entra, for a tenant id or domain it does not know (recorded shape of AADSTS90002).
      return aadError(
        400,
        rest.includes('openid-configuration') ? 'invalid_tenant' : 'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      );
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

  private instanceDiscovery(req: Req): Reply {
    const host = new URL(req.origin).host;
    // MSAL names the authority it validates (`authorization_endpoint=https://<host>/<tenant>/oauth2/v2.0/authorize`;
    // MSAL Python drops the port): the tenant discovery it is sent on to is that tenant's.
    let tenant = this.index.world.gate.tenantId;
    try {
      const seg = new URL(req.query.get('authorization_endpoint') ?? '').pathname.split('/')[1];
      if (seg) tenant = this.tenantOf(decodeURIComponent(seg));
    } catch {
      // no or bad authorization_endpoint: the gate's tenant
    }
    return json(200, {
      tenant_discovery_endpoint: `${req.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  }

  openIdConfiguration(origin: string, tenant: string): Record<string, unknown> {
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
  private principalFor(clientId: string, tenant: string): Principal | undefined {
    const gate = this.index.world.gate;
    if (clientId.toLowerCase() === gate.clientId.toLowerCase())
      return { objectId: gate.objectId, appId: gate.clientId, tenantId: tenant };
    const g = this.index.world.graph;
    const sp = g.servicePrincipals.find((s) => s.appId.toLowerCase() === clientId.toLowerCase());
    const app = g.applications.find((a) => a.appId.toLowerCase() === clientId.toLowerCase());
    if (!sp && !app && !(clientId in g.secrets)) return undefined;
    return { objectId: sp?.id ?? app?.id ?? clientId, appId: clientId, tenantId: tenant };
  }

  /** Checks a client secret; returns an error reply or undefined when accepted. */
  checkSecret(clientId: string, secret: string): 'ok' | 'invalid' | 'expired' {
    const gate = this.index.world.gate;
    if (clientId.toLowerCase() === gate.clientId.toLowerCase()) return secret === gate.clientSecret ? 'ok' : 'invalid';
    const accepted =
      Object.entries(this.index.world.graph.secrets).find(([k]) => k.toLowerCase() === clientId.toLowerCase())?.[1] ??
      [];
    if (!accepted.includes(secret)) return 'invalid';
    const app = this.index.world.graph.applications.find((a) => a.appId.toLowerCase() === clientId.toLowerCase());
    const cred = app?.passwordCredentials?.find((c) => c.hint !== undefined && secret.startsWith(c.hint));
    if (cred?.endDateTime && Date.parse(cred.endDateTime) <= Date.parse(this.index.world.now)) return 'expired';
    return 'ok';
  }

  private token(req: Req, tenant: string, v1: boolean): Reply {
    const f = form(req);
    const grant = f.get('grant_type');
    if (grant !== 'client_credentials') {
      return aadError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grant ?? ''}'.`,
      );
    }
    let clientId = f.get('client_id') ?? '';
    const assertion = f.get('client_assertion');
    if (!clientId && assertion) clientId = String(decodeJwt(assertion)?.sub ?? '');
    const principal = this.principalFor(clientId, tenant);
    if (!principal || !this.appUsableIn(clientId, tenant)) {
      return aadError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    if (assertion) {
      const claims = decodeJwt(assertion);
      if (!claims || (claims.sub !== undefined && String(claims.sub).toLowerCase() !== clientId.toLowerCase())) {
        return aadError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
      }
      if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
        return aadError(400, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
      }
    } else {
      const secret = f.get('client_secret') ?? '';
      const result = this.checkSecret(clientId, secret);
      if (result === 'invalid') {
        return aadError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        );
      }
      if (result === 'expired') {
        return aadError(
          401,
          'invalid_client',
          7000222,
          `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
        );
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
