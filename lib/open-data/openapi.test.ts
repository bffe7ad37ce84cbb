import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET as getHealth } from "@/app/api/health/route";
import { GET } from "@/app/api/openapi.json/route";
import { healthSchema } from "./schemas";
import { OPENAPI_DOCUMENT } from "./openapi";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** Every route handler under app/api, by walking the folders as Next does. */
function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(rel);
    return /^route\.(ts|js)$/.test(entry.name) ? [rel] : [];
  });
}

/** `app/api/cities/[slug]/route.ts` → `/api/cities/{slug}`; a catch-all `[...x]` → `{x}`. */
const openApiPath = (file: string) =>
  `/${path.posix.dirname(file).replace(/^app\//, "")}`
    .split("/")
    .filter((segment) => !/^\(.*\)$/.test(segment)) // route groups are not in the URL
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}"))
    .join("/");

/** The HTTP methods a route file exports (`export function GET`, `export const POST =`, `export { GET }`). */
function exportedMethods(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return HTTP_METHODS.filter((m) =>
    new RegExp(
      `^export\\s+(?:async\\s+)?(?:function\\s+${m}\\b|const\\s+${m}\\b)|^export\\s*\\{[^}]*\\b${m}\\b`,
      "m",
    ).test(text),
  );
}

async function servedDocument() {
  const response = GET(new Request("https://citywatch.test/api/openapi.json"));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/json");
  return (await response.json()) as typeof OPENAPI_DOCUMENT;
}

describe("/api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const validator = new Validator();
    const result = await validator.validate(await servedDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("the validator can fail: it refuses a broken document", async () => {
    const broken = structuredClone(OPENAPI_DOCUMENT) as unknown as Record<string, unknown>;
    delete (broken.info as Record<string, unknown>).title;
    (broken.paths as Record<string, unknown>)["/api/health"] = { get: { responses: 7 } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("documents every route under app/api with the methods it exports, and nothing else", () => {
    const files = routeFiles();
    // the walk itself works: it finds routes we know of, dynamic and catch-all ones included
    expect(files).toEqual(
      expect.arrayContaining([
        "app/api/cities/route.ts",
        "app/api/cities/[slug]/route.ts",
        "app/api/auth/[...nextauth]/route.ts",
        "app/api/cities.csv/route.ts",
      ]),
    );
    const routes = files.map((file) => ({
      path: openApiPath(file),
      methods: exportedMethods(file).map((m) => m.toLowerCase()),
    }));
    expect(routes).toContainEqual({ path: "/api/cities/{slug}", methods: ["get"] });
    expect(routes).toContainEqual({ path: "/api/auth/{nextauth}", methods: ["get", "post"] });
    expect(routes).toContainEqual({ path: "/api/unsubscribe", methods: ["post"] });

    const documented = Object.fromEntries(
      Object.entries(OPENAPI_DOCUMENT.paths).map(([p, item]) => [p, Object.keys(item).sort()]),
    );
    const served = Object.fromEntries(routes.map((r) => [r.path, [...r.methods].sort()]));
    expect(documented).toEqual(served);
  });

  it("names each path parameter of a route in its operations", () => {
    for (const [p, item] of Object.entries(OPENAPI_DOCUMENT.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(item)) {
        const inPath = (op.parameters ?? []).filter((x) => x.in === "path").map((x) => x.name);
        expect(inPath, `${p} ${op.operationId}`).toEqual(names);
      }
    }
  });

  it("/api/health answers what the document says", async () => {
    expect(healthSchema.parse(await (await getHealth()).json())).toEqual({
      status: "ok",
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
    });
  });

  it("states the data licence", async () => {
    const doc = await servedDocument();
    expect(doc.info.license).toEqual({ name: "CC BY 4.0", identifier: "CC-BY-4.0" });
    expect(doc.info.description).toContain("World Mayor");
  });

  it("answers a conditional GET with 304", async () => {
    const first = GET(new Request("https://citywatch.test/api/openapi.json"));
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\//);
    const again = GET(
      new Request("https://citywatch.test/api/openapi.json", {
        headers: { "if-none-match": etag },
      }),
    );
    expect(again.status).toBe(304);
    const since = GET(
      new Request("https://citywatch.test/api/openapi.json", {
        headers: { "if-modified-since": first.headers.get("last-modified")! },
      }),
    );
    expect(since.status).toBe(304);
  });
});
