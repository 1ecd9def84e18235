// Sign-in paths against a loopback Entra ID stand-in (HTTPS, ephemeral certificate trusted in-process) and a fake
// `az` on PATH. The stand-in serves the two endpoints MSAL needs once instance discovery is off: the tenant's
// OpenID configuration and its v2.0 token endpoint.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import tls from 'node:tls';
import { generate } from 'selfsigned';
import { createAzureContext, GITHUB_OIDC_AUDIENCE, NO_SIGN_IN_MESSAGE } from '../../src/facts/azure/sign-in.js';
import { ConfigurationError } from '../../src/settings/config.js';
import type { AzureEndpoints } from '../../src/types/facts/context.js';
import type { Logger } from '../../src/types/index.js';

const TENANT = 'aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa';
const CLIENT = 'cccccccc-cccc-cccc-cccc-cccccccccccc';
const SECRET = 'sEcReT~value-never-logged';
const GITHUB_TOKEN = 'header.github-oidc-token.signature';
// The fake az is a shell script: it needs sh, date and cat from the system directories.
const FAKE_AZ_DIR = resolve(import.meta.dirname, '../helpers/fake-az');

interface TokenRequest {
  tenant: string;
  form: URLSearchParams;
}

/** Entra ID stand-in: accepts the configured secret or assertion for CLIENT, rejects anything else like Entra does. */
class EntraStandIn {
  server!: Server;
  base = '';
  requests: TokenRequest[] = [];
  acceptAssertion = GITHUB_TOKEN;
  acceptSecret = SECRET;

