"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  startTransition,
  useActionState,
  useMemo,
  useRef,
  useSyncExternalStore,
  type FormEvent,
  type RefObject,
} from "react";
import {
  get,
  set,
  useForm,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import { NOT_SUBMITTED, type FormState } from "@/lib/actions/form-state";
import { useAnswer } from "./use-answer";

export type FormAction<Data = unknown> = (
  state: FormState<Data>,
  formData: FormData,
) => Promise<FormState<Data>>;

type Options<Values extends FieldValues, Data> = {
  /** Runs once per successful answer that stays on the page (clear the form, say). */
  onSaved?: (state: FormState<Data>) => void;
  /** Fields emptied after a refusal (a password is never kept). */
  clearOnError?: Path<Values>[];
  /** Runs once per refusal (the page may have changed meanwhile: refresh it, say). */
  onRefused?: (state: FormState<Data>) => void;
};

const noSubscription = () => () => {};

/**
 * The one form pattern. The form is a real HTML form posting to a server
 * action, so it works before JavaScript loads and without it (the server
 * answers the same page with errors and what was typed, or redirects). Once
 * hydrated, react-hook-form checks the fields with the same zod schema before
 * sending, and the button shows the work under way.
 *
 * Fields are uncontrolled and take their first value from the HTML
 * (`defaultValue`), never from useForm, so text typed before hydration stays.
 */
export function useActionForm<Values extends FieldValues, Data = unknown>(
  schema: z.ZodType<unknown, Values>,
  action: FormAction<Data>,
  { onSaved, onRefused, clearOnError = [] }: Options<Values, Data> = {},
) {
  const [state, dispatch, pending] = useActionState(action, NOT_SUBMITTED);
  const ref = useRef<HTMLFormElement>(null);
  const errors = useMemo(() => serverErrors<Values>(state.fieldErrors), [state.fieldErrors]);
  const form = useForm<Values>({
    resolver: zodResolver(schema as never) as unknown as Resolver<Values>,
    errors,
    shouldFocusError: true,
  });

  // False in the server's HTML and during hydration, true once React runs the form.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  useAnswer(state, {
    onSaved,
    onRefused: (refusal) => {
      for (const name of clearOnError) form.setValue(name, "" as never);
      const first = Object.keys(refusal.fieldErrors ?? {})[0];
      if (first) form.setFocus(first as Path<Values>);
      onRefused?.(refusal);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The button pressed is sent with the fields, as a plain HTML post sends it
    // ("decision=reject"), and checked with them.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const pressed = submitter instanceof HTMLButtonElement && submitter.name ? submitter : null;
    if (pressed) form.setValue(pressed.name as Path<Values>, pressed.value as never);
    return form.handleSubmit(() => {
      const element = ref.current;
      if (!element) return;
      const data = new FormData(element);
      if (pressed) data.set(pressed.name, pressed.value);
      startTransition(() => dispatch(data));
    })(event);
  };

  return {
    form,
    state,
    pending,
    /** The <form>'s action: the HTML post to the server action (before and without JavaScript). */
    action: dispatch,
    /** Spread on the <form> too: the checked submit once hydrated. */
    formProps: {
      ref: ref as RefObject<HTMLFormElement>,
      onSubmit,
      noValidate: true,
    },
    /**
     * A field's error ("root": the schema's error on the whole form). Once
     * hydrated, react-hook-form's (its own checks, and the server's answer
     * passed in as `errors`); in the server's HTML, the answer's. Names may be
     * paths ("fields.leader.toValue").
     */
    errorOf: (name: Path<Values> | "root"): string | undefined => {
      if (!hydrated) return state.fieldErrors?.[name];
      const error: { message?: unknown } | undefined = get(form.formState.errors, name);
      const message = error?.message;
      return typeof message === "string" ? message : undefined;
    },
    /** Whether React runs the form yet (false in the server's HTML): a choice may wait for it. */
    hydrated,
    /** What the server gave back for a field (typed before a failed post), else `fallback`. */
    valueOf: (name: Path<Values>, fallback = "") => state.values?.[name] ?? fallback,
  };
}

function serverErrors<Values extends FieldValues>(
  fieldErrors: Record<string, string> | undefined,
): FieldErrors<Values> | undefined {
  if (!fieldErrors) return undefined;
  // Nested as react-hook-form keeps its own errors: "fields.leader.toValue" → fields.leader.toValue.
  const errors: Record<string, unknown> = {};
  for (const [name, message] of Object.entries(fieldErrors)) {
    set(errors, name, { type: "server", message });
  }
  return errors as FieldErrors<Values>;
}
