// Production servers for system tests: `next start` on the existing build, in a
// process group of its own so that SIGKILL takes the whole server down at once.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { withServerNodeOptions } from "../scripts/lib/server-node-options";
import type { SystemDb } from "./database";

export type AppServer = {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL (a crash) or SIGTERM (a normal stop) to the whole process group; waits for the exit. */
  stop(signal?: "SIGKILL" | "SIGTERM"): Promise<void>;
};

/** One secret per test run, so that two instances accept each other's session cookies. */
const secret = randomBytes(32).toString("base64url");

/**
 * Starts `next start` on the existing build and waits until /api/health
 * answers 200 (the database is open); throws with the server's output if it
 * exits or stays unhealthy for 90 s.
 */
export async function startServer(
  db: SystemDb,
  port: number,
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  const server = launchServer(db, port, extraEnv);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/api/health`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop("SIGKILL");
  throw new Error(`server on ${server.url} did not answer within 90 s:\n${server.output()}`);
}

/** Spawns the server without waiting for it: for tests of a server that must refuse to start. */
export function launchServer(
  db: SystemDb,
  port: number,
  extraEnv: Record<string, string> = {},
): AppServer {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port)],
    {
      env: {
        ...process.env,
        DATABASE_URL: "",
        PGLITE_DIR: "",
        ...db.env,
        PORT: String(port),
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: secret,
        SEED_DEMO: "1",
        MAIL_WORKER: "off",
        NODE_OPTIONS: withServerNodeOptions(process.env.NODE_OPTIONS),
        // The tests stand where a proxy would, naming each client in X-Forwarded-For.
        TRUSTED_PROXIES: "127.0.0.1,::1",
        ...extraEnv,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url,
    child,
    output: () => log,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/** Waits until the server's output matches `pattern`; throws with the output after `timeoutMs`. */
export async function waitForOutput(
  server: AppServer,
  pattern: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server.output())) {
    if (Date.now() > deadline) {
      throw new Error(`server output never matched ${pattern}:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
