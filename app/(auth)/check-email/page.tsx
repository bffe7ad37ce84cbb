import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/request";

export const metadata: Metadata = { title: "Check your email" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** After sign-up, whether or not the address had an account already: the same words. */
export default async function CheckEmailPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Check your email</h1>
      <div role="status" className="mt-4 space-y-3 text-stone-800">
        <p>
          We sent an email to the address you gave. Open the link in it to confirm that the address
          is yours: the link works for 24 hours.
        </p>
        <p>
          You can sign in now to read and follow cities. Once your address is confirmed you can also
          post updates, edits and comments, and we email you about the cities you follow.
        </p>
        <p className="text-sm text-stone-600">
          No email? Look in your spam folder. Signed in, you can ask for a new link from the banner
          at the top of every page.
        </p>
      </div>
      <p className="mt-6">
        <Link
          href={`/login?callbackUrl=${encodeURIComponent(callbackPath)}`}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-900 hover:text-white"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
