import Link from "next/link";

/** The review queue's heading, the same on the page rendered on the server and in its shell. */
export function QueueHeading() {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h1 className="text-3xl font-bold">Review queue</h1>
      <Link href="/moderation/log">Moderation log</Link>
    </div>
  );
}
