// The annotated-text view shared by the article and analyze pages.
//
// Layers (statement parts, entity mentions, claims, hedges, loaded words) are spans with half-open
// UTF-16 offsets into the text, and they overlap freely (a mention inside a source inside an
// unattributed sentence). Rather than nesting elements, we cut the text at every span boundary into
// flat segments; each segment carries the classes of every span covering it. JS string indices are
// UTF-16 code units, so offsets slice the text directly.
import { el, replace, label, percent } from './dom.js';

/** The kinds of span we draw, with their CSS class and legend text, in legend order. */
export const LAYERS = [
  { kind: 'source', cls: 'hl-source', legend: 'source (who)' },
  { kind: 'cue', cls: 'hl-cue', legend: 'cue (said, according to, :)' },
  { kind: 'content', cls: 'hl-content', legend: 'content (what was said)' },
  { kind: 'channel', cls: 'hl-channel', legend: 'channel (told reporters, in a statement)' },
  { kind: 'mention', cls: 'hl-mention', legend: 'entity mention' },
  { kind: 'unattributed', cls: 'claim-unattributed', legend: 'unattributed assertion' },
  { kind: 'hedged', cls: 'claim-hedged', legend: 'hedged assertion' },
  { kind: 'hedge', cls: 'hl-hedge', legend: 'hedge word' },
  { kind: 'loaded', cls: 'hl-loaded', legend: 'loaded wording' },
];
const CLASS = Object.fromEntries(LAYERS.map((l) => [l.kind, l.cls]));

/** Collects every drawable span of an analyze document: {start, end, kind, statement?, mention?, claim?}. */
export function collectSpans(doc, length) {
  const spans = [];
  const add = (span, kind, extra = {}) => {
    if (!span || typeof span.start !== 'number' || typeof span.end !== 'number') return;
    const start = Math.max(0, Math.min(length, span.start));
    const end = Math.max(start, Math.min(length, span.end));
    if (end > start) spans.push({ start, end, kind, ...extra });
  };
  for (const s of doc.statements ?? []) {
    add(s.source, 'source', { statement: s.id });
    add(s.cue, 'cue', { statement: s.id });
    for (const c of s.content ?? []) add(c, 'content', { statement: s.id });
    add(s.channel?.span, 'channel', { statement: s.id });
  }
  for (const m of doc.mentions ?? []) add(m, 'mention', { mention: m.id });
  (doc.claims ?? []).forEach((claim, index) => {
    if (claim.label === 'unattributed' || claim.label === 'hedged') add(claim, claim.label, { claim: index });
    for (const h of claim.hedges ?? []) add(h, 'hedge', { claim: index });
    for (const w of claim.loaded ?? []) add(w, 'loaded', { claim: index });
  });
  return spans;
}

/**
 * Cuts [0, length) at every span boundary. Returns [{start, end, spans: [...]}] covering the whole
 * text in order; `spans` lists the spans covering that segment (possibly none).
 */
export function buildSegments(length, spans) {
  const cuts = new Set([0, length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...spans].sort((a, b) => a.start - b.start);
  const segments = [];
  let active = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    active = active.filter((s) => s.end > start);
    while (next < byStart.length && byStart[next].start <= start) {
      if (byStart[next].end > start) active.push(byStart[next]);
      next++;
    }
    segments.push({ start, end, spans: [...active] });
  }
  return segments;
}

/**
 * Renders the annotated text with a legend, a details panel and a statement list.
 * `rows` (optional): StatementRows from the store, matched to the document's statements by localId,
 * to link each statement to its actor and quote pages.
 * Returns the elements for the page to place ({ text, legend, panel, statements }) and two actions:
 * select(statementId) and unpin().
 */
