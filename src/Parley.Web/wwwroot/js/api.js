// Fetch wrappers for the Parley REST API. Errors come back as RFC 7807 problem details
// ({title, status, detail}); they are thrown as ApiError and shown by showError.
import { el, replace } from './dom.js';

/** An API failure with the problem details the server sent (or what we could make of it). */
export class ApiError extends Error {
  constructor(status, title, detail, errors = {}) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors; // validation problems: { argument: [messages] }
  }
}

async function handle(response) {
  const type = response.headers.get('content-type') ?? '';
  const isJson = type.includes('json');
  if (response.ok) {
    if (!isJson) throw new ApiError(response.status, 'Unexpected response', `expected JSON, got ${type || 'nothing'}`);
    return response.json();
  }
  let title = response.statusText || 'Request failed';
  let detail = null;
  let errors = {};
  if (isJson) {
    try {
      const problem = await response.json();
      title = problem.title ?? title;
      detail = problem.detail ?? null;
      if (problem.errors && typeof problem.errors === 'object') errors = problem.errors;
    } catch { /* not JSON after all: keep the status text */ }
  }
  throw new ApiError(response.status, title, detail, errors);
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, ...init });
  } catch (error) {
    throw new ApiError(0, 'The server could not be reached', error.message);
  }
  return handle(response);
}

/** GET a JSON resource. */
export function getJson(url) {
  return send(url);
}

/** POST a JSON body, get JSON back. */
export function postJson(url, body) {
  return send(url, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Replaces a container's content with a readable error box. */
export function showError(container, error) {
  const status = error instanceof ApiError && error.status ? ` (${error.status})` : '';
  const title = error instanceof ApiError ? error.title : 'Something went wrong';
  const detail = error instanceof ApiError ? error.detail : error?.message;
  const fields = error instanceof ApiError ? Object.entries(error.errors ?? {}) : [];
  replace(container, el('div', { class: 'error', role: 'alert' },
    el('strong', { text: `${title}${status}` }),
    detail ? el('p', { text: detail }) : null,
    fields.length ? el('ul', {}, fields.map(([name, messages]) =>
      el('li', {}, el('code', { text: name }), ': ', [messages].flat().join(' ')))) : null));
}

/** Replaces a container's content with a loading note. */
export function showLoading(container, what = 'Loading…') {
  replace(container, el('p', { class: 'muted loading', text: what }));
}
