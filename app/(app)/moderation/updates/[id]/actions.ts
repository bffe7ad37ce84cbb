"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { claimUpdate, decideUpdate } from "@/lib/dal/moderation";
import { decideUpdateSchema, updateIdSchema } from "@/lib/validation/update";

export async function claimUpdateAction(input: unknown): Promise<ActionResult> {
  return runAction(updateIdSchema, input, ({ updateId }) => claimUpdate(updateId));
}

export async function decideUpdateAction(input: unknown): Promise<ActionResult> {
  return runAction(decideUpdateSchema, input, decideUpdate);
}
