// Actor page: with ?id= one actor's profile (aliases, roles, timeline, channels, co-mentions, top
// statements); with ?q= (or nothing) a list of actors to pick from.
import { el, replace, formatDate, label, param, pageUrl } from './dom.js';
import { getJson, showError, showLoading } from './api.js';
import { timelineChart } from './chart.js';

const box = document.getElementById('actor');
const form = document.getElementById('actor-search');

form.addEventListener('submit', (e) => {
  e.preventDefault();
  location.href = pageUrl('actor.html', { q: form.elements.q.value.trim() });
});

async function loadActor(id) {
  showLoading(box);
  try {
    const data = await getJson(`/api/actors/${encodeURIComponent(id)}`);
    // The profile may come bare or wrapped ({ profile | actor, topStatements }).
    const p = data.profile ?? data.actor ?? data;
    const top = data.topStatements ?? p.topStatements ?? data.statements ?? [];
    document.title = `${p.name} · Parley`;
    replace(box,
      el('h1', {}, p.name, ' ', el('span', { class: ['badge', `type-${p.type}`], text: p.type })),
      el('p', { class: 'muted' }, `${p.statements ?? 0} statements in ${p.articles ?? 0} articles`,
        p.surnameOnly ? ' · surname only, not tied to a full name' : '', ' · ',
        el('a', { class: 'all-statements', href: pageUrl('index.html', { speaker: p.name }), text: 'search all their statements' })),
      p.otherMatches?.length ? el('p', { class: 'note', text: `The name could also mean: ${p.otherMatches.join(', ')}` }) : null,
      el('section', { class: 'card' }, el('h2', { text: 'Timeline' }), timelineChart(p.perMonth)),
      el('div', { class: 'grid-2' },
        el('section', { class: 'card' }, el('h2', { text: 'Names used' }),
          table(['Name', 'Mentions'], (p.aliases ?? []).map((a) => [a.alias, a.mentions]))),
        el('section', { class: 'card' }, el('h2', { text: 'Roles' }),
          table(['Role', 'First seen', 'Last seen', 'Mentions'], (p.roles ?? []).map((r) => [r.role, formatDate(r.firstSeen), formatDate(r.lastSeen), r.mentions]))),
        el('section', { class: 'card' }, el('h2', { text: 'Channels' }),
          table(['Channel', 'Kind', 'Statements'], (p.channels ?? []).map((c) => [c.channel, label(c.kind), c.statements]))),
        el('section', { class: 'card' }, el('h2', { text: 'Mentioned with' }),
          table(['Actor', 'Type', 'Shared articles'], (p.coMentioned ?? []).map((c) => [
            el('a', { href: pageUrl('actor.html', { id: c.actorId }), text: c.name }), c.type, c.articles])))),
      el('section', { class: 'card' }, el('h2', { text: 'Top statements' }), statements(top)));
  } catch (error) {
    showError(box, error);
  }
}

function table(headers, rows) {
  if (rows.length === 0) return el('p', { class: 'muted', text: 'None recorded.' });
  return el('table', { class: 'data' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => el('td', { class: typeof c === 'number' && i > 0 ? 'num' : null }, c))))));
}

function statements(rows) {
  if (rows.length === 0) return el('p', { class: 'muted', text: 'No statements.' });
  return el('ol', { class: 'results' }, rows.map((row) => el('li', { class: 'result' },
    el('blockquote', { class: 'snippet', text: row.content }),
    el('div', { class: 'result-meta' },
      el('span', { class: 'badge', text: label(row.kind) }), ' ',
      el('span', { class: 'outlet', text: row.outlet ?? 'unknown outlet' }), ' · ',
      el('time', { datetime: row.published ?? '', text: formatDate(row.published) }), ' · ',
      el('a', { href: `${pageUrl('article.html', { id: row.articleId })}#${encodeURIComponent(row.localId ?? '')}`, text: row.title || row.articleId }),
      row.quoteId != null ? [' · ', el('a', { href: pageUrl('quote.html', { id: row.quoteId }), text: 'quote provenance' })] : null))));
}

async function searchActors(q) {
  form.elements.q.value = q;
  showLoading(box, 'Finding actors…');
  try {
    const data = await getJson(pageUrl('/api/actors', { q, pageSize: 50 }));
    const items = data.items ?? [];
    replace(box,
      el('h1', { text: q ? `Actors matching “${q}”` : 'Actors' }),
      items.length === 0 ? el('p', { class: 'muted', text: 'No actors found.' })
        : table(['Actor', 'Type', 'Statements', 'Articles'], items.map((a) => [
          el('a', { href: pageUrl('actor.html', { id: a.id }), text: a.name }),
          el('span', { class: ['badge', `type-${a.type}`], text: a.type }), a.statements, a.articles])),
      data.total > items.length ? el('p', { class: 'muted', text: `Showing ${items.length} of ${data.total}; refine the name.` }) : null);
  } catch (error) {
    showError(box, error);
  }
}

const id = param('id');
if (id) loadActor(id); else searchActors(param('q') ?? '');
