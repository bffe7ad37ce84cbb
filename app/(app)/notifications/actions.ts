"use server";

import type { ActionResult } from "@/lib/actions/result";
import { runAction } from "@/lib/actions/run";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/dal/news/notifications";
import { markAllSchema, notificationRefSchema } from "@/lib/validation/notifications";

export async function markReadAction(input: unknown): Promise<ActionResult<{ unread: number }>> {
  return runAction(notificationRefSchema, input, markNotificationRead);
}

export async function markAllReadAction(input: unknown): Promise<ActionResult<{ unread: number }>> {
  return runAction(markAllSchema, input, markAllNotificationsRead);
}
