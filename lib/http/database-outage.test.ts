import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteIfDatabaseUnavailable } from "@/lib/database-unavailable";
import { answeringDatabaseOutage, DATABASE_UNAVAILABLE_MESSAGE } from "./database-outage.mjs";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
  code: "ECONNREFUSED",
});

/**
 * What the app does for each path: as Next does, set headers, then stream a
 * body with write/end after an await (the database call, here a rejected promise).
 */
async function app(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://x");
  res.setHeader("content-security-policy", "object-src 'none'");
  res.setHeader("x-nextjs-cache", "MISS");
  res.setHeader("content-type", "text/html; charset=utf-8");
  if (url.searchParams.has("down")) {
    // As db/open.ts watches a query: the rejection is noted in the request's context.
    const query = Promise.reject(refused);
    query.catch(noteIfDatabaseUnavailable);
    await query.catch(() => {});
  }
  res.statusCode = Number(url.searchParams.get("status") ?? 200);
  if (url.searchParams.has("gzip")) {
    // As a compression layer does: its own head first, then compressed bytes.
    res.setHeader("content-encoding", "gzip");
    res.end(gzipSync("Error: boom\n    at render (page.tsx:1:1)"));
    return;
  }
  res.write("<html><body>Error: boom\n    at render (page.tsx:1:1)");
  await new Promise((r) => setTimeout(r, 5));
  res.end("</body></html>");
}

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => answeringDatabaseOutage(req, res, () => app(req, res)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => promisify(server.close.bind(server))());

describe("answeringDatabaseOutage", () => {
  it("answers a page's 500 after a database failure with 503, Retry-After and the message", async () => {
    const res = await fetch(`${base}/cities/boston-ma?down&status=500`);
    const body = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    // The site's security headers stay; the page's own go.
    expect(res.headers.get("content-security-policy")).toBe("object-src 'none'");
    expect(res.headers.get("x-nextjs-cache")).toBeNull();
    expect(body).toContain(DATABASE_UNAVAILABLE_MESSAGE);
    expect(body).not.toMatch(/Error: boom|at render/);
  });

  it("answers JSON under /api/", async () => {
    const res = await fetch(`${base}/api/cities?down&status=500`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({
      error: "database_unavailable",
      message: DATABASE_UNAVAILABLE_MESSAGE,
    });
  });

  it("replaces a body the app ends in one call, compressed or not", async () => {
    const res = await fetch(`${base}/?down&status=500&gzip`);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.text()).toContain(DATABASE_UNAVAILABLE_MESSAGE);
  });

  it("leaves alone a 500 without a database failure, and any answer the app chose itself", async () => {
    const bug = await fetch(`${base}/?status=500`);
    expect(bug.status).toBe(500);
    expect(await bug.text()).toContain("Error: boom");
    // A form's action that caught the failure answers 200 with its message; /api/health its 503.
    for (const status of [200, 503]) {
      const res = await fetch(`${base}/?down&status=${status}`);
      expect(res.status).toBe(status);
      expect(await res.text()).toContain("Error: boom");
    }
  });

  it("keeps each request's note to itself", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${base}/?status=500${i % 2 ? "&down" : ""}`).then((r) => r.status),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 503 : 500)));
  });
});
