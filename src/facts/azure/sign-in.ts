// Azure sign-in for the gate's own identity: picks one credential from @azure/identity in the order users expect in
// GitHub Actions, probes it once with an ARM token request, and returns the AzureContext every fact collector uses.
// Order: direct GitHub OIDC (client-id + tenant-id), the Azure CLI session `azure/login` leaves, an environment service
// principal, workload identity. No usable sign-in is not a failure: the gate runs its non-Azure checks and says what
// to add to the workflow. A sign-in the user configured that does not work is a ConfigurationError (one line, exit 2).

import type { AccessToken, AzureCliCredential, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ConfigurationError } from '../../settings/config.js';
import type { AzureContext, AzureEndpoints } from '../../types/facts/context.js';
import type { Logger } from '../../types/index.js';
import { armScope, isKnownCloud } from './clouds.js';
import { isAcrHost, ACR_SUFFIXES } from '../../lib/acr-host.js';
import { parsePullSecret } from '../../lib/docker-config.js';
import type { Inventory } from '../../types/index.js';

/** The audience GitHub's OIDC token must carry for Entra ID workload identity federation. */
export const GITHUB_OIDC_AUDIENCE = 'api://AzureADTokenExchange';

export type SignInMethod =
  'github-oidc' | 'azure-cli' | 'environment-client-secret' | 'environment-client-certificate' | 'workload-identity';

export type SignedInContext = AzureContext & { method: SignInMethod };

export interface SignInOptions {
  endpoints: AzureEndpoints;
  /** `client-id` input: with tenantId and getIdToken, sign in directly with the workflow's GitHub OIDC token. */
  clientId?: string;
  tenantId?: string;
  subscriptionId?: string;
  /** Fetches a GitHub OIDC token for an audience (`core.getIDToken` in the action; absent in the CLI). */
  getIdToken?: (audience: string) => Promise<string>;
  /** Environment to read AZURE_* variables from (process.env by default). */
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  /** Time limit for one `az account get-access-token` call, milliseconds. */
  cliTimeoutMs?: number;
}

export const NO_SIGN_IN_MESSAGE =
  'No Azure sign-in: add an azure/login step before the gate, or give the gate client-id and tenant-id ' +
  '(with `permissions: id-token: write` on the job), to check cluster, registry, RBAC and network facts';

/**
 * Chooses, probes and returns the gate's Azure credential, or `{unavailable}` with one line saying what to add to
 * the workflow. Throws ConfigurationError when a sign-in that is configured fails (so the user hears about it,
 * instead of silently getting a gate that checks less).
 */
