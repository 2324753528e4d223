// A request's JSON body, read with a ceiling: the declared length is checked before reading and
// the bytes counted while reading, so a large or endless body is refused without being held in
// memory. 2 MB holds the largest batch the API takes (1,000 subscribers with their disclosure
// texts are well under 1 MB).
import { ApiError } from "./api-error";

export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

// The unread rest of the body is not drained: the connection closes instead.
const tooLarge = () => new ApiError(413, `The body is larger than ${MAX_API_BODY_BYTES / 1024 / 1024} MB`, undefined, { Connection: "close" });

export async function readJsonBody(request: Request, maxBytes = MAX_API_BODY_BYTES): Promise<unknown> {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
    throw new ApiError(415, "Send the body as JSON with Content-Type: application/json");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `The body is not valid JSON: ${(error as Error).message}`);
  }
}
