"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { claimSubmission, decideSubmission } from "@/lib/dal/moderation/decisions";
import { setUpdateVisibility } from "@/lib/dal/moderation/update-visibility";
import { decideSchema, submissionRefSchema, visibilitySchema } from "@/lib/validation/moderation";

export async function claimAction(input: unknown): Promise<ActionResult> {
  return runAction(submissionRefSchema, input, claimSubmission);
}

export async function decideAction(input: unknown): Promise<ActionResult> {
  return runAction(decideSchema, input, decideSubmission);
}

export async function visibilityAction(input: unknown): Promise<ActionResult> {
  return runAction(visibilitySchema, input, setUpdateVisibility);
}
