import type { SandboxDiscount } from "./shopify-admin-store.server";

/**
 * `discountRedeemCodeBulkAdd` and `discountRedeemCodeBulkCreation` in the Admin double. As in
 * Shopify, the mutation only queues the codes (`done: false`); they are checked and added when
 * the creation runs, which here is the first time anyone asks after it (the status query, or
 * the sandbox reading its discounts), so an app that never polls never sees its codes added.
 * Shopify's limits kept: at most 250 codes a call (the `codes` argument's documented maximum),
 * and a code unique in the shop regardless of case, in the call itself too.
 */
export const MAX_CODES_PER_BULK_ADD = 250;
const MAX_CODE_LENGTH = 255;

type UserError = { field: string[]; message: string; code: string; extraInfo: string | null };

interface BulkCreation {
  id: string;
  shop: string;
  discount: SandboxDiscount;
  codes: string[];
  createdAt: Date;
  results: { code: string; error: UserError | null }[] | null;
}

interface RedeemCodeDeps {
  now: () => Date;
  discount: (id: string, shop: string) => SandboxDiscount | undefined;
  codeTaken: (shop: string, code: string) => boolean;
  discountNode: (discount: SandboxDiscount) => unknown;
  time: (date: Date) => string | null;
}

export function createRedeemCodeBulkAdds(deps: RedeemCodeDeps) {
  const creations = new Map<string, BulkCreation>();
  let nextId = 5_000_001;
  const userError = (field: string[], message: string, code: string): UserError => ({ field, message, code, extraInfo: null });

  function run(creation: BulkCreation) {
    if (creation.results) return;
    creation.results = creation.codes.map((raw) => {
      const code = raw.trim();
      const error = !code
        ? userError(["code"], "Code can't be blank", "BLANK")
        : code.length > MAX_CODE_LENGTH
          ? userError(["code"], `Code is too long (maximum is ${MAX_CODE_LENGTH} characters)`, "TOO_LONG")
          : deps.codeTaken(creation.shop, code)
            ? userError(["code"], "Code must be unique. Please try a different code.", "TAKEN")
            : null;
      if (!error) creation.discount.codes.push(code);
      return { code, error };
    });
  }

  function creationNode(creation: BulkCreation) {
    const results = creation.results ?? [];
    const nodes = results.map(({ code, error }) => ({
      code,
      discountRedeemCode: error ? null : { id: `gid://shopify/DiscountRedeemCode/${creation.id.split("/").pop()}-${code}`, code, asyncUsageCount: 0 },
      errors: error ? [error] : [],
    }));
    return {
      id: creation.id,
      codesCount: creation.codes.length,
      createdAt: deps.time(creation.createdAt),
      done: creation.results !== null,
      importedCount: results.filter((r) => !r.error).length,
      failedCount: results.filter((r) => r.error).length,
      discountCode: deps.discountNode(creation.discount),
      codes: ({ first, after }: { first?: number; after?: string }) => {
        const start = after ? Number(after) : 0;
        const page = nodes.slice(start, first == null ? undefined : start + first);
        const end = start + page.length;
        return {
          nodes: page,
          edges: page.map((node, i) => ({ cursor: String(start + i + 1), node })),
          pageInfo: { hasNextPage: end < nodes.length, hasPreviousPage: start > 0, startCursor: page.length ? String(start + 1) : null, endCursor: page.length ? String(end) : null },
        };
      },
    };
  }

  return {
    discountRedeemCodeBulkAdd({ discountId, codes }: { discountId: string; codes: { code: string }[] }, { shop }: { shop: string }) {
      const discount = deps.discount(discountId, shop);
      if (!discount) return { bulkCreation: null, userErrors: [userError(["discountId"], "Code discount does not exist.", "INVALID")] };
      if (codes.length === 0) return { bulkCreation: null, userErrors: [userError(["codes"], "Codes can't be blank", "BLANK")] };
      if (codes.length > MAX_CODES_PER_BULK_ADD) {
        return { bulkCreation: null, userErrors: [userError(["codes"], `Codes can't exceed ${MAX_CODES_PER_BULK_ADD} per request`, "TOO_MANY_ARGUMENTS")] };
      }
      const creation: BulkCreation = { id: `gid://shopify/DiscountRedeemCodeBulkCreation/${nextId++}`, shop, discount, codes: codes.map((c) => c.code), createdAt: deps.now(), results: null };
      creations.set(creation.id, creation);
      return { bulkCreation: creationNode(creation), userErrors: [] };
    },
    discountRedeemCodeBulkCreation({ id }: { id: string }, { shop }: { shop: string }) {
      const creation = creations.get(id);
      if (!creation || creation.shop !== shop) return null;
      run(creation);
      return creationNode(creation);
    },
    /** Runs every creation still queued: what Shopify would have done by now. */
    settle() {
      for (const creation of creations.values()) run(creation);
    },
    /** Each call's code count, per discount id, oldest first. */
    bulkAddSizes(discountId: string) {
      return [...creations.values()].filter((c) => c.discount.id === discountId).map((c) => c.codes.length);
    },
    reset() {
      creations.clear();
    },
  };
}
