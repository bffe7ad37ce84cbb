import type { Metadata } from "next";
import Link from "next/link";
import { readResetLink } from "@/lib/dal/people/password-reset";
import { describeRefusal } from "@/lib/messages/refusals";
import { linkTokenSchema } from "@/lib/validation/password-reset";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The reset email's link: the form, or why the link no longer works. Opening it uses nothing up. */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const token = linkTokenSchema.safeParse((await searchParams).token);
  const link = token.success
    ? await readResetLink(token.data)
    : ({
        ok: false,
        refusal: { code: "bad_link", problem: "invalid_link", purpose: "reset_password" },
      } as const);
  if (!link.ok || !token.success) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold">This reset link does not work</h1>
        <p role="alert" className="mt-4 text-stone-800">
          {!link.ok && link.refusal.code === "bad_link"
            ? describeRefusal(link.refusal)
            : "This reset link is not valid."}
        </p>
        <p className="mt-6">
          <Link href="/forgot-password">Ask for a new reset link</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      <p className="mt-2 text-stone-700">For the account {link.data.email}.</p>
      <ResetPasswordForm
        token={token.data}
        name={link.data.name ?? ""}
        email={link.data.email ?? ""}
      />
    </div>
  );
}
