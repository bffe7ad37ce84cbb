"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { banUser, setUserRole, unbanUser } from "@/lib/dal/people/admin-users";
import { banUserSchema, setRoleSchema, unbanUserSchema } from "@/lib/validation/admin";

export async function setRoleAction(input: unknown): Promise<ActionResult> {
  return runAction(setRoleSchema, input, setUserRole);
}

export async function banUserAction(input: unknown): Promise<ActionResult> {
  return runAction(banUserSchema, input, banUser);
}

export async function unbanUserAction(input: unknown): Promise<ActionResult> {
  return runAction(unbanUserSchema, input, unbanUser);
}
