import "server-only";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/enums";
import { getCurrentUser, type CurrentUser } from "./current-user";

/**
 * For pages: sends visitors without a valid session to sign in (and back),
 * and answers 403 to people without the role. The DAL checks again.
 */
export async function guardPage(path: string, ...roles: Role[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (roles.length > 0 && !roles.includes(user.role)) forbidden();
  return user;
}
