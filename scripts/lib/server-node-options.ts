// How the production server's Node runs, shared by `npm start` and the
// benchmarks so they measure what people run.
//
// A larger young generation (32 MB semi-spaces instead of 16): rendering a
// page allocates a lot of short-lived objects, and with the default the
// collector runs often enough to cost about a tenth of each request. On
// `npm run bench:me` this took /me's p95 from 101-109 ms to 93-97 ms.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

/** NODE_OPTIONS with the server's flags added (the person's own flags are kept). */
export function withServerNodeOptions(nodeOptions = ""): string {
  const missing = SERVER_NODE_FLAGS.filter((f) => !nodeOptions.includes(f.split("=")[0]!));
  return [nodeOptions, ...missing].filter(Boolean).join(" ");
}
