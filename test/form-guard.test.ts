// Every form is a real form (issue 14): a POST to a server action, which
// works before JavaScript loads and without it, or a GET search form that
// carries no secret. Read from the source with TypeScript's parser, so a new
// form that breaks the rule fails the build.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET_NAME = /pass(word)?|token|secret/i;

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(rel);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [rel] : [];
  });
}

type FormFinding = { file: string; line: number; problem: string | null };

const attrs = (el: ts.JsxOpeningLikeElement) => el.attributes.properties;
const attrName = (a: ts.JsxAttributeLike) =>
  ts.isJsxAttribute(a) ? a.name.getText() : `...${a.expression.getText()}`;

/** What is wrong with one <form> element, or null. */
function formProblem(element: ts.JsxElement | ts.JsxSelfClosingElement): string | null {
  const opening = ts.isJsxElement(element) ? element.openingElement : element;
  const names = attrs(opening).map(attrName);
  const method = attrs(opening)
    .filter(ts.isJsxAttribute)
    .find((a) => a.name.getText() === "method")
    ?.initializer?.getText()
    .replace(/["'{}]/g, "")
    .toLowerCase();
  if (method === "get") {
    let secret: string | null = null;
    const visit = (node: ts.Node) => {
      if (ts.isJsxAttribute(node) && ["name", "type"].includes(node.name.getText())) {
        const value = node.initializer?.getText().replace(/["'{}]/g, "") ?? "";
        if (SECRET_NAME.test(value)) secret = value;
      }
      ts.forEachChild(node, visit);
    };
    visit(element);
    return secret ? `a GET form carries a field named like a secret (${secret})` : null;
  }
  // A function action renders as method="post" (React sets it), posting to a server action.
  if (names.includes("action")) return null;
  return "no action: it only submits from JavaScript (use useActionForm's action, or ButtonForm)";
}

function formsIn(file: string): FormFinding[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: FormFinding[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isJsxElement(node) && node.openingElement.tagName.getText() === "form") ||
      (ts.isJsxSelfClosingElement(node) && node.tagName.getText() === "form")
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push({ file, line: line + 1, problem: formProblem(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const FORMS = ["app", "components"].flatMap(tsxFiles).flatMap(formsIn);

describe("every form is a real form", () => {
  it("finds the app's forms", () => {
    expect(FORMS.length).toBeGreaterThan(15);
  });

  it("posts to a server action, or is a GET form without secrets", () => {
    const bad = FORMS.filter((f) => f.problem);
    expect(bad.map((f) => `${f.file}:${f.line}: ${f.problem}`)).toEqual([]);
  });

  it("catches a form without an action and a GET form with a password", () => {
    const probe = (code: string) => {
      const source = ts.createSourceFile("p.tsx", code, ts.ScriptTarget.Latest, true, 4);
      let problem: string | null = "no form";
      const visit = (node: ts.Node) => {
        if (ts.isJsxElement(node) && node.openingElement.tagName.getText() === "form")
          problem = formProblem(node);
        ts.forEachChild(node, visit);
      };
      visit(source);
      return problem;
    };
    // The probes are built from their attributes: a form written out here would be one more
    // action-less <form> in the source for anything that reads it, as this test does.
    const form = (attributes: string, fields: string) => `<form ${attributes}>${fields}</form>`;
    expect(probe(form("onSubmit={go}", '<input name="q" />'))).toMatch(/no action/);
    expect(probe(form("{...formProps}", '<input name="title" />'))).toMatch(/no action/);
    expect(probe(form('method="get"', '<input name="password" />'))).toMatch(/secret/);
    expect(probe(form('method="get"', '<input type="password" name="p" />'))).toMatch(/secret/);
    expect(probe(form('method="get"', '<input name="q" />'))).toBeNull();
    expect(probe(form("action={dispatch}", '<input name="password" />'))).toBeNull();
  });
});