export function renderAnnotated(text, doc, rows = []) {
  const length = text.length;
  const spans = collectSpans(doc, length);
  const segments = buildSegments(length, spans);
  const statements = new Map((doc.statements ?? []).map((s) => [s.id, s]));
  const mentions = new Map((doc.mentions ?? []).map((m) => [m.id, m]));
  const entities = new Map((doc.entities ?? []).map((e) => [e.id, e]));
  const rowsByLocal = new Map(rows.map((r) => [r.localId, r]));
  const partsOf = new Map(); // statement id → its segment elements, for hover highlighting

  const panel = el('aside', { class: 'details', 'aria-live': 'polite' },
    el('p', { class: 'muted', text: 'Point at or select a highlighted passage to see who said it.' }));
  const textBox = el('div', { class: 'annotated', lang: doc.document?.language ?? 'en' });

  for (const seg of segments) {
    const piece = text.slice(seg.start, seg.end);
    if (seg.spans.length === 0) { textBox.append(document.createTextNode(piece)); continue; }
    const classes = new Set();
    const data = {};
    for (const s of seg.spans) {
      classes.add(CLASS[s.kind]);
      if (s.kind === 'mention' && !mentions.get(s.mention)?.entity) classes.add('hl-mention-unresolved');
      if (s.statement && !data.statement) data.statement = s.statement;
      if (s.mention && !data.mention) data.mention = s.mention;
      if (s.claim !== undefined && data.claim === undefined) data.claim = String(s.claim);
    }
    const node = el('span', { class: [...classes], dataset: data, text: piece });
    if (data.statement) {
      const list = partsOf.get(data.statement) ?? [];
      if (list.length === 0) { node.tabIndex = 0; node.setAttribute('role', 'button'); }
      list.push(node);
      partsOf.set(data.statement, list);
      node.title = `${statements.get(data.statement)?.speaker?.name ?? 'unknown speaker'} (${data.statement})`;
    }
    textBox.append(node);
  }

  // Interaction: hover previews, click/Enter pins the details panel.
  let pinned = null;
  const mark = (id, on) => { for (const n of partsOf.get(id) ?? []) n.classList.toggle('is-active', on); };
  const show = (target) => {
    const { statement, mention, claim } = target.dataset;
    replace(panel, detailsFor({ statement: statements.get(statement), mention: mentions.get(mention),
      claim: claim !== undefined ? doc.claims?.[Number(claim)] : null, entities, row: rowsByLocal.get(statement) }));
  };
  textBox.addEventListener('mouseover', (e) => {
    const target = e.target.closest('span[data-statement], span[data-mention], span[data-claim]');
    if (!target || pinned) return;
    if (target.dataset.statement) mark(target.dataset.statement, true);
    show(target);
  });
  textBox.addEventListener('mouseout', (e) => {
    const target = e.target.closest('span[data-statement]');
    if (target && !pinned) mark(target.dataset.statement, false);
  });
  // On narrow screens the panel is below the text; while a passage is selected it opens as a bottom
  // sheet (CSS: .sticky.open), closed again by unpin().
  const pin = (target) => {
    if (pinned) mark(pinned, false);
    pinned = target.dataset.statement ?? null;
    if (pinned) mark(pinned, true);
    show(target);
    panel.parentElement?.classList.add('open');
    // When the sheet covers the lower screen, bring the selected passage to the top.
    if (matchMedia('(max-width: 860px)').matches) target.scrollIntoView({ block: 'start' });
  };
  const unpin = () => {
    if (pinned) mark(pinned, false);
    pinned = null;
    panel.parentElement?.classList.remove('open');
  };
  textBox.addEventListener('click', (e) => {
    const target = e.target.closest('span[data-statement], span[data-mention], span[data-claim]');
    if (target) pin(target);
    else unpin(); // a click on plain text lets go
  });
  textBox.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.dataset?.statement) { e.preventDefault(); pin(e.target); }
  });

  /** Selects a statement by id: outlines its parts, shows its details, scrolls to it. False if unknown. */
  const select = (id) => {
    const first = partsOf.get(id)?.[0];
    if (!first) return false;
    pin(first);
    first.scrollIntoView({ block: 'center' });
    return true;
  };
  const list = statementList(doc.statements ?? [], rowsByLocal, select);
  return { text: textBox, legend: legend(spans, textBox), panel, statements: list, unpin, select };
}

/**
 * Legend: one swatch per layer, with how many spans of it this document has. Given the text box, each
 * entry is a toggle that hides or shows its layer (CSS: .annotated.off-KIND).
 */
export function legend(spans = null, textBox = null) {
  const counts = {};
  for (const s of spans ?? []) counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  return el('ul', { class: 'legend', 'aria-label': 'Legend' },
    LAYERS.map((l) => {
      const content = [el('span', { class: ['swatch', l.cls], text: 'Abc' }), ' ', l.legend,
        spans ? el('span', { class: 'count', text: ` ${counts[l.kind] ?? 0}` }) : null];
      if (!textBox) return el('li', {}, content);
      const toggle = el('button', { type: 'button', class: 'layer-toggle', 'aria-pressed': 'true', dataset: { layer: l.kind },
        title: `Show or hide: ${l.legend}`, on: { click: () => {
          const off = textBox.classList.toggle(`off-${l.kind}`);
          toggle.setAttribute('aria-pressed', String(!off));
        } } }, content);
      return el('li', {}, toggle);
    }));
}

