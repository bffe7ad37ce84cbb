"use client";

import { useSearchParams } from "next/navigation";
import { PersonalDataStatus } from "@/components/personal-data-status";
import { usePersonalData } from "@/components/use-personal-data";
import type { MyPageData } from "@/lib/dal/news/me";
import { MeView } from "./me-view";

/** /me's personal part in its cached shell (app/shell/me), read from GET /api/me. */
export function MeIsland() {
  const after = useSearchParams().get("after");
  const state = usePersonalData<MyPageData>(
    after ? `/api/me?after=${encodeURIComponent(after)}` : "/api/me",
  );
  if (state.status !== "ready") {
    return <PersonalDataStatus state={state} loading="Loading your cities…" />;
  }
  return <MeView data={state.data} />;
}
