import Link from "next/link";

/** "Submissions" | "Reported comments (n)": the two work lists of /moderation. */
export function ModerationTabs({
  current,
  reported,
}: {
  current: "submissions" | "comments";
  reported: number;
}) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-t border-b-2 px-3 py-2 font-semibold no-underline ${
        active ? "border-brand-700 text-brand-900" : "border-transparent text-stone-600"
      }`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Moderation" className="mt-4 flex gap-2 border-b border-stone-200">
      {tab("/moderation", "Submissions", current === "submissions")}
      {tab("/moderation/comments", `Reported comments (${reported})`, current === "comments")}
    </nav>
  );
}
