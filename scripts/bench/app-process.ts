// The production server under test, and the other servers a benchmark runs:
// each a child in a process group of its own, so that killing the group also
// ends the next-server process that `next start` runs; all are killed when
// the script exits.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { withServerNodeOptions } from "../lib/server-node-options";

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((c) => killGroup(c)));
process.on("SIGINT", () => process.exit(130));

/** The environment of the server under test; it listens on `PORT`. */
export type AppEnv = NodeJS.ProcessEnv & { PORT: string };

/** Starts a child in its own process group (its stdin a pipe), killed when this script exits. */
export function spawnChild(cmd: string, args: string[], childEnv: NodeJS.ProcessEnv) {
  const child = spawn(cmd, args, {
    env: childEnv,
    stdio: ["pipe", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  return child;
}

export function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone (or never started)
  }
}

/** Whether anything answers at `url`. */
export async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Starts `next start` with `env` (its PORT) in a process group of its own, with
 * the server's Node flags as `npm start` runs it; `nodeArgs` go to its Node.
 */
export function startApp(env: AppEnv, nodeArgs: string[] = []) {
  return spawnChild(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "-p", env.PORT],
    { ...env, NODE_OPTIONS: withServerNodeOptions(env.NODE_OPTIONS) },
  );
}

/** Stops a child's process group and waits for the child to exit. */
export async function stopApp(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  killGroup(child);
  await exited;
}

/** The production build's environment on `port`, without the mail worker. */
export function productionEnv(port: string): { env: AppEnv; appUrl: string } {
  const appUrl = `http://127.0.0.1:${port}`;
  const env: AppEnv = {
    ...process.env,
    PORT: port,
    NODE_ENV: "production",
    MAIL_WORKER: "off",
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-not-for-production-use-0001",
    // The load generator names each simulated person's address in X-Forwarded-For.
    TRUSTED_PROXIES: "127.0.0.1,::1",
  };
  return { env, appUrl };
}

/**
 * The environment of a benchmark's server on `port`: the production build
 * with demo accounts and no mail worker, on a fresh PGlite in .data/<name>
 * (removed first) or on DATABASE_URL's Postgres.
 */
export function benchEnv(name: string, port: string): { env: AppEnv; appUrl: string } {
  const { env, appUrl } = productionEnv(port);
  env.SEED_DEMO = "1";
  if (!env.DATABASE_URL) {
    env.PGLITE_DIR = `.data/${name}/pglite`;
    rmSync(`.data/${name}`, { recursive: true, force: true });
  }
  return { env, appUrl };
}
