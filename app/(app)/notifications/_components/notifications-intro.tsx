import Link from "next/link";

/** The heading of /notifications and what it lists, the same in its shell. */
export function NotificationsIntro() {
  return (
    <>
      <h1 className="text-3xl font-bold">Notifications</h1>
      <p className="mt-2 text-stone-700">
        Approved updates and profile changes in the cities you follow, and moderators’ decisions on
        what you submitted. Choose how often they are emailed on your{" "}
        <Link href="/account#email-section">account page</Link>.
      </p>
    </>
  );
}
