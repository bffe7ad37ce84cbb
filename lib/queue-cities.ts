/** How many cities the review queue's city filter offers. */
export const QUEUE_CITY_OPTIONS = 50;

type CityCount = { slug: string; name: string; n: number };

/**
 * The cities the queue's filter offers: the ones with the most waiting, by
 * name (the DAL adds the chosen one). With a thousand cities a select of them
 * all was most of the page (and of its render time); any city can still be
 * filtered by its address, `/moderation?city=<slug>`.
 */
export function busiestCities(
  counts: CityCount[],
  limit = QUEUE_CITY_OPTIONS,
): { options: CityCount[]; more: number } {
  const busiest = [...counts]
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, limit);
  return {
    options: busiest.sort((a, b) => a.name.localeCompare(b.name)),
    more: counts.length - busiest.length,
  };
}