  async start(cert: { cert: string; private: string }): Promise<void> {
    this.server = createServer({ cert: cert.cert, key: cert.private }, (req, res) => {
      const url = new URL(req.url ?? '/', this.base);
      const parts = url.pathname.split('/').filter(Boolean);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && parts[1] === 'v2.0' && url.pathname.endsWith('/.well-known/openid-configuration')) {
        const t = parts[0];
        send(200, {
          issuer: `${this.base}/${t}/v2.0`,
          authorization_endpoint: `${this.base}/${t}/oauth2/v2.0/authorize`,
          token_endpoint: `${this.base}/${t}/oauth2/v2.0/token`,
          end_session_endpoint: `${this.base}/${t}/oauth2/v2.0/logout`,
          jwks_uri: `${this.base}/${t}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        });
        return;
      }
      if (req.method === 'POST' && url.pathname.endsWith('/oauth2/v2.0/token')) {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          const form = new URLSearchParams(body);
          this.requests.push({ tenant: parts[0], form });
          const ok =
            parts[0] === TENANT &&
            form.get('client_id') === CLIENT &&
            ((form.get('client_assertion_type') === 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' &&
              form.get('client_assertion') === this.acceptAssertion) ||
              form.get('client_secret') === this.acceptSecret);
          if (!ok) {
            const assertion = form.has('client_assertion');
            send(401, {
              error: 'invalid_client',
              error_description: assertion
                ? 'AADSTS70021: No matching federated identity record found for presented assertion. Trace ID: 1\r\nCorrelation ID: 2'
                : 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value. Trace ID: 1',
              error_codes: [assertion ? 70021 : 7000215],
            });
            return;
          }
          const claims = Buffer.from(JSON.stringify({ tid: parts[0], appid: CLIENT, aud: form.get('scope') })).toString(
            'base64url',
          );
          send(200, {
            token_type: 'Bearer',
            expires_in: 3599,
            ext_expires_in: 3599,
            access_token: `eyJhbGciOiJub25lIn0.${claims}.sig`,
          });
        });
        return;
      }
      send(404, { error: 'not_found' });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  endpoints(): AzureEndpoints {
    return {
      name: 'loopback',
      authorityHost: this.base,
      resourceManager: 'https://127.0.0.1:1',
      graph: 'https://127.0.0.1:2',
      acrSuffixes: ['.azurecr.io'],
      acrScope: 'https://containerregistry.azure.net/.default',
    };
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    debug: (m) => lines.push(`debug: ${m}`),
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
  };
}

const entra = new EntraStandIn();
const savedEnv = { ...process.env };
let emptyDir = '';

beforeAll(async () => {
  const cert = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert.cert]);
  await entra.start(cert);
  emptyDir = await mkdtemp(join(tmpdir(), 'sign-in-'));
});

afterAll(async () => {
  await entra.stop();
  await rm(emptyDir, { recursive: true, force: true });
});

beforeEach(() => {
  entra.requests = [];
  entra.acceptAssertion = GITHUB_TOKEN;
  // No az on PATH unless a test puts the fake one there (this machine has none; a developer's might).
  process.env.PATH = emptyDir;
});

afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

describe('direct GitHub OIDC (client-id + tenant-id)', () => {
  it('exchanges the workflow OIDC token for the api://AzureADTokenExchange audience and probes ARM', async () => {
    const audiences: string[] = [];
    const logger = recordingLogger();
    const ctx = await createAzureContext({
      endpoints: entra.endpoints(),
      clientId: CLIENT,
      tenantId: TENANT,
      subscriptionId: '11111111-1111-1111-1111-111111111111',
      getIdToken: async (aud) => {
        audiences.push(aud);
        return GITHUB_TOKEN;
      },
      env: {},
      logger,
    });
    if ('unavailable' in ctx) throw new Error(ctx.unavailable);
    expect(ctx.method).toBe('github-oidc');
    expect(ctx.tenantId).toBe(TENANT);
    expect(ctx.subscriptionId).toBe('11111111-1111-1111-1111-111111111111');
    expect(audiences.length).toBeGreaterThan(0);
    expect(new Set(audiences)).toEqual(new Set([GITHUB_OIDC_AUDIENCE]));
    expect(entra.requests).toHaveLength(1);
    expect(entra.requests[0].form.get('scope')).toContain('https://127.0.0.1:1/.default');
    // The probe token is reused: the first ARM client does not trigger a second exchange.
    const token = await ctx.credential.getToken('https://127.0.0.1:1/.default');
    expect(token?.token).toMatch(/^eyJ/);
    expect(entra.requests).toHaveLength(1);
    expect(logger.lines.join('\n')).not.toContain(GITHUB_TOKEN);
  });

  it('names `permissions: id-token: write` when the job may not request an OIDC token', async () => {
    const attempt = createAzureContext({
      endpoints: entra.endpoints(),
      clientId: CLIENT,
      tenantId: TENANT,
      // What @actions/core's getIDToken throws when the job lacks the permission.
      getIdToken: async () => {
        throw new Error('Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
      },
      env: {},
      logger: recordingLogger(),
    });
    // A missing OIDC token is a missing sign-in (the job result then follows the findings), not a failed one.
    const result = await attempt;
    expect(result).toHaveProperty('unavailable');
    const message = (result as { unavailable: string }).unavailable;
    expect(message).toContain('permissions: id-token: write');
    expect(message).not.toContain('\n');
  });

  it('says the federated credential does not match when Entra refuses the assertion (AADSTS70021)', async () => {
    entra.acceptAssertion = 'some-other-token';
    const err = await createAzureContext({
      endpoints: entra.endpoints(),
      clientId: CLIENT,
      tenantId: TENANT,
      getIdToken: async () => GITHUB_TOKEN,
      env: {},
      logger: recordingLogger(),
    }).then(
      () => new Error('signed in'),
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/AADSTS70021/);
    expect(err.message).toMatch(/federated credential/);
    expect(err.message).not.toContain('\n');
    expect(err.message).not.toContain(GITHUB_TOKEN);
  });

  it('refuses client-id + tenant-id outside Actions instead of silently using another identity', async () => {
    await expect(
      createAzureContext({
        endpoints: entra.endpoints(),
        clientId: CLIENT,
        tenantId: TENANT,
        env: {},
        logger: recordingLogger(),
      }),
    ).rejects.toThrow(/GitHub OIDC token/);
  });
});

describe('Azure CLI session (azure/login)', () => {
  it('uses the az session when az is on PATH and logged in, asking for the ARM resource', async () => {
    const argsFile = join(emptyDir, 'az-args.txt');
    process.env.PATH = `${FAKE_AZ_DIR}:/usr/bin:/bin`;
    const claims = Buffer.from(JSON.stringify({ tid: TENANT })).toString('base64url');
    process.env.FAKE_AZ_TOKEN = `eyJhbGciOiJub25lIn0.${claims}.sig`;
    process.env.FAKE_AZ_ARGS_FILE = argsFile;
    const ctx = await createAzureContext({
      endpoints: entra.endpoints(),
      subscriptionId: '11111111-1111-1111-1111-111111111111',
      // An environment SP is present too: the CLI session comes first, as in azure/login workflows.
      env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET },
      logger: recordingLogger(),
    });
    if ('unavailable' in ctx) throw new Error(ctx.unavailable);
    expect(ctx.method).toBe('azure-cli');
    expect(ctx.tenantId).toBe(TENANT);
    const args = await readFile(argsFile, 'utf8');
    expect(args).toContain('account get-access-token --output json --resource https://127.0.0.1:1');
    expect(args).toContain('--subscription 11111111-1111-1111-1111-111111111111');
    expect(entra.requests).toHaveLength(0);
    // Later token requests for the same scope come from the cache, not from another az process.
    await ctx.credential.getToken('https://127.0.0.1:1/.default');
    expect((await readFile(argsFile, 'utf8')).trim().split('\n')).toHaveLength(1);
    await rm(argsFile, { force: true });
  });

  it('falls through to the environment service principal when az is installed but logged out', async () => {
    process.env.PATH = `${FAKE_AZ_DIR}:/usr/bin:/bin`;
    process.env.FAKE_AZ_STATE = 'logged-out';
    const logger = recordingLogger();
    const ctx = await createAzureContext({
      endpoints: entra.endpoints(),
      env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET },
      logger,
    });
    if ('unavailable' in ctx) throw new Error(ctx.unavailable);
    expect(ctx.method).toBe('environment-client-secret');
    expect(logger.lines.join('\n')).not.toContain(SECRET);
  });

  it('reports a logged-in az that cannot get a token, in one line', async () => {
    process.env.PATH = `${FAKE_AZ_DIR}:/usr/bin:/bin`;
    process.env.FAKE_AZ_STATE = 'broken';
    const err = await createAzureContext({ endpoints: entra.endpoints(), env: {}, logger: recordingLogger() }).then(
      () => new Error('signed in'),
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/Azure CLI session.*AADSTS700024/);
  });
});

describe('environment service principal', () => {
  it('signs in with AZURE_CLIENT_ID / AZURE_TENANT_ID / AZURE_CLIENT_SECRET against the configured authority', async () => {
    const ctx = await createAzureContext({
      endpoints: entra.endpoints(),
      env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: SECRET },
      logger: recordingLogger(),
    });
    if ('unavailable' in ctx) throw new Error(ctx.unavailable);
    expect(ctx.method).toBe('environment-client-secret');
    expect(ctx.tenantId).toBe(TENANT);
    expect(entra.requests[0].form.get('client_secret')).toBe(SECRET);
  });

  it('fails fast on a rejected client secret without echoing the secret', async () => {
    const wrong = 'wrong~secret-value';
    const err = await createAzureContext({
      endpoints: entra.endpoints(),
      env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_CLIENT_SECRET: wrong },
      logger: recordingLogger(),
    }).then(
      () => new Error('signed in'),
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toMatch(/AADSTS7000215/);
    expect(err.message).toMatch(/secret is wrong or expired/);
    expect(err.message).not.toContain(wrong);
  });
});

describe('workload identity', () => {
  it('signs in with the federated token file when AZURE_FEDERATED_TOKEN_FILE is set', async () => {
    const file = join(emptyDir, 'azure-identity-token');
    await writeFile(file, 'workload-identity-token');
    entra.acceptAssertion = 'workload-identity-token';
    const ctx = await createAzureContext({
      endpoints: entra.endpoints(),
      env: { AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT, AZURE_FEDERATED_TOKEN_FILE: file },
      logger: recordingLogger(),
    });
    if ('unavailable' in ctx) throw new Error(ctx.unavailable);
    expect(ctx.method).toBe('workload-identity');
    expect(entra.requests[0].form.get('client_assertion')).toBe('workload-identity-token');
    await rm(file, { force: true });
  });
});

describe('no sign-in', () => {
  it('returns one line saying what to add to the workflow when nothing is configured', async () => {
    const ctx = await createAzureContext({ endpoints: entra.endpoints(), env: {}, logger: recordingLogger() });
    expect(ctx).toEqual({ unavailable: NO_SIGN_IN_MESSAGE });
    expect(NO_SIGN_IN_MESSAGE).toMatch(/azure\/login/);
    expect(NO_SIGN_IN_MESSAGE).toMatch(/id-token: write/);
    expect(NO_SIGN_IN_MESSAGE).not.toContain('\n');
    expect(entra.requests).toHaveLength(0);
  });
});
