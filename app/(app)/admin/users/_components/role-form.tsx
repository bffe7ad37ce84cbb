"use client";

import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { ROLE_LABELS } from "@/lib/messages/roles";
import { ROLES, type Role } from "@/lib/enums";
import type { z } from "zod";
import { setRoleSchema } from "@/lib/validation/admin";
import { setRoleAction } from "../actions";

/** A user's role: a real form, so it works without JavaScript (the page comes back with the new role). */
export function RoleForm({ userId, role, name }: { userId: number; role: Role; name: string }) {
  const router = useRouter();
  const { form, state, pending, action, formProps, errorOf, valueOf, hydrated } = useActionForm<
    z.input<typeof setRoleSchema>
  >(setRoleSchema, setRoleAction, {
    onSaved: () => router.refresh(),
  });
  const chosen = useWatch({ control: form.control, name: "role" }) ?? role;
  const id = `role-${userId}`;
  const error = state.formError ?? errorOf("role") ?? errorOf("userId");
  return (
    <form action={action} {...formProps} className="flex flex-col gap-2">
      <FormAlert error={error} />
      <input type="hidden" {...form.register("userId")} value={userId} />
      <label htmlFor={id} className="text-sm font-medium">
        Role of {name}
      </label>
      <div className="flex gap-2">
        <select
          id={id}
          {...form.register("role")}
          defaultValue={valueOf("role", role)}
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
          // Once hydrated, nothing to save until the role changes; without JavaScript the server says so.
          disabled={pending || (hydrated && chosen === role)}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save role"}
        </button>
      </div>
    </form>
  );
}
