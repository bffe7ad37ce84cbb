import { spawnChild, stopApp, waitFor } from "./app-process";

/**
 * Starts a plain Node `http` server (scripts/bench/ceiling-server.ts) in its
 * own process that sends exactly `body` with `contentType`; resolves to its
 * URL and a stop function.
 */
export async function startCeiling(body: Buffer, contentType: string, port: number) {
  const ceiling = spawnChild(
    process.execPath,
    ["--import", "tsx", "scripts/bench/ceiling-server.ts"],
    { ...process.env, CEILING_PORT: String(port), CEILING_TYPE: contentType },
  );
  ceiling.stdin.end(body);
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(url);
  return {
    url,
    stop: () => stopApp(ceiling),
  };
}
