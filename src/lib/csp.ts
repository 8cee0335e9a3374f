// The Content-Security-Policy of every page, as a <meta> tag (a static host cannot be relied on
// to send headers). Scripts: only files from this site, plus inline scripts whose exact text is
// hashed here at build time. Report text is rendered as text, so even if markup from a report
// reached a page, the browser would refuse to run it.
import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    hashes.add(`'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

export function policyFor(html: string): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(" "),
    // Plot and Astro write style attributes and small <style> blocks; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ].join("; ");
}

const POLICY_TAG = /<meta http-equiv="Content-Security-Policy"[^>]*>/i;
const CHARSET_TAG = /<meta charset="[^"]*"\s*\/?>/i;

/**
 * The page with its CSP meta tag right after <meta charset>, before any script. A page whose tag
 * already is that (as Base.astro writes it: Astro escapes only & and " in an attribute, and a
 * policy has neither) comes back unchanged, so the build leaves its file alone.
 */
export function withPolicy(html: string): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  const cleaned = html.replace(POLICY_TAG, "");
  const charset = CHARSET_TAG.exec(cleaned);
  if (!charset) return cleaned.replace(/<head[^>]*>/i, (h) => h + tag);
  const at = charset.index + charset[0].length;
  return cleaned.slice(0, at) + tag + cleaned.slice(at);
}
