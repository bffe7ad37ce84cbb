"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { ROLE_LABELS } from "@/lib/validation/admin";
import { ROLES, type Role } from "@/lib/enums";
import { setRoleAction } from "../actions";

export function RoleForm({ userId, role, name }: { userId: number; role: Role; name: string }) {
  const router = useRouter();
  const [value, setValue] = useState<Role>(role);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const id = `role-${userId}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const result = await setRoleAction({ userId, role: value });
      if (!result.ok)
        return setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0]);
      router.refresh();
    });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <FormAlert error={error} />
      <label htmlFor={id} className="text-sm font-medium">
        Role of {name}
      </label>
      <div className="flex gap-2">
        <select
          id={id}
          value={value}
          onChange={(e) => setValue(e.target.value as Role)}
          className="rounded border border-stone-300 bg-white px-2 py-1.5"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button
          type="submit"
          disabled={pending || value === role}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save role"}
        </button>
      </div>
    </form>
  );
}