export async function createAzureContext(opts: SignInOptions): Promise<SignedInContext | { unavailable: string }> {
  // Loaded here, not at the top: a run that never signs in loads no Azure SDK (docs/DESIGN.md, "Loading").
  const { AzureCliCredential, ClientAssertionCredential, ClientCertificateCredential, ClientSecretCredential } =
    await import('@azure/identity');
  const env = opts.env ?? process.env;
  const authority = authorityOptions(opts.endpoints);
  const scope = armScope(opts.endpoints);

  // 1. Direct GitHub OIDC: explicit inputs win over anything the environment holds.
  if (opts.clientId && opts.tenantId) {
    if (!opts.getIdToken) {
      throw new ConfigurationError(
        'client-id and tenant-id sign in with a GitHub OIDC token, which exists only inside GitHub Actions: ' +
          'outside Actions, sign in with `az login` or AZURE_CLIENT_ID/AZURE_TENANT_ID/AZURE_CLIENT_SECRET instead',
      );
    }
    const getIdToken = opts.getIdToken;
    let idTokenError: unknown;
    const credential = new ClientAssertionCredential(
      opts.tenantId,
      opts.clientId,
      async () => {
        try {
          return await getIdToken(GITHUB_OIDC_AUDIENCE);
        } catch (err) {
          idTokenError = err;
          throw err;
        }
      },
      authority,
    );
    let token: AccessToken;
    try {
      token = await probe(credential, scope, (err) =>
        idTokenError !== undefined
          ? idTokenFailure(idTokenError)
          : entraFailure('GitHub OIDC (client-id ' + opts.clientId + ')', err),
      );
    } catch (err) {
      // No OIDC token for this job (no `id-token: write`, or a fork PR that never gets one) is a missing sign-in,
      // not a broken one: the Azure checks become unverifiable and the job result follows the findings.
      if (idTokenError !== undefined) return { unavailable: idTokenFailure(idTokenError) };
      throw err;
    }
    return signedIn('github-oidc', credential, token, opts, opts.tenantId);
  }

  // 2. The Azure CLI session azure/login leaves behind (also a developer's `az login`).
  const cli = new AzureCliCredential({
    ...(opts.tenantId ? { tenantId: opts.tenantId } : {}),
    ...(opts.subscriptionId ? { subscription: opts.subscriptionId } : {}),
    processTimeoutInMs: opts.cliTimeoutMs ?? 30_000,
  });
  const cliToken = await tryAzureCli(cli, scope, opts.logger);
  if (cliToken) return signedIn('azure-cli', cli, cliToken, opts, undefined);

  // 3. A service principal in the environment (what DefaultAzureCredential's EnvironmentCredential reads).
  const envTenant = env.AZURE_TENANT_ID;
  const envClient = env.AZURE_CLIENT_ID;
  if (envTenant && envClient && env.AZURE_CLIENT_SECRET) {
    const credential = new ClientSecretCredential(envTenant, envClient, env.AZURE_CLIENT_SECRET, authority);
    const token = await probe(credential, scope, (err) =>
      entraFailure(`the service principal in AZURE_CLIENT_ID (${envClient}) with AZURE_CLIENT_SECRET`, err),
    );
    return signedIn('environment-client-secret', credential, token, opts, envTenant);
  }
  if (envTenant && envClient && env.AZURE_CLIENT_CERTIFICATE_PATH) {
    const credential = new ClientCertificateCredential(
      envTenant,
      envClient,
      {
        certificatePath: env.AZURE_CLIENT_CERTIFICATE_PATH,
        ...(env.AZURE_CLIENT_CERTIFICATE_PASSWORD
          ? { certificatePassword: env.AZURE_CLIENT_CERTIFICATE_PASSWORD }
          : {}),
      },
      authority,
    );
    const token = await probe(credential, scope, (err) =>
      entraFailure(`the service principal in AZURE_CLIENT_ID (${envClient}) with AZURE_CLIENT_CERTIFICATE_PATH`, err),
    );
    return signedIn('environment-client-certificate', credential, token, opts, envTenant);
  }

  // 4. Workload identity (a self-hosted runner on AKS with the workload identity webhook).
  if (envTenant && envClient && env.AZURE_FEDERATED_TOKEN_FILE) {
    const { WorkloadIdentityCredential } = await import('@azure/identity');
    const credential = new WorkloadIdentityCredential({
      tenantId: envTenant,
      clientId: envClient,
      tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
      ...authority,
    });
    const token = await probe(credential, scope, (err) =>
      entraFailure(`workload identity (AZURE_CLIENT_ID ${envClient}, AZURE_FEDERATED_TOKEN_FILE)`, err),
    );
    return signedIn('workload-identity', credential, token, opts, envTenant);
  }

  return { unavailable: NO_SIGN_IN_MESSAGE };
}

/** Options every MSAL-backed credential gets: the cloud's authority, and no instance discovery off the known clouds. */
function authorityOptions(endpoints: AzureEndpoints): { authorityHost: string; disableInstanceDiscovery?: boolean } {
  // MSAL asks login.microsoftonline.com to validate any authority it does not know; a custom cloud (the emulator,
  // Azure Stack Hub) is unknown there and the discovery call would fail or leak the run's existence.
  return isKnownCloud(endpoints)
    ? { authorityHost: endpoints.authorityHost }
    : { authorityHost: endpoints.authorityHost, disableInstanceDiscovery: true };
}

