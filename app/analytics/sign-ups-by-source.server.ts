// New subscribers by where they signed up: the storefront form, a keyword, checkout, or an
// import. A new subscriber is a phone whose first marketing grant in the ledger falls in the
// period, counted once, under that grant's source; a shopper who was subscribed before (even
// one who opted out and came back) is not new. The dashboard and the Flows page share it.
import type { AppContext } from "~/context.server";
import type { ConsentSource } from "~/compliance/consent-ledger.server";

export interface SignUpsBySource {
  form: number;
  keyword: number;
  checkout: number;
  import: { csv: number; shopify: number; api: number };
  /** Granted by the merchant (admin) or a Shopify sync. */
  other: number;
  total: number;
}

const BUCKET: Partial<Record<ConsentSource, (counts: SignUpsBySource) => void>> = {
  signup_form: (c) => c.form++,
  keyword: (c) => c.keyword++,
  checkout: (c) => c.checkout++,
  csv_import: (c) => c.import.csv++,
  shopify_import: (c) => c.import.shopify++,
  api: (c) => c.import.api++,
};

const CONTACTS_PER_QUERY = 500;

const marketingGrants = (shopId: string) => ({ shopId, scope: "marketing", granted: true });

export async function signUpsBySource({ db }: AppContext, shopId: string, since: Date): Promise<SignUpsBySource> {
  const counts: SignUpsBySource = { form: 0, keyword: 0, checkout: 0, import: { csv: 0, shopify: 0, api: 0 }, other: 0, total: 0 };
  const inPeriod = await db.consentEvent.findMany({
    where: { ...marketingGrants(shopId), occurredAt: { gte: since } },
    select: { contactId: true, source: true },
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
  });
  const contactIds = [...new Set(inPeriod.flatMap((grant) => (grant.contactId ? [grant.contactId] : [])))];
  const counted = new Set<string | null>();
  // SQLite binds at most 999 values in one statement (P2029 beyond).
  for (let i = 0; i < contactIds.length; i += CONTACTS_PER_QUERY) {
    const before = await db.consentEvent.findMany({
      where: { ...marketingGrants(shopId), contactId: { in: contactIds.slice(i, i + CONTACTS_PER_QUERY) }, occurredAt: { lt: since } },
      select: { contactId: true },
      distinct: ["contactId"],
    });
    for (const grant of before) counted.add(grant.contactId);
  }
  for (const { contactId, source } of inPeriod) {
    if (!contactId || counted.has(contactId)) continue;
    counted.add(contactId);
    (BUCKET[source as ConsentSource] ?? ((c: SignUpsBySource) => c.other++))(counts);
    counts.total++;
  }
  return counts;
}
