import type { Operation } from "@/lib/open-data/openapi";

type JsonSchema = Record<string, unknown>;

/** A parameter's schema in words: its type, allowed values, pattern and bounds. */
export function describeSchema(schema: JsonSchema): string {
  if (schema.type === "array" && schema.items) {
    return `${describeSchema(schema.items as JsonSchema)}, repeatable${
      typeof schema.maxItems === "number" ? ` (up to ${schema.maxItems})` : ""
    }`;
  }
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.join(", ")}`;
  const parts = [String(schema.type ?? "any")];
  if (typeof schema.pattern === "string") parts.push(`matching ${schema.pattern}`);
  if (typeof schema.exclusiveMinimum === "number") parts.push(`over ${schema.exclusiveMinimum}`);
  if (typeof schema.minimum === "number") parts.push(`at least ${schema.minimum}`);
  if (typeof schema.maximum === "number") parts.push(`at most ${schema.maximum}`);
  if (typeof schema.minLength === "number") parts.push(`${schema.minLength}+ characters`);
  if (typeof schema.maxLength === "number") parts.push(`up to ${schema.maxLength} characters`);
  return parts.join(", ");
}

/** A description's text with its `code spans` (CommonMark's, as OpenAPI allows) as <code>. */
export function Described({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/** One method of one path, as the OpenAPI document describes it. */
export function OperationDoc({
  method,
  path,
  op,
}: {
  method: string;
  path: string;
  op: Operation;
}) {
  const parameters = op.parameters ?? [];
  return (
    <section
      id={op.operationId}
      aria-labelledby={`${op.operationId}-title`}
      className="mt-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm"
    >
      <h3 id={`${op.operationId}-title`} className="text-lg font-semibold">
        <code className="break-all">
          {method.toUpperCase()} {path}
        </code>
      </h3>
      <p className="mt-1 font-medium">{op.summary}</p>
      <p className="mt-1 text-stone-700">
        <Described text={op.description} />
      </p>
      {op.security && <p className="mt-1 text-sm text-stone-600">Needs a signed-in session.</p>}
      {parameters.length > 0 && (
        <>
          <h4 className="mt-3 font-semibold">Parameters</h4>
          <dl className="mt-1 space-y-2">
            {parameters.map((p) => (
              <div key={`${p.in}:${p.name}`}>
                <dt>
                  <code>{p.name}</code>{" "}
                  <span className="text-sm text-stone-600">
                    ({p.in}
                    {p.required ? ", required" : ""})
                  </span>
                </dt>
                <dd className="ml-4 text-stone-700">
                  <Described text={p.description} />{" "}
                  <span className="break-words text-sm text-stone-600">
                    [{describeSchema(p.schema)}]
                  </span>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h4 className="mt-3 font-semibold">Answers</h4>
      <ul className="mt-1 space-y-1">
        {Object.entries(op.responses).map(([status, r]) => (
          <li key={status}>
            <code>{status}</code> {r.description}
            {r.content && (
              <span className="text-sm text-stone-600"> ({Object.keys(r.content).join(", ")})</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
