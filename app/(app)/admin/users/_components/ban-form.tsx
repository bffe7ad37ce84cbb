"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { banUserAction, unbanUserAction } from "../actions";

type Props = { userId: number; banned: boolean; name: string };

/** Ban or unban, with the reason the audit log keeps. */
export function BanForm({ userId, banned, name }: Props) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const id = `ban-reason-${userId}`;
  const label = banned ? "Unban" : "Ban";
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const action = banned ? unbanUserAction : banUserAction;
      const result = await action({ userId, reason });
      if (!result.ok) return setError(result.fieldErrors?.reason ?? result.formError);
      setReason("");
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <FormAlert error={error} />
      <label htmlFor={id} className="text-sm font-medium">
        Reason to {label.toLowerCase()} {name}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={Boolean(error)}
          className="min-w-0 flex-1 rounded border border-stone-300 bg-white px-2 py-1.5"
        />
        <button
          type="submit"
          disabled={pending}
          className={`rounded px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60 ${banned ? "bg-stone-700" : "bg-red-700"}`}
        >
          {pending ? `${label}ning…` : label}
        </button>
      </div>
    </form>
  );
}
