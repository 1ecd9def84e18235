import { describe, expect, it } from 'vitest';
import { LiveCredentialChecker, grantedPull } from '../../../../src/facts/credentials/live-check.js';

function jwt(claims: Record<string, unknown>): string {
  const b = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'none' })}.${b(claims)}.sig`;
}

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(handler: Handler, seen: { url: string; auth?: string }[] = []): typeof globalThis.fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init.headers);
    seen.push({ url: url.toString(), auth: headers.get('authorization') ?? undefined });
    return handler(url, init);
  }) as typeof globalThis.fetch;
}

const challenge = (realm: string) =>
  new Response(null, {
    status: 401,
    headers: { 'www-authenticate': `Bearer realm="${realm}",service="r.example.com"` },
  });

describe('LiveCredentialChecker', () => {
  it('says works when the token grants pull on the repository', async () => {
    const f = fakeFetch((url) =>
      url.pathname === '/v2/'
        ? challenge('https://r.example.com/token')
        : Response.json({ token: jwt({ access: [{ type: 'repository', name: 'org/app', actions: ['pull'] }] }) }),
    );
    const r = await new LiveCredentialChecker({ fetch: f }).check('r.example.com', 'org/app', 'robot', 'pw-CANARY');
    expect(r).toEqual({ state: 'works' });
  });

  it('says rejected when the token endpoint answers 401 to the credential', async () => {
    const f = fakeFetch((url) =>
      url.pathname === '/v2/' ? challenge('https://r.example.com/token') : new Response(null, { status: 401 }),
    );
    const r = await new LiveCredentialChecker({ fetch: f }).check('r.example.com', 'org/app', 'robot', 'pw-CANARY');
    expect(r).toMatchObject({ state: 'rejected', httpStatus: 401 });
    expect(JSON.stringify(r)).not.toContain('CANARY');
  });

  it('says rejected when the credential signs in but gets no pull on the repository', async () => {
    const f = fakeFetch((url) =>
      url.pathname === '/v2/'
        ? challenge('https://r.example.com/token')
        : Response.json({ access_token: jwt({ access: [{ type: 'repository', name: 'org/app', actions: [] }] }) }),
    );
    const r = await new LiveCredentialChecker({ fetch: f }).check('r.example.com', 'org/app', 'robot', 'pw');
    expect(r.state).toBe('rejected');
  });

  it('never sends the credential to a realm on another domain, and calls that unverifiable', async () => {
    const seen: { url: string; auth?: string }[] = [];
    const f = fakeFetch(
      (url) =>
        url.pathname === '/v2/' ? challenge('https://collector.evil.test/token') : Response.json({ token: 't' }),
      seen,
    );
    const r = await new LiveCredentialChecker({ fetch: f }).check('r.example.com', 'org/app', 'robot', 'pw');
    expect(r.state).toBe('unreachable');
    expect(seen.some((s) => s.url.includes('evil.test'))).toBe(false);
    expect(seen.every((s) => s.auth === undefined)).toBe(true);
  });

  it('calls a registry that cannot be reached unverifiable, not rejected', async () => {
    const f = fakeFetch(() => {
      throw Object.assign(new TypeError('fetch failed'), {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    });
    const r = await new LiveCredentialChecker({ fetch: f, requestTimeoutMs: 1000 }).check(
      'r.example.com',
      'org/app',
      'u',
      'p',
    );
    expect(r.state).toBe('unreachable');
  });
});

describe('grantedPull', () => {
  it('accepts an opaque (non-JWT) token as working: there is nothing to read', () => {
    expect(grantedPull('opaque', 'a', 'r')).toEqual({ state: 'works' });
  });
});
