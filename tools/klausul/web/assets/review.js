// klausul serve: the review list (Granskningslista). The clauses a reader gathers for a
// meeting, each with a note, kept in this browser's localStorage (never on the server, which
// is read-only); exported through /api/export?kind=review, which only reads the clauses it
// names. Uses the helpers of app.js (loaded first); every text goes in as textContent.
'use strict';

const REVIEW_KEY = 'klausul.granskningslista';
const REVIEW_FORMATS = [['xlsx', 'Excel (XLSX)'], ['csv', 'CSV'], ['md', 'Markdown'], ['html', 'HTML-rapport']];
const MAX_EXPORT_URL = 8000;

let review = [];

function loadReview() {
  try {
    const stored = JSON.parse(localStorage.getItem(REVIEW_KEY) || '[]');
    return Array.isArray(stored) ? stored.filter((item) => item && typeof item.clause_id === 'string') : [];
  } catch (_) {
    return [];
  }
}

function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

function saveReview() {
  try {
    localStorage.setItem(REVIEW_KEY, JSON.stringify(review));
  } catch (error) {
    showError(`granskningslistan kunde inte sparas: ${error.message}`);
  }
  $('review-count').textContent = `(${review.length})`;
  reviewExportLinks();
}

function inReview(clauseId) {
  return review.some((item) => item.clause_id === clauseId);
}

function addToReview(hit, origin) {
  if (inReview(hit.clause_id)) {
    notice('Klausulen finns redan i granskningslistan.');
    return false;
  }
  review.push({
    clause_id: hit.clause_id, text: hit.text || '', region_name: hit.region_name || hit.region || '',
    title: hit.title || hit.path || '', doc_type: hit.doc_type || '', year: hit.year || null,
    section: hit.section || '', page: hit.page || null, slide: hit.slide || null, path: hit.path || '',
    note: '', origin: origin || '', added: today(),
  });
  saveReview();
  notice(`Tillagd i granskningslistan (${review.length} klausuler).`);
  return true;
}

// One click adds the clause; the button then says so (and stays a button for the keyboard).
function reviewButton(hit, origin) {
  const button = el('button', { type: 'button', class: 'review-button' });
  const mark = () => {
    const added = inReview(hit.clause_id);
    button.textContent = added ? 'I granskningslistan ✓' : 'Lägg till i granskningslistan';
    button.setAttribute('aria-pressed', String(added));
  };
  mark();
  button.addEventListener('click', () => {
    addToReview(hit, origin);
    mark();
  });
  return button;
}

function reviewExportLinks() {
  const container = $('review-export');
  if (!review.length) {
    container.replaceChildren();
    return;
  }
  container.replaceChildren('Exportera listan: ');
  for (const [format, label] of REVIEW_FORMATS) {
    const query = new URLSearchParams({ kind: 'review', format });
    for (const item of review) {
      query.append('item', JSON.stringify({ clause_id: item.clause_id, note: item.note || '',
        origin: item.origin || '', added: item.added || '' }));
    }
    const href = `/api/export?${query.toString()}`;
    // The server takes only GET (it is read-only) and a request line of at most 8 KB.
    if (href.length > MAX_EXPORT_URL) {
      container.replaceChildren(el('span', { class: 'error', text:
        'Listan är för lång för att exporteras i ett stycke: ta bort några klausuler eller korta anteckningarna.' }));
      return;
    }
    container.append(el('a', { href, download: '', text: label }));
  }
}

function moveReview(index, step) {
  const target = index + step;
  if (target < 0 || target >= review.length) return;
  [review[index], review[target]] = [review[target], review[index]];
  saveReview();
  renderReview();
  // Keep the keyboard where the reader is: on the same button of the moved clause.
  const buttons = $('review-list').querySelectorAll(step < 0 ? '.move-up' : '.move-down');
  if (buttons[target]) buttons[target].focus();
}

function renderReviewItem(item, index) {
  const noteId = `review-note-${index}`;
  const note = el('textarea', { id: noteId, rows: '2', maxlength: '500', class: 'review-note' });
  note.value = item.note || '';
  note.addEventListener('input', () => {
    item.note = note.value;
    saveReview();
  });
  const up = el('button', { type: 'button', class: 'secondary move-up', text: 'Upp',
    'aria-label': `Flytta upp klausul ${index + 1}` });
  up.disabled = index === 0;
  up.addEventListener('click', () => moveReview(index, -1));
  const down = el('button', { type: 'button', class: 'secondary move-down', text: 'Ner',
    'aria-label': `Flytta ner klausul ${index + 1}` });
  down.disabled = index === review.length - 1;
  down.addEventListener('click', () => moveReview(index, 1));
  const remove = el('button', { type: 'button', class: 'secondary remove', text: 'Ta bort',
    'aria-label': `Ta bort klausul ${index + 1} från granskningslistan` });
  remove.addEventListener('click', () => {
    review.splice(index, 1);
    saveReview();
    renderReview();
    notice('Borttagen ur granskningslistan.');
  });
  const open = el('a', { href: `?view=clause&id=${encodeURIComponent(item.clause_id)}`, text: 'Visa i sitt sammanhang' });
  open.addEventListener('click', (event) => {
    event.preventDefault();
    showContext(item.clause_id);
  });
  const provenance = [item.origin && `från ${item.origin}`, item.added && `tillagd ${item.added}`].filter(Boolean).join(', ');
  return el('li', { class: 'review-item' },
    el('div', { class: 'meta' }, el('span', { class: 'region', text: item.region_name || 'okänd region' }), ' · ',
      el('span', { class: 'title', text: documentLine(item) }), where(item) ? ` · ${where(item)}` : ''),
    el('p', { class: 'clause-text', text: item.text }),
    el('div', { class: 'field wide' }, el('label', { for: noteId, text: `Anteckning till klausul ${index + 1}` }), note),
    el('div', { class: 'actions' }, up, down, remove, open,
      el('span', { class: 'places', text: provenance }),
      el('span', { class: 'clause-id', text: item.clause_id })));
}

function renderReview() {
  $('review-list').replaceChildren(...review.map(renderReviewItem));
  $('review-empty').hidden = review.length > 0;
  reviewExportLinks();
}

