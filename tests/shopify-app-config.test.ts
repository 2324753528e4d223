// shopify.app.toml is what `shopify app deploy` subscribes the app to: every subscription must
// reach code that handles its topic, and its "Handled by" comment must lead a reader there.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SHOPIFY_TOPICS } from "~/commerce/webhook-topics.server";

interface Subscription {
  handledBy: string | null;
  topics: string[];
  uri: string | null;
}

function subscriptionsIn(toml: string): Subscription[] {
  const subscriptions: Subscription[] = [];
  let handledBy: string | null = null;
  for (const line of toml.split("\n").map((l) => l.trim())) {
    const comment = /^# Handled by: (.+)$/.exec(line);
    const topics = /^(?:compliance_)?topics = (\[.*\])$/.exec(line);
    const uri = /^uri = "(.*)"$/.exec(line);
    if (comment) handledBy = comment[1];
    if (line === "[[webhooks.subscriptions]]") {
      subscriptions.push({ handledBy, topics: [], uri: null });
      handledBy = null;
    }
    if (topics) subscriptions.at(-1)!.topics.push(...(JSON.parse(topics[1]) as string[]));
    if (uri) subscriptions.at(-1)!.uri = uri[1];
  }
  return subscriptions;
}

const subscriptions = subscriptionsIn(readFileSync("shopify.app.toml", "utf8"));
const topicMap = readFileSync("app/commerce/webhook-topics.server.ts", "utf8");

describe("shopify.app.toml's webhook subscriptions", () => {
  it("subscribe to every topic the app handles, each at the address that handles it", () => {
    expect(subscriptions.flatMap((s) => s.topics).sort()).toEqual([...SHOPIFY_TOPICS].sort());
    for (const { topics, uri } of subscriptions) expect(topics.map((topic) => `/webhooks/${topic}`)).toEqual([uri]);
  });

  it.each(subscriptions.map((s) => [s.topics.join(", "), s] as const))("%s names the files and the function that handle it", (_, { handledBy, topics }) => {
    expect(handledBy).not.toBeNull();
    const paths = handledBy!.match(/[\w./-]+\.tsx?\b/g) ?? [];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(existsSync(path), path).toBe(true);
    // "fn in path": the file exports it, and it is what the topic map runs for these topics.
    const [, fn, file] = /(\w+) in ([\w./-]+\.tsx?)/.exec(handledBy!) ?? [];
    expect(readFileSync(file, "utf8")).toMatch(new RegExp(`export (async )?(function|const) ${fn}\\b`));
    for (const topic of topics) expect(topicMap).toMatch(new RegExp(`"${topic}": .*\\b${fn}\\b`));
  });
});

describe("shopify.app.toml's app proxy", () => {
  const toml = readFileSync("shopify.app.toml", "utf8");
  const section = /\[app_proxy\]\n([\s\S]*?)\n\n/.exec(toml)?.[1] ?? "";
  const value = (key: string) => new RegExp(`^${key} = "(.*)"$`, "m").exec(section)?.[1];

  it("forwards the storefront's /apps/textback/* to the routes the sign-up form calls", () => {
    expect([value("prefix"), value("subpath")]).toEqual(["apps", "textback"]);
    expect(toml).toMatch(/^scopes = ".*\bwrite_app_proxy\b.*"$/m);
    const base = new URL(value("url")!).pathname;
    const script = readFileSync("extensions/sms-signup/assets/sms-signup.js", "utf8");
    const block = readFileSync("extensions/sms-signup/blocks/sms-signup.liquid", "utf8");
    expect(block).toContain("append: '/apps/textback'");
    for (const path of ["form", "subscribe"]) {
      expect(script).toContain(`proxy + "/${path}"`);
      expect(existsSync(`app/routes/${base.slice(1).replaceAll("/", ".")}.${path}.ts`), path).toBe(true);
    }
  });
});
