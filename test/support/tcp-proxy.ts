/**
 * A TCP proxy on 127.0.0.1 that a test can cut and restore, to give the bot a real store outage
 * (PostgreSQL or Redis) without touching the shared servers: `cut()` resets every open connection
 * and refuses new ones (what a client sees when the server goes down), `restore()` listens again on
 * the same port (the server is back; clients must reconnect by themselves).
 *
 * @example
 * const proxy = await TcpProxy.start(5432);
 * const url = `postgres://postgres@127.0.0.1:${proxy.port}/db`;
 * await proxy.cut();   // queries now fail with ECONNREFUSED / connection terminated
 * await proxy.restore();
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private boundPort = 0;

  private constructor(
    private readonly targetPort: number,
    private readonly targetHost: string,
  ) {}

  /** Starts forwarding a free local port to `targetHost:targetPort`. */
  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetPort, targetHost);
    await proxy.listen(0);
    return proxy;
  }

  /** The local port clients connect to (stable across cut/restore). */
  get port(): number {
    return this.boundPort;
  }

  /** Whether connections currently go through. */
  get up(): boolean {
    return this.server !== null;
  }

  /** Resets every connection and stops listening: connecting now fails with ECONNREFUSED. */
  async cut(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    await closed;
  }

  /** Listens again on the same port. */
  async restore(): Promise<void> {
    if (this.server) return;
    await this.listen(this.boundPort);
  }

  /** Cuts and forgets the proxy. */
  close(): Promise<void> {
    return this.cut();
  }

  private listen(port: number): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.sockets.add(client);
      this.sockets.add(upstream);
      const drop = () => {
        this.sockets.delete(client);
        this.sockets.delete(upstream);
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        this.server = server;
        this.boundPort = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
