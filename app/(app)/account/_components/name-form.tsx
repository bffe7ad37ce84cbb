"use client";

import { Field, inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useSessionRefresh } from "@/components/use-session-refresh";
import { changeNameSchema, type ChangeNameInput } from "@/lib/validation/account";
import { changeNameAction } from "../actions";
import { Section } from "./section";

export function NameForm({ name }: { name: string }) {
  const refreshSession = useSessionRefresh();
  const { form, state, pending, action, formProps, errorOf, valueOf } =
    useActionForm<ChangeNameInput>(
      changeNameSchema,
      changeNameAction,
      { onSaved: refreshSession }, // the header shows the new name
    );
  return (
    <Section id="name-section" title="Name">
      <form action={action} {...formProps} className="flex flex-col gap-4">
        <FormAlert error={state.formError} success={state.notice} />
        <Field id="name" label="Name" error={errorOf("name")}>
          {(aria) => (
            <input
              {...aria}
              {...form.register("name")}
              defaultValue={valueOf("name", name)}
              autoComplete="name"
              className={inputClass}
            />
          )}
        </Field>
        <div>
          <SubmitButton pending={pending} pendingText="Saving…">
            Save name
          </SubmitButton>
        </div>
      </form>
    </Section>
  );
}
