"use server";

import { goTo, runForm, takeCallbackPath } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { getSessionClaims } from "@/lib/auth/claims";
import { followCity, unfollowCity, type FollowState } from "@/lib/dal/cities/follows";
import { followSchema } from "@/lib/validation/follow";

/**
 * Follows or unfollows a city, as the form says, and answers the new state
 * (the page shows it: after a post without JavaScript, in the page Next
 * renders again). Without a session, the person is sent to sign in and back
 * to the page the form was on.
 */
export async function setFollowAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState<FollowState>> {
  const back = takeCallbackPath(formData);
  if (!(await getSessionClaims())) {
    return goTo(`/login?callbackUrl=${encodeURIComponent(back)}`);
  }
  return runForm(
    followSchema,
    formData,
    ({ city, intent }) => (intent === "follow" ? followCity(city) : unfollowCity(city)),
    { done: (data) => ({ ok: true, data }) },
  );
}
