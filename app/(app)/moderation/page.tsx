import type { Metadata } from "next";
import { guardPage } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "Review queue" };

export default async function ModerationPage() {
  const user = await guardPage("/moderation", "moderator", "admin");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Review queue</h1>
      <p className="mt-2 text-stone-700">
        Signed in as {user.name}. Pending policy updates and profile edits appear here, oldest
        first.
      </p>
      <div className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
        <p className="font-medium">Nothing is waiting for review.</p>
        <p className="mt-1 text-stone-600">
          Volunteers’ submissions will show up here as soon as they are sent.
        </p>
      </div>
    </div>
  );
}
