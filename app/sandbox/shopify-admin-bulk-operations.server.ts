import {
  execute,
  getNamedType,
  GraphQLError,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { http, HttpResponse, type RequestHandler } from "msw";
import { shopifyTime } from "./shopify-admin-store.server";

/**
 * Shopify's bulk query operations in the Admin double: `bulkOperationRunQuery` checks the query it
 * is given as Shopify does (it must be valid against the schema, a query with one top-level
 * connection, at most five connections nested at most two deep, one query operation at a time per
 * shop), runs it over the double's data, and after a few seconds of the double's clock reports it
 * COMPLETED with the URL of a JSONL file, one line per object, nested objects carrying
 * `__parentId`. The file is served by an MSW handler, so the app downloads it through the same
 * HTTP boundary as its GraphQL calls.
 */

export const BULK_OUTPUT_URL = "https://storage.googleapis.com/shopify-bulk-sandbox/";
/** How long an operation runs on the double's clock before it completes. */
export const BULK_RUN_MS = 3_000;
const URL_LIFETIME_MS = 7 * 24 * 3_600_000;
const MAX_CONNECTIONS = 5;
const MAX_NESTING = 2;

type BulkErrorCode = "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT";

interface BulkOperation {
  id: string;
  shop: string;
  query: string;
  createdAt: Date;
  /** The finished file, or the failure the double was told to report. */
  jsonl: string;
  objectCount: number;
  rootObjectCount: number;
  errorCode: BulkErrorCode | null;
}

type Json = Record<string, unknown>;

export function createBulkOperations(options: { now: () => Date; schema: GraphQLSchema; rootValue: () => Record<string, unknown> }) {
  const { now, schema } = options;
  const operations = new Map<string, BulkOperation>();
  let nextId = 5_000_001;
  let failWith: BulkErrorCode | null = null;

  const isDone = (op: BulkOperation) => now().getTime() - op.createdAt.getTime() >= BULK_RUN_MS;
  const fileUrl = (op: BulkOperation) => `${BULK_OUTPUT_URL}${op.id.split("/").pop()}.jsonl`;

  function operationNode(op: BulkOperation) {
    const done = isDone(op);
    const completed = done && !op.errorCode;
    return {
      __typename: "BulkOperation",
      id: op.id,
      status: !done ? "RUNNING" : op.errorCode ? "FAILED" : "COMPLETED",
      type: "QUERY",
      query: op.query,
      createdAt: shopifyTime(op.createdAt),
      completedAt: completed ? shopifyTime(new Date(op.createdAt.getTime() + BULK_RUN_MS)) : null,
      errorCode: done ? op.errorCode : null,
      objectCount: String(done ? op.objectCount : 0),
      rootObjectCount: String(done ? op.rootObjectCount : 0),
      fileSize: completed ? String(Buffer.byteLength(op.jsonl)) : null,
      url: completed && op.objectCount > 0 ? fileUrl(op) : null,
      partialDataUrl: null,
    };
  }

  async function bulkOperationRunQuery({ query }: { query: string }, { shop }: { shop: string }) {
    const refuse = (code: string, message: string) => ({ bulkOperation: null, userErrors: [{ field: ["query"], message, code }] });
    const running = [...operations.values()].find((op) => op.shop === shop && !isDone(op));
    if (running) return refuse("OPERATION_IN_PROGRESS", `A bulk query operation for this app and shop is already in progress: ${running.id}.`);
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return refuse("INVALID", `Invalid bulk query: ${(error as GraphQLError).message}`);
    }
    const problem = validate(schema, document)[0]?.message ?? bulkRuleBroken(schema, document);
    if (problem) return refuse("INVALID", `Invalid bulk query: ${problem}`);
    const result = await execute({ schema, document, rootValue: options.rootValue(), contextValue: { shop, bulk: true } });
    if (result.errors?.length) return refuse("INVALID", `Invalid bulk query: ${result.errors[0]!.message}`);
    const lines = flatten(Object.values(result.data ?? {})[0] as Json, null);
    const op: BulkOperation = {
      id: `gid://shopify/BulkOperation/${nextId++}`,
      shop,
      query,
      createdAt: now(),
      jsonl: lines.map((line) => `${JSON.stringify(line)}\n`).join(""),
      objectCount: lines.length,
      rootObjectCount: lines.filter((line) => !("__parentId" in line)).length,
      errorCode: failWith,
    };
    operations.set(op.id, op);
    return { bulkOperation: operationNode(op), userErrors: [] };
  }

  const handlers: RequestHandler[] = [
    http.get(`${BULK_OUTPUT_URL}:file`, ({ params }) => {
      const op = operations.get(`gid://shopify/BulkOperation/${String(params.file).replace(/\.jsonl$/, "")}`);
      if (!op || !isDone(op) || op.errorCode) return new HttpResponse("NoSuchKey", { status: 404 });
      if (now().getTime() - op.createdAt.getTime() > URL_LIFETIME_MS) return new HttpResponse("Request has expired", { status: 400 });
      return new HttpResponse(op.jsonl, { headers: { "Content-Type": "application/jsonl" } });
    }),
  ];

  return {
    handlers,
    bulkOperationRunQuery,
    /** The operation with this gid, for `node(id:)`, visible to the shop that started it only. */
    node(id: string, shop: string) {
      const op = operations.get(id);
      return op && op.shop === shop ? operationNode(op) : null;
    },
    /** Operations started from now on end FAILED with this code (null: they complete). */
    failWith(code: BulkErrorCode | null) {
      failWith = code;
    },
    reset() {
      operations.clear();
      failWith = null;
    },
  };
}

