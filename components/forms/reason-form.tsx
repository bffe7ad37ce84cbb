"use client";

import {
  useState,
  useTransition,
  type FormEvent,
  type ReactNode,
  type TransitionStartFunction,
} from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Field } from "./field";
import { FormAlert } from "./form-alert";
import { ReasonButtons, type ReasonSubmit } from "./reason-buttons";
import { ReasonInput, type ReasonControl } from "./reason-input";

type Props = {
  /** The reason field's id; its error is `${id}-error`. */
  id: string;
  label: ReactNode;
  control?: ReasonControl;
  autoFocus?: boolean;
  submit: ReasonSubmit | ReasonSubmit[];
  /** Gets the reason, and the value of the button pressed (its name is "action"). */
  onSubmit: (reason: string, action?: string) => Promise<ActionResult<unknown>>;
  onSuccess?: () => void;
  onCancel?: () => void;
  /** Shows the form's error in the parent's place (cleared with undefined) instead of its own. */
  onAlert?: (message: string | undefined) => void;
  /** The buttons sit beside the field, and every error goes to the alert. */
  inline?: boolean;
  /** Groups the reason, and the fields given as children before it, under this legend. */
  legend?: string;
  children?: ReactNode;
  /** The buttons stay disabled whatever happens (an author cannot decide their own item). */
  disabled?: boolean;
  /** A parent's transition, so its other buttons wait for this form too. */
  transition?: [boolean, TransitionStartFunction];
  /** Changes when the parent acts on its own (another button): the old errors no longer apply. */
  resetErrors?: number;
  className?: string;
};

/** The reason, submit and cancel of every moderation and admin action that needs a reason. */
export function ReasonForm(props: Props) {
  const { id, control = { kind: "text" }, onSubmit, onSuccess, onCancel, onAlert, inline } = props;
  const own = useTransition();
  const [pending, startTransition] = props.transition ?? own;
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ alert?: string; reason?: string }>({});
  const [errorsFor, setErrorsFor] = useState(props.resetErrors);
  if (errorsFor !== props.resetErrors) {
    setErrorsFor(props.resetErrors);
    setErrors({});
  }
  const show = (next: { alert?: string; reason?: string }) => {
    setErrors(next);
    onAlert?.(next.alert);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const button = (event.nativeEvent as SubmitEvent).submitter;
    const action = button instanceof HTMLButtonElement ? button.value : undefined;
    startTransition(async () => {
      show({});
      const result = await onSubmit(reason, action || undefined);
      if (!result.ok) {
        const reasonError = result.fieldErrors?.reason;
        return show({ alert: (inline && reasonError) || result.formError, reason: reasonError });
      }
      setReason("");
      onSuccess?.();
    });
  };

  const buttons = (
    <ReasonButtons
      submit={props.submit}
      pending={pending}
      disabled={props.disabled}
      onCancel={onCancel}
    />
  );
  const field = (
    <Field id={id} label={props.label} error={inline ? undefined : errors.reason}>
      {(aria) => {
        const input = (
          <ReasonInput
            control={control}
            aria={{ ...aria, "aria-invalid": Boolean(errors.reason) }}
            value={reason}
            onChange={setReason}
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

  return (
    <form onSubmit={submit} noValidate className={props.className ?? "space-y-2"}>
      {!onAlert && <FormAlert error={errors.alert} />}
      {props.legend ? (
        <fieldset className="space-y-2">
          <legend className="font-medium">{props.legend}</legend>
          {props.children}
          {field}
        </fieldset>
      ) : (
        <>
          {props.children}
          {field}
        </>
      )}
      {!inline && buttons}
    </form>
  );
}