function field(name, ...value) {
  const shown = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  return [el('dt', { text: name }), el('dd', {}, shown.length ? shown : el('span', { class: 'muted', text: '—' }))];
}

function entityText(entities, id) {
  const e = id ? entities.get(id) : null;
  if (!e) return id ?? null;
  const extra = [e.type?.toLowerCase(), e.named === false ? 'unnamed' : null, e.outlet ? 'outlet' : null].filter(Boolean);
  return `${e.name} (${extra.join(', ')})${e.aliases?.length ? ` · also ${e.aliases.join(', ')}` : ''}`;
}

/** The details panel for whatever is under the pointer. */
function detailsFor({ statement, mention, claim, entities, row }) {
  const parts = [];
  if (statement) {
    const sp = statement.speaker ?? {};
    const ch = statement.channel;
    parts.push(el('section', { class: 'detail-statement' },
      el('h3', {}, 'Statement ', el('code', { text: statement.id }), ' ',
        el('span', { class: 'badge', text: label(statement.kind) })),
      el('dl', {},
        field('Speaker', sp.name ? (row?.actorId != null
          ? el('a', { href: `actor.html?id=${encodeURIComponent(row.actorId)}`, text: sp.name }) : sp.name) : null),
        field('Type', sp.type ? el('span', { class: ['badge', `type-${sp.type}`], text: sp.type }) : null),
        field('Role', sp.role),
        field('Affiliation', sp.affiliation),
        field('Entity', entityText(entities, sp.entity)),
        field('Source as written', statement.source?.text),
        field('Cue', statement.cue?.text),
        field('Channel', ch ? `${ch.name ?? '—'} (${label(ch.kind)})` : null),
        field('Confidence', typeof statement.confidence === 'number' ? statement.confidence.toFixed(2) : null),
        row?.quoteId != null ? field('Provenance', el('a', { href: `quote.html?id=${encodeURIComponent(row.quoteId)}`, text: 'follow this quote across outlets' })) : null),
      el('blockquote', { text: (statement.content ?? []).map((c) => c.text).join(' … ') })));
  }
  if (mention) {
    parts.push(el('section', { class: 'detail-mention' },
      el('h3', {}, 'Mention ', el('q', { text: mention.text })),
      el('dl', {},
        field('Kind', mention.kind),
        field('Type', mention.type?.toLowerCase()),
        field('Entity', mention.entity ? entityText(entities, mention.entity) : 'not resolved'),
        field('Role', mention.role?.text ?? entities.get(mention.entity)?.roles?.join('; ')),
        field('Affiliation', entities.get(mention.entity)?.affiliation))));
  }
  if (claim && !statement) {
    parts.push(el('section', { class: 'detail-claim' },
      el('h3', {}, 'Sentence ', el('span', { class: ['badge', `claim-${claim.label}`], text: claim.label })),
      el('p', { text: claim.label === 'hedged' ? 'An assertion in the article’s own voice, with a hedge.'
        : claim.label === 'unattributed' ? 'An assertion in the article’s own voice: no source is given.' : '' }),
      (claim.hedges?.length || claim.loaded?.length) ? el('dl', {},
        claim.hedges?.length ? field('Hedges', claim.hedges.map((h) => `“${h.text}” (${h.category})`).join(', ')) : null,
        claim.loaded?.length ? field('Loaded', claim.loaded.map((h) => `“${h.text}” (${h.category})`).join(', ')) : null) : null));
  }
  return parts.length ? parts : el('p', { class: 'muted', text: 'Nothing annotated here.' });
}

/** The list of statements beside the text; clicking one jumps to it. */
function statementList(statements, rowsByLocal, onPick) {
  if (statements.length === 0) return el('p', { class: 'muted', text: 'No attributed statements found.' });
  return el('ol', { class: 'statement-list' }, statements.map((s) => {
    const row = rowsByLocal.get(s.id);
    return el('li', { dataset: { statement: s.id } },
      el('button', { type: 'button', class: 'linklike', on: { click: () => onPick(s.id) } },
        el('strong', { text: s.speaker?.name ?? s.source?.text ?? 'unknown speaker' })),
      ' ', el('span', { class: ['badge', `type-${s.speaker?.type ?? 'unknown'}`], text: s.speaker?.type ?? 'unknown' }),
      ' ', el('span', { class: 'badge', text: label(s.kind) }),
      s.cue ? el('span', { class: 'muted', text: ` ${s.cue.text}` }) : null,
      el('div', { class: 'snippet', text: (s.content ?? []).map((c) => c.text).join(' … ') }),
      el('div', { class: 'small' },
        row?.actorId != null ? el('a', { href: `actor.html?id=${encodeURIComponent(row.actorId)}`, text: 'speaker profile →' }) : null,
        row?.actorId != null && row?.quoteId != null ? ' · ' : null,
        row?.quoteId != null ? el('a', { href: `quote.html?id=${encodeURIComponent(row.quoteId)}`, text: 'quote provenance →' }) : null));
  }));
}

