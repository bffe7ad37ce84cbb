"use server";

import { runForm } from "@/lib/actions/form";
import type { FormState } from "@/lib/actions/form-state";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/dal/news/notifications";
import { markAllSchema, notificationRefSchema } from "@/lib/validation/notifications";

type Unread = { unread: number };

/** "Mark as read" on one notification; answers how many are still unread (for the header). */
export async function markReadAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState<Unread>> {
  return runForm(notificationRefSchema, formData, markNotificationRead, {
    done: (data) => ({ ok: true, data }),
  });
}

/** "Mark all as read", up to the newest the page showed. */
export async function markAllReadAction(
  _state: FormState,
  formData: FormData,
): Promise<FormState<Unread>> {
  return runForm(markAllSchema, formData, markAllNotificationsRead, {
    done: (data) => ({ ok: true, data }),
  });
}
