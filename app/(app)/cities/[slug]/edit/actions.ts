"use server";

import { refused, type ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { proposeEdit } from "@/lib/dal/submissions/profile-edits";
import { citySlugSchema } from "@/lib/validation/auth";
import { safeParseInput } from "@/lib/validation/parse";
import { profileEditSchema } from "@/lib/validation/profile-edit";

/** Sends a proposed profile edit for review. The city comes from the page, checked apart from the form. */
export async function proposeEditAction(
  citySlug: unknown,
  input: unknown,
): Promise<ActionResult<{ id: number }>> {
  const slug = safeParseInput(citySlugSchema, citySlug);
  if (!slug.success) return refused({ code: "no_such_city" });
  return runAction(profileEditSchema, input, (data) => proposeEdit(slug.data, data));
}