async function probe(
  credential: TokenCredential,
  scope: string,
  explain: (err: unknown) => string,
): Promise<AccessToken> {
  let token: AccessToken | null;
  try {
    token = await credential.getToken(scope);
  } catch (err) {
    throw new ConfigurationError(explain(err));
  }
  if (!token) throw new ConfigurationError(explain(new Error('no token returned')));
  return token;
}

/** The CLI path is "not there" when az is missing or not logged in; any other failure of a logged-in az is reported. */
async function tryAzureCli(cli: AzureCliCredential, scope: string, logger: Logger): Promise<AccessToken | undefined> {
  try {
    return (await cli.getToken(scope)) ?? undefined;
  } catch (err) {
    const message = errorMessage(err);
    if (/could not be found|az login|not recognized|ENOENT/i.test(message)) {
      logger.debug(`Azure CLI sign-in not available: ${oneLine(message)}`);
      return undefined;
    }
    throw new ConfigurationError(`The Azure CLI session could not get an ARM token: ${oneLine(message)}`);
  }
}

function idTokenFailure(err: unknown): string {
  const message = errorMessage(err);
  if (/ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(message)) {
    return (
      'client-id and tenant-id need a GitHub OIDC token, and this job may not request one: ' +
      'add `permissions: id-token: write` to the workflow job (pull requests from forks never get one)'
    );
  }
  return `Could not get a GitHub OIDC token for ${GITHUB_OIDC_AUDIENCE}: ${oneLine(message)}`;
}

function entraFailure(what: string, err: unknown): string {
  const message = oneLine(errorMessage(err));
  const code = /AADSTS\d+/.exec(message)?.[0];
  let hint = '';
  if (code === 'AADSTS70021' || code === 'AADSTS700213' || code === 'AADSTS700211') {
    hint = ' (the app has no federated credential matching this workflow: check its issuer and subject)';
  } else if (code === 'AADSTS7000215' || code === 'AADSTS7000222') {
    hint = ' (the client secret is wrong or expired)';
  } else if (code === 'AADSTS700016') {
    hint = ' (no application with this client id in the tenant)';
  } else if (code === 'AADSTS90002') {
    hint = ' (tenant not found: check tenant-id / AZURE_TENANT_ID and azure-environment)';
  }
  return `Azure sign-in with ${what} failed${hint}: ${message}`;
}

async function signedIn(
  method: SignInMethod,
  credential: TokenCredential,
  probeToken: AccessToken,
  opts: SignInOptions,
  knownTenant: string | undefined,
): Promise<SignedInContext> {
  const tenantId = knownTenant ?? tenantOfToken(probeToken.token);
  opts.logger.info(`Signed in to Azure (${opts.endpoints.name}) with ${describe(method)}`);
  return {
    method,
    credential: cachingCredential(credential, probeToken, armScope(opts.endpoints)),
    endpoints: opts.endpoints,
    ...(opts.subscriptionId ? { subscriptionId: opts.subscriptionId } : {}),
    ...(tenantId ? { tenantId } : {}),
  };
}

function describe(method: SignInMethod): string {
  switch (method) {
    case 'github-oidc':
      return 'the workflow GitHub OIDC token';
    case 'azure-cli':
      return 'the Azure CLI session';
    case 'environment-client-secret':
      return 'the service principal in AZURE_CLIENT_ID/AZURE_CLIENT_SECRET';
    case 'environment-client-certificate':
      return 'the service principal in AZURE_CLIENT_ID/AZURE_CLIENT_CERTIFICATE_PATH';
    case 'workload-identity':
      return 'workload identity (AZURE_FEDERATED_TOKEN_FILE)';
  }
}

/** The `tid` claim of an Entra access token (read for information only, never trusted for a decision). */
export function tenantOfToken(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}

