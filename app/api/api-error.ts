// The REST API's one error shape: {error, field?} with a 4xx status, field naming the part of
// the request at fault ("subscribers[3].consent.consentedAt", "limit").
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function apiErrorResponse(error: ApiError): Response {
  return Response.json({ error: error.message, ...(error.field && { field: error.field }) }, { status: error.status, headers: error.headers });
}
