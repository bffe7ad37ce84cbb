"use client";

import Link from "next/link";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/form-state";
import { submitUpdateSchema, type SubmitUpdateInput } from "@/lib/validation/update";
import { UPDATE_KINDS } from "@/lib/enums";
import { UPDATE_KIND_LABELS } from "@/lib/labels";
import { Field, inputClass } from "./field";
import { useKeepTypedBeforeHydration } from "./use-typed-before-hydration";
import { FormAlert } from "./form-alert";
import { SubmitButton } from "./submit-button";
import { useActionForm, type FormAction } from "./use-action-form";

type Props = {
  cityName: string;
  /** When revising: the submission as it stands. */
  initial?: SubmitUpdateInput;
  submitLabel: string;
  /** The server action, bound to its city or submission. */
  action: FormAction;
  /** New submissions: one key per form shown, so sending it twice makes one update. */
  idempotencyKey?: string;
  /** New submissions: this page again, for another (a fresh form and key). */
  anotherHref?: string;
};

/** A policy update's fields: used to submit a new one and to revise a pending one. */
export function UpdateForm({
  cityName,
  initial,
  submitLabel,
  action,
  idempotencyKey,
  anotherHref,
}: Props) {
  const {
    form,
    state,
    pending,
    action: post,
    formProps,
    errorOf,
    valueOf,
  } = useActionForm<SubmitUpdateInput>(submitUpdateSchema, action);
  const { register } = form;
  useKeepTypedBeforeHydration("summary");

  if (state.ok) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
        <p className="font-semibold">{state.notice}</p>
        <p className="mt-1">It will appear on {cityName}’s page once a moderator approves it.</p>
        <p className="mt-3 flex gap-4">
          <Link href="/me/submissions">See your submissions</Link>
          {/* A plain link: the page is loaded afresh, with a new form and key. */}
          {anotherHref && <a href={anotherHref}>Submit another update</a>}
        </p>
      </div>
    );
  }

  return (
    <form
      action={post}
      {...formProps}
      className="mt-6 flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-5"
    >
      <FormAlert error={state.formError} />
      {idempotencyKey && <input type="hidden" name={IDEMPOTENCY_FIELD} value={idempotencyKey} />}
      <Field id="title" label="Title" error={errorOf("title")}>
        {(aria) => (
          <input
            {...aria}
            {...register("title")}
            defaultValue={valueOf("title", initial?.title ?? "")}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="summary"
        label="Summary"
        error={errorOf("summary")}
        hint="What changed and what it means. Markdown works: **bold**, lists, links."
      >
        {(aria) => (
          <textarea
            {...aria}
            {...register("summary")}
            defaultValue={valueOf("summary", initial?.summary ?? "")}
            rows={8}
            className={inputClass}
          />
        )}
      </Field>
      <Field
        id="sourceUrl"
        label="Source URL"
        error={errorOf("sourceUrl")}
        hint="A public page that shows this: the city’s site, a court record, a news report."
      >
        {(aria) => (
          <input
            {...aria}
            {...register("sourceUrl")}
            defaultValue={valueOf("sourceUrl", initial?.sourceUrl ?? "")}
            type="url"
            inputMode="url"
            placeholder="https://"
            className={inputClass}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="effectiveOn" label="Date it took effect" error={errorOf("effectiveOn")}>
          {(aria) => (
            <input
              {...aria}
              {...register("effectiveOn")}
              defaultValue={valueOf("effectiveOn", initial?.effectiveOn ?? "")}
              type="date"
              className={inputClass}
            />
          )}
        </Field>
        <Field id="kind" label="Kind" error={errorOf("kind")}>
          {(aria) => (
            <select
              {...aria}
              {...register("kind")}
              defaultValue={valueOf("kind", initial?.kind ?? "ordinance")}
              className={inputClass}
            >
              {UPDATE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {UPDATE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pending={pending} pendingText="Sending…">
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
