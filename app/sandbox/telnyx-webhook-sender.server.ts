import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from "node:crypto";

/**
 * Signs webhook bodies the way Telnyx does: Ed25519 over `${timestamp}|${rawBody}`, sent as
 * `telnyx-signature-ed25519` (base64 signature) and `telnyx-timestamp` (unix seconds).
 */
export interface TelnyxWebhookSigner {
  /**
   * The raw 32-byte Ed25519 public key, standard padded base64 (44 chars) — the form Telnyx
   * Mission Control shows and the `telnyx` SDK's `webhooks.unwrap(body, { headers, key })`
   * decodes (it rejects PEM/DER and base64url).
   */
  publicKeyBase64: string;
  /** PKCS#8 PEM of the private key, so a restarted double can keep the same public key. */
  privateKeyPem: string;
  headersFor(rawBody: string, signedAt: Date): Record<string, string>;
}

export function createTelnyxWebhookSigner(privateKeyPem?: string): TelnyxWebhookSigner {
  const privateKey: KeyObject = privateKeyPem
    ? createPrivateKey(privateKeyPem)
    : generateKeyPairSync("ed25519").privateKey;
  if (privateKey.asymmetricKeyType !== "ed25519") {
    throw new Error("Telnyx double: the webhook signing key must be an Ed25519 private key");
  }
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  if (!jwk.x) throw new Error("Telnyx double: could not export the Ed25519 public key");

  return {
    publicKeyBase64: Buffer.from(jwk.x, "base64url").toString("base64"),
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    headersFor(rawBody, signedAt) {
      const timestamp = String(Math.floor(signedAt.getTime() / 1000));
      const signature = sign(null, Buffer.from(`${timestamp}|${rawBody}`), privateKey);
      return {
        "telnyx-signature-ed25519": signature.toString("base64"),
        "telnyx-timestamp": timestamp,
      };
    },
  };
}

/**
 * POSTs a JSON body with node:http rather than the global fetch, so a sandbox process whose
 * fetch was swapped (Remix's installGlobals, an MSW interceptor) still reaches the app for real.
 * Resolves with the response status; rejects when the app cannot be reached or does not answer.
 */
export function postJson(
  target: string,
  rawBody: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(target);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(
      url,
      {
        method: "POST",
        // No keep-alive: an idle pooled socket would outlive the double and hold the process open.
        agent: false,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(rawBody)),
          ...headers,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on("error", reject);
    request.end(rawBody);
  });
}

/** Telnyx retries a webhook that is not answered 2xx in time: up to this many attempts per URL. */
const TELNYX_ATTEMPTS_PER_URL = 3;

/**
 * Delivers one event to one URL as Telnyx does: signed afresh for each attempt, retried after
 * a timeout, a refused connection or a non-2xx answer. Resolves with the last answer's status;
 * rejects with the last error when no attempt got an answer.
 */
export async function deliverWithRetries(target: string, rawBody: string, sign: () => Record<string, string>, timeoutMs: number): Promise<number> {
  let answered: number | null = null;
  let failure: unknown;
  for (let attempt = 0; attempt < TELNYX_ATTEMPTS_PER_URL; attempt++) {
    try {
      answered = await postJson(target, rawBody, sign(), timeoutMs);
      if (answered >= 200 && answered < 300) return answered;
    } catch (error) {
      failure = error;
    }
  }
  if (answered === null) throw failure;
  return answered;
}
