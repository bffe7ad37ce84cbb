/** The one place a form shows an error that belongs to no single field, or a success note. */
export function FormAlert({ error, success }: { error?: string; success?: string }) {
  if (error) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p
        role="status"
        className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900"
      >
        {success}
      </p>
    );
  }
  return null;
}
