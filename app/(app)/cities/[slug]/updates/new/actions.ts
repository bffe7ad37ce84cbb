"use server";

import { refused, type ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { submitUpdate } from "@/lib/dal/submissions/updates";
import { citySlugSchema } from "@/lib/validation/auth";
import { safeParseInput } from "@/lib/validation/parse";
import { submitUpdateSchema } from "@/lib/validation/update";

/** Sends a policy update for review. The city comes from the page, checked apart from the form. */
export async function submitUpdateAction(
  citySlug: unknown,
  input: unknown,
): Promise<ActionResult<{ id: number }>> {
  const slug = safeParseInput(citySlugSchema, citySlug);
  if (!slug.success) return refused({ code: "no_such_city" });
  return runAction(submitUpdateSchema, input, (data) => submitUpdate(slug.data, data));
}
