import type { Metadata } from "next";
import Link from "next/link";
import { SelectFilter } from "@/components/forms/select-filter";
import { guardPage } from "@/lib/auth/page-guards";
import { listModerationLog } from "@/lib/dal/moderation/log";
import { parseAuditLogFilter } from "@/lib/validation/audit-log";

export const metadata: Metadata = { title: "Moderation log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModerationLogPage({ searchParams }: Props) {
  await guardPage("/moderation/log", "moderator", "admin");
  const filter = parseAuditLogFilter(await searchParams);
  const log = await listModerationLog(filter);
  const filtered = filter.moderator !== undefined || filter.city !== undefined;
  const base = new URLSearchParams({
    ...(filter.moderator !== undefined && { moderator: String(filter.moderator) }),
    ...(filter.city && { city: filter.city }),
  });
  const withBase = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...Object.fromEntries(base), ...extra }).toString();
    return query ? `/moderation/log?${query}` : "/moderation/log";
  };

  return (
    <div>
      <h1 className="text-3xl font-bold">Moderation log</h1>
      <p className="mt-2 text-stone-700">
        Every claim, decision and revert on submissions and city profiles, newest first.
      </p>

      <form
        method="get"
        action="/moderation/log"
        aria-label="Filter the log"
        className="mt-4 flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4"
      >
        <SelectFilter
          id="log-moderator"
          name="moderator"
          label="Moderator"
          allLabel="All moderators"
          value={filter.moderator !== undefined ? String(filter.moderator) : undefined}
          options={log.moderators.map((m) => ({ value: String(m.id), label: m.name }))}
        />
        <SelectFilter
          id="log-city"
          name="city"
          label="City"
          allLabel="All cities"
          value={filter.city}
          options={log.cities.map((c) => ({ value: c.slug, label: c.name }))}
        />
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
        >
          Filter
        </button>
        {filtered && (
          <Link href="/moderation/log" className="py-2">
            Clear filters
          </Link>
        )}
      </form>

      {log.entries.length === 0 ? (
        <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          <p className="font-medium">
            {filter.before
              ? "No older moderation actions"
              : `No moderation actions ${filtered ? "with these filters" : "yet"}`}
            .
          </p>
          <p className="mt-1 text-stone-600">
            Claims, approvals, rejections and reverts show up here as moderators make them.
          </p>
        </div>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table aria-label="Moderation log" className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 bg-stone-50">
              <tr>
                <th scope="col" className="p-3 font-semibold">
                  When
                </th>
                <th scope="col" className="p-3 font-semibold">
                  Who
                </th>
                <th scope="col" className="p-3 font-semibold">
                  What
                </th>
                <th scope="col" className="p-3 font-semibold">
                  City
                </th>
                <th scope="col" className="p-3 font-semibold">
                  Reason
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {log.entries.map((e) => (
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
      )}

      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {filter.before && <Link href={withBase()}>Newest entries</Link>}
        {log.nextBefore && <Link href={withBase({ before: log.nextBefore })}>Older entries</Link>}
      </nav>
    </div>
  );
}
