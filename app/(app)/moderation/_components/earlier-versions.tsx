import { formatDate } from "@/lib/format";
import type { EarlierVersion } from "@/lib/dal/moderation";

/**
 * The versions the author replaced by revising, newest first, shown as
 * plain text so the moderator can compare them with the current one.
 */
export function EarlierVersions({
  current,
  versions,
}: {
  current: number;
  versions: EarlierVersion[];
}) {
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="earlier-versions" className="mt-6">
      <h2 id="earlier-versions" className="text-lg font-bold">
        Revised by the author: this is version {current}
      </h2>
      <ul className="mt-2 space-y-2">
        {versions.map((v) => (
          <li key={v.version}>
            <details className="rounded border border-stone-200 bg-white p-3">
              <summary className="cursor-pointer font-medium">
                Version {v.version} (replaced {formatDate(v.savedAt)})
              </summary>
              <pre className="mt-2 whitespace-pre-wrap break-words text-sm">
                {describe(v.content)}
              </pre>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A saved version as readable text: its fields one per line, changes as from → to. */
function describe(content: unknown): string {
  if (!content || typeof content !== "object") return String(content);
  return Object.entries(content as Record<string, unknown>)
    .map(([key, value]) =>
      Array.isArray(value)
        ? `${key}:\n${value
            .map(
              (c: Record<string, string>) =>
                `  ${c.field}: “${c.fromValue}” → “${c.toValue}” (source: ${c.sourceUrl})${c.toDetail ? `\n    ${c.toDetail}` : ""}`,
            )
            .join("\n")}`
        : `${key}: ${String(value)}`,
    )
    .join("\n");
}
