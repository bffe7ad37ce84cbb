"use client";

import { useEffect, useRef, type ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { Field } from "./field";
import { FormAlert } from "./form-alert";
import { ReasonButtons, type ReasonSubmit } from "./reason-buttons";
import { ReasonInput, type ReasonControl } from "./reason-input";
import { useActionForm, type FormAction } from "./use-action-form";

/** A reason form's fields by name: which item (hidden), the reason, and any the caller adds. */
type ReasonValues = Record<string, string>;

/** What fields given as children need to join the form (a common reason, say). */
export type ReasonFormFields = {
  register: UseFormRegister<ReasonValues>;
  /** What the server gave back for a field after a refusal, else `fallback`. */
  valueOf: (name: string, fallback?: string) => string;
};

type Props = {
  /** The reason field's id; its error is `${id}-error`. */
  id: string;
  label: ReactNode;
  control?: ReasonControl;
  autoFocus?: boolean;
  submit: ReasonSubmit | ReasonSubmit[];
  /** The server action the form posts to, and the schema it reads the form with (checked here first). */
  action: FormAction;
  schema: z.ZodType;
  /** Hidden fields: which item (and which version of it) the reason is about. */
  fields?: Record<string, string | number>;
  /** Runs once hydrated after each success that stays on the page. */
  onSaved?: (state: FormState) => void;
  /** Runs once hydrated after each refusal. */
  onRefused?: (state: FormState) => void;
  onCancel?: () => void;
  /** Once hydrated, shows the form's error in the parent's place (cleared with undefined) instead of its own. */
  onAlert?: (message: string | undefined) => void;
  /** The buttons sit beside the field, and every error goes to the alert. */
  inline?: boolean;
  /** Groups the reason, and the fields given as children before it, under this legend. */
  legend?: string;
  children?: (fields: ReasonFormFields) => ReactNode;
  /** The buttons stay disabled whatever happens (an author cannot decide their own item). */
  disabled?: boolean;
  className?: string;
};

/**
 * The reason, submit and cancel of every moderation and admin action that
 * needs a reason: a real form posting to its server action, so it works
 * before JavaScript loads and without it (the server answers the page again
 * with the new state, or with the refusal and what was typed).
 */
export function ReasonForm(props: Props) {
  const { id, control = { kind: "text" }, inline, fields = {}, onAlert } = props;
  const { form, state, pending, action, formProps, errorOf, valueOf, hydrated } =
    useActionForm<ReasonValues>(props.schema as z.ZodType<unknown, ReasonValues>, props.action, {
      onSaved: (answer) => {
        form.setValue("reason", "");
        props.onSaved?.(answer);
      },
      onRefused: props.onRefused,
    });
  const reasonError = errorOf("reason");
  const alert = state.formError ?? (inline ? reasonError : undefined);
  const notice = state.ok ? state.notice : undefined;

  // The parent's callback of the latest render, so a new function each render is not a new alert.
  const latestOnAlert = useRef(onAlert);
  useEffect(() => {
    latestOnAlert.current = onAlert;
  });
  useEffect(() => latestOnAlert.current?.(alert), [alert]);

  const buttons = (
    <ReasonButtons
      submit={props.submit}
      pending={pending}
      disabled={props.disabled}
      onCancel={props.onCancel}
    />
  );
  const field = (
    <Field id={id} label={props.label} error={inline ? undefined : reasonError}>
      {(aria) => {
        const input = (
          <ReasonInput
            control={control}
            aria={{ ...aria, "aria-invalid": Boolean(reasonError) }}
            field={form.register("reason")}
            defaultValue={valueOf("reason")}
            autoFocus={props.autoFocus}
          />
        );
        if (!inline) return input;
        return (
          <div className="flex flex-wrap items-center gap-3">
            <div className="min-w-0 flex-1">{input}</div>
            {buttons}
          </div>
        );
      }}
    </Field>
  );
  const extra = props.children?.({ register: form.register, valueOf });

  return (
    <form action={action} {...formProps} className={props.className ?? "space-y-2"}>
      {(!onAlert || !hydrated) && <FormAlert error={alert} success={notice} />}
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" {...form.register(name)} value={String(value)} />
      ))}
      {props.legend ? (
        <fieldset className="space-y-2">
          <legend className="font-medium">{props.legend}</legend>
          {extra}
          {field}
        </fieldset>
      ) : (
        <>
          {extra}
          {field}
        </>
      )}
      {!inline && buttons}
    </form>
  );
}
