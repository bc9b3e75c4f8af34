import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small GitHub REST server on 127.0.0.1 speaking the endpoints the organisation import calls, with
 * GitHub's response shapes: repository objects, `page`/`per_page`, `Link` headers pointing at
 * /organizations/:id/repos (as GitHub's do), JSON error bodies and rate-limit headers.
 */
export interface FakeRepository {
  name: string;
  fork?: boolean;
  archived?: boolean;
  topics?: string[];
  /** GitHub's is always https://<web host>/<owner>/<name>.git; tests may forge another. */
  cloneUrl?: string;
}

export interface FakeOwner {
  login: string;
  kind: 'Organization' | 'User';
  repositories: FakeRepository[];
}

export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

/** An answer that replaces the normal one, e.g. an error status or a slow page. */
export interface Fault {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface FakeGithub {
  /** Base URL of the REST API, e.g. http://127.0.0.1:PORT or …/api/v3 for Enterprise. */
  apiUrl: string;
  webHost: string;
  requests: SeenRequest[];
  /** Decide a fault per request; return undefined for the normal answer. */
  fault: ((request: SeenRequest) => Fault | undefined) | null;
  cloneUrl(owner: string, name: string): string;
  waitForRequest(predicate: (request: SeenRequest) => boolean): Promise<SeenRequest>;
  close(): Promise<void>;
}

export const GITHUB_NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#list-organization-repositories', status: '404' };
export const GITHUB_BAD_CREDENTIALS = { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' };

export async function startFakeGithub(owners: FakeOwner[], options: { prefix?: string; webHost?: string } = {}): Promise<FakeGithub> {
  const prefix = options.prefix ?? '';
  const webHost = options.webHost ?? 'github.com';
  const byLogin = new Map(owners.map((o, i) => [o.login.toLowerCase(), { ...o, id: 1000 + i }]));
  const timers = new Set<NodeJS.Timeout>();
  const waiters: Array<{ predicate: (r: SeenRequest) => boolean; resolve: (r: SeenRequest) => void }> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = { path: url.pathname, query: url.searchParams, authorization: req.headers.authorization };
    fake.requests.push(seen);
    for (const waiter of waiters.filter((w) => w.predicate(seen))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(seen);
    }
    const fault = fake.fault?.(seen);
    const answer = () => {
      if (fault?.status !== undefined) return send(res, fault.status, fault.body ?? GITHUB_NOT_FOUND, fault.headers);
      const owner = route(url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '', byLogin);
      if (!owner) return send(res, 404, GITHUB_NOT_FOUND);
      sendPage(res, url, owner, fake.apiUrl, webHost);
    };
    if (fault?.delayMs) timers.add(setTimeout(answer, fault.delayMs));
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeGithub = {
    apiUrl: `${origin}${prefix}`,
    webHost,
    requests: [],
    fault: null,
    cloneUrl: (owner, name) => `https://${webHost}/${owner}/${name}.git`,
    waitForRequest: (predicate) => {
      const earlier = fake.requests.find(predicate);
      return earlier ? Promise.resolve(earlier) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

type KnownOwner = FakeOwner & { id: number };

/** /orgs/:org/repos and /users/:user/repos by login; /organizations/:id/repos and /user/:id/repos as in Link headers. */
function route(path: string, byLogin: Map<string, KnownOwner>): KnownOwner | undefined {
  const match = /^\/(orgs|users|organizations|user)\/([^/]+)\/repos$/.exec(path);
  if (!match) return undefined;
  const [, kind, key = ''] = match;
  const owners = [...byLogin.values()];
  if (kind === 'orgs') return owners.find((o) => o.kind === 'Organization' && o.login.toLowerCase() === key.toLowerCase());
  if (kind === 'users') return owners.find((o) => o.kind === 'User' && o.login.toLowerCase() === key.toLowerCase());
  return owners.find((o) => String(o.id) === key && (kind === 'organizations') === (o.kind === 'Organization'));
}

function sendPage(res: http.ServerResponse, url: URL, owner: KnownOwner, apiUrl: string, webHost: string): void {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(owner.repositories.length / perPage), 1);
  const slice = owner.repositories.slice((page - 1) * perPage, page * perPage);
  const base = `${apiUrl}/${owner.kind === 'Organization' ? 'organizations' : 'user'}/${owner.id}/repos`;
  const link = (p: number, rel: string) => {
    const query = new URLSearchParams(url.searchParams);
    query.set('page', String(p));
    return `<${base}?${query.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first')] : []),
  ];
  const body = slice.map((r, i) => repositoryJson(owner, r, (page - 1) * perPage + i, webHost));
  send(res, 200, body, { ...(links.length > 0 ? { link: links.join(', ') } : {}), 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '1767225600' });
}

/** The fields GitHub returns for a repository in a list (a representative subset of them). */
function repositoryJson(owner: KnownOwner, r: FakeRepository, index: number, webHost: string) {
  const fullName = `${owner.login}/${r.name}`;
  return {
    id: 500_000 + index,
    node_id: `R_kgDO${index}`,
    name: r.name,
    full_name: fullName,
    private: false,
    owner: { login: owner.login, id: owner.id, type: owner.kind, site_admin: false },
    html_url: `https://${webHost}/${fullName}`,
    description: `${r.name} of ${owner.login}`,
    fork: r.fork ?? false,
    url: `https://api.${webHost}/repos/${fullName}`,
    git_url: `git://${webHost}/${fullName}.git`,
    ssh_url: `git@${webHost}:${fullName}.git`,
    clone_url: r.cloneUrl ?? `https://${webHost}/${fullName}.git`,
    svn_url: `https://${webHost}/${fullName}`,
    homepage: null,
    size: 1024,
    language: 'Java',
    archived: r.archived ?? false,
    disabled: false,
    visibility: 'public',
    topics: r.topics ?? [],
    default_branch: 'main',
    created_at: '2024-03-01T09:00:00Z',
    updated_at: '2025-01-15T12:00:00Z',
    pushed_at: '2025-01-15T12:00:00Z',
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
