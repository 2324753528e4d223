// The inbox and thread loaders' server time on a large shop, called in-process
// (the domain functions the route loaders call; HTTP and rendering excluded). Baseline: the
// same calls on one of the small shops in the same database.
import { systemClock } from "~/clock.server";
import type { Db } from "~/db.server";
import { listConversations } from "~/conversations/inbox.server";
import { loadThread } from "~/conversations/thread.server";
import type { InboxQuery } from "~/conversations/inbox.server";
import { createBenchShop, type BenchDatabase } from "./support/app-under-test";
import { bulkInsertDialect } from "./support/bulk-insert";
import { ms, percentile, ratio, timed, type Table, sampleLatency } from "./support/stats";

const P95_GOAL_MS = 50;
const EPOCH_SECONDS = Math.floor(Date.parse("2026-01-01T00:00:00Z") / 1000);
const FIRST_NAMES = ["Maria", "James", "Aisha", "Chen", "Olivia", "Noah", "Fatima", "Liam", "Sofia", "Mateo"];

interface InboxSizes {
  inboxConversations: number;
  inboxMessages: number;
  otherShops: number;
  otherShopConversations: number;
  calls: number;
}

/**
 * `conversations` shoppers with one thread each; `messages` spread evenly over the threads,
 * alternating in and out, a minute apart per thread; one in five threads waits for a reply.
 */
async function seedShop(database: BenchDatabase, shopId: string, key: string, conversations: number, messages: number) {
  const { at, insert } = bulkInsertDialect(database.engine, EPOCH_SECONDS);
  const perThread = Math.max(1, Math.floor(messages / conversations));
  const names = FIRST_NAMES.map((n) => `'${n}'`).join(", ");
  const now = at("0");
  const statements = [
    insert(conversations, `"Contact" ("id", "createdAt", "updatedAt", "shopId", "phone", "firstName", "lastName")`,
      `'${key}c' || i, ${now}, ${now}, '${shopId}', '+1312' || (2000000 + i),
       (CASE i % ${FIRST_NAMES.length} ${FIRST_NAMES.map((_, j) => `WHEN ${j} THEN ${names.split(", ")[j]}`).join(" ")} END),
       'Shopper' || i`),
    insert(conversations, `"Conversation" ("id", "createdAt", "updatedAt", "shopId", "contactId", "state", "unread", "lastMessageAt", "lastMessagePreview")`,
      `'${key}v' || i, ${now}, ${now}, '${shopId}', '${key}c' || i,
       (CASE WHEN i % 5 = 0 THEN 'needs_reply' WHEN i % 5 = 4 THEN 'closed' ELSE 'open' END),
       (i % 5 = 0), ${at(`i * 60 + ${perThread}`)}, 'Message ${perThread} of thread ' || i`),
    insert(messages, `"Message" ("id", "createdAt", "updatedAt", "shopId", "conversationId", "contactId", "direction", "body", "fromNumber", "toNumber", "status", "occurredAt")`,
      `'${key}m' || i, ${now}, ${now}, '${shopId}', '${key}v' || (i / ${perThread}), '${key}c' || (i / ${perThread}),
       (CASE WHEN i % 2 = 0 THEN 'inbound' ELSE 'outbound' END),
       'Message ' || (i % ${perThread} + 1) || ' of thread ' || (i / ${perThread}) || ': is the blue one back in stock in a medium?',
       '+13125550100', '+1312' || (2000000 + i / ${perThread}),
       (CASE WHEN i % 2 = 0 THEN 'received' ELSE 'delivered' END),
       ${at(`(i / ${perThread}) * 60 + (i % ${perThread})`)}`),
  ];
  for (const sql of statements) await database.db.$executeRawUnsafe(sql);
}


