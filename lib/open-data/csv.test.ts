import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOSTILE } from "@/test/hostile";
import { csvCell, csvRow, csvStream } from "./csv";

/** What a reader gets back for a text cell: the text, with an apostrophe before a formula start. */
const asRead = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
/** As UTF-8 carries it: a lone surrogate becomes U+FFFD. */
const utf8 = (s: string) => Buffer.from(s).toString();
const parseCsv = (text: string) => parse(text, { relax_column_count: false }) as string[][];

const TRICKY = [
  'He said "no"',
  "a,b,c",
  "line one\nline two",
  "line one\r\nline two",
  "ends with CR\r",
  '"',
  '""',
  ",",
  '=HYPERLINK("http://evil.example","click")',
  "=1+2",
  "+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\tleading tab",
  "\rleading CR",
  "'already quoted",
  "",
  " spaces ",
  'comma, "quote" and\nnewline',
];

describe("csvCell", () => {
  it("quotes only what needs it, doubling quotes (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("")).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("puts an apostrophe before text a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+2")).toBe("'=1+2");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@A1")).toBe("'@A1");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // only at the start
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("2017-04-24")).toBe("2017-04-24");
  });

  it("writes numbers as numbers (a population is never neutralised) and refuses NaN", () => {
    expect(csvCell(8804190)).toBe("8804190");
    expect(csvCell(-3)).toBe("-3");
    expect(() => csvCell(Number.NaN)).toThrow();
  });
});

describe("csvRow round trip through csv-parse", () => {
  it("gives back every tricky and hostile value, formulas neutralised", () => {
    const values = [...TRICKY, ...HOSTILE.filter((s) => !s.includes("\u0000"))];
    const text = values.map((v, i) => csvRow([i, v, "end"])).join("");
    const rows = parseCsv(text);
    expect(rows).toHaveLength(values.length);
    rows.forEach((row, i) => {
      expect(row).toEqual([String(i), utf8(asRead(values[i]!)), "end"]);
    });
  });

  it("holds for any strings (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: "grapheme-composite" }), { minLength: 1, maxLength: 6 }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (table) => {
          const width = table[0]!.length;
          const rows = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          const text = rows.map((r) => csvRow(r)).join("");
          expect(parseCsv(text)).toEqual(rows.map((r) => r.map(asRead)));
          // nothing a spreadsheet reads as a formula starts a field
          for (const line of parseCsv(text))
            for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("csvStream", () => {
  async function* batches(list: string[][][]) {
    for (const b of list) yield b.map((cells) => ({ cells }));
  }

  it("writes the header, then every batch's rows", async () => {
    const rest = batches([[["b", "2"]], [], [["c", "=3"]]]);
    const first = { done: false as const, value: [{ cells: ["a", "1"] }] };
    const stream = csvStream(
      ["name", "n"],
      (r: { cells: string[] }) => r.cells,
      first,
      rest,
      () => {},
    );
    const text = await new Response(stream).text();
    expect(text).toBe("name,n\r\na,1\r\nb,2\r\nc,'=3\r\n");
  });

  it("aborts the body when a later batch fails, and says so", async () => {
    const errors: unknown[] = [];
    async function* failing(): AsyncGenerator<{ cells: string[] }[]> {
      yield [{ cells: ["b"] }];
      throw new Error("database went away");
    }
    const stream = csvStream(
      ["x"],
      (r: { cells: string[] }) => r.cells,
      { done: false, value: [{ cells: ["a"] }] },
      failing(),
      (e) => errors.push(e),
    );
    await expect(new Response(stream).text()).rejects.toThrow("database went away");
    expect(errors).toHaveLength(1);
  });
});
