import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">You do not have access to this page</h1>
      <p className="mt-3">
        Your account’s role does not allow it. If you think it should, ask an admin.
      </p>
      <p className="mt-4">
        <Link href="/">Go to the home page</Link>
      </p>
    </div>
  );
}
