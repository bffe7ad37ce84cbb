import type { Metadata } from "next";
import Link from "next/link";
import { describeUnsubscribe } from "@/lib/dal/news/email-settings";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where an email's unsubscribe link leads: one button, no sign-in. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw.slice(0, 200) : "";
  const target = token ? await describeUnsubscribe(token) : null;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Unsubscribe</h1>
      {target ? (
        <UnsubscribeForm token={token} email={target.email} />
      ) : (
        <p
          role="alert"
          className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800"
        >
          This unsubscribe link is not valid. It may have been cut short: try copying the whole link
          from the email, or <Link href="/login?callbackUrl=%2Faccount">sign in</Link> and change
          your email setting on your account page.
        </p>
      )}
    </div>
  );
}
