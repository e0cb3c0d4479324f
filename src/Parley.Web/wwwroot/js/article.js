// Article page: the stored text with every layer of its analysis, and its sourcing profile.
import { el, replace, formatDate, param, pageUrl } from './dom.js';
import { getJson, showError } from './api.js';
import { mountDocument } from './annotate.js';

const head = document.getElementById('article-head');
const main = document.getElementById('doc-main');
const side = document.getElementById('doc-side');

async function load() {
  const id = param('id');
  if (!id) { showError(head, new Error('No article id: open an article from the search results.')); return; }
  try {
    const data = await getJson(`/api/articles/${encodeURIComponent(id)}`);
    const article = data.article ?? {};
    const doc = data.document ?? {};
    const text = article.text ?? doc.text ?? '';
    document.title = `${article.title ?? id} · Parley`;
    replace(head,
      el('h1', { text: article.title ?? id }),
      el('p', { class: 'article-meta' },
        el('span', { class: 'outlet', text: article.outlet ?? 'unknown outlet' }), ' · ',
        el('time', { datetime: article.published ?? '', text: formatDate(article.published) }),
        article.byline ? [' · ', el('span', { text: article.byline })] : null,
        article.version > 1 ? [' · ', el('span', { text: `version ${article.version}` })] : null,
        article.url && /^https?:\/\//i.test(article.url) ? [' · ', el('a', { href: article.url, rel: 'noopener noreferrer', text: 'original' })] : null),
      article.nearDuplicateOf ? el('p', { class: 'note' }, 'Wire copy of ',
        el('a', { href: pageUrl('article.html', { id: article.nearDuplicateOf }), text: article.nearDuplicateOf })) : null,
      article.nearDuplicates?.length ? el('p', { class: 'note' }, 'Republished as: ',
        article.nearDuplicates.map((d, i) => [i ? ', ' : '', el('a', { href: pageUrl('article.html', { id: d }), text: d })])) : null);
    const view = mountDocument(main, side, text, doc, data.statements ?? article.statements ?? []);
    // article.html?id=…#s3 (from a search result) opens with statement s3 selected.
    if (location.hash.length > 1) view.select(decodeURIComponent(location.hash.slice(1)));
  } catch (error) {
    showError(head, error);
  }
}

load();
