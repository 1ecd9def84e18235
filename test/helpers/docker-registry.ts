// Starts Debian's real `docker-registry` (CNCF distribution 2.8.2) on 127.0.0.1 with TLS, in three modes:
// no auth, htpasswd Basic (bcrypt, computed here: no htpasswd binary needed), and token auth whose realm is a small
// token server of the tests (JWT signed with RS256, `x5c` chain to the configured rootcertbundle; see TRAPS.md).
// Also: the test CA and a fetch that trusts it. Everything started here is stopped by `stop()`.

import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, createSign, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { Agent, request as undiciRequest } from 'undici';
import type { WireRequest } from '../../src/types/facts/context.js';

export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry';

/** Fails with the command that fixes it when the binary is absent. */
export function requireDockerRegistry(): string {
  if (!existsSync(DOCKER_REGISTRY_BIN)) {
    throw new Error(
      `${DOCKER_REGISTRY_BIN} is missing: install it with \`sudo apt-get install -y docker-registry\` (Debian/Ubuntu), then rerun the tests`,
    );
  }
  return DOCKER_REGISTRY_BIN;
}

// ---------------------------------------------------------------------------------------------------------------
// TLS material

export interface TestTls {
  cert: string;
  key: string;
}

let tlsPromise: Promise<TestTls> | undefined;

