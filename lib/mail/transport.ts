import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

/** One email from the outbox, as a transport sends it. */
export type OutgoingEmail = {
  id: number;
  /** The same on every attempt, so a receiver can tell a resend from a new email. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  /** Empty for an account email, which has no unsubscribe. */
  unsubscribeUrl: string;
};

export type MailTransport = {
  /** Where mail goes, for the log: "smtp://host:port" or the outbox folder. */
  describe: string;
  /** Delivers one email or throws; a throw means it was not delivered. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
};

const from = () => process.env.MAIL_FROM || "CityWatch <no-reply@citywatch.invalid>";

function message(email: OutgoingEmail) {
  const base = {
    from: from(),
    to: email.to,
    subject: email.subject,
    text: email.text,
    messageId: email.messageId,
  };
  // Account emails (verify, reset) have no unsubscribe: they go out whatever the setting.
  if (!email.unsubscribeUrl) return base;
  // The body links to a page with a button; mail clients POST to the API route.
  const oneClick = new URL(email.unsubscribeUrl);
  oneClick.pathname = "/api/unsubscribe";
  return {
    ...base,
    list: { unsubscribe: { url: oneClick.href, comment: "Unsubscribe" } },
    // RFC 8058: mail clients may unsubscribe with one POST, without opening a page.
    headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}

/**
 * SMTP when SMTP_URL is set ("smtp://user:pass@host:587"); otherwise each
 * email becomes a file `<id>.eml` in MAIL_OUTBOX_DIR (default .data/outbox).
 */
export function createMailTransport(
  env: Record<string, string | undefined> = process.env,
): MailTransport {
  if (env.SMTP_URL) {
    // Pooled connections; timeouts well inside the outbox's five-minute lease.
    const smtp = nodemailer.createTransport({
      url: env.SMTP_URL,
      pool: true,
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    const url = new URL(env.SMTP_URL);
    return {
      describe: `${url.protocol}//${url.host}`,
      send: async (email) => {
        await smtp.sendMail(message(email));
      },
      close: () => smtp.close(),
    };
  }
  const dir = env.MAIL_OUTBOX_DIR || path.join(".data", "outbox");
  const files = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "unix",
  });
  return {
    describe: dir,
    send: async (email) => {
      const info = await files.sendMail(message(email));
      await mkdir(dir, { recursive: true });
      // Written whole or not at all: a reader never sees half a file.
      const file = path.join(dir, `${email.id}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => files.close(),
  };
}
