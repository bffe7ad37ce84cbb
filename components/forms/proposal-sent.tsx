import Link from "next/link";

/** What a volunteer sees once their proposed jurisdiction is sent. */
export function ProposalSent({ notice, anotherHref }: { notice?: string; anotherHref: string }) {
  return (
    <div role="status" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 p-5">
      <p className="font-semibold">{notice}</p>
      <p className="mt-1">
        A moderator checks it against its sources. You will get a notification when they decide;
        once approved it has its own page.
      </p>
      <p className="mt-3 flex gap-4">
        <Link href="/cities">Back to the cities</Link>
        {/* A plain link: the page is loaded afresh, with a new form and key. */}
        <a href={anotherHref}>Propose another</a>
      </p>
    </div>
  );
}
