import net from 'node:net';

/**
 * A TCP proxy in front of the test PostgreSQL that the test controls: `stall()` stops forwarding in both directions (as a
 * frozen server or a stalled network would: connections stay open, nothing answers), `resume()` forwards again, `stop()`
 * closes every connection and refuses new ones (the database is gone).
 */
export interface StallingProxy {
  /** `databaseUrl` with host and port replaced by the proxy's. */
  url: string;
  stall(): void;
  resume(): void;
  /** Bytes forwarded from the database to its clients so far. */
  bytesFromDatabase(): number;
  stop(): Promise<void>;
}

export async function startStallingProxy(databaseUrl: string): Promise<StallingProxy> {
  const target = new URL(databaseUrl);
  const pairs = new Set<[net.Socket, net.Socket]>();
  let stalled = false;
  let fromDatabase = 0;

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    for (const [from, to] of [pair, [upstream, client]] as const) {
      from.on('data', (chunk: Buffer) => {
        if (from === upstream) fromDatabase += chunk.length;
        to.write(chunk);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        to.destroy();
        pairs.delete(pair);
      });
      if (stalled) from.pause();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  return {
    url: url.toString(),
    stall() {
      stalled = true;
      for (const sockets of pairs) sockets.forEach((socket) => socket.pause());
    },
    bytesFromDatabase: () => fromDatabase,
    resume() {
      stalled = false;
      for (const sockets of pairs) sockets.forEach((socket) => socket.resume());
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const sockets of pairs) sockets.forEach((socket) => socket.destroy());
      await closed;
    },
  };
}
