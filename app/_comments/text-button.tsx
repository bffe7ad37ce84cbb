/** A small action that reads as a link (Reply, Edit, Delete, Report, Cancel). */
export function TextButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <button type="button" className="text-brand-700 underline" onClick={onClick}>
      {children}
    </button>
  );
}
