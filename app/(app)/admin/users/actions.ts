"use server";

import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { banUser, setUserRole, unbanUser } from "@/lib/dal/people/admin-users";
import { banUserSchema, setRoleSchema, unbanUserSchema } from "@/lib/validation/admin";

/*
 * The user card's forms. Without JavaScript Next renders /admin/users again
 * after each, showing the user's new role or ban; once hydrated they refresh it.
 */

export async function setRoleAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(setRoleSchema, formData, setUserRole, { done: () => saved("Role saved.") });
}

export async function banUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(banUserSchema, formData, banUser, { done: () => saved("Banned.") });
}

export async function unbanUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(unbanUserSchema, formData, unbanUser, { done: () => saved("Unbanned.") });
}
