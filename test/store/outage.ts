import { createServer, connect, type NetConnectOpts, type Socket } from 'node:net';
import path from 'node:path';

/** A way to a PostgreSQL server that the test can cut: `url` goes through it. */
export interface Outage {
  readonly url: string;
  /** The outage: open connections are dropped, new ones refused (the port is closed). */
  cut(): Promise<void>;
}

/**
 * A TCP proxy on a loopback port of its own, in front of the PostgreSQL server `url` names
 * (a host and port, or a Unix socket dir as `?host=/dir`). Whoever runs the server, a
 * throwaway cluster or TEST_DATABASE_URL, the test can take it away from the store.
 */
export async function cuttable(url: string): Promise<Outage> {
  const target = new URL(url);
  const port = Number(target.port || 5432);
  const socketDir = target.searchParams.get('host');
  const upstream: NetConnectOpts = socketDir?.startsWith('/') ? { path: path.join(socketDir, `.s.PGSQL.${port}`) } : { host: target.hostname.replace(/^\[|\]$/gu, '') || 'localhost', port };
  const sockets = new Set<Socket>();
  const proxy = createServer((client) => {
    const server = connect(upstream);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      // The other side is destroyed with it; the store sees the connection lost.
      socket.on('error', () => undefined);
    }
    client.pipe(server).pipe(client);
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    proxy.once('error', reject);
    proxy.listen(0, '127.0.0.1', resolve);
  });
  const through = new URL(`postgres://127.0.0.1:${(proxy.address() as { port: number }).port}`);
  through.username = target.username;
  through.password = target.password;
  through.pathname = target.pathname;
  for (const [key, value] of target.searchParams) if (key !== 'host') through.searchParams.append(key, value);
  return {
    url: through.toString(),
    cut: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
