import "server-only";
import { onEmailQueued } from "@/lib/outbox-signal";
import { siteOrigin } from "@/lib/site-url";
import {
  describeError,
  queueDigests,
  queueImmediateEmails,
  sendDueEmails,
  type MailOutbox,
} from "./mailer";
import { createMailTransport } from "./transport";

type Worker = { timer?: NodeJS.Timeout };
const worker = ((globalThis as { __citywatchMailer?: Worker }).__citywatchMailer ??= {});

/**
 * Runs the mailer in this server process, off every request: every
 * MAIL_INTERVAL_MS (15 s), and at once when an account email is queued
 * (lib/outbox-signal.ts), it queues emails for new notifications and sends
 * what is due, in `outbox` (the data access layer's, passed in by the caller).
 * MAIL_WORKER=off turns it off (for a process that should not send).
 */
export function startMailWorker(outbox: MailOutbox): void {
  if (worker.timer || process.env.MAIL_WORKER === "off") return;
  const transport = createMailTransport();
  const interval = Number(process.env.MAIL_INTERVAL_MS ?? 15_000);
  let running = false;
  // An email queued during a tick: run once more right after it.
  let again = false;
  // Each step on its own: one that fails (and is logged) never stops the others.
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T | null> => {
    try {
      return await run();
    } catch (error) {
      console.error(`[mail] ${name} failed: ${describeError(error)}`);
      return null;
    }
  };
  const tick = async (): Promise<void> => {
    if (running) {
      again = true; // a slow SMTP server: never two ticks at once in one process
      return;
    }
    running = true;
    again = false;
    try {
      await outbox.openOutbox();
      await step("queueing single emails", () => queueImmediateEmails(outbox));
      await step("queueing digests", () => queueDigests(outbox, new Date()));
      const result = await step("sending", () => sendDueEmails(outbox, transport, new Date()));
      if (result && (result.sent || result.failed)) {
        console.info(`[mail] sent ${result.sent}, failed ${result.failed} (${transport.describe})`);
      }
    } catch (error) {
      console.error(`[mail] tick failed: ${describeError(error)}`);
    } finally {
      running = false;
    }
    if (again) await tick();
  };
  worker.timer = setInterval(() => void tick(), interval);
  // A verification or reset email is sent now, not at the next tick.
  onEmailQueued(() => void tick());
  worker.timer.unref();
  console.info(`[mail] sending every ${interval / 1000} s to ${transport.describe}`);
  if (process.env.SMTP_URL && /^https?:\/\/(localhost|127\.)/.test(siteOrigin())) {
    console.warn(
      `[mail] NEXTAUTH_URL is ${siteOrigin()}: the links in emails (and one-click unsubscribe) will point there. Set it to the site's public address.`,
    );
  }
}
