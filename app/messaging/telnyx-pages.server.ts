// The SDK's `for await` over a Telnyx list asks for pages until the response's paging metadata
// says it has reached the last one. Metadata that never does (a mock built from Telnyx's OpenAPI
// document answers "page 2 of 3" to every request) keeps it asking for ever, and the merchant
// waiting. Every walk over Telnyx's pages goes through here, with a cap on pages; the caller
// puts its deadline on the requests (the SDK's `signal` option, carried to every next page).
import type { PagePromise } from "telnyx";
import type { AbstractPage } from "telnyx/core/pagination";

export class TooManyPagesError extends Error {
  constructor(readonly maxPages: number) {
    super(`Telnyx still had more pages after ${maxPages}`);
    this.name = "TooManyPagesError";
  }
}

/** The items of at most `maxPages` pages; throws TooManyPagesError if Telnyx says there are more. */
export async function* itemsOfPages<Item>(first: PagePromise<AbstractPage<Item>, Item>, maxPages: number): AsyncGenerator<Item> {
  let page = await first;
  for (let read = 1; ; read++) {
    yield* page.getPaginatedItems();
    if (!page.hasNextPage()) return;
    if (read >= maxPages) throw new TooManyPagesError(maxPages);
    page = await page.getNextPage();
  }
}
