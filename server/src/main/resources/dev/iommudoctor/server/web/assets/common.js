// Shared helpers of the iommu-doctor pages. Uploaded text is only ever put into the page with
// textContent (through el()), never parsed as markup.

/** Builds an element: el('a', {href: '/x', class: 'y'}, 'text', otherNode). Strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Error of an API call, with the server's message (e.g. "malformed query: ..."). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Calls the JSON API; resolves to the parsed body, rejects with ApiError carrying the server's message. */
export async function api(path, options = {}) {
  const init = { credentials: 'same-origin', headers: { Accept: 'application/json' }, ...options };
  if (options.json !== undefined) {
    init.method = init.method || 'POST';
    init.headers = { ...init.headers, 'Content-Type': 'application/json' };
    init.body = JSON.stringify(options.json);
    delete init.json;
  }
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.message) || `${response.status} ${response.statusText}`);
  }
  return body;
}

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&#x2F;': '/' };

/** Turns the escaped text of a highlight back into plain text: it then goes into textContent. */
export function unescapeHtml(s) {
  return s.replace(/&(?:lt|gt|amp|quot|#39|#x27|#x2F);|&#(\d+);|&#x([0-9a-fA-F]+);/g, (m, dec, hex) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ENTITIES[m];
  });
}

/**
 * A highlight from the search API ("...; <mark>bad RMRR</mark> [0x...]", HTML-escaped) as DOM nodes:
 * the only markup kept is <mark>; everything else becomes text.
 */
export function highlightNodes(escaped) {
  const nodes = [];
  const parts = escaped.split(/(<mark>|<\/mark>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<mark>') { inMark = true; continue; }
    if (part === '</mark>') { inMark = false; continue; }
    if (!part) continue;
    const text = unescapeHtml(part);
    nodes.push(inMark ? el('mark', {}, text) : document.createTextNode(text));
  }
  return nodes;
}

/** 2026-11-25T14:02:41.856Z -> "2026-11-25 14:02 UTC". */
export function formatTime(iso) {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

export function show(node, message) {
  node.textContent = message;
  node.hidden = !message;
}