// Shopify's rules for a bulk query beyond the schema, or null when it keeps them.
function bulkRuleBroken(schema: GraphQLSchema, document: DocumentNode): string | null {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== "query") return "Bulk queries must contain exactly one query operation.";
  const top = operations[0]!.selectionSet.selections;
  if (top.length !== 1 || top[0]!.kind !== Kind.FIELD) return "Bulk queries must select exactly one top-level field.";
  if (["node", "nodes"].includes(top[0]!.name.value)) return "The top-level node and nodes fields can't be used.";
  const typeInfo = new TypeInfo(schema);
  let connections = 0;
  let depth = 0;
  let deepest = 0;
  const isConnection = () => getNamedType(typeInfo.getType())?.name.endsWith("Connection") ?? false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter() {
          if (!isConnection()) return;
          connections++;
          deepest = Math.max(deepest, ++depth);
        },
        leave() {
          if (isConnection()) depth--;
        },
      },
    }),
  );
  if (connections === 0) return "Bulk queries must contain at least one connection.";
  if (!isTopConnection(schema, top[0]!.name.value)) return `The top-level field ${top[0]!.name.value} is not a connection.`;
  if (connections > MAX_CONNECTIONS) return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
  if (deepest > MAX_NESTING) return `Bulk queries cannot contain connections nested more than ${MAX_NESTING} levels deep.`;
  return null;
}

function isTopConnection(schema: GraphQLSchema, field: string) {
  const type = schema.getQueryType()?.getFields()[field]?.type;
  return Boolean(type && getNamedType(type).name.endsWith("Connection"));
}

const nodesOf = (value: unknown): Json[] | null => {
  if (typeof value !== "object" || value === null) return null;
  const { edges, nodes } = value as { edges?: { node: Json }[]; nodes?: Json[] };
  return nodes ?? edges?.map((edge) => edge.node) ?? null;
};

// One line per node, the parent before its children; a nested connection leaves its node and
// its nodes follow with the parent's id, as Shopify writes the file.
function flatten(connection: Json, parentId: string | null): Json[] {
  const lines: Json[] = [];
  for (const node of nodesOf(connection) ?? []) {
    const line: Json = {};
    const children: Json[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (nodesOf(value)) children.push(value as Json);
      else line[key] = value;
    }
    if (parentId) line.__parentId = parentId;
    lines.push(line);
    for (const child of children) lines.push(...flatten(child, String(node.id)));
  }
  return lines;
}