/** One self-signed certificate per test process, valid for 127.0.0.1, ::1 and localhost; it is also the CA. */
export function testTls(): Promise<TestTls> {
  tlsPromise ??= generate([{ name: 'commonName', value: 'aks-pull-gate test CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  }).then((p) => ({ cert: p.cert, key: p.private }));
  return tlsPromise;
}

/**
 * A fetch, and undici's `request` (the registry clients' transport in the gate), that trust the test CA, over one
 * undici 7 Agent. Close the agent with `close()`.
 */
export function trustingFetch(
  ca: string,
  connections = 64,
): { fetch: typeof globalThis.fetch; request: WireRequest; close: () => Promise<void> } {
  const agent = new Agent({ connect: { ca }, connections, keepAliveTimeout: 10_000 });
  const f = ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    fetch(input, { ...init, dispatcher: agent } as RequestInit)) as typeof globalThis.fetch;
  const request: WireRequest = (url, init) => undiciRequest(url, { ...init, dispatcher: agent });
  return { fetch: f, request, close: () => agent.close() };
}

// ---------------------------------------------------------------------------------------------------------------
// bcrypt (for htpasswd). Blowfish's initial state is the fractional hex digits of pi, computed here with BigInt
// (Machin's formula) instead of pasting 4 KB of constants.

let blowfishInit: Uint32Array | undefined;

function piWords(): Uint32Array {
  if (blowfishInit) return blowfishInit;
  const words = 18 + 4 * 256;
  const guard = 64n;
  const bits = BigInt(words * 32) + guard;
  const atanInv = (x: bigint): bigint => {
    const x2 = x * x;
    let term = (1n << bits) / x;
    let sum = term;
    for (let k = 1n; term !== 0n; k++) {
      term /= x2;
      const t = term / (2n * k + 1n);
      sum += k % 2n === 1n ? -t : t;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  const frac = (pi - (3n << bits)) >> guard;
  const out = new Uint32Array(words);
  for (let i = 0; i < words; i++) out[i] = Number((frac >> BigInt((words - 1 - i) * 32)) & 0xffffffffn);
  blowfishInit = out;
  return out;
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function bcryptEncode(data: Uint8Array, chars: number): string {
  let out = '';
  let acc = 0;
  let accBits = 0;
  for (const byte of data) {
    acc = (acc << 8) | byte;
    accBits += 8;
    while (accBits >= 6) {
      out += BCRYPT_ALPHABET[(acc >> (accBits - 6)) & 63];
      accBits -= 6;
    }
  }
  if (accBits > 0) out += BCRYPT_ALPHABET[(acc << (6 - accBits)) & 63];
  return out.slice(0, chars);
}

function bcryptDecode(text: string, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let acc = 0;
  let accBits = 0;
  let n = 0;
  for (const ch of text) {
    acc = ((acc << 6) | BCRYPT_ALPHABET.indexOf(ch)) & 0xffffff;
    accBits += 6;
    if (accBits >= 8 && n < bytes) {
      out[n++] = (acc >> (accBits - 8)) & 0xff;
      accBits -= 8;
    }
  }
  return out;
}

/** bcrypt of `password` with the given cost and 16-byte salt, as `$2y$CC$<22 salt><31 hash>`. */
export function bcryptHash(password: string, cost = 4, salt: Uint8Array = randomBytes(16), prefix = '2y'): string {
  const init = piWords();
  const P = init.slice(0, 18);
  const S = init.slice(18);
  const F = (x: number): number => {
    const a = S[x >>> 24] ?? 0;
    const b = S[256 + ((x >>> 16) & 0xff)] ?? 0;
    const c = S[512 + ((x >>> 8) & 0xff)] ?? 0;
    const d = S[768 + (x & 0xff)] ?? 0;
    return ((((a + b) >>> 0) ^ c) + d) >>> 0;
  };
  const lr = new Uint32Array(2);
  const encipher = (): void => {
    let l = lr[0] ?? 0;
    let r = lr[1] ?? 0;
    for (let i = 0; i < 16; i += 2) {
      l = (l ^ (P[i] ?? 0)) >>> 0;
      r = (r ^ F(l)) >>> 0;
      r = (r ^ (P[i + 1] ?? 0)) >>> 0;
      l = (l ^ F(r)) >>> 0;
    }
    lr[0] = (r ^ (P[17] ?? 0)) >>> 0;
    lr[1] = (l ^ (P[16] ?? 0)) >>> 0;
  };
  const streamWord = (data: Uint8Array, pos: { i: number }): number => {
    let w = 0;
    for (let k = 0; k < 4; k++) {
      w = ((w << 8) | (data[pos.i] ?? 0)) >>> 0;
      pos.i = (pos.i + 1) % data.length;
    }
    return w;
  };
  const key = Buffer.concat([Buffer.from(password, 'utf8'), Buffer.from([0])]).subarray(0, 72);
  const expand = (withSalt: Uint8Array | undefined, k: Uint8Array): void => {
    const kp = { i: 0 };
    for (let i = 0; i < 18; i++) P[i] = ((P[i] ?? 0) ^ streamWord(k, kp)) >>> 0;
    const sp = { i: 0 };
    lr[0] = 0;
    lr[1] = 0;
    const step = (): void => {
      if (withSalt) {
        lr[0] = ((lr[0] ?? 0) ^ streamWord(withSalt, sp)) >>> 0;
        lr[1] = ((lr[1] ?? 0) ^ streamWord(withSalt, sp)) >>> 0;
      }
      encipher();
    };
    for (let i = 0; i < 18; i += 2) {
      step();
      P[i] = lr[0] ?? 0;
      P[i + 1] = lr[1] ?? 0;
    }
    for (let i = 0; i < 1024; i += 2) {
      step();
      S[i] = lr[0] ?? 0;
      S[i + 1] = lr[1] ?? 0;
    }
  };
  expand(salt, key);
  for (let round = 0; round < 2 ** cost; round++) {
    expand(undefined, key);
    expand(undefined, salt);
  }
  const ctext = Uint32Array.from([0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274]);
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 6; j += 2) {
      lr[0] = ctext[j] ?? 0;
      lr[1] = ctext[j + 1] ?? 0;
      encipher();
      ctext[j] = lr[0] ?? 0;
      ctext[j + 1] = lr[1] ?? 0;
    }
  }
  const out = new Uint8Array(24);
  for (let i = 0; i < 6; i++) {
    const w = ctext[i] ?? 0;
    out[i * 4] = w >>> 24;
    out[i * 4 + 1] = (w >>> 16) & 0xff;
    out[i * 4 + 2] = (w >>> 8) & 0xff;
    out[i * 4 + 3] = w & 0xff;
  }
  return `$${prefix}$${String(cost).padStart(2, '0')}$${bcryptEncode(salt, 22)}${bcryptEncode(out.subarray(0, 23), 31)}`;
}

/** bcrypt with the salt given in its 22-character encoding (for known-answer tests). */
export function bcryptWithEncodedSalt(password: string, cost: number, salt22: string, prefix = '2a'): string {
  return bcryptHash(password, cost, bcryptDecode(salt22, 16), prefix);
}

// ---------------------------------------------------------------------------------------------------------------
// Token server (realm for mode "token")

export interface TestUser {
  username: string;
  password: string;
}

export interface TokenRequestRecord {
  method: string;
  /** Host header the request came to (tells the hostile realm from the good one). */
  host: string;
  scope: string[];
  /** Username of a Basic Authorization header, if any. */
  basicUser?: string;
  /** Whether any secret (Basic password or refresh token) arrived. */
  carriedSecret: boolean;
  grantType?: string;
}

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  requests: TokenRequestRecord[];
  /** Refresh tokens the server accepts (POST grant_type=refresh_token). */
  refreshTokens: Set<string>;
  /** Mint a token directly (for pushing). */
  mint(subject: string, scopes: string[]): string;
  stop(): Promise<void>;
}

interface Access {
  type: string;
  name: string;
  actions: string[];
}

function parseScope(scope: string): Access | undefined {
  const m = /^([a-z0-9]+):(.+):([a-z_*,]+)$/.exec(scope);
  if (!m || !m[1] || !m[2] || !m[3]) return undefined;
  return { type: m[1], name: m[2], actions: m[3].split(',') };
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export interface TokenServerOptions {
  users: TestUser[];
  /** Anonymous requests get pull on repositories under this prefix (default `public/`). */
  anonymousPrefix?: string;
  /** Hostname written into the realm URL (default 127.0.0.1): `localhost` makes a realm on "another host". */
  realmHost?: string;
  service?: string;
}

export async function startTokenServer(tls: TestTls, opts: TokenServerOptions): Promise<TokenServer> {
  const issuer = 'aks-pull-gate-test-issuer';
  const service = opts.service ?? 'aks-pull-gate-test-registry';
  const anonymousPrefix = opts.anonymousPrefix ?? 'public/';
  const key = createPrivateKey(tls.key);
  const x5c = [new X509Certificate(tls.cert).raw.toString('base64')];
  const requests: TokenRequestRecord[] = [];
  const refreshTokens = new Set<string>();

  const mint = (subject: string, scopes: string[]): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', x5c };
    const claims = {
      iss: issuer,
      sub: subject,
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access: scopes.map(parseScope).filter((a): a is Access => a !== undefined),
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(key);
    return `${signingInput}.${b64url(signature)}`;
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://token.invalid');
    if (url.pathname !== '/token') {
      res.writeHead(404).end();
      return;
    }
    const record: TokenRequestRecord = {
      method: req.method ?? 'GET',
      host: req.headers.host ?? '',
      scope: [],
      carriedSecret: false,
    };
    requests.push(record);
    let subject: string | undefined;
    let scopes: string[];
    const authz = req.headers.authorization;
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      record.grantType = form.get('grant_type') ?? '';
      scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
      const rt = form.get('refresh_token');
      if (rt) record.carriedSecret = true;
      if (record.grantType !== 'refresh_token' || !rt || !refreshTokens.has(rt)) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      }
      subject = 'refresh-token-user';
    } else {
      scopes = url.searchParams
        .getAll('scope')
        .flatMap((s) => s.split(' '))
        .filter(Boolean);
      if (authz?.startsWith('Basic ')) {
        const [user, ...rest] = Buffer.from(authz.slice(6), 'base64').toString('utf8').split(':');
        const password = rest.join(':');
        record.carriedSecret = true;
        if (user !== undefined) record.basicUser = user;
        if (!opts.users.some((u) => u.username === user && u.password === password)) {
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"details":"invalid credentials"}');
          return;
        }
        subject = user;
      }
    }
    record.scope = scopes;
    const granted =
      subject !== undefined
        ? scopes
        : scopes
            .filter((s) => parseScope(s)?.name.startsWith(anonymousPrefix))
            .map((s) => s.replace(/:[^:]+$/, ':pull'));
    const token = mint(subject ?? 'anonymous', granted);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  };

  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    handler(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await listen(server);
  const port = (server.address() as AddressInfo).port;
  return {
    realm: `https://${opts.realmHost ?? '127.0.0.1'}:${port}/token`,
    service,
    issuer,
    requests,
    refreshTokens,
    mint,
    stop: () => closeServer(server),
  };
}

export function listen(server: Server, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The registry process

export type RegistryAuthMode = 'none' | 'htpasswd' | 'token';

export interface StartOptions {
  auth: RegistryAuthMode;
  /** Users for htpasswd and the token server (default: one `pusher` user). */
  users?: TestUser[];
  /** Token mode: the realm the registry's challenge names (default: the test token server on 127.0.0.1). */
  realmHost?: string;
}

export interface DockerRegistry {
  /** `127.0.0.1:PORT`, usable as an image reference's registry. */
  host: string;
  base: URL;
  ca: string;
  mode: RegistryAuthMode;
  users: TestUser[];
  tokenServer?: TokenServer;
  /** Authorization for pushing (admin rights) to a repository scope, per mode. */
  pushAuthorization(repository: string): Promise<string | undefined>;
  logs(): string;
  stop(): Promise<void>;
}

export const DEFAULT_USER: TestUser = { username: 'pusher', password: 'correct horse battery staple' };

export async function startDockerRegistry(opts: StartOptions): Promise<DockerRegistry> {
  const bin = requireDockerRegistry();
  const tls = await testTls();
  const users = opts.users ?? [DEFAULT_USER];
  const dir = await mkdtemp(join(tmpdir(), 'apg-registry-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  await writeFile(certPath, tls.cert);
  await writeFile(keyPath, tls.key);

  let tokenServer: TokenServer | undefined;
  let authBlock = '';
  if (opts.auth === 'htpasswd') {
    const htpasswd = join(dir, 'htpasswd');
    await writeFile(htpasswd, users.map((u) => `${u.username}:${bcryptHash(u.password, 5)}`).join('\n') + '\n');
    authBlock = `auth:\n  htpasswd:\n    realm: aks-pull-gate-test\n    path: ${htpasswd}\n`;
  } else if (opts.auth === 'token') {
    // The realm is fixed in the config, so the token server must be up first.
    const tsOpts: TokenServerOptions = { users };
    if (opts.realmHost) tsOpts.realmHost = opts.realmHost;
    tokenServer = await startTokenServer(tls, tsOpts);
    const bundle = join(dir, 'token-root.pem');
    await writeFile(bundle, tls.cert);
    authBlock =
      `auth:\n  token:\n    realm: ${tokenServer.realm}\n    service: ${tokenServer.service}\n` +
      `    issuer: ${tokenServer.issuer}\n    rootcertbundle: ${bundle}\n`;
  }
  const config = join(dir, 'config.yml');
  await writeFile(
    config,
    `version: 0.1\nlog:\n  level: info\n  formatter: text\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n` +
      `  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:0\n  secret: ${randomBytes(16).toString('hex')}\n` +
      `  tls:\n    certificate: ${certPath}\n    key: ${keyPath}\n${authBlock}`,
  );

  const child = spawn(bin, ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`docker-registry did not start in 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`docker-registry exited with ${code}:\n${output}`));
    });
  }).catch(async (err: unknown) => {
    await stopChild(child);
    await tokenServer?.stop();
    await rm(dir, { recursive: true, force: true });
    throw err;
  });

  const host = `127.0.0.1:${port}`;
  const admin = users[0] ?? DEFAULT_USER;
  const registry: DockerRegistry = {
    host,
    base: new URL(`https://${host}/`),
    ca: tls.cert,
    mode: opts.auth,
    users,
    pushAuthorization: async (repository) => {
      if (opts.auth === 'none') return undefined;
      if (opts.auth === 'htpasswd') {
        return `Basic ${Buffer.from(`${admin.username}:${admin.password}`).toString('base64')}`;
      }
      return `Bearer ${tokenServer?.mint(admin.username, [`repository:${repository}:pull,push`]) ?? ''}`;
    },
    logs: () => output,
    stop: async () => {
      await stopChild(child);
      await tokenServer?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  if (tokenServer) registry.tokenServer = tokenServer;
  return registry;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
