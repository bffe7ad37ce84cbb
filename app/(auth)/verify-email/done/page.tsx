import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { describeRefusal } from "@/lib/messages/refusals";
import type { LinkProblem } from "@/lib/refusals";

export const metadata: Metadata = { title: "Confirm your email address" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PROBLEMS: LinkProblem[] = ["invalid_link", "expired_link", "used_link"];

/**
 * What opening a link from an account email did: confirming a new account's
 * address (../route.ts) or a change of address (/confirm-email).
 */
export default async function VerifyEmailDonePage({ searchParams }: Props) {
  const params = await searchParams;
  const change = params.for === "change";
  const me = await getCurrentUser();
  const next = me ? (
    <Link href={change ? "/account" : "/me"}>{change ? "Your account" : "Go to your cities"}</Link>
  ) : (
    <Link href="/login">Sign in</Link>
  );
  if (params.result === "verified" || params.result === "changed") {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold">
          {change ? "Your new email address is confirmed" : "Your email address is confirmed"}
        </h1>
        <p role="status" className="mt-4 text-stone-800">
          {change
            ? "Your account now uses the new address: sign in with it from now on."
            : "Thank you. You can now post updates, edits and comments, and we will email you about the cities you follow."}
        </p>
        <p className="mt-6">{next}</p>
      </div>
    );
  }
  const problem = PROBLEMS.find((p) => p === params.result) ?? "invalid_link";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">This link did not work</h1>
      <p role="alert" className="mt-4 text-stone-800">
        {params.result === "email_taken"
          ? describeRefusal({ code: "email_taken" })
          : describeRefusal({
              code: "bad_link",
              problem,
              purpose: change ? "change_email" : "verify_email",
            })}
      </p>
      <p className="mt-6">{next}</p>
    </div>
  );
}
