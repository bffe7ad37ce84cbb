import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/request";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(params.callbackUrl);
  const notice =
    params.notice === "password-changed"
      ? "Your password was changed and every session ended. Sign in with your new password."
      : params.notice === "signed-out-everywhere"
        ? "You were signed out on every device."
        : params.notice === "signed-out"
          ? "You were signed out of this browser."
          : params.notice === "password-reset"
            ? "Your password was reset and every session ended. Sign in with your new password."
            : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-2 text-stone-700">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackPath)}`}>
          Create an account
        </Link>
        .
      </p>
      <LoginForm callbackPath={callbackPath} notice={notice} />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