/** The sourcing profile: counts by speaker type, named/anonymous/vague, kind, sentence labels. */
export function renderProfile(profile) {
  if (!profile) return el('p', { class: 'muted', text: 'No profile.' });
  // `keep`: keys shown even at zero; null keeps every key.
  const bars = (title, counts, total, prefix, keep = null) => {
    const entries = Object.entries(counts ?? {}).filter(([key, n]) => !keep || n > 0 || keep.includes(key));
    return el('section', { class: 'profile-group' }, el('h4', { text: title }),
      el('table', { class: 'bars' }, el('tbody', {}, entries.map(([key, n]) => {
        const bar = el('span', { class: ['meter', `${prefix}-${key}`] });
        bar.style.width = `${total ? Math.round((n / total) * 100) : 0}%`; // CSSOM, allowed under CSP
        return el('tr', {}, el('th', { scope: 'row', text: label(key) }), el('td', { class: 'num', text: n }),
          el('td', { class: 'bar-cell' }, bar));
      }))));
  };
  const assertions = (profile.byLabel?.attributed ?? 0) + (profile.byLabel?.unattributed ?? 0) + (profile.byLabel?.hedged ?? 0);
  return el('div', { class: 'profile' },
    el('dl', { class: 'profile-summary' },
      field('Statements', String(profile.statements ?? 0)),
      field('Named', String(profile.named ?? 0)),
      field('Anonymous', String(profile.anonymous ?? 0)),
      field('Vague', String(profile.vague ?? 0)),
      field('Unresolved', String(profile.unknown ?? 0)),
      field('Named share', percent(profile.namedShare)),
      field('Unattributed share', `${percent(profile.unattributedShare)} of ${assertions} assertions`),
      field('Loaded terms', String(profile.loadedTerms ?? 0))),
    bars('By speaker type', profile.bySpeakerType, profile.statements, 'type'),
    bars('By kind', profile.byKind, profile.statements, 'kind', ['direct', 'indirect']),
    bars('Sentences', profile.byLabel, profile.sentences, 'label'));
}

/** Places an annotated document into a page: legend, text and statements in `main`; profile and details in `side`. */
export function mountDocument(mainBox, sideBox, text, doc, rows = []) {
  const view = renderAnnotated(text, doc, rows);
  replace(mainBox, view.legend, view.text, el('h2', { text: 'Statements' }), view.statements);
  replace(sideBox,
    el('h2', { text: 'Sourcing profile' }), renderProfile(doc.profile),
    el('div', { class: 'sticky' },
      el('h2', {}, 'Details', el('button', { type: 'button', class: 'sheet-close', 'aria-label': 'Close details',
        text: '×', on: { click: view.unpin } })),
      view.panel));
  return view;
}

/**
 * The analysed text when the response does not carry it (analysis of HTML, whose text is extracted on the
 * server). Every span carries its own text, so painting sentences, headlines, quotes and mentions at their
 * offsets restores all but the white space between them: a newline between paragraphs, a space inside one.
 */
export function reconstructText(doc) {
  const length = doc.document?.length ?? 0;
  const chars = new Array(length).fill(' ');
  for (const p of doc.paragraphs ?? []) {
    // Gaps between paragraphs: newlines (a blank line, as in the plain-text input convention).
    if (p.end < length) chars[p.end] = '\n';
    if (p.end + 1 < length) chars[p.end + 1] = '\n';
  }
  const paint = (span) => {
    if (!span || typeof span.text !== 'string' || span.end - span.start !== span.text.length) return;
    for (let i = 0; i < span.text.length; i++) chars[span.start + i] = span.text[i];
  };
  for (const layer of [doc.headlines, doc.sentences, doc.quotes, doc.mentions, doc.claims]) (layer ?? []).forEach(paint);
  for (const s of doc.statements ?? []) { paint(s.source); paint(s.cue); (s.content ?? []).forEach(paint); }
  return chars.join('');
}
