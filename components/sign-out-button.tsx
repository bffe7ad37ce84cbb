"use client";

import { signOut } from "next-auth/react";
import { signOutAction } from "@/app/(auth)/login/actions";
import { ButtonForm } from "./forms/button-form";

/**
 * Signs this browser out. Without JavaScript it posts to the sign-out action;
 * with it, next-auth's own sign-out runs and the home page loads afresh (the
 * action's cookie change would make Next render the current page again within
 * the request, and a signed-in page would send the browser to sign in).
 */
export function SignOutButton({ children }: { children: string }) {
  return (
    <ButtonForm
      action={signOutAction}
      instead={() => void signOut({ callbackUrl: "/" })}
      pendingText="Signing out…"
      buttonClassName="text-brand-700 underline hover:text-brand-900"
    >
      {children}
    </ButtonForm>
  );
}
