type Props = {
  pending: boolean;
  children: string;
  pendingText?: string;
  variant?: "primary" | "danger";
};

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({ pending, children, pendingText, variant = "primary" }: Props) {
  const colors =
    variant === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-900";
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-semibold text-white disabled:opacity-70 ${colors}`}
    >
      {pending ? (pendingText ?? `${children}…`) : children}
    </button>
  );
}
