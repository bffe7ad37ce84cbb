"use client";

import { useRouter } from "next/navigation";
import { ReasonForm } from "@/components/forms/reason-form";
import { banUserAction, unbanUserAction } from "../actions";

type Props = { userId: number; banned: boolean; name: string };

/** Ban or unban, with the reason the audit log keeps. */
export function BanForm({ userId, banned, name }: Props) {
  const router = useRouter();
  const label = banned ? "Unban" : "Ban";
  return (
    <ReasonForm
      id={`ban-reason-${userId}`}
      label={`Reason to ${label.toLowerCase()} ${name}`}
      control={{ kind: "line" }}
      inline
      submit={{ label, pendingLabel: `${label}ning…`, variant: banned ? "neutral" : "danger" }}
      onSubmit={(reason) => (banned ? unbanUserAction : banUserAction)({ userId, reason })}
      onSuccess={() => router.refresh()}
      className="flex flex-col gap-2"
    />
  );
}
