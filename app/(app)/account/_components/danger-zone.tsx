"use client";

import { ButtonForm } from "@/components/forms/button-form";
import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { deleteAccountSchema, type DeleteAccountInput } from "@/lib/validation/account";
import { deleteAccountAction, signOutEverywhereAction } from "../actions";
import { Section } from "./section";

export function DangerZone() {
  const { form, state, pending, action, formProps, errorOf, valueOf } =
    useActionForm<DeleteAccountInput>(deleteAccountSchema, deleteAccountAction, {
      clearOnError: ["password"],
    });

  return (
    <Section id="sessions-section" title="Sessions and deletion">
      <p className="mt-2 text-stone-700">
        Lost a device, or signed in somewhere public? End every session at once.
      </p>
      <div className="mt-3">
        <ButtonForm
          action={signOutEverywhereAction}
          pendingText="Signing out everywhere…"
          buttonClassName="rounded border border-stone-400 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-70"
        >
          Sign out everywhere
        </ButtonForm>
      </div>

      <form
        action={action}
        {...formProps}
        className="mt-8 flex flex-col gap-4 border-t border-stone-200 pt-6"
      >
        <h3 className="text-lg font-semibold text-red-800">Delete my account</h3>
        <p className="text-stone-700">
          Your email, name and password are erased. What you wrote stays, attributed to “deleted
          user”. This cannot be undone.
        </p>
        <FormAlert error={state.formError} />
        <Field id="delete-password" label="Your password" error={errorOf("password")}>
          {(aria) => (
            <input
              {...aria}
              {...form.register("password")}
              type="password"
              autoComplete="current-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field
          id="delete-confirm"
          label='Type "delete my account" to confirm'
          error={errorOf("confirm")}
        >
          {(aria) => (
            <input
              {...aria}
              {...form.register("confirm")}
              defaultValue={valueOf("confirm")}
              autoComplete="off"
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <SubmitButton pending={pending} pendingText="Deleting…" variant="danger">
            Delete my account
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}
