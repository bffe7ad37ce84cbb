import { SubmitButton } from "./submit-button";

/**
 * A submit button of a reason form. With a value it says which way (sent as
 * `name`, "action" unless given: "action=hide", "decision=reject").
 */
export type ReasonSubmit = {
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "danger" | "safe" | "neutral";
  name?: string;
  value?: string;
};

type Props = {
  submit: ReasonSubmit | ReasonSubmit[];
  pending: boolean;
  disabled?: boolean;
  onCancel?: () => void;
};

/** The submit button (or buttons, each sending its value), and Cancel if it closes. */
export function ReasonButtons({ submit, pending, disabled, onCancel }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {[submit].flat().map((s) => (
        <SubmitButton
          key={s.label}
          pending={pending}
          pendingText={s.pendingLabel}
          variant={s.variant}
          disabled={disabled}
          name={s.value ? (s.name ?? "action") : undefined}
          value={s.value}
        >
          {s.label}
        </SubmitButton>
      ))}
      {onCancel && (
        <button type="button" onClick={onCancel} className="text-brand-700 underline">
          Cancel
        </button>
      )}
    </div>
  );
}
