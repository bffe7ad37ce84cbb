import Link from "next/link";
import type { PersonalData } from "./use-personal-data";

/**
 * What a cached shell shows until its personal part is there: "Loading…",
 * the refusal (as the server's 403 page words it), or the failure with
 * "Try again". Null once the data is ready.
 */
export function PersonalDataStatus({
  state,
  loading,
}: {
  state: PersonalData<unknown>;
  loading: string;
}) {
  if (state.status === "loading") return <ShellLoading text={loading} />;
  if (state.status === "refused") {
    return (
      <div role="alert" className="mt-6">
        <h2 className="text-xl font-bold">You do not have access to this page</h2>
        <p className="mt-2">{state.message || "Your account’s role does not allow it."}</p>
        <p className="mt-4">
          <Link href="/">Go to the home page</Link>
        </p>
      </div>
    );
  }
  if (state.status === "failed") {
    return (
      <div role="alert" className="mt-6 rounded border border-red-200 bg-red-50 p-4">
        <p className="font-medium text-red-800">{state.message}</p>
        <button
          type="button"
          onClick={state.retry}
          className="mt-2 rounded border border-stone-400 bg-white px-3 py-1 hover:bg-stone-100"
        >
          Try again
        </button>
      </div>
    );
  }
  return null;
}

/** The shell's placeholder, also its Suspense fallback in the cached HTML. */
export function ShellLoading({ text }: { text: string }) {
  return (
    <p role="status" className="mt-6 text-stone-600">
      {text}
    </p>
  );
}
