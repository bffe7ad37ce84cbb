import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/page-guards";
import { listModerationLog } from "@/lib/dal/moderation/log";
import { parseAuditLogFilter } from "@/lib/validation/audit-log";
import { LogEmpty } from "./_components/log-empty";
import { isFiltered, LogFilterForm } from "./_components/log-filter-form";
import { LogPages } from "./_components/log-pages";
import { LogTable } from "./_components/log-table";

export const metadata: Metadata = { title: "Moderation log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModerationLogPage({ searchParams }: Props) {
  await guardPage("/moderation/log", "moderator", "admin");
  const filter = parseAuditLogFilter(await searchParams);
  const log = await listModerationLog(filter);

  return (
    <div>
      <h1 className="text-3xl font-bold">Moderation log</h1>
      <p className="mt-2 text-stone-700">
        Every claim, decision and revert on submissions and city profiles, newest first.
      </p>
      <LogFilterForm filter={filter} moderators={log.moderators} cities={log.cities} />
      {log.entries.length === 0 ? (
        <LogEmpty older={Boolean(filter.before)} filtered={isFiltered(filter)} />
      ) : (
        <LogTable entries={log.entries} />
      )}
      <LogPages filter={filter} nextBefore={log.nextBefore} />
    </div>
  );
}
