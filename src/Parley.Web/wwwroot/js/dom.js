// Small DOM helpers. Every piece of data goes in as a text node or an attribute value set through
// the DOM API, never through innerHTML, so article text can never become markup.

/**
 * Creates an element. `attrs` keys: `class`, `text` (textContent), `dataset` (object), `on` (event
 * map); any other key is set with setAttribute (null/undefined/false are skipped). Children may be
 * nodes, strings (become text nodes), arrays, or null.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends nodes, strings (as text), arrays of those; skips null/undefined/false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes every child and appends the given ones. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** Creates an SVG element with attributes (SVG needs its namespace). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === 'text') node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

/** "2026-03-02T09:00:00Z" → "2026-03-02"; null → "undated". */
export function formatDate(iso) {
  if (!iso) return 'undated';
  return String(iso).slice(0, 10);
}

/** Query-string parameter of the current page. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** A link to one of our pages with query parameters (empty values left out). */
export function pageUrl(page, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') query.set(k, String(v));
  const qs = query.toString();
  return qs ? `${page}?${qs}` : page;
}

/** Human label for snake_case values ("according_to" → "according to"). */
export function label(value) {
  return value === null || value === undefined ? '—' : String(value).replaceAll('_', ' ');
}

/** Percentage for a share in [0, 1]. */
export function percent(share) {
  return typeof share === 'number' && Number.isFinite(share) ? `${Math.round(share * 100)} %` : '—';
}
