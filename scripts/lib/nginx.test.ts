import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROXY_IDLE_SECONDS, SERVER_KEEP_ALIVE_MS } from "@/lib/http/keep-alive.mjs";
import { drainUnhealthy, SITE_CONFIG, siteConfig } from "./nginx";

const template = readFileSync(SITE_CONFIG, "utf8");

describe("the nginx config", () => {
  it("closes idle upstream connections before the app does", () => {
    const idle = /^\s*keepalive_timeout (\d+)s;/m.exec(template);
    expect(Number(idle?.[1])).toBe(PROXY_IDLE_SECONDS);
    expect(PROXY_IDLE_SECONDS * 1000).toBeLessThan(SERVER_KEEP_ALIVE_MS);
  });

  it("replaces the client's X-Forwarded-For with the address that connected", () => {
    expect(template).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;/m);
    expect(template).not.toContain("$proxy_add_x_forwarded_for");
  });

  it("is rewritten for a run's ports, keeping each server's options", () => {
    const site = siteConfig(template, 4000, [{ port: 4001 }, { port: 4002, down: true }]);
    const servers = site.match(/^\s*server 127\.0\.0\.1:.*$/gm)?.map((l) => l.trim());
    expect(servers).toEqual([
      "server 127.0.0.1:4001 max_fails=1 fail_timeout=5s;",
      "server 127.0.0.1:4002 max_fails=1 fail_timeout=5s down;",
    ]);
    expect(site).toMatch(/^\s*listen 127\.0\.0\.1:4000;$/m);
    expect(site).toContain("keepalive_timeout 60s;");
  });
});

describe("draining instances that fail their health check", () => {
  it("takes out the unhealthy ones", () => {
    expect(drainUnhealthy([1, 2, 3], [true, false, true])).toEqual([
      { port: 1, down: false },
      { port: 2, down: true },
      { port: 3, down: false },
    ]);
  });

  it("keeps them all when none is healthy (Postgres is down: each answers its own 503)", () => {
    expect(drainUnhealthy([1, 2], [false, false])).toEqual([
      { port: 1, down: false },
      { port: 2, down: false },
    ]);
  });
});