function loaders(db: Db, shopId: string, keyPrefix: string, conversations: number) {
  const ctx = { db, clock: systemClock };
  const list = (query: Omit<InboxQuery, "shopId">) => () => listConversations(ctx, { shopId, ...query });
  return {
    inbox: list({ tab: "all" }),
    needsReply: list({ tab: "needs_reply" }),
    searchName: list({ tab: "all", search: "maria" }),
    searchPhone: list({ tab: "all", search: "312-200-07" }),
    secondPage: async () => {
      const first = await listConversations(ctx, { shopId, tab: "all" });
      return listConversations(ctx, { shopId, tab: "all", after: first.nextCursor });
    },
    thread: (i: number) => loadThread(ctx, { shopId, conversationId: `${keyPrefix}v${(i * 7919) % conversations}` }),
  };
}

export async function benchInbox(database: BenchDatabase, sizes: InboxSizes): Promise<Table[]> {
  const { db } = database;
  const big = await createBenchShop(db, "bench-inbox.myshopify.com", "+13125550170");
  const seedStart = performance.now();
  await seedShop(database, big.id, "b", sizes.inboxConversations, sizes.inboxMessages);
  const bigSeedSeconds = (performance.now() - seedStart) / 1000;
  let small = big;
  for (let k = 0; k < sizes.otherShops; k++) {
    small = await createBenchShop(db, `bench-inbox-${k}.myshopify.com`, `+1312555018${k}`);
    await seedShop(database, small.id, `s${k}`, sizes.otherShopConversations, sizes.otherShopConversations * 10);
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;
  // PostgreSQL's autovacuum analyzes a table within about a minute of such a load; without
  // statistics the planner would still think the tables empty. SQLite gathers none by itself.
  if (database.engine === "postgresql") await db.$executeRawUnsafe("ANALYZE");
  const counts = { messages: await db.message.count(), conversations: await db.conversation.count() };

  const bigLoaders = loaders(db, big.id, "b", sizes.inboxConversations);
  const smallLoaders = loaders(db, small.id, `s${sizes.otherShops - 1}`, sizes.otherShopConversations);
  const figures: [string, keyof typeof bigLoaders][] = [
    ["inbox, first page (All)", "inbox"],
    ["inbox, Needs reply tab", "needsReply"],
    ["inbox, search by name", "searchName"],
    ["inbox, search by phone digits", "searchPhone"],
    ["inbox, first + second page (cursor)", "secondPage"],
    ["thread (100 messages, side card)", "thread"],
  ];
  const rows: string[][] = [];
  let missed = 0;
  for (const [label, key] of figures) {
    const large = await sampleLatency(sizes.calls, bigLoaders[key]);
    const baseline = await sampleLatency(sizes.calls, smallLoaders[key]);
    if (large.p95 >= P95_GOAL_MS) missed += 1;
    rows.push([label, ms(large.p50), ms(large.p95), ms(baseline.p50), ms(baseline.p95), ratio(large.p95, baseline.p95), large.p95 < P95_GOAL_MS ? "met" : "MISSED"]);
  }
  const perThread = Math.floor(sizes.inboxMessages / sizes.inboxConversations);
  return [
    {
      title: `12. Inbox at scale: ${sizes.inboxConversations.toLocaleString("en-US")} conversations, ${sizes.inboxMessages.toLocaleString("en-US")} messages in one shop`,
      columns: ["loader (server time)", "p50", "p95", `baseline p50 (${sizes.otherShopConversations.toLocaleString("en-US")}-thread shop)`, "baseline p95", "p95/baseline", "goal p95 < 50 ms"],
      rows,
      notes: [
        `Seeded in ${seedSeconds.toFixed(1)} s (the big shop alone ${bigSeedSeconds.toFixed(1)} s): ${counts.conversations.toLocaleString("en-US")} conversations and ${counts.messages.toLocaleString("en-US")} messages in total, ${sizes.otherShops} other shops with ${sizes.otherShopConversations.toLocaleString("en-US")} threads of 10 messages each; set-based INSERT … SELECT, one statement per table and shop.`,
        `Each figure: ${sizes.calls} calls after 5 warm-up calls, one at a time, of listConversations / loadThread in this process: the loader's server time without HTTP and rendering. Threads hold ${perThread} messages each.`,
        missed === 0 ? "Every loader met the goal." : `${missed} loader(s) missed the goal.`,
      ],
    },
  ];
}
