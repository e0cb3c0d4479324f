// Quote page: one quote's provenance, every sighting with its wording compared word by word with
// the canonical (first) wording.
import { el, replace, formatDate, param, pageUrl } from './dom.js';
import { getJson, showError } from './api.js';

const box = document.getElementById('quote');

/** Words of a sighting: from `words` [{text, op}] when given, else parsed from the "[-old-] {+new+}" diff. */
export function diffWords(sighting) {
  if (Array.isArray(sighting.words)) return sighting.words;
  if (!sighting.diff) return [{ text: sighting.text, op: 'same' }];
  const words = [];
  const re = /\[-(.*?)-\]|\{\+(.*?)\+\}|([^[{]+|[[{])/gs;
  for (const m of sighting.diff.matchAll(re)) {
    if (m[1] !== undefined) words.push({ text: m[1], op: 'removed' });
    else if (m[2] !== undefined) words.push({ text: m[2], op: 'added' });
    else words.push({ text: m[3], op: 'same' });
  }
  return words;
}

function renderWords(words) {
  const out = [];
  words.forEach((w, i) => {
    if (i > 0 && !/^\s/.test(w.text) && !/\s$/.test(words[i - 1].text)) out.push(' ');
    if (w.op === 'added') out.push(el('ins', { text: w.text, title: 'added in this sighting' }));
    else if (w.op === 'removed') out.push(el('del', { text: w.text, title: 'in the first wording, not here' }));
    else out.push(w.text);
  });
  return out;
}

function isFirst(s, first) {
  return first && s.articleId === first.articleId && s.start === first.start;
}

async function load() {
  const id = param('id');
  if (!id) { showError(box, new Error('No quote id: open a quote from a search result or an article.')); return; }
  try {
    const q = await getJson(`/api/quotes/${encodeURIComponent(id)}`);
    const sightings = q.sightings ?? [];
    const changed = sightings.filter((s) => diffWords(s).some((w) => w.op !== 'same')).length;
    replace(box,
      el('h1', { text: 'Quote provenance' }),
      el('blockquote', { class: 'canonical', text: q.canonical }),
      el('dl', { class: 'facts' },
        el('dt', { text: 'First seen' }), el('dd', {}, q.first
          ? [el('span', { class: 'outlet', text: q.first.outlet ?? 'unknown outlet' }), ', ', formatDate(q.first.published),
            q.first.speaker ? `, attributed to ${q.first.speaker}` : ''] : '—'),
        el('dt', { text: 'Outlets' }), el('dd', { text: (q.outlets ?? []).join(', ') || '—' }),
        el('dt', { text: 'Sightings' }), el('dd', { text: `${sightings.length} (${q.independentSightings ?? sightings.length} independent, ${changed} with changed wording)` })),
      el('h2', { text: 'Every sighting' }),
      el('p', { class: 'legend-inline muted' }, 'Differences from the first wording: ', el('ins', { text: 'added' }), ' ', el('del', { text: 'removed' })),
      el('ol', { class: 'sightings' }, sightings.map((s) => el('li', { class: ['sighting', isFirst(s, q.first) ? 'first' : null, s.wireCopy ? 'wire' : null] },
        el('div', { class: 'sighting-head' },
          isFirst(s, q.first) ? el('span', { class: 'badge first-badge', text: 'first sighting' }) : null,
          s.wireCopy ? el('span', { class: 'badge wire-badge', text: 'wire copy' }) : null,
          el('span', { class: 'outlet', text: s.outlet ?? 'unknown outlet' }), ' · ',
          el('time', { datetime: s.published ?? '', text: formatDate(s.published) }), ' · ',
          el('span', { text: s.speaker ? `attributed to ${s.speaker}` : 'no speaker' }), ' · ',
          el('a', { href: pageUrl('article.html', { id: s.articleId }), text: s.articleId })),
        el('blockquote', { class: 'diff' }, renderWords(diffWords(s)))))));
  } catch (error) {
    showError(box, error);
  }
}

load();
