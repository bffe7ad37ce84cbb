type Props = {
  pending: boolean;
  children: string;
  pendingText?: string;
  /** danger: hides, rejects, bans; safe: restores; neutral: undoes a ban. */
  variant?: "primary" | "danger" | "safe" | "neutral";
  /** Disabled for another reason than a submission under way (an author's own item). */
  disabled?: boolean;
  /** Sent with the form when this button submits it (one of several: "restore" or "hide"). */
  name?: string;
  value?: string;
};

const COLORS: Record<NonNullable<Props["variant"]>, string> = {
  primary: "bg-brand-700 hover:bg-brand-900",
  danger: "bg-red-700 hover:bg-red-800",
  safe: "bg-emerald-700 hover:bg-emerald-800",
  neutral: "bg-stone-700 hover:bg-stone-800",
};

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({
  pending,
  children,
  pendingText,
  variant = "primary",
  disabled = false,
  name,
  value,
}: Props) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className={`rounded px-4 py-2 font-semibold text-white disabled:opacity-70 ${COLORS[variant]}`}
    >
      {pending ? (pendingText ?? `${children}…`) : children}
    </button>
  );
}
