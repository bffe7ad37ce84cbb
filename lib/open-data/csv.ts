/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote or
 * line break is quoted, its quotes doubled), made safe to open in a
 * spreadsheet: a text cell that starts with = + - @, a tab or a carriage
 * return would be read as a formula (CSV injection), so it gets a leading
 * apostrophe, which spreadsheets show as text and programs can strip.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: numbers as they are, empty for null, text neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * A CSV body streamed batch by batch: the header line, then each batch's rows
 * as the data access layer reads it, so the whole table is never in memory.
 * `first` is the batch read before the response began (a failed first read is
 * an error status, not a truncated 200); a failure later aborts the stream.
 */
export function csvStream<R>(
  header: readonly string[],
  toValues: (row: R) => readonly CsvValue[],
  first: IteratorResult<R[]>,
  rest: AsyncIterator<R[]>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<R[]> | null = first;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(header)));
    },
    async pull(controller) {
      try {
        const batch = pending ?? (await rest.next());
        pending = null;
        if (batch.done) return controller.close();
        controller.enqueue(encoder.encode(batch.value.map((r) => csvRow(toValues(r))).join("")));
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    async cancel() {
      await rest.return?.();
    },
  });
}
