import { formatDate } from "@/lib/format";
import { describeNotification, type NotificationItem } from "@/lib/notification-text";

export type ComposedEmail = { subject: string; text: string };

/** Links every email carries. */
export type MailLinks = { origin: string; unsubscribeUrl: string };

/** A digest lists this many notifications, then says how many more there are. */
export const DIGEST_LIMIT = 50;

function entry(item: NotificationItem, origin: string): string {
  const { text, path, reason } = describeNotification(item);
  return [`- ${text}`, reason ? `  Reason: ${reason}` : null, `  ${origin}${path}`]
    .filter(Boolean)
    .join("\n");
}

function footer(links: MailLinks): string {
  return [
    "--",
    "You get this email because you have a CityWatch account.",
    `Choose how often we email you: ${links.origin}/account#email-section`,
    `Unsubscribe from all CityWatch email (one click, no sign-in): ${links.unsubscribeUrl}`,
  ].join("\n");
}

/** One notification, emailed at once. */
export function composeSingle(
  name: string,
  item: NotificationItem,
  links: MailLinks,
): ComposedEmail {
  const { text } = describeNotification(item);
  return {
    subject: `CityWatch: ${text}`.slice(0, 200),
    text: [
      `Hello ${name},`,
      "",
      entry(item, links.origin),
      "",
      `All your notifications: ${links.origin}/notifications`,
      "",
      footer(links),
    ].join("\n"),
  };
}

/** The day's notifications in one email: the newest (at most 50), then how many more of `total`. */
export function composeDigest(
  name: string,
  items: NotificationItem[],
  total: number,
  day: string,
  links: MailLinks,
): ComposedEmail {
  const shown = items.slice(0, DIGEST_LIMIT);
  const more = Math.max(0, total - shown.length);
  const count = total === 1 ? "1 notification" : `${total} notifications`;
  return {
    subject: `CityWatch daily digest, ${formatDate(day)}: ${count}`,
    text: [
      `Hello ${name},`,
      "",
      `Here is what happened since your last digest (${count}):`,
      "",
      ...shown.map((item) => entry(item, links.origin)),
      ...(more > 0 ? ["", `…and ${more} more.`] : []),
      "",
      `All your notifications: ${links.origin}/notifications`,
      "",
      footer(links),
    ].join("\n"),
  };
}
