// Search page: the form and facets write the query string; the query string drives the request,
// so the back button and shared links restore a search.
import { el, replace, formatDate, label, pageUrl } from './dom.js';
import { getJson, showError, showLoading } from './api.js';

const FIELDS = ['q', 'speaker', 'outlet', 'kind', 'sourceType', 'from', 'to'];
const PAGE_SIZE = 20;
const form = document.getElementById('search');
const results = document.getElementById('results');
const facets = document.getElementById('facets');

/** Reads the state from the URL. */
function readState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const f of FIELDS) state[f] = params.get(f) ?? '';
  state.page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  // pageSize is kept in the URL only when given there (links can ask for smaller pages).
  const size = Number.parseInt(params.get('pageSize') ?? '', 10);
  state.pageSize = size > 0 ? size : '';
  return state;
}

/** Puts the state into the form fields. */
function fillForm(state) {
  for (const f of FIELDS) form.elements[f].value = state[f];
}

/** Navigates to a new state (a new history entry) and loads it. */
function go(state) {
  const url = pageUrl('index.html', { ...state, page: state.page > 1 ? state.page : '' });
  history.pushState(null, '', url);
  load();
}

function formState() {
  const state = { pageSize: readState().pageSize };
  for (const f of FIELDS) state[f] = form.elements[f].value.trim();
  state.page = 1;
  return state;
}

let generation = 0; // ignore responses that arrive after a newer request was made

async function load() {
  const state = readState();
  fillForm(state);
  const mine = ++generation;
  showLoading(results, 'Searching…');
  const api = pageUrl('/api/statements', { ...state, pageSize: state.pageSize || PAGE_SIZE });
  try {
    const data = await getJson(api);
    if (mine !== generation) return;
    renderResults(data, state);
    renderFacets(data.facets ?? {}, state);
  } catch (error) {
    if (mine !== generation) return;
    showError(results, error);
    replace(facets);
  }
}

function renderResults(data, state) {
  const items = data.items ?? [];
  const total = data.total ?? items.length;
  const page = data.page ?? state.page;
  const pageSize = data.pageSize ?? (state.pageSize || PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const summary = el('p', { class: 'result-count' },
    total === 0 ? 'No statements match.' : `${first}–${first + items.length - 1} of ${total} statement${total === 1 ? '' : 's'}`);
  const list = el('ol', { class: 'results', start: first || 1 }, items.map((row) => resultItem(row, state.q)));
  replace(results, summary, list, pages > 1 ? pager(page, pages, state) : null);
}

function resultItem(row, query) {
  const speaker = row.speaker ?? 'unknown speaker';
  return el('li', { class: 'result' },
    el('div', { class: 'result-head' },
      row.actorId != null
        ? el('a', { class: 'speaker', href: pageUrl('actor.html', { id: row.actorId }), text: speaker })
        : el('span', { class: 'speaker', text: speaker }),
      row.role ? el('span', { class: 'muted', text: `, ${row.role}` }) : null,
      ' ', el('span', { class: ['badge', `type-${row.speakerType ?? 'unknown'}`], text: row.speakerType ?? 'unknown' }),
      ' ', el('span', { class: 'badge', text: label(row.kind) }),
      row.cue ? el('span', { class: 'muted', text: ` · ${row.cue}` }) : null,
      row.channel ? el('span', { class: 'muted', text: ` · via ${row.channel}${row.channelKind ? ` (${label(row.channelKind)})` : ''}` }) : null),
    el('blockquote', { class: 'snippet' }, snippet(row, query)),
    el('div', { class: 'result-meta' },
      el('span', { class: 'outlet', text: row.outlet ?? 'unknown outlet' }), ' · ',
      el('time', { datetime: row.published ?? '', text: formatDate(row.published) }), ' · ',
      el('a', { href: `${pageUrl('article.html', { id: row.articleId })}#${encodeURIComponent(row.localId ?? '')}`, text: row.title || row.articleId }),
      row.quoteId != null ? [' · ', el('a', { href: pageUrl('quote.html', { id: row.quoteId }), text: 'quote provenance' })] : null));
}

/**
 * The content with the query's words marked. A server snippet marks matches with [brackets]; without
 * one, the query words are found in the content here. Either way the marks are built as DOM nodes.
 */
function snippet(row, query) {
  if (row.snippet) return marked(row.snippet, /\[([^\]]*)\]/g, 1);
  // Query words are letters and digits only, so they need no escaping in the pattern.
  const words = (query ?? '').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  if (words.length === 0) return row.content ?? '';
  return marked(row.content ?? '', new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})[\\p{L}\\p{N}]*`, 'giu'), 0);
}

/** Splits text at the matches of the global pattern `re`, marking capture `group` of each. */
function marked(text, re, group) {
  const parts = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index), el('mark', { text: m[group] }));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function pager(page, pages, state) {
  const link = (p, text, rel) => el('a', { href: pageUrl('index.html', { ...state, page: p }), rel, text,
    on: { click: (e) => { e.preventDefault(); go({ ...state, page: p }); window.scrollTo(0, 0); } } });
  return el('nav', { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? link(page - 1, '← Previous', 'prev') : el('span', { class: 'muted', text: '← Previous' }),
    el('span', { class: 'page-of', text: `Page ${page} of ${pages}` }),
    page < pages ? link(page + 1, 'Next →', 'next') : el('span', { class: 'muted', text: 'Next →' }));
}

const FACETS = [['speaker', 'Speaker'], ['outlet', 'Outlet'], ['kind', 'Kind'], ['sourceType', 'Speaker type']];

function renderFacets(data, state) {
  const groups = FACETS.map(([key, title]) => {
    const values = data[key] ?? [];
    if (values.length === 0) return null;
    return el('section', { class: 'facet' }, el('h2', { text: title }),
      el('ul', {}, values.map((v) => {
        const selected = state[key] !== '' && state[key].toLowerCase() === String(v.value).toLowerCase();
        const next = { ...state, [key]: selected ? '' : v.value, page: 1 };
        return el('li', {}, el('a', { href: pageUrl('index.html', next), class: selected ? 'selected' : null,
          'aria-current': selected ? 'true' : null,
          on: { click: (e) => { e.preventDefault(); go(next); } } },
          el('span', { text: key === 'kind' ? label(v.value) : v.value ?? '(none)' }),
          el('span', { class: 'count', text: v.count })));
      })));
  });
  replace(facets, groups.some(Boolean) ? groups : el('p', { class: 'muted', text: 'No facets.' }));
}

form.addEventListener('submit', (e) => { e.preventDefault(); go(formState()); });
for (const name of ['kind', 'sourceType']) form.elements[name].addEventListener('change', () => go(formState()));
document.getElementById('clear').addEventListener('click', () => { form.reset(); go(formState()); });
window.addEventListener('popstate', load);
load();
