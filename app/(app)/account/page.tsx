import type { Metadata } from "next";
import { toCityOptions } from "@/components/forms/city-select";
import { guardPage } from "@/lib/auth/page-guards";
import { listJurisdictionsCached } from "@/lib/cache/public-data";
import { getAccount } from "@/lib/dal/account";
import { formatDate } from "@/lib/format";
import { ROLE_LABELS, type RoleValue } from "@/lib/validation/roles";
import { DangerZone } from "./_components/danger-zone";
import { HomeCityForm } from "./_components/home-city-form";
import { NameForm } from "./_components/name-form";
import { PasswordForm } from "./_components/password-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  await guardPage("/account");
  const [account, cities] = await Promise.all([getAccount(), listJurisdictionsCached()]);
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Your account</h1>
      <p className="mt-2 text-stone-700">
        Signed in as <strong>{account.email}</strong> · {ROLE_LABELS[account.role as RoleValue]} ·
        member since {formatDate(account.memberSince)}
      </p>
      <div className="mt-8 space-y-8">
        <NameForm name={account.name} />
        <HomeCityForm homeCity={account.homeCity} cities={toCityOptions(cities)} />
        <PasswordForm />
        <DangerZone />
      </div>
    </div>
  );
}
