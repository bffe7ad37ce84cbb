import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Forgot your password?</h1>
      <p className="mt-2 text-stone-700">
        Enter your account&apos;s email address and we will email you a link to choose a new
        password. Remembered it? <Link href="/login">Sign in</Link>.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
