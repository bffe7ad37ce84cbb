"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { unsubscribeWithToken } from "@/lib/dal/news/email-settings";
import { unsubscribeSchema } from "@/lib/validation/notifications";

export async function unsubscribeAction(input: unknown): Promise<ActionResult> {
  return runAction(unsubscribeSchema, input, ({ token }) => unsubscribeWithToken(token));
}