/** What decides whether a run needs an Azure sign-in at all (see `azureNeed`). */
export interface AzureNeedInput {
  mode: 'check' | 'audit';
  cluster?: string;
  offline?: boolean;
  /** Live cluster reads possible (cluster reads on and a kubeconfig found): pull secrets may come from the cluster. */
  liveSecrets: boolean;
  inventory: Pick<Inventory, 'uses' | 'secrets'>;
  endpoints: Pick<AzureEndpoints, 'acrSuffixes'>;
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Why this run needs an Azure sign-in, or undefined when nothing in it reads an Azure fact (pure). Azure facts are
 * read for: the cluster (`cluster`, audits), an ACR image (Entra token exchange, registry discovery, cache rules), a
 * pull-secret credential for an ACR (its admin user, scoped tokens) or of a service principal (Graph expiry), and a
 * pull secret the cluster holds (unknown until read, so it counts). A run with none of these starts no credential and
 * no `az` process (a Python start-up of ~0.6 s on a hosted runner).
 */
export function azureNeed(input: AzureNeedInput): string | undefined {
  if (input.offline) return undefined;
  if (input.mode === 'audit') return 'the audit reads Azure';
  if (input.cluster) return 'a cluster is named';
  const suffixes = [...new Set([...input.endpoints.acrSuffixes, ...ACR_SUFFIXES])];
  // Thousands of pods name a handful of registries: each registry is judged once, in the order the pods name them.
  const registries = new Set<string>();
  for (const u of input.inventory.uses) if (u.ref) registries.add(u.ref.registry);
  for (const registry of registries)
    if (isAcrHost(registry, suffixes)) return `${registry} is an Azure Container Registry`;
  const named = new Set(input.inventory.uses.flatMap((u) => u.pullSecrets.map((n) => `${u.namespace}/${n}`)));
  for (const s of input.inventory.secrets) {
    if (!named.has(`${s.namespace}/${s.name}`)) continue;
    const parsed = parsePullSecret(s, () => undefined);
    if (!parsed.ok) continue;
    for (const c of parsed.credentials)
      if (isAcrHost(c.server, suffixes) || GUID_RE.test(c.username))
        return `pull secret ${s.namespace}/${s.name} holds an Azure credential`;
  }
  // The cluster may hold pull secrets (named by pods, or on their ServiceAccounts) whose credentials are Azure ones:
  // unknown until read, so a run that can read them signs in.
  if (input.liveSecrets && input.inventory.uses.some((u) => u.ref)) return 'pull secrets may be read from the cluster';
  return undefined;
}

const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Shares tokens between the many SDK clients the facts create: each client's pipeline caches its own token, and the
 * Azure CLI credential spawns `az` (a second or more) for every request it gets. Concurrent callers share one request.
 */
export function cachingCredential(inner: TokenCredential, seed?: AccessToken, seedScope?: string): TokenCredential {
  const cache = new Map<string, AccessToken>();
  const inflight = new Map<string, Promise<AccessToken | null>>();
  if (seed && seedScope) cache.set(seedScope, seed);
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      // Claims challenges must reach the real credential; a tenant switch is cached under its own key, so `az` (or
      // any credential) is asked at most once per scope and tenant.
      if (options?.claims) return inner.getToken(scopes, options);
      const scopeKey = typeof scopes === 'string' ? scopes : [...scopes].sort().join(' ');
      const key = options?.tenantId ? `${scopeKey}\n${options.tenantId.toLowerCase()}` : scopeKey;
      const cached = cache.get(key);
      if (cached && cached.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now()) return cached;
      let pending = inflight.get(key);
      if (!pending) {
        pending = inner.getToken(scopes, options).finally(() => inflight.delete(key));
        inflight.set(key, pending);
      }
      const token = await pending;
      if (token) cache.set(key, token);
      return token;
    },
  };
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** First meaningful line, capped: Entra errors carry trace ids and a wall of help after the AADSTS line. */
function oneLine(message: string): string {
  const first = message
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !/^Error message:\s*$/.test(l));
  const line = (first ?? 'unknown error').replace(/\s+/g, ' ');
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
