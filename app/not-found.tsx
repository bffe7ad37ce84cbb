import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3">
        We could not find the page you asked for. It may have moved, or the address may have a typo.
      </p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        <li>
          <Link href="/">Go to the home page</Link>
        </li>
        <li>
          <Link href="/articles/us-sanctuary-cities">Read the article on US sanctuary cities</Link>
        </li>
        <li>
          <Link href="/cities">Browse all cities</Link>
        </li>
      </ul>
    </div>
  );
}
