"use server";

import type { ActionResult } from "@/lib/actions/result";
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

export async function changeNameAction(input: unknown): Promise<ActionResult> {
  return runAction(changeNameSchema, input, changeName);
}

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(changePasswordSchema, input, changePassword);
}

export async function setHomeCityAction(input: unknown): Promise<ActionResult> {
  return runAction(homeCitySchema, input, setHomeCity);
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
