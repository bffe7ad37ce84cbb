"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyResult } from "@/components/forms/apply-result";
import { inputClass } from "@/components/forms/field";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import type { ActionResult } from "@/lib/actions/result";
import {
  COMMENT_MAX_LENGTH,
  commentBodyFormSchema,
  type CommentBodyForm,
} from "@/lib/validation/comment";

type Props = {
  submitLabel: string;
  pendingLabel: string;
  initial?: string;
  onSubmit: (body: string) => Promise<ActionResult<unknown>>;
  onDone?: () => void;
  onCancel?: () => void;
};

/** The comment field with a live character count, for new comments, replies and edits. */
export function CommentBox({
  submitLabel,
  pendingLabel,
  initial = "",
  onSubmit,
  onDone,
  onCancel,
}: Props) {
  const id = useId();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState, control, reset } = useForm<CommentBodyForm>({
    resolver: zodResolver(commentBodyFormSchema),
    defaultValues: { body: initial },
  });
  const length = [...(useWatch({ control, name: "body" }) ?? "")].length;
  const over = length > COMMENT_MAX_LENGTH;
  const error = formState.errors.body?.message;
  const submit = handleSubmit(async ({ body }) => {
    setFormError(undefined);
    const result = await onSubmit(body);
    if (!result.ok) return setFormError(applyResult(result, setError));
    reset({ body: "" });
    onDone?.();
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <FormAlert error={formError} />
      <label htmlFor={`${id}-body`} className="block font-medium">
        Comment
      </label>
      <textarea
        id={`${id}-body`}
        rows={4}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
        className={inputClass}
        {...register("body")}
      />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p id={`${id}-count`} className={over ? "font-medium text-red-700" : "text-stone-600"}>
          {length} / {COMMENT_MAX_LENGTH} characters · Markdown: **bold**, _italic_,
          [links](https://…)
        </p>
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <SubmitButton pending={formState.isSubmitting} pendingText={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        {onCancel && (
          <button type="button" onClick={onCancel} className="text-brand-700 underline">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
