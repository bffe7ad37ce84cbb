import { ButtonForm } from "@/components/forms/button-form";
import { FormAlert } from "@/components/forms/form-alert";
import type { MySession } from "@/lib/dal/people/sessions";
import { formatDateTime } from "@/lib/format";
import { endSessionAction } from "../actions";
import { Section } from "./section";

/**
 * Where this account is signed in: one row per browser, with "Sign out" for
 * each (a form of its own, so it works without JavaScript).
 */
export function SessionsList({ sessions, notice }: { sessions: MySession[]; notice?: string }) {
  return (
    <Section id="your-sessions" title="Where you are signed in">
      <FormAlert success={notice} />
      <ul className="divide-y divide-stone-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div id={`session-${s.id}`}>
              <p className="font-semibold">
                {s.device}
                {s.current && <span className="ml-2 text-sm text-emerald-800">(this browser)</span>}
              </p>
              <p className="text-sm text-stone-600">
                {s.network ? `Network ${s.network}` : "Network unknown"} · signed in{" "}
                {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastSeenAt)}
              </p>
            </div>
            <ButtonForm
              action={endSessionAction}
              fields={{ sessionId: s.id }}
              describedBy={`session-${s.id}`}
              pendingText="Signing out…"
              buttonClassName="rounded border border-stone-400 px-3 py-1.5 text-sm font-semibold hover:bg-stone-100 disabled:opacity-70"
            >
              Sign out
            </ButtonForm>
          </li>
        ))}
      </ul>
    </Section>
  );
}
