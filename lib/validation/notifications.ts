import { z } from "zod";
import { idSchema } from "./moderation";
import { EMAIL_FREQUENCIES, type EmailFrequency } from "@/lib/enums";

export const EMAIL_FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  immediately: "Immediately: one email for each notification",
  daily: "Daily digest: at most one email a day",
  never: "Never: notifications stay in the app",
};

export const emailFrequencySchema = z.strictObject({
  frequency: z.enum(EMAIL_FREQUENCIES, { error: "Choose how often to get email." }),
});
export type EmailFrequencyInput = z.infer<typeof emailFrequencySchema>;

/** Mark one notification as read. */
export const notificationRefSchema = z.strictObject({ id: idSchema });
export type NotificationRef = z.infer<typeof notificationRefSchema>;

/** "Mark all as read": up to the newest notification the page showed. */
export const markAllSchema = z.strictObject({ upTo: idSchema });
export type MarkAllInput = z.infer<typeof markAllSchema>;

/** The signed token from an email's unsubscribe link. */
export const unsubscribeSchema = z.strictObject({
  token: z.string({ error: "This unsubscribe link is not valid." }).min(1).max(200),
});
