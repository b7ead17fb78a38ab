/**
 * A round-robin HTTP proxy on 127.0.0.1, as a load balancer in front of several webhook instances
 * would be: each request goes to the next target in turn, whatever chat it belongs to. Used to prove
 * that a member's quick answers may reach any instance and still find the state the previous one
 * stored.
 */
import http from 'node:http';

export interface RoundRobinProxy {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** How many requests each target received. */
  counts: number[];
  /** Sets the targets (base URLs); requests are spread over them in turn. */
  setTargets(targets: string[]): void;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[] = []): Promise<RoundRobinProxy> {
  let list = [...targets];
  let counts = list.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    if (list.length === 0) {
      res.writeHead(502).end();
      return;
    }
    const index = next++ % list.length;
    counts[index]! += 1;
    const target = new URL(req.url ?? '/', list[index]);
    const upstream = http.request(target, { method: req.method, headers: req.headers, agent: false }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    get counts() {
      return counts;
    },
    setTargets(t) {
      list = [...t];
      counts = list.map(() => 0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
