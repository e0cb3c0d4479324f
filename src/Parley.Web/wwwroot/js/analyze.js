// Analyze page: paste text or HTML, POST it to /api/analyze, render with the article highlighter.
import { el, replace } from './dom.js';
import { postJson, showError } from './api.js';
import { mountDocument, reconstructText } from './annotate.js';

const form = document.getElementById('analyze');
const input = document.getElementById('input');
const status = document.getElementById('analyze-status');
const box = document.getElementById('analysis');
const main = document.getElementById('doc-main');
const side = document.getElementById('doc-side');

const EXAMPLE = `Harbour Talks Stall

Dock workers voted on Monday to extend their strike, union leaders said.

“We did not choose this fight,” said Ines Kovač, the general secretary of the dockers’ union.

A port official who asked not to be named said the authority would not improve its offer.

The strike is expected to cost the region millions.`;

document.getElementById('example').addEventListener('click', () => {
  form.elements.format.value = 'text';
  input.value = EXAMPLE;
  input.focus();
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const format = form.elements.format.value;
  const value = input.value;
  if (!value.trim()) { status.textContent = 'Paste some text first.'; return; }
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  status.textContent = 'Analyzing…';
  box.hidden = false;
  replace(main, el('p', { class: 'muted loading', text: 'Analyzing…' }));
  replace(side);
  try {
    const doc = await postJson('/api/analyze', format === 'html' ? { html: value } : { text: value });
    // Offsets refer to the analysed text: for HTML that is the text extracted on the server. Use it when
    // the response carries it, else rebuild it from the spans (each span carries its text).
    const text = doc.text ?? doc.document?.text ?? (format === 'text' && doc.document?.length === value.length ? value : reconstructText(doc));
    const n = doc.statements?.length ?? 0;
    status.textContent = `${n} statement${n === 1 ? '' : 's'}, ${doc.claims?.length ?? 0} sentences.`;
    mountDocument(main, side, text, doc);
  } catch (error) {
    status.textContent = '';
    showError(main, error);
  } finally {
    button.disabled = false;
  }
});
