// `npm run start:cluster`: CLUSTER_INSTANCES app instances (default 3) on one
// Postgres (DATABASE_URL), behind nginx on PORT (default 3000), round-robin with
// no sticky sessions. Instance i listens on 127.0.0.1:PORT+i and trusts the
// client address nginx names (TRUSTED_PROXIES=127.0.0.1). Every 2 s each
// instance's /api/health is asked; one that fails is taken out of nginx until
// it answers again (README › Running several instances).
import { spawn, type ChildProcess } from "node:child_process";
import { instanceHealthy, startNginx, watchHealth } from "./lib/nginx";
import { ensureProductionBuild } from "./lib/production-build";
import { withServerNodeOptions } from "./lib/server-node-options";

const HEALTH_EVERY_MS = 2_000;

function fail(message: string): never {
  console.error(`[cluster] ${message}`);
  process.exit(1);
}

if (!process.env.DATABASE_URL) {
  fail(
    "DATABASE_URL must point at Postgres: the embedded database belongs to one process, so several instances need a server.",
  );
}
if (!process.env.NEXTAUTH_SECRET) {
  fail("NEXTAUTH_SECRET must be set: every instance signs and checks the same session cookies.");
}
const count = Number(process.env.CLUSTER_INSTANCES || "3");
if (!Number.isInteger(count) || count < 1 || count > 16) fail("CLUSTER_INSTANCES must be 1 to 16.");
const port = Number(process.env.PORT || "3000");
const ports = Array.from({ length: count }, (_, i) => port + 1 + i);

ensureProductionBuild();

const env = {
  ...process.env,
  NODE_OPTIONS: withServerNodeOptions(process.env.NODE_OPTIONS),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  // nginx connects from here; the client it names in X-Forwarded-For is believed, nobody else's.
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || "127.0.0.1,::1",
};

const instances: ChildProcess[] = ports.map((p) => {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(p), "-H", "127.0.0.1"],
    {
      env: { ...env, PORT: String(p) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const prefix = `[instance ${p}] `;
  const echo = (out: NodeJS.WriteStream) => (chunk: Buffer) =>
    out.write(chunk.toString().replace(/^(?=.)/gm, prefix));
  child.stdout?.on("data", echo(process.stdout));
  child.stderr?.on("data", echo(process.stderr));
  child.on("exit", (code, signal) => console.error(`${prefix}exited (${signal ?? code})`));
  return child;
});

async function waitUntilUp(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if ((await Promise.all(ports.map(instanceHealthy))).every(Boolean)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  fail("the instances did not all answer /api/health within 2 minutes");
}

await waitUntilUp();
const nginx = await startNginx(
  port,
  ports.map((p) => ({ port: p })),
);
console.log(
  `[cluster] ${count} instances (${ports.join(", ")}) behind nginx on http://localhost:${port}`,
);

const stopWatching = watchHealth(nginx, ports, HEALTH_EVERY_MS, (upstreams) => {
  const down = upstreams.filter((u) => u.down).map((u) => u.port);
  console.log(`[cluster] ${down.length ? `taken out: ${down.join(", ")}` : "all instances in"}`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  stopWatching();
  await nginx.stop();
  for (const child of instances) child.kill("SIGTERM");
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
