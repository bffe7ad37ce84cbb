import { parseArgs } from "node:util";

/**
 * A script's flags, each a string with a default (`--duration 10`). Not
 * `strict`, unknown flags pass: another parser reads them (the data set's
 * sizes, lib/data-set.ts).
 */
export function stringFlags<K extends string>(
  defaults: Record<K, string>,
  { strict = true } = {},
): Record<K, string> {
  const options = Object.fromEntries(
    Object.entries<string>(defaults).map(([name, value]) => [
      name,
      { type: "string" as const, default: value },
    ]),
  );
  // Every option is a string with a default.
  return parseArgs({ strict, options }).values as Record<K, string>;
}
