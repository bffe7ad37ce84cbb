import type { EarlierVersion } from "@/lib/dal/moderation/review";
import { formatDate } from "@/lib/format";
import { isProfileField, profileFieldLabel, profileValueLabel } from "@/lib/profile-fields";
import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { type UpdateKind } from "@/lib/enums";

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

const KEY_LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  sourceUrl: "Source",
  effectiveOn: "Took effect",
  kind: "Kind",
  note: "Note to the moderator",
  changes: "Changes",
};

type SavedChange = {
  field: string;
  fromValue: string;
  toValue: string;
  toDetail?: string;
  sourceUrl: string;
};

/** A saved version as readable text: its fields one per line, changes as from → to. */
function describe(content: unknown): string {
  if (!content || typeof content !== "object") return String(content);
  return Object.entries(content as Record<string, unknown>)
    .map(([key, value]) => {
      const label = KEY_LABELS[key] ?? key;
      if (key === "kind" && typeof value === "string") {
        return `${label}: ${UPDATE_KIND_LABELS[value as UpdateKind] ?? value}`;
      }
      if (!Array.isArray(value)) return `${label}: ${String(value)}`;
      const lines = (value as SavedChange[]).map((c) => {
        const field = isProfileField(c.field) ? c.field : null;
        const name = field ? profileFieldLabel(field) : c.field;
        const show = (v: string) => (field ? profileValueLabel(field, v) : v) || "(empty)";
        const detail = c.toDetail ? `\n    ${c.toDetail}` : "";
        return `  ${name}: “${show(c.fromValue)}” → “${show(c.toValue)}” (source: ${c.sourceUrl})${detail}`;
      });
      return `${label}:\n${lines.join("\n")}`;
    })
    .join("\n");
}
