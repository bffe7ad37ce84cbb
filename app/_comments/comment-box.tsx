"use client";

import { useId } from "react";
import { useWatch } from "react-hook-form";
import { inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm, type FormAction } from "@/components/forms/use-action-form";
import { useKeepTypedBeforeHydration } from "@/components/forms/use-typed-before-hydration";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/form-state";
import {
  COMMENT_MAX_LENGTH,
  commentBodyFormSchema,
  type CommentBodyForm,
} from "@/lib/validation/comment";

type Props = {
  action: FormAction;
  /** Hidden fields the action reads: the page, the comment replied to or edited. */
  fields: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  initial?: string;
  /** One per form shown: sending it twice makes one comment. */
  idempotencyKey?: string;
};

/**
 * The comment field with a live character count, for new comments, replies
 * and edits: a real form on the comment pages, so it works without JavaScript.
 */
export function CommentBox({
  action,
  fields,
  submitLabel,
  pendingLabel,
  initial = "",
  idempotencyKey,
}: Props) {
  const id = useId();
  const {
    form,
    state,
    pending,
    action: post,
    formProps,
    errorOf,
    valueOf,
  } = useActionForm<CommentBodyForm>(commentBodyFormSchema, action);
  const start = valueOf("body", initial);
  useKeepTypedBeforeHydration(`${id}-body`);
  const length = [...(useWatch({ control: form.control, name: "body" }) ?? start)].length;
  const over = length > COMMENT_MAX_LENGTH;
  const error = errorOf("body");
  return (
    <form action={post} {...formProps} className="space-y-2">
      <FormAlert error={state.formError} success={state.ok ? state.notice : undefined} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {idempotencyKey && <input type="hidden" name={IDEMPOTENCY_FIELD} value={idempotencyKey} />}
      <label htmlFor={`${id}-body`} className="block font-medium">
        Comment
      </label>
      <textarea
        id={`${id}-body`}
        rows={4}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
        className={inputClass}
        {...form.register("body")}
        defaultValue={start}
      />
      <p
        id={`${id}-count`}
        className={`text-sm ${over ? "font-medium text-red-700" : "text-stone-600"}`}
      >
        {length} / {COMMENT_MAX_LENGTH} characters · Markdown: **bold**, _italic_,
        [links](https://…)
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <SubmitButton pending={pending} pendingText={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
