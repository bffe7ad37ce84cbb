"use client";

import { useSearchParams } from "next/navigation";
import { PersonalDataStatus } from "@/components/personal-data-status";
import { usePersonalData } from "@/components/use-personal-data";
import type { QueuePageData } from "@/lib/dal/moderation/queue-page";
import { ModerationView } from "./moderation-view";

/** /moderation's queue in its cached shell (app/shell/moderation), from GET /api/moderation/queue. */
export function ModerationIsland() {
  const query = new URLSearchParams();
  const params = useSearchParams();
  for (const name of ["city", "kind", "after"]) {
    const value = params.get(name);
    if (value) query.set(name, value);
  }
  const state = usePersonalData<QueuePageData>(`/api/moderation/queue?${query}`);
  if (state.status !== "ready") {
    return <PersonalDataStatus state={state} loading="Loading the review queue…" />;
  }
  return <ModerationView data={state.data} />;
}
