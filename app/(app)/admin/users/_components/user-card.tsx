import type { AdminUserRow } from "@/lib/dal/people/admin-users";
import { ROLE_LABELS } from "@/lib/validation/admin";
import { BanForm } from "./ban-form";
import { RoleForm } from "./role-form";

/** One user with the admin's controls for them. */
export function UserCard({ user, isMe }: { user: AdminUserRow; isMe: boolean }) {
  return (
    <li
      className="rounded-lg border border-stone-200 bg-white p-4"
      aria-label={user.email ?? user.name}
    >
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-semibold">{user.name}</span>
        <span className="text-stone-600">{user.email ?? "(deleted account)"}</span>
        <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs">{ROLE_LABELS[user.role]}</span>
        {user.banned && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
            Banned
          </span>
        )}
        {isMe && <span className="text-xs text-stone-500">(you)</span>}
      </div>
      {user.banned && user.banReason && (
        <p className="mt-1 text-sm text-stone-700">Ban reason: {user.banReason}</p>
      )}
      {!user.deleted && (
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <RoleForm userId={user.id} role={user.role} name={user.name} />
          <BanForm userId={user.id} banned={user.banned} name={user.name} />
        </div>
      )}
    </li>
  );
}
