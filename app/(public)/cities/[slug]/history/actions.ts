"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { revertProfile } from "@/lib/dal/profile/history";
import { revertSchema } from "@/lib/validation/moderation";

/** Moderators only: the DAL refuses everyone else. */
export async function revertAction(input: unknown): Promise<ActionResult<{ revisionId: number }>> {
  return runAction(revertSchema, input, revertProfile);
}
