import type { Metadata } from "next";
import { toCityOptions } from "@/components/forms/city-select";
import Link from "next/link";
import { listJurisdictionsCached } from "@/lib/cache/public-data";
import { safeCallbackPath } from "@/lib/auth/request";
import { SignUpForm } from "./_components/signup-form";

export const metadata: Metadata = { title: "Sign up" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl);
  const cities = await listJurisdictionsCached();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Create your account</h1>
      <p className="mt-2 text-stone-700">
        Follow your city, send in local policy news and join the discussion. Already have an
        account?{" "}
        <Link href={`/login?callbackUrl=${encodeURIComponent(callbackPath)}`}>Sign in</Link>.
      </p>
      <SignUpForm callbackPath={callbackPath} cities={toCityOptions(cities)} />
    </div>
  );
}
