import type { Metadata } from "next";
import Link from "next/link";
import { guardPage } from "@/lib/auth/page-guards";
import { listUserAudit, listUsers } from "@/lib/dal/people/admin-users";
import { userSearchSchema } from "@/lib/validation/admin";
import { AuditList } from "./_components/audit-list";
import { UserCard } from "./_components/user-card";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const me = await guardPage("/admin/users", "admin");
  const raw = await searchParams;
  const filter = userSearchSchema.parse({ q: first(raw.q), after: first(raw.after) });
  const [{ users, nextAfter }, audit] = await Promise.all([listUsers(filter), listUserAudit()]);
  const query = filter.q ? `q=${encodeURIComponent(filter.q)}&` : "";

  return (
    <div>
      <h1 className="text-3xl font-bold">Users</h1>
      <form
        method="get"
        className="mt-4 flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Search users"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="font-medium">
            Search by name or email
          </label>
          <input
            id="q"
            name="q"
            defaultValue={filter.q ?? ""}
            className="w-72 max-w-full rounded border border-stone-300 bg-white px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900"
        >
          Search
        </button>
        {filter.q && <Link href="/admin/users">Clear search</Link>}
      </form>

      {users.length === 0 ? (
        <p className="mt-6 rounded border border-dashed border-stone-300 bg-white p-6">
          No user matches “{filter.q}”.
        </p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Users">
          {users.map((u) => (
            <UserCard key={u.id} user={u} isMe={u.id === me.id} />
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4">
        {filter.after && <Link href={`/admin/users?${query}`}>First page</Link>}
        {nextAfter && <Link href={`/admin/users?${query}after=${nextAfter}`}>Next page</Link>}
      </nav>

      <AuditList entries={audit} />
    </div>
  );
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
