// Where the Telnyx client sends requests and which public key verifies Telnyx's webhooks.
// TELNYX_BASE_URL / TELNYX_PUBLIC_KEY win everywhere, the sandbox included, so the app can be
// pointed at any Telnyx-compatible server; otherwise the sandbox registers its double here.
interface TelnyxEndpoint {
  baseURL?: string;
  publicKey?: string;
}

let sandboxEndpoint: TelnyxEndpoint = {};

export function useSandboxTelnyx(endpoint: Required<TelnyxEndpoint>) {
  sandboxEndpoint = endpoint;
}

export function telnyxEndpoint(env: { TELNYX_BASE_URL?: string; TELNYX_PUBLIC_KEY?: string }): TelnyxEndpoint {
  return {
    baseURL: env.TELNYX_BASE_URL ?? sandboxEndpoint.baseURL,
    publicKey: env.TELNYX_PUBLIC_KEY ?? sandboxEndpoint.publicKey,
  };
}
