"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { runAction } from "@/lib/actions/run";
import {
  changeName,
  changePassword,
  deleteOwnAccount,
  setHomeCity,
  signOutEverywhere,
} from "@/lib/dal/people/account";
import {
  changeNameSchema,
  changePasswordSchema,
  deleteAccountSchema,
  homeCitySchema,
} from "@/lib/validation/account";
import { setEmailFrequency } from "@/lib/dal/news/email-settings";
import { resetPrivateFeed } from "@/lib/dal/news/private-feed";
import { emailFrequencySchema } from "@/lib/validation/notifications";
import { z } from "zod";

export async function changeNameAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(changeNameSchema, formData, changeName, {
    done: () => saved("Your name was saved."),
  });
}

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(changePasswordSchema, input, changePassword);
}

export async function setHomeCityAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(homeCitySchema, formData, setHomeCity, {
    done: () => saved("Your home city was saved."),
  });
}

export async function signOutEverywhereAction(input: unknown): Promise<ActionResult> {
  return runAction(z.strictObject({}), input ?? {}, () => signOutEverywhere());
}

export async function deleteAccountAction(input: unknown): Promise<ActionResult> {
  return runAction(deleteAccountSchema, input, deleteOwnAccount);
}

export async function setEmailFrequencyAction(input: unknown): Promise<ActionResult> {
  return runAction(emailFrequencySchema, input, setEmailFrequency);
}

export async function resetPrivateFeedAction(
  input: unknown,
): Promise<ActionResult<{ path: string }>> {
  return runAction(z.strictObject({}), input ?? {}, () => resetPrivateFeed());
}
