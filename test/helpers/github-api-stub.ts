// A loopback stand-in for the slice of the GitHub REST API the sticky PR comment and the audit's tracking issue use
// (issue comments and issues), served by node:http on 127.0.0.1 so the real Octokit from @actions/github talks to
// it through `baseUrl`. Tokens are either writable or read-only; a read-only token gets GitHub's fork-PR answer
// (403 "Resource not accessible by integration") on every write. Every request is recorded for assertions.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubComment {
  id: number;
  issue: number;
  body: string;
}

export interface StubIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  pull_request?: { url: string };
}

export interface RecordedRequest {
  method: string;
  path: string;
  token: string | undefined;
}

export interface GitHubApiStub {
  baseUrl: string;
  comments: StubComment[];
  issues: StubIssue[];
  requests: RecordedRequest[];
  /** Requests that changed something (POST, PATCH, DELETE). */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const OWNER_REPO = '/repos/([^/]+)/([^/]+)';

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function page<T>(items: T[], url: URL): T[] {
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
  const p = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  return items.slice((p - 1) * perPage, p * perPage);
}

export async function startGitHubApiStub(opts: {
  writeTokens: string[];
  readOnlyTokens: string[];
}): Promise<GitHubApiStub> {
  const comments: StubComment[] = [];
  const issues: StubIssue[] = [];
  const requests: RecordedRequest[] = [];
  let nextId = 1000;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const token = /^(?:token|Bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    requests.push({ method, path: url.pathname + url.search, token });
    const known = token !== undefined && (opts.writeTokens.includes(token) || opts.readOnlyTokens.includes(token));
    if (!known) return send(res, 401, { message: 'Bad credentials', status: '401' });
    if (method !== 'GET' && !opts.writeTokens.includes(token)) {
      return send(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      });
    }
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^${OWNER_REPO}/issues/(\\d+)/comments$`).exec(url.pathname))) {
      const issue = Number(m[3]);
      if (method === 'GET')
        return send(
          res,
          200,
          page(
            comments.filter((c) => c.issue === issue),
            url,
          ),
        );
      if (method === 'POST') {
        const c = { id: nextId++, issue, body: String((await readJson(req)).body ?? '') };
        comments.push(c);
        return send(res, 201, c);
      }
    }
    if ((m = new RegExp(`^${OWNER_REPO}/issues/comments/(\\d+)$`).exec(url.pathname))) {
      const c = comments.find((x) => x.id === Number(m?.[3]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      if (method === 'PATCH') {
        c.body = String((await readJson(req)).body ?? '');
        return send(res, 200, c);
      }
      if (method === 'DELETE') {
        comments.splice(comments.indexOf(c), 1);
        return send(res, 204);
      }
    }
    if ((m = new RegExp(`^${OWNER_REPO}/issues$`).exec(url.pathname))) {
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        return send(
          res,
          200,
          page(
            issues.filter((i) => state === 'all' || i.state === state),
            url,
          ),
        );
      }
      if (method === 'POST') {
        const b = await readJson(req);
        const i: StubIssue = { number: nextId++, title: String(b.title), body: String(b.body ?? ''), state: 'open' };
        issues.push(i);
        return send(res, 201, i);
      }
    }
    if ((m = new RegExp(`^${OWNER_REPO}/issues/(\\d+)$`).exec(url.pathname)) && method === 'PATCH') {
      const i = issues.find((x) => x.number === Number(m?.[3]));
      if (!i) return send(res, 404, { message: 'Not Found' });
      const b = await readJson(req);
      if (typeof b.title === 'string') i.title = b.title;
      if (typeof b.body === 'string') i.body = b.body;
      if (b.state === 'open' || b.state === 'closed') i.state = b.state;
      return send(res, 200, i);
    }
    return send(res, 404, { message: `Not Found: ${method} ${url.pathname}` });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    comments,
    issues,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
