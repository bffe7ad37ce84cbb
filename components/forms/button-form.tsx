"use client";

import { useActionState, type ReactNode } from "react";
import { NOT_SUBMITTED, type FormState } from "@/lib/actions/form-state";
import type { FormAction } from "./use-action-form";
import { useAnswer } from "./use-answer";

type Props<Data> = {
  action: FormAction<Data>;
  /** Hidden fields the action reads (which item, which way). */
  fields?: Record<string, string>;
  children: ReactNode;
  pendingText?: string;
  /** Classes for the button (it looks like a link in the header, a button elsewhere). */
  buttonClassName: string;
  /** The id of what the button acts on, when its words alone do not say ("Mark as read"). */
  describedBy?: string;
  onSaved?: (state: FormState<Data>) => void;
  onRefused?: (state: FormState<Data>) => void;
  /** Not offered (an author's own item); the server refuses it anyway. */
  disabled?: boolean;
  /** Once hydrated, run this instead of posting (next-auth's own sign-out, say). */
  instead?: () => void;
};

/**
 * A button that changes something, as a form of its own: without JavaScript
 * it posts and the server answers with the page in its new state; with it,
 * it says it is working and shows a refusal beside it.
 */
export function ButtonForm<Data = unknown>({
  action,
  fields = {},
  children,
  pendingText,
  buttonClassName,
  describedBy,
  onSaved,
  onRefused,
  disabled = false,
  instead,
}: Props<Data>) {
  const [state, dispatch, pending] = useActionState(action, NOT_SUBMITTED);
  useAnswer(state, { onSaved, onRefused });
  return (
    <form
      action={dispatch}
      onSubmit={
        instead &&
        ((event) => {
          event.preventDefault();
          instead();
        })
      }
      className="inline"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending || disabled}
        aria-disabled={pending || disabled}
        aria-describedby={describedBy}
        className={buttonClassName}
      >
        {pending && pendingText ? pendingText : children}
      </button>
      {state.formError && (
        <span role="alert" className="ml-2 text-sm font-medium text-red-700">
          {state.formError}
        </span>
      )}
    </form>
  );
}
