import type { AuditRow } from "@/lib/dal/people/admin-users";

/** The latest account actions, newest first. */
export function AuditList({ entries }: { entries: AuditRow[] }) {
  return (
    <section aria-labelledby="audit" className="mt-10">
      <h2 id="audit" className="text-xl font-bold">
        Recent account actions
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-stone-600">No actions recorded yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded border border-stone-200 bg-white text-sm">
          {entries.map((e) => (
            <li key={e.id} className="p-3">
              <time dateTime={e.createdAt} className="text-stone-500">
                {e.createdAt.replace("T", " ").slice(0, 19)} UTC
              </time>{" "}
              · <strong>{e.actorName ?? "system"}</strong> {e.action}{" "}
              <strong>{e.targetName ?? "—"}</strong>
              {e.details && <span> ({e.details})</span>}
              {e.reason && <span className="text-stone-700"> — “{e.reason}”</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
