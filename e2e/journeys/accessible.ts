import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical
 * violation, naming the rule and the first elements it found. Call it once
 * the page shows what it is for (its heading, its client-loaded parts).
 */
export async function expectAccessible(page: Page, what?: string): Promise<void> {
  const label = what ?? new URL(page.url()).pathname;
  await test.step(`axe: ${label}`, async () => {
    // After an action the page re-renders and Next streams its <title> back in:
    // check the page as it settles, not in that moment.
    await expect(page).toHaveTitle(/\S/);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(" "))
            .join(", ")}`,
      );
    expect(serious, `serious or critical accessibility violations on ${label}`).toEqual([]);
  });
}
