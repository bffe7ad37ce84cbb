import Link from "next/link";
import type { ModerationLogEntry } from "@/lib/dal/moderation/log";

const COLUMNS = ["When", "Who", "What", "City", "Reason"];

/** One row per moderation action: when, who, what on which item, in which city, and why. */
export function LogTable({ entries }: { entries: ModerationLogEntry[] }) {
  return (
    <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table aria-label="Moderation log" className="w-full text-left text-sm">
        <thead className="border-b border-stone-200 bg-stone-50">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="p-3 font-semibold">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {entries.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="p-3 whitespace-nowrap text-stone-600">
                <time dateTime={e.at}>{e.at.replace("T", " ").slice(0, 16)} UTC</time>
              </td>
              <td className="p-3 font-medium">{e.actorName}</td>
              <td className="p-3">
                {e.actionLabel}
                <span className="block">
                  {e.subjectHref ? (
                    <Link href={e.subjectHref} prefetch={false}>
                      {e.subjectLabel}
                    </Link>
                  ) : (
                    <span className="text-stone-600">{e.subjectLabel}</span>
                  )}
                </span>
              </td>
              <td className="p-3">
                {e.city ? e.city.name : <span className="text-stone-600">—</span>}
              </td>
              <td className="max-w-xs p-3 break-words text-stone-700">{e.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
