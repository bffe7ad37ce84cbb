import type { Metadata } from "next";
import { headers } from "next/headers";
import { SignOutButton } from "@/components/sign-out-button";
import { toCityOptions } from "@/components/forms/city-select";
import { guardPage } from "@/lib/auth/page-guards";
import { listJurisdictionsCached } from "@/lib/cache/public-data";
import { getAccount } from "@/lib/dal/people/account";
import { listMySessions } from "@/lib/dal/people/sessions";
import { getPrivateFeedPath } from "@/lib/dal/news/private-feed";
import { formatDate } from "@/lib/format";
import { siteOrigin } from "@/lib/site-url";
import { ROLE_LABELS } from "@/lib/messages/roles";
import { type Role } from "@/lib/enums";
import { ChangeEmailForm } from "./_components/change-email-form";
import { DangerZone } from "./_components/danger-zone";
import { EmailForm } from "./_components/email-form";
import { PrivateFeed } from "./_components/private-feed";
import { HomeCityForm } from "./_components/home-city-form";
import { NameForm } from "./_components/name-form";
import { PasswordForm } from "./_components/password-form";
import { SessionsList } from "./_components/sessions-list";

export const metadata: Metadata = { title: "Your account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  await guardPage("/account");
  const [account, cities, feedPath, sessions, params] = await Promise.all([
    getAccount(),
    listJurisdictionsCached(),
    getPrivateFeedPath(),
    listMySessions(),
    searchParams,
  ]);
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Your account</h1>
      <p className="mt-2 text-stone-700">
        Signed in as <strong>{account.email}</strong> · {ROLE_LABELS[account.role as Role]} · member
        since {formatDate(account.memberSince)}
      </p>
      <p className="mt-2">
        <SignOutButton>Sign out of this browser</SignOutButton>
      </p>
      <div className="mt-8 space-y-8">
        <NameForm name={account.name} />
        <HomeCityForm homeCity={account.homeCity} cities={toCityOptions(cities)} />
        <EmailForm frequency={account.emailFrequency} />
        <PrivateFeed origin={await requestOrigin()} path={feedPath} />
        <ChangeEmailForm email={account.email} />
        <PasswordForm name={account.name} email={account.email} />
        <SessionsList
          sessions={sessions}
          notice={params.notice === "session-ended" ? "That session was signed out." : undefined}
        />
        <DangerZone />
      </div>
    </div>
  );
}

/** This request's origin, for showing full addresses (NEXTAUTH_URL wins when set). */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  return siteOrigin(host ? `${proto}://${host}` : undefined);
}
