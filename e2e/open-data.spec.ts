// Open data (issue 17, item 5): the CSV downloads, the OpenAPI document and
// the page that documents it, and conditional GETs of the public JSON, as a
// program and a person meet them on the production build.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { CITY_SLUGS } from "./cities-data";

type Doc = { paths: Record<string, Record<string, { summary: string }>> };

const rowsOf = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

test("/api/cities.csv: every place, each policy field with its source and date", async ({
  request,
}) => {
  const response = await request.get("/api/cities.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(
    'attachment; filename="citywatch-cities.csv"',
  );
  const rows = rowsOf(await response.text());
  expect(rows.map((r) => r.slug).sort()).toEqual([...CITY_SLUGS].sort());
  const denver = rows.find((r) => r.slug === "denver-co")!;
  expect(denver.name).toBe("Denver");
  expect(denver.ice_detainers_source_url).toMatch(/^https?:\/\//);
  expect(denver.ice_detainers_as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});

test("/api/updates.csv: a CSV of published updates; bad parameters get a 400", async ({
  request,
}) => {
  const response = await request.get("/api/updates.csv?city=boston-ma");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await response.text();
  expect(text.split("\r\n")[0]).toBe(
    "id,url,city_slug,city_name,state,kind,title,summary,effective_on,source_url,published_at",
  );
  for (const row of rowsOf(text)) expect(row.city_slug).toBe("boston-ma");

  for (const bad of ["?city=Boston", "?kind=law", "?page=2", "?city=a&city=b"]) {
    const refused = await request.get(`/api/updates.csv${bad}`);
    expect(refused.status(), bad).toBe(400);
    expect((await refused.json()).error, bad).toBe("bad_request");
  }
  expect((await request.get("/api/updates.csv?city=atlantis-xx")).status()).toBe(404);
});

test("public JSON answers 304 to a conditional GET with its ETag or Last-Modified", async ({
  request,
}) => {
  for (const path of ["/api/cities", "/api/cities/boston-ma", "/api/openapi.json"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers()["etag"]!;
    const lastModified = first.headers()["last-modified"]!;
    expect(etag, path).toMatch(/^W\/"/);
    expect(Date.parse(lastModified), path).not.toBeNaN();

    const byTag = await request.get(path, { headers: { "if-none-match": etag } });
    expect(byTag.status(), path).toBe(304);
    expect(await byTag.body(), path).toHaveLength(0);
    const byDate = await request.get(path, { headers: { "if-modified-since": lastModified } });
    expect(byDate.status(), path).toBe(304);
    const stale = await request.get(path, { headers: { "if-none-match": 'W/"stale"' } });
    expect(stale.status(), path).toBe(200);
  }
});

test("/docs/api documents every path of the OpenAPI document, with the licence, without JavaScript", async ({
  browser,
  request,
}) => {
  const doc = (await (await request.get("/api/openapi.json")).json()) as Doc;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1, name: "API and open data" })).toBeVisible();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) {
        await expect(
          page.getByRole("heading", {
            level: 3,
            name: `${method.toUpperCase()} ${path}`,
            exact: true,
          }),
        ).toBeVisible();
      }
    }
    await expect(
      page.getByRole("link", { name: /Creative Commons Attribution 4\.0/ }),
    ).toHaveAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
    await expect(page.getByText(/not ours to license/)).toBeVisible();
  } finally {
    await context.close();
  }
});

test("the footer links to the API docs and states the licence; the CSV link downloads a file", async ({
  page,
}) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("link", { name: "CC BY 4.0" })).toBeVisible();
  await expect(footer).toContainText("World Mayor");
  await footer.getByRole("link", { name: "API and open data" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API and open data" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Cities and counties (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("citywatch-cities.csv");
  const rows = rowsOf(await readFile((await file.path())!, "utf8"));
  expect(rows).toHaveLength(CITY_SLUGS.length);
});
