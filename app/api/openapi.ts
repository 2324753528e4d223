// The OpenAPI 3.1 document of /api/v1, put together from each resource's operations
// (api-operations.ts lists them). A test holds the document and the routes to each other:
// every documented operation is served, every served one documented.
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface ApiOperation {
  /** Under /api/v1, with OpenAPI's {param} for path parameters: "/segments/{id}". */
  path: string;
  method: HttpMethod;
  operationId: string;
  summary: string;
  description?: string;
  parameters?: Record<string, unknown>[];
  requestBody?: Record<string, unknown>;
  /** The success responses; the errors every endpoint may answer are added. */
  responses: Record<string, Record<string, unknown>>;
}

export interface ApiResource {
  tag: { name: string; description: string };
  operations: ApiOperation[];
  schemas: Record<string, Record<string, unknown>>;
}

const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers && { headers }),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const COMMON_ERRORS = {
  "400": errorResponse("The request is malformed (bad JSON, an unknown parameter value); `field` names it"),
  "401": errorResponse("No key, or a key that is unknown or revoked"),
  "404": errorResponse("No such resource at this shop (another shop's ids are not found either)"),
  "429": errorResponse("Too many requests for this key (10 a second, bursts of 20)", {
    "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } },
  }),
};
const BODY_ERRORS = {
  "413": errorResponse("The body is larger than 2 MB"),
  "415": errorResponse("The body is not sent as application/json"),
};

export function openApiDocument(resources: ApiResource[], serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { tag, operations } of resources) {
    for (const { path, method, responses, ...operation } of operations) {
      paths[path] ??= {};
      paths[path][method] = {
        ...operation,
        tags: [tag.name],
        responses: { ...responses, ...COMMON_ERRORS, ...(operation.requestBody && BODY_ERRORS) },
      };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Textback API",
      version: "1",
      description: "A shop's subscribers (and, as they arrive, segments and campaigns). Authenticate with a key from Settings → API keys.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: resources.map((resource) => resource.tag),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "tb_… key from Settings → API keys" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: { error: { type: "string" }, field: { type: "string", description: "The part of the request at fault" } },
        },
        ...Object.assign({}, ...resources.map((resource) => resource.schemas)),
      },
    },
  };
}
