import Link from "next/link";

/** What the person sees once their edit is sent: it waits for a moderator. */
export function ProfileEditSent({ message, cityName }: { message: string; cityName: string }) {
  return (
    <div role="status" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
      <p className="font-semibold">{message}</p>
      <p className="mt-1">The profile of {cityName} changes once a moderator approves it.</p>
      <p className="mt-3">
        <Link href="/me/submissions">See your submissions</Link>
      </p>
    </div>
  );
}
