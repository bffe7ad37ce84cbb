"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { goTo, runForm, takeCallbackPath } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { clientIp } from "@/lib/auth/request";
import { endSession } from "@/lib/auth/session-cookie";
import { signInWith } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/validation/auth";

/** Signs in with an email and password, then goes where the person was headed. */
export async function signInAction(_state: FormState, formData: FormData): Promise<FormState> {
  const callbackPath = takeCallbackPath(formData);
  const ip = clientIp(await headers());
  return runForm(signInSchema, formData, (data) => signInWith(data, ip), {
    secrets: ["password"],
    done: () => goTo(callbackPath, { reload: true }),
  });
}

/** Signs this browser out and goes to the home page (a full load: the header changes). */
export async function signOutAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runForm(
    z.strictObject({}),
    formData,
    async () => {
      await endSession();
      return { ok: true, data: null };
    },
    { done: () => goTo("/", { reload: true }) },
  );
}
