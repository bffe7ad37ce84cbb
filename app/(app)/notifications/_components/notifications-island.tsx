"use client";

import { useSearchParams } from "next/navigation";
import { PersonalDataStatus } from "@/components/personal-data-status";
import { usePersonalData } from "@/components/use-personal-data";
import type { NotificationsPageData } from "@/lib/dal/news/notifications-page";
import { NotificationsView } from "./notifications-view";

/** /notifications' list in its cached shell, from GET /api/notifications/list. */
export function NotificationsIsland() {
  const before = useSearchParams().get("before");
  const state = usePersonalData<NotificationsPageData>(
    before
      ? `/api/notifications/list?before=${encodeURIComponent(before)}`
      : "/api/notifications/list",
  );
  if (state.status !== "ready") {
    return <PersonalDataStatus state={state} loading="Loading your notifications…" />;
  }
  return <NotificationsView data={state.data} />;
}
