// nginx in front of several app instances, from the repo's own config
// (deploy/nginx/citywatch.conf): for `npm run start:cluster`, the cluster system
// test and the benchmarks. It runs as a child process with every file it writes
// in a folder of its own, so it needs no root and touches nothing in /etc.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const SITE_CONFIG = path.join(import.meta.dirname, "../../deploy/nginx/citywatch.conf");

/** Where Debian's package puts nginx; NGINX_BIN overrides. */
export const NGINX_BIN = process.env.NGINX_BIN || "/usr/sbin/nginx";

export type Upstream = { port: number; down?: boolean };

/**
 * The site config for this run: the repo's file with its `listen` port and its
 * `server 127.0.0.1:…` lines replaced (an instance marked down gets `down`).
 */
export function siteConfig(template: string, listenPort: number, upstreams: Upstream[]): string {
  const serverLine = /^(\s*)server 127\.0\.0\.1:\d+ ([^;\n]*);\n/m;
  const match = serverLine.exec(template);
  if (!match) throw new Error("deploy/nginx/citywatch.conf has no `server 127.0.0.1:…` line");
  const [, indent, options] = match;
  const servers = upstreams
    .map((u) => `${indent}server 127.0.0.1:${u.port} ${options}${u.down ? " down" : ""};\n`)
    .join("");
  const withoutServers = template.replace(new RegExp(serverLine.source, "gm"), "");
  const at = match.index;
  const site = withoutServers.slice(0, at) + servers + withoutServers.slice(at);
  if (!/^\s*listen \d+;/m.test(site))
    throw new Error("deploy/nginx/citywatch.conf has no `listen` line");
  return site.replace(/^(\s*)listen \d+;/m, `$1listen 127.0.0.1:${listenPort};`);
}

/** The main config around the site: every file nginx writes goes in `dir`. */
function mainConfig(dir: string): string {
  const temp = (name: string) => path.join(dir, name);
  return `daemon off;
worker_processes auto;
pid ${temp("nginx.pid")};
error_log ${temp("error.log")} warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    include ${temp("citywatch.conf")};
}
`;
}

export type Nginx = {
  url: string;
  /**
   * Rewrites the upstreams (an instance marked down gets no requests) and reloads;
   * resolves once the workers with the old upstreams have gone.
   */
  setUpstreams(upstreams: Upstream[]): Promise<void>;
  output(): string;
  stop(): Promise<void>;
};

/** The master's worker processes (Linux's /proc). */
function workers(master: number): number[] {
  try {
    const children = readFileSync(`/proc/${master}/task/${master}/children`, "utf8");
    return children.split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function nginxAvailable(): boolean {
  return existsSync(NGINX_BIN);
}

/** Starts nginx on 127.0.0.1:listenPort in front of the given instances; resolves once it answers. */
export async function startNginx(listenPort: number, upstreams: Upstream[]): Promise<Nginx> {
  if (!nginxAvailable()) {
    throw new Error(
      `nginx not found at ${NGINX_BIN}: install Debian's nginx-light (apt-get install nginx-light)`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "citywatch-nginx-"));
  // nginx's workers run as an unprivileged user when started as root: they must reach the temp folders.
  chmodSync(dir, 0o755);
  const template = readFileSync(SITE_CONFIG, "utf8");
  const conf = path.join(dir, "nginx.conf");
  const write = (list: Upstream[]) =>
    writeFileSync(path.join(dir, "citywatch.conf"), siteConfig(template, listenPort, list));
  write(upstreams);
  writeFileSync(conf, mainConfig(dir));
  const args = ["-p", dir, "-c", conf, "-e", path.join(dir, "error.log")];
  const child: ChildProcess = spawn(NGINX_BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${listenPort}`;
  const output = () => {
    const errors = path.join(dir, "error.log");
    return log + (existsSync(errors) ? readFileSync(errors, "utf8") : "");
  };
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGQUIT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start:\n${output()}`);
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not answer on ${url}:\n${output()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    output,
    stop,
    async setUpstreams(list) {
      write(list);
      const old = workers(child.pid!);
      const reload = spawnSync(NGINX_BIN, [...args, "-s", "reload"], { encoding: "utf8" });
      if (reload.status !== 0) throw new Error(`nginx reload failed: ${reload.stderr}`);
      // A reload is a signal: the old workers keep the old upstreams until they exit.
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && workers(child.pid!).some((pid) => old.includes(pid))) {
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/**
 * The upstreams for the instances' health: an instance whose /api/health fails
 * is marked down, unless every instance fails (then Postgres itself is down, and
 * each instance's own 503 page is the right answer, not nginx's 502).
 */
export function drainUnhealthy(ports: number[], healthy: boolean[]): Upstream[] {
  const anyHealthy = healthy.some(Boolean);
  return ports.map((port, i) => ({ port, down: anyHealthy && !healthy[i] }));
}

/** Whether an instance's /api/health answers 200 within 3 s. */
export async function instanceHealthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, {
      signal: AbortSignal.timeout(3_000),
    });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Every `everyMs`, asks each instance's /api/health and takes the failing ones out
 * of nginx (drainUnhealthy) until they answer again. `onChange` hears each change.
 * Returns the function that stops watching.
 */
export function watchHealth(
  nginx: Nginx,
  ports: number[],
  everyMs: number,
  onChange: (upstreams: Upstream[]) => void = () => {},
): () => void {
  let current: Upstream[] = ports.map((port) => ({ port, down: false }));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    const next = drainUnhealthy(ports, await Promise.all(ports.map(instanceHealthy)));
    if (stopped) return;
    if (next.some((u, i) => u.down !== current[i]!.down)) {
      current = next;
      await nginx.setUpstreams(next);
      onChange(next);
    }
    timer = setTimeout(check, everyMs);
  };
  timer = setTimeout(check, everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
