// A TCP proxy between an app and its Postgres, so a test can stage a database
// restart without touching the machine's real Postgres (others use it): `cut()`
// drops every open connection and hangs up on new ones (or, `silent`, accepts
// them and never answers, as a host that is not there behind a firewall),
// `restore()` lets them through again. From the app's side that is Postgres
// going down and coming back.
import net from "node:net";
import type { SystemDb } from "./database";

export type TcpProxy = {
  /** The port the proxy listens on (127.0.0.1). */
  port: number;
  /** Drops every open connection; until `restore()`, hangs up on new ones or, `silent`, ignores them. */
  cut(options?: { silent?: boolean }): void;
  restore(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let cut: false | "reset" | "silent" = false;
  const server = net.createServer((client) => {
    if (cut === "reset") {
      // A reset, as from a server that is not there.
      client.resetAndDestroy();
      return;
    }
    if (cut === "silent") {
      // Taken and never answered; dropped at `restore()` or `close()`.
      open.add(client);
      client.on("close", () => open.delete(client));
      client.on("error", () => client.destroy());
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      // Either side's error ends both; the other side sees the connection close.
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut({ silent = false } = {}) {
      cut = silent ? "silent" : "reset";
      for (const socket of open) socket.resetAndDestroy();
      open.clear();
    },
    restore() {
      if (cut === "silent") for (const socket of open) socket.resetAndDestroy();
      open.clear();
      cut = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A proxy in front of a system test's Postgres, and the DATABASE_URL that goes through it. */
export async function proxyDatabase(db: SystemDb): Promise<{ proxy: TcpProxy; url: string }> {
  const direct = new URL((db.env as { DATABASE_URL: string }).DATABASE_URL);
  const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(direct.href);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  return { proxy, url: viaProxy.href };
}
