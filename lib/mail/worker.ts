import "server-only";
import { getDb } from "@/db/client";
import { logError } from "@/lib/log";
import { queueDigests, queueImmediateEmails, sendDueEmails } from "./outbox";
import { createMailTransport } from "./transport";

type Worker = { timer?: NodeJS.Timeout };
const worker = ((globalThis as { __citywatchMailer?: Worker }).__citywatchMailer ??= {});

/**
 * Runs the mailer in this server process, off every request: every
 * MAIL_INTERVAL_MS (15 s) it queues emails for new notifications and sends
 * what is due. MAIL_WORKER=off turns it off (for a process that should not send).
 */
export function startMailWorker(): void {
  if (worker.timer || process.env.MAIL_WORKER === "off") return;
  const transport = createMailTransport();
  const interval = Number(process.env.MAIL_INTERVAL_MS ?? 15_000);
  let running = false;
  const tick = async () => {
    if (running) return; // a slow SMTP server: never two ticks at once in one process
    running = true;
    try {
      const db = await getDb();
      await queueImmediateEmails(db);
      await queueDigests(db, new Date());
      const { sent, failed } = await sendDueEmails(db, transport, new Date());
      if (sent || failed)
        console.info(`[mail] sent ${sent}, failed ${failed} (${transport.describe})`);
    } catch (error) {
      logError("mail worker tick failed", error);
    } finally {
      running = false;
    }
  };
  worker.timer = setInterval(() => void tick(), interval);
  worker.timer.unref();
  console.info(`[mail] sending every ${interval / 1000} s to ${transport.describe}`);
}
