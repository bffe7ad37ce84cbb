// The transport without SMTP_URL: each email becomes an .eml file, written
// whole, with the one-click unsubscribe headers.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { describe, expect, it } from "vitest";
import { createMailTransport } from "./transport";

const rawHeader = (mail: ParsedMail, key: string) =>
  mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, " ");

describe("without SMTP_URL", () => {
  it("writes each email as an .eml file in the outbox folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "citywatch-outbox-"));
    const transport = createMailTransport({ MAIL_OUTBOX_DIR: dir });
    await transport.send({
      id: 4242,
      messageId: "<email-4242-1@citywatch.test>",
      to: "someone@example.test",
      subject: "A test email",
      text: "Body text",
      unsubscribeUrl: "https://citywatch.test/unsubscribe?token=1.x",
    });
    transport.close();
    expect(await readdir(dir)).toEqual(["4242.eml"]);
    const mail = await simpleParser(await readFile(path.join(dir, "4242.eml")));
    expect(mail.subject).toBe("A test email");
    expect(mail.text?.trim()).toBe("Body text");
    expect(rawHeader(mail, "list-unsubscribe")).toContain(
      "<https://citywatch.test/api/unsubscribe?token=1.x>",
    );
  });
});
