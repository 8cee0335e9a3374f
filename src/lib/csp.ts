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

/** The tag of a page without inline scripts, as withPolicy writes it and Base.astro renders it. */
const NO_SCRIPT_TAG = `<meta http-equiv="Content-Security-Policy" content="${policyFor("")}">`;
const ANY_SCRIPT = /<script/i;

/**
 * Whether withPolicy would leave the page as it is, told without rebuilding it, for a page with no
 * <script> at all (any other page: false, and the caller asks withPolicy). Such a page's policy is
 * the no-script one, and withPolicy leaves the page alone exactly when its first policy tag is that
 * tag and follows the first <meta charset> directly. Every pattern here is ASCII, so the caller may
 * pass the page's UTF-8 bytes decoded as latin1, which costs less than decoding them as UTF-8 (the
 * build checks ~1.2 GB of pages at 10,000 reports).
 */
export function keepsPolicy(html: string): boolean {
  if (ANY_SCRIPT.test(html)) return false;
  const policy = POLICY_TAG.exec(html);
  const charset = CHARSET_TAG.exec(html);
  return !!policy && !!charset && policy[0] === NO_SCRIPT_TAG && charset.index + charset[0].length === policy.index;
}

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
