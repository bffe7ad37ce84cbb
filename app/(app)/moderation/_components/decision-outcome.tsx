/** How a submission that waits no more ended: approved, rejected or withdrawn, by whom and why. */
export function DecisionOutcome({
  status,
  decidedBy,
  decisionReason,
}: {
  status: string;
  decidedBy: string | null;
  decisionReason: string | null;
}) {
  return (
    <section
      aria-label="Decision"
      className="mt-6 rounded-lg border border-stone-200 bg-stone-100 p-5"
    >
      <p className="font-semibold">
        {status === "withdrawn"
          ? "Withdrawn by the author."
          : `${cap(status === "hidden" ? "approved" : status)} by ${decidedBy ?? "a moderator"}.`}
      </p>
      {decisionReason && <p className="mt-1">Reason: {decisionReason}</p>}
    </section>
  );
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
