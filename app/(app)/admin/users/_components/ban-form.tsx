"use client";

import { useRouter } from "next/navigation";
import { ReasonForm } from "@/components/forms/reason-form";
import { banUserSchema, unbanUserSchema } from "@/lib/validation/admin";
import { banUserAction, unbanUserAction } from "../actions";

type Props = { userId: number; banned: boolean; name: string };

/** Ban or unban, with the reason the audit log keeps. */
export function BanForm({ userId, banned, name }: Props) {
  const router = useRouter();
  const label = banned ? "Unban" : "Ban";
  return (
    <ReasonForm
      // A new form once the ban changes: the other action, nothing left of the last answer.
      key={label}
      id={`ban-reason-${userId}`}
      label={`Reason to ${label.toLowerCase()} ${name}`}
      control={{ kind: "line" }}
      inline
      submit={{ label, pendingLabel: `${label}ning…`, variant: banned ? "neutral" : "danger" }}
      action={banned ? unbanUserAction : banUserAction}
      schema={banned ? unbanUserSchema : banUserSchema}
      fields={{ userId }}
      onSaved={() => router.refresh()}
      className="flex flex-col gap-2"
    />
  );
}
