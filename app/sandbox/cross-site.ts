// The sandbox hands every request an admin session, so a page on another site (or another port
// of this machine) must not be able to drive it through the visitor's browser: a request that
// changes something is refused when the browser says it comes from elsewhere. Tools such as curl
// send no Origin and are let through; they can only reach loopback anyway.
import type { RequestHandler } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSiteWrite(request: { method: string; headers: Record<string, string | string[] | undefined> }): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  const fetchSite = request.headers["sec-fetch-site"];
  if (typeof fetchSite === "string" && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.origin;
  if (typeof origin !== "string") return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true; // "null" and anything else that is no origin
  }
}

export const refuseCrossSiteWrites: RequestHandler = (req, res, next) => {
  if (!isCrossSiteWrite(req)) return next();
  res.status(403).type("text/plain").send("Refused: the sandbox takes changes only from its own pages and from tools on this machine");
};
