// Every public write endpoint of the app, found by reading the source tree:
// the exports of "use server" modules and the mutating methods of route
// handlers. The permission matrix and the property suite check that each one
// has its rows, so a new action without tests fails CI.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "lib", "components"];
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
/** next-auth's own handler (sign-in, sign-out, CSRF) is tested with the auth flow. */
const SKIPPED_ROUTES = ["app/api/auth/[...nextauth]/route.ts"];

/** One endpoint: its file (from the repository root) and export ("signUp", or "POST" for a route). */
export type Endpoint = { file: string; name: string };

export const endpointKey = (e: Endpoint) => `${e.file}#${e.name}`;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      out.push(rel);
  }
  return out;
}

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Whether the module starts with the "use server" directive (after comments and blank lines). */
const isServerModule = (text: string) =>
  /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(text);

/**
 * The files with a module-level "use server", and those with one anywhere else
 * (an inline action inside a component), which the matrix cannot see.
 */
export function serverActionFiles(): { modules: string[]; inline: string[] } {
  const modules: string[] = [];
  const inline: string[] = [];
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    const text = read(file);
    if (isServerModule(text)) modules.push(file);
    else if (/["']use server["']/.test(text)) inline.push(file);
  }
  return { modules: modules.sort(), inline: inline.sort() };
}

/** Route handler files under app/ (next-auth's excluded). */
export function routeFiles(): string[] {
  return sourceFiles("app")
    .filter((f) => /(^|\/)route\.(ts|js)$/.test(f) && !SKIPPED_ROUTES.includes(f))
    .sort();
}

/** The exported names a module's text declares (a cross-check of what importing it shows). */
export function declaredExports(file: string): string[] {
  const text = read(file);
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+(\w+)/gm))
    names.add(m[1]!);
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1);
      if (name) names.add(name);
    }
  }
  if (/^export\s+default\b/m.test(text)) names.add("default");
  return [...names].sort();
}

/**
 * Every endpoint, read from the modules themselves: each function a
 * "use server" module exports, and each mutating method a route exports.
 */
export async function listEndpoints(): Promise<{ actions: Endpoint[]; routes: Endpoint[] }> {
  const actions: Endpoint[] = [];
  for (const file of serverActionFiles().modules) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const names = new Set([...Object.keys(mod), ...declaredExports(file)]);
    for (const name of [...names].sort()) actions.push({ file, name });
  }
  const routes: Endpoint[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    const names = new Set([...Object.keys(mod), ...declaredExports(file)]);
    for (const method of MUTATING) if (names.has(method)) routes.push({ file, name: method });
  }
  return { actions, routes };
}
