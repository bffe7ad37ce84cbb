"use server";

import { goTo, runForm, saved } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import {
  changeName,
  changePassword,
  deleteOwnAccount,
  requestEmailChange,
  setHomeCity,
  signOutEverywhere,
} from "@/lib/dal/people/account";
import {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchemaFor,
  deleteAccountSchema,
  homeCitySchema,
} from "@/lib/validation/account";
import { getCurrentUser } from "@/lib/auth/current-user";
import { setEmailFrequency } from "@/lib/dal/news/email-settings";
import { endMySession } from "@/lib/dal/people/sessions";
import { endSessionSchema } from "@/lib/validation/sessions";
import { resetPrivateFeed } from "@/lib/dal/news/private-feed";
import { emailFrequencySchema } from "@/lib/validation/notifications";
import { z } from "zod";

export async function changeNameAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(changeNameSchema, formData, changeName, {
    done: () => saved("Your name was saved."),
  });
}

/*
 * Changing the password, signing out everywhere and deleting the account end
 * this session too (its session version no longer matches), so the cookie is
 * left as it is: deleting it would make Next render this page again within
 * the action, and the page would send the browser to sign in before the form
 * could go where it says.
 */

/**
 * Changing the password ends every session, this one too: sign in again. The
 * new password must not contain the person's name or email, which the form
 * does not hold: they come from the session. (Who may change it is the DAL's
 * check; a failure to read the session here is its to report.)
 */
export async function changePasswordAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const me = await getCurrentUser().catch(() => null);
  const schema = changePasswordSchemaFor({ name: me?.name, email: me?.email });
  return runForm(schema, formData, changePassword, {
    secrets: ["currentPassword", "newPassword"],
    done: () => goTo("/login?notice=password-changed&callbackUrl=%2Faccount", { reload: true }),
  });
}

/** A new address: a confirmation link goes to it, a notice to the current one. */
export async function changeEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(changeEmailSchema, formData, requestEmailChange, {
    secrets: ["password"],
    done: ({ to }) =>
      saved(
        `We sent a confirmation link to ${to}. Your address changes when you open it; until then your account keeps its current one.`,
      ),
  });
}

export async function setHomeCityAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(homeCitySchema, formData, setHomeCity, {
    done: () => saved("Your home city was saved."),
  });
}

export async function signOutEverywhereAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(z.strictObject({}), formData, () => signOutEverywhere(), {
    done: () => goTo("/login?notice=signed-out-everywhere", { reload: true }),
  });
}

export async function deleteAccountAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(deleteAccountSchema, formData, deleteOwnAccount, {
    secrets: ["password"],
    done: () => goTo("/", { reload: true }),
  });
}

export async function setEmailFrequencyAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runForm(emailFrequencySchema, formData, setEmailFrequency, {
    done: () => saved("Your email setting was saved."),
  });
}

/** A new address for my private feed; the old one stops working. Answers the new path. */
export async function resetPrivateFeedAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState<{ path: string }>> {
  return runForm(z.strictObject({}), formData, () => resetPrivateFeed(), {
    done: (data) => saved("Your feed has a new address. The old one no longer works.", data),
  });
}

/**
 * "Sign out" beside one session on /account. Another browser's session ends
 * and the list shows the rest; this browser's own ends it here, as "Sign out" does.
 */
export async function endSessionAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(endSessionSchema, formData, endMySession, {
    done: ({ current }) =>
      current
        ? goTo("/login?notice=signed-out", { reload: true })
        : goTo("/account?notice=session-ended#your-sessions"),
  });
}
