"use client";

import type { ReactNode } from "react";
import type { Path } from "react-hook-form";
import { IDEMPOTENCY_FIELD } from "@/lib/actions/form-state";
import { JURISDICTION_KINDS } from "@/lib/enums";
import { JURISDICTION_KIND_LABELS } from "@/lib/labels";
import { POLICY_FIELD_KEYS } from "@/lib/policy-fields";
import { US_STATES } from "@/lib/us-states";
import {
  jurisdictionProposalSchema,
  type FactInput,
  type JurisdictionProposalForm as Values,
} from "@/lib/validation/jurisdiction-proposal";
import { Field, inputClass } from "./field";
import { FormAlert } from "./form-alert";
import { ProposalFactField } from "./proposal-fact-field";
import { ProposalSent } from "./proposal-sent";
import { SubmitButton } from "./submit-button";
import { useActionForm, type FormAction } from "./use-action-form";
import { useKeepTypedBeforeHydration } from "./use-typed-before-hydration";

type Props = {
  action: FormAction;
  /** One key per form shown, so sending it twice makes one proposal. */
  idempotencyKey: string;
};

type TextName = Exclude<keyof Values, "facts" | "state" | "kind" | "description">;

/** "Propose a jurisdiction": the place, its leader, its people, where it is, and its policy profile. */
export function JurisdictionProposalForm({ action, idempotencyKey }: Props) {
  const {
    form,
    state,
    pending,
    action: post,
    formProps,
    errorOf,
    valueOf,
  } = useActionForm<Values>(jurisdictionProposalSchema, action);
  const { register } = form;
  useKeepTypedBeforeHydration("description");

  if (state.ok) return <ProposalSent notice={state.notice} anotherHref="/cities/new" />;

  const input = (
    name: TextName,
    label: ReactNode,
    extra: { type?: string; inputMode?: "url" | "numeric" | "decimal"; hint?: string } = {},
  ) => (
    <Field id={name} label={label} error={errorOf(name)} hint={extra.hint}>
      {(aria) => (
        <input
          {...aria}
          {...register(name)}
          defaultValue={valueOf(name)}
          type={extra.type ?? "text"}
          inputMode={extra.inputMode}
          placeholder={extra.type === "url" ? "https://" : undefined}
          className={inputClass}
        />
      )}
    </Field>
  );
  const factStart = (k: (typeof POLICY_FIELD_KEYS)[number]): FactInput => ({
    value: valueOf(`facts.${k}.value`),
    detail: valueOf(`facts.${k}.detail`),
    sourceUrl: valueOf(`facts.${k}.sourceUrl`),
    asOf: valueOf(`facts.${k}.asOf`),
  });
  const factErrors = (k: (typeof POLICY_FIELD_KEYS)[number]) =>
    Object.fromEntries(
      (["value", "detail", "sourceUrl", "asOf"] as const).map((part) => [
        part,
        errorOf(`facts.${k}.${part}` as Path<Values>),
      ]),
    );
  const section = "grid gap-4 rounded-lg border border-stone-200 bg-white p-5";

  return (
    <form action={post} {...formProps} className="mt-6 flex flex-col gap-6">
      <FormAlert error={state.formError} />
      <input type="hidden" name={IDEMPOTENCY_FIELD} value={idempotencyKey} />
      <fieldset className={section}>
        <legend className="px-1 text-lg font-bold">The place</legend>
        {input("name", "Name", { hint: "As the place calls itself: Santa Fe, Milwaukee County." })}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="state" label="State" error={errorOf("state")}>
            {(aria) => (
              <select
                {...aria}
                {...register("state")}
                defaultValue={valueOf("state")}
                className={inputClass}
              >
                <option value="">Choose a state</option>
                {US_STATES.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="kind" label="Kind" error={errorOf("kind")}>
            {(aria) => (
              <select
                {...aria}
                {...register("kind")}
                defaultValue={valueOf("kind", "city")}
                className={inputClass}
              >
                {JURISDICTION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {JURISDICTION_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("latitude", "Latitude", { inputMode: "decimal", hint: "e.g. 35.687" })}
          {input("longitude", "Longitude", { inputMode: "decimal", hint: "e.g. -105.938" })}
        </div>
        <Field
          id="description"
          label="Description"
          error={errorOf("description")}
          hint="A few plain sentences on the place and its immigration policy."
        >
          {(aria) => (
            <textarea
              {...aria}
              {...register("description")}
              defaultValue={valueOf("description")}
              rows={4}
              className={inputClass}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 text-lg font-bold">Its leader</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("leaderTitle", "Leader’s title", { hint: "Mayor, County Executive…" })}
          {input("leaderName", "Leader’s name")}
        </div>
        {input("leaderSince", "In office since", { type: "date" })}
        {input(
          "leaderSourceUrl",
          <>
            Source URL<span className="sr-only"> for the leader</span>
          </>,
          {
            type: "url",
            inputMode: "url",
          },
        )}
      </fieldset>
      <fieldset className={section}>
        <legend className="px-1 text-lg font-bold">Its population</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {input("population", "Population", { inputMode: "numeric" })}
          {input("populationYear", "Year of the count", { inputMode: "numeric" })}
        </div>
        {input(
          "populationSourceUrl",
          <>
            Source URL<span className="sr-only"> for the population</span>
          </>,
          { type: "url", inputMode: "url" },
        )}
      </fieldset>
      <section aria-labelledby="policy-heading" className="grid gap-4">
        <h2 id="policy-heading" className="text-lg font-bold">
          Its policy profile
        </h2>
        <p className="text-stone-700">
          Leave a field unknown if you have no source for it; a known value needs its source and the
          date it held.
        </p>
        {POLICY_FIELD_KEYS.map((k) => (
          <ProposalFactField
            key={k}
            field={k}
            start={factStart(k)}
            register={register}
            errors={factErrors(k)}
          />
        ))}
      </section>
      <div>
        <SubmitButton pending={pending} pendingText="Sending…">
          Submit for review
        </SubmitButton>
      </div>
    </form>
  );
}
