// klausul serve: the page. Everything shown comes from the JSON API and goes into the DOM as
// textContent / text nodes only, never parsed as HTML, so no text from a document or a query
// can become markup. Snippets arrive as plain-text parts; matched words go into <mark>.
// Views: search (with similar clauses), coverage (Täckning: every region's verdict), a clause
// in its context, compare, and the review list (Granskningslista), kept in localStorage.
'use strict';

const PAGE_SIZE = 20;
const EXPORT_ROWS = 1000;
const EXPORT_FORMATS = [
  ['xlsx', 'Excel (XLSX)'],
  ['csv', 'CSV'],
  ['csv;', 'CSV för svensk Excel (;)'],
  ['jsonl', 'JSON Lines'],
  ['md', 'Markdown'],
  ['html', 'HTML-rapport'],
];
const STATUS_LABELS = { matched: 'Matchad', only_a: 'Bara i A', only_b: 'Bara i B' };
// The verdict is always written; the symbol and the colour only repeat it.
const VERDICT_SYMBOLS = { motsvarighet: '●', narliggande: '◐', ingen_traff: '○', inga_dokument: '–' };
const REVIEW_KEY = 'klausul.granskningslista';
const REVIEW_FORMATS = [['xlsx', 'Excel (XLSX)'], ['csv', 'CSV'], ['md', 'Markdown'], ['html', 'HTML-rapport']];
const CONTEXT_CLAUSES = 3;
const COVERAGE_EXTRA = 2;  // clauses shown per region beyond the best one (folded)

const $ = (id) => document.getElementById(id);
const state = { q: '', region: '', type: '', year: '', offset: 0 };
let documentsLoaded = null;

// Creates an element; `props.text` becomes textContent, other props attributes; children are
// nodes or strings (strings become text nodes).
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== '') node.append(child);
  }
  return node;
}

async function api(path, params) {
  const response = await fetch(`${path}?${params.toString()}`, {
    headers: { Accept: 'application/json' },
  });
  let body = null;
  try {
    body = await response.json();
  } catch (_) {
    body = null;
  }
  if (!response.ok) {
    throw new Error(body && body.error ? body.error : `HTTP ${response.status}`);
  }
  return body;
}

let noticeTimer = null;
function notice(message) {
  $('notice').textContent = message;
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { $('notice').textContent = ''; }, 6000);
}

function showError(message) {
  const box = $('error');
  box.textContent = message ? `Fel: ${message}` : '';
  box.hidden = !message;
}

function formatScore(score) {
  return Number(score).toLocaleString('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function where(item) {
  const parts = [];
  if (item.section) parts.push(item.section);
  if (item.slide) parts.push(`bild ${item.slide}`);
  else if (item.page) parts.push(`sida ${item.page}`);
  return parts.join(' · ');
}

function documentLine(hit) {
  const bits = [hit.title || hit.path, hit.doc_type, hit.year].filter(Boolean);
  return bits.join(' · ');
}

function snippetNode(hit) {
  const p = el('p', { class: 'snippet' });
  const parts = hit.snippet_parts || [{ text: hit.text, mark: false }];
  for (const part of parts) {
    p.append(part.mark ? el('mark', { text: part.text }) : document.createTextNode(part.text));
  }
  return p;
}

function exportLinks(container, kind, params) {
  container.replaceChildren('Exportera: ');
  for (const [format, label] of EXPORT_FORMATS) {
    const query = new URLSearchParams(params);
    query.set('kind', kind);
    query.set('format', format.replace(';', ''));
    if (format.endsWith(';')) query.set('csv_delimiter', ';');
    container.append(el('a', { href: `/api/export?${query.toString()}`, download: '', text: label }));
  }
}

// ---- search ----

function searchParams(withPaging) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  if (state.region) params.append('region', state.region);
  if (state.type) params.append('type', state.type);
  if (state.year) params.set('year', state.year);
  if (withPaging) {
    params.set('offset', String(state.offset));
    params.set('limit', String(PAGE_SIZE));
  }
  return params;
}

function renderHit(hit) {
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'region', text: hit.region_name || hit.region || 'okänd region' }),
    ' · ', el('span', { class: 'title', text: documentLine(hit) }));
  const place = where(hit);
  const similarButton = el('button', { type: 'button', class: 'similar-button',
    text: 'Liknande i andra regioner' });
  similarButton.addEventListener('click', () => showSimilar(hit.clause_id));
  const coverageButton = el('button', { type: 'button', class: 'coverage-button',
    text: 'Täckning i alla regioner' });
  coverageButton.addEventListener('click', () => showCoverage({ clause: hit.clause_id }));
  const copies = hit.duplicates && hit.duplicates.length
    ? el('span', { class: 'places', text: `finns även i ${hit.duplicates.length} andra dokument` })
    : null;
  return el('li', { class: 'hit' }, meta,
    place ? el('div', { class: 'meta where', text: place }) : null,
    snippetNode(hit),
    el('div', { class: 'actions' }, similarButton, coverageButton,
      reviewButton(hit, `Sökning: ${state.q}`), copies,
      el('span', { class: 'clause-id', text: hit.clause_id })));
}

function renderFacets(result) {
  const list = $('facet-list');
  list.replaceChildren();
  for (const facet of result.region_counts) {
    const button = el('button', { type: 'button', 'aria-pressed': String(state.region === facet.region) },
      el('span', { text: facet.region_name }), el('span', { class: 'count', text: String(facet.count) }));
    button.addEventListener('click', () => {
      state.region = state.region === facet.region ? '' : facet.region;
      $('region').value = state.region;
      state.offset = 0;
      runSearch();
    });
    list.append(el('li', {}, button));
  }
}

function renderSearch(result) {
  $('results').hidden = false;
  $('hits').replaceChildren(...result.hits.map(renderHit));
  renderFacets(result);
  const shown = result.hits.length;
  let summary;
  if (shown === 0) summary = `Inga träffar för «${state.q}».`;
  else summary = `Träff ${state.offset + 1}–${state.offset + shown} av cirka ${result.total} för «${state.q}»`;
  $('summary').textContent = summary;
  let status = '';
  if (result.no_searchable_words) status = 'Sökfrågan har inga sökbara ord (bara småord eller tecken).';
  else if (result.relaxed && shown > 0) status = 'Ingen klausul innehöll alla orden; visar de närmaste.';
  $('status').textContent = status;
  $('prev').disabled = state.offset === 0;
  $('next').disabled = state.offset + shown >= result.total || shown < PAGE_SIZE;
  $('page-info').textContent = shown ? `Sida ${Math.floor(state.offset / PAGE_SIZE) + 1}` : '';
  const exportParams = searchParams(false);
  exportParams.set('limit', String(EXPORT_ROWS));
  exportLinks($('search-export'), 'search', exportParams);
}

async function runSearch() {
  if (!state.q) return;
  showError('');
  $('status').textContent = 'Söker…';
  const pageQuery = searchParams(false);
  if (state.offset) pageQuery.set('offset', String(state.offset));
  history.replaceState(null, '', `?${pageQuery.toString()}`);
  try {
    renderSearch(await api('/api/search', searchParams(true)));
  } catch (error) {
    $('status').textContent = '';
    $('results').hidden = true;
    showError(error.message);
  }
}

// ---- similar ----

function renderSimilarHit(hit) {
  const place = where(hit);
  const terms = hit.matched_terms && hit.matched_terms.length
    ? el('div', { class: 'terms', text: `Matchande ord: ${hit.matched_terms.slice(0, 8).join(', ')}` })
    : null;
  const places = hit.duplicates && hit.duplicates.length
    ? el('div', { class: 'places', text: `Finns även i: ${hit.duplicates.map((d) => d.path).join(', ')}` })
    : null;
  return el('li', { class: 'similar-hit' },
    el('div', { class: 'meta' }, el('span', { class: 'score', text: formatScore(hit.score) }), ' · ',
      el('span', { class: 'title', text: documentLine(hit) }), place ? ` · ${place}` : ''),
    el('p', { class: 'clause-text', text: hit.text }), terms, places,
    el('div', { class: 'actions' }, reviewButton(hit, similarOrigin),
      el('span', { class: 'clause-id', text: hit.clause_id })));
}
let similarOrigin = 'Liknande klausuler';

function renderSimilar(result) {
  const query = result.query;
  similarOrigin = `Liknande: ${(query.text || '').slice(0, 60).trim()}`;
  $('similar-query').replaceChildren(
    el('div', { class: 'meta' }, el('span', { class: 'region', text: query.region_name || '' }), ' · ',
      el('span', { class: 'title', text: documentLine(query) })),
    el('p', { class: 'clause-text', text: query.text }));
  const groups = [];
  for (const hit of result.hits) {
    let group = groups.length ? groups[groups.length - 1] : null;
    if (!group || group.region !== hit.region) {
      group = { region: hit.region, name: hit.region_name || hit.region, hits: [] };
      groups.push(group);
    }
    group.hits.push(hit);
  }
  $('similar-regions').replaceChildren(...groups.map((group) =>
    el('div', { class: 'region-group' }, el('h3', { text: group.name }),
      el('ol', {}, ...group.hits.map(renderSimilarHit)))));
  $('similar-status').textContent = groups.length ? '' : 'Inga jämförbara klausuler i andra regioner.';
}

async function showSimilar(clauseId) {
  const section = $('similar');
  section.hidden = false;
  $('similar-status').textContent = 'Letar efter liknande formuleringar…';
  $('similar-regions').replaceChildren();
  $('similar-query').replaceChildren();
  const params = new URLSearchParams({ clause: clauseId, per_region: '3' });
  exportLinks($('similar-export'), 'similar', params);
  section.scrollIntoView({ behavior: 'smooth', block: 'start' });
  try {
    renderSimilar(await api('/api/similar', params));
  } catch (error) {
    $('similar-status').textContent = '';
    showError(error.message);
  }
}

// ---- documents and compare ----

function optionsFrom(select, values, emptyLabel) {
  const first = emptyLabel === null ? [] : [el('option', { value: '', text: emptyLabel })];
  select.replaceChildren(...first, ...values.map(([value, label]) => el('option', { value, text: label })));
}

function loadDocuments() {
  if (!documentsLoaded) {
    documentsLoaded = api('/api/documents', new URLSearchParams()).then((body) => {
      const docs = body.documents;
      const regions = new Map();
      const types = new Set();
      for (const d of docs) {
        if (d.region) regions.set(d.region, d.region_name || d.region);
        if (d.doc_type) types.add(d.doc_type);
      }
      const byName = (a, b) => a[1].localeCompare(b[1], 'sv');
      optionsFrom($('region'), [...regions.entries()].sort(byName), 'Alla regioner');
      optionsFrom($('type'), [...types].map((t) => [t, t]).sort(byName), 'Alla typer');
      $('region').value = state.region;
      $('type').value = state.type;
      const documents = docs.map((d) => [d.document_id,
        `${d.region_name || 'okänd region'} – ${d.title || d.path}${d.year ? ` (${d.year})` : ''}`]).sort(byName);
      optionsFrom($('doc-a'), documents, null);
      optionsFrom($('doc-b'), documents, null);
      if (documents.length > 1) $('doc-b').selectedIndex = 1;
      return docs;
    });
    documentsLoaded.catch((error) => {
      documentsLoaded = null;
      showError(error.message);
    });
  }
  return documentsLoaded;
}

// A clause of one side of a compare row, with its document's metadata for the review list.
function compareClause(row, side, doc) {
  const id = row[`${side}_clause_id`];
  if (!id) return null;
  return { clause_id: id, text: row[`${side}_text`], section: row[`${side}_section`],
    page: row[`${side}_page`], slide: row[`${side}_slide`], region_name: doc.region_name,
    title: doc.title, doc_type: doc.doc_type, year: doc.year, path: doc.path };
}

function clauseCell(text, place, clause, origin) {
  return el('td', {}, text ? el('div', { text }) : '—', place ? el('div', { class: 'meta', text: place }) : null,
    clause ? el('div', { class: 'actions' }, reviewButton(clause, origin)) : null);
}

function renderCompare(result) {
  const origin = `Jämförelse: ${result.a.title || result.a.path} ↔ ${result.b.title || result.b.path}`;
  $('compare-summary').textContent = `A: ${result.a.title || result.a.path} · B: ${result.b.title || result.b.path} — ${result.summary}`;
  const rows = result.rows.map((row) => el('tr', { class: row.status },
    el('td', { text: STATUS_LABELS[row.status] || row.status }),
    el('td', { class: 'score', text: row.status === 'matched' ? formatScore(row.score) : '' }),
    clauseCell(row.a_text, where({ section: row.a_section, page: row.a_page, slide: row.a_slide }),
      compareClause(row, 'a', result.a), origin),
    clauseCell(row.b_text, where({ section: row.b_section, page: row.b_page, slide: row.b_slide }),
      compareClause(row, 'b', result.b), origin)));
  $('compare-table').tBodies[0].replaceChildren(...rows);
  $('compare-table').hidden = false;
}

async function runCompare() {
  showError('');
  const params = new URLSearchParams({ a: $('doc-a').value, b: $('doc-b').value });
  $('compare-status').textContent = 'Jämför…';
  exportLinks($('compare-export'), 'compare', params);
  try {
    renderCompare(await api('/api/compare', params));
    $('compare-status').textContent = '';
  } catch (error) {
    $('compare-status').textContent = '';
    showError(error.message);
  }
}

// ---- review list (Granskningslista), kept in this browser's localStorage ----

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
    container.append(el('a', { href: `/api/export?${query.toString()}`, download: '', text: label }));
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

// ---- coverage (Täckning) ----

let coverageQuestion = null;

function coverageParams(question) {
  const params = new URLSearchParams({ per_region: String(COVERAGE_EXTRA) });
  if (question.clause) params.set('clause', question.clause);
  else params.set('text', question.text);
  return params;
}

function renderCoverageRow(row, origin) {
  const best = row.clauses && row.clauses.length ? row.clauses[0] : null;
  let clauseCell = el('td', { class: 'muted', text: row.verdict === 'inga_dokument' ? 'Regionen har inga dokument i indexet.' : '—' });
  if (best) {
    const link = el('a', { href: `?view=clause&id=${encodeURIComponent(best.clause_id)}`, class: 'clause-link', text: best.text });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      showContext(best.clause_id);
    });
    let more = null;
    if (row.clauses.length > 1) {
      const extra = row.clauses.slice(1).map((hit) => {
        const open = el('a', { href: `?view=clause&id=${encodeURIComponent(hit.clause_id)}`, text: hit.text });
        open.addEventListener('click', (event) => {
          event.preventDefault();
          showContext(hit.clause_id);
        });
        return el('li', {}, open, el('span', { class: 'meta', text: ` (${formatScore(hit.score)})` }));
      });
      more = el('details', { class: 'more-clauses' },
        el('summary', { text: `${row.clauses.length - 1} till i ${row.region_name}` }), el('ol', {}, ...extra));
    }
    clauseCell = el('td', {}, link, more);
  }
  const name = row.region_name + (row.query_region ? ' (frågans region)' : '');
  return el('tr', { class: `verdict ${row.verdict}` },
    el('th', { scope: 'row', text: name }),
    el('td', { class: 'verdict-cell' }, el('span', { class: 'symbol', 'aria-hidden': 'true', text: VERDICT_SYMBOLS[row.verdict] || '' }),
      ' ', el('span', { class: 'verdict-label', text: row.verdict_label })),
    clauseCell,
    el('td', { class: 'meta' }, best ? `${documentLine(best)}${where(best) ? ` · ${where(best)}` : ''}` : ''),
    el('td', { class: 'score' }, best ? formatScore(best.score) : ''),
    el('td', {}, best ? reviewButton(best, origin) : ''));
}

function renderCoverage(result, question) {
  const query = result.query;
  const box = $('coverage-query');
  if (question.clause) {
    box.replaceChildren(el('div', { class: 'meta' }, el('span', { class: 'region', text: query.region_name || '' }), ' · ',
      el('span', { class: 'title', text: documentLine(query) })), el('p', { class: 'clause-text', text: query.text }));
    box.hidden = false;
  } else {
    box.hidden = true;
  }
  const origin = `Täckning: ${(query.text || '').slice(0, 60).trim()}`;
  $('coverage-table').tBodies[0].replaceChildren(...result.rows.map((row) => renderCoverageRow(row, origin)));
  $('coverage-table').hidden = false;
  $('coverage-summary').textContent = result.summary;
  $('coverage-status').textContent = '';
  exportLinks($('coverage-export'), 'coverage', coverageParams(question));
}

async function showCoverage(question, push = true) {
  showView('coverage');
  showError('');
  coverageQuestion = question;
  if (question.text) $('coverage-text').value = question.text;
  const params = coverageParams(question);
  const address = new URLSearchParams({ view: 'coverage' });
  for (const [key, value] of params) if (key !== 'per_region') address.set(key, value);
  if (push) history.pushState(null, '', `?${address.toString()}`);
  $('coverage-status').textContent = 'Bedömer alla regioner…';
  $('coverage-table').hidden = true;
  $('coverage-summary').textContent = '';
  try {
    renderCoverage(await api('/api/coverage', params), question);
  } catch (error) {
    $('coverage-status').textContent = '';
    showError(error.message);
  }
}

// ---- a clause in its context ----

let viewBeforeContext = 'search';

function renderContext(result) {
  const doc = result.document;
  const focus = result.clauses[result.focus];
  const facts = [doc.region_name || 'okänd region', doc.doc_type, doc.year].filter(Boolean).join(' · ');
  const place = [focus.section && `Avsnitt: ${focus.section}`, focus.page && `sida ${focus.page}`,
    focus.slide && `bild ${focus.slide}`].filter(Boolean).join(' · ');
  const source = result.source_url
    ? el('a', { href: result.source_url, target: '_blank', rel: 'noopener', class: 'source-link',
      text: focus.page ? `Öppna källan på sida ${focus.page}` : 'Öppna källan' })
    : null;
  $('context-document').replaceChildren(
    el('h3', { text: doc.title || doc.path }),
    el('p', { class: 'meta', text: facts }),
    place ? el('p', { class: 'meta', text: place }) : null,
    el('p', { class: 'meta' }, 'Källa: ', el('span', { class: 'path', text: doc.path }), source ? ' · ' : '', source));
  $('context-clauses').replaceChildren(...result.clauses.map((hit, index) => {
    const isFocus = index === result.focus;
    const item = el('li', { class: isFocus ? 'context-clause focus' : 'context-clause' },
      isFocus ? el('strong', { class: 'focus-label', text: 'Denna klausul: ' }) : null,
      el('span', { class: hit.kind === 'heading' ? 'heading-text' : '', text: hit.text }),
      where(hit) ? el('div', { class: 'meta', text: where(hit) }) : null);
    if (isFocus) item.setAttribute('aria-current', 'true');
    return item;
  }));
  const coverageButton = el('button', { type: 'button', class: 'secondary', text: 'Täckning för klausulen' });
  coverageButton.addEventListener('click', () => showCoverage({ clause: focus.clause_id }));
  $('context-actions').replaceChildren(reviewButton(focus, `Sammanhang: ${doc.title || doc.path}`), coverageButton,
    el('span', { class: 'clause-id', text: focus.clause_id }));
}

async function showContext(clauseId, push = true) {
  const current = currentView();
  if (current !== 'context') viewBeforeContext = current;
  showView('context');
  showError('');
  if (push) history.pushState(null, '', `?view=clause&id=${encodeURIComponent(clauseId)}`);
  $('context-status').textContent = 'Hämtar klausulen…';
  $('context-clauses').replaceChildren();
  $('context-document').replaceChildren();
  try {
    renderContext(await api('/api/clause', new URLSearchParams({ id: clauseId, context: String(CONTEXT_CLAUSES) })));
    $('context-status').textContent = '';
    const focus = $('context-clauses').querySelector('.focus');
    if (focus) focus.scrollIntoView({ block: 'center' });
  } catch (error) {
    $('context-status').textContent = '';
    showError(error.message);
  }
}

// ---- page ----

const VIEWS = ['search', 'coverage', 'context', 'compare', 'review'];

function currentView() {
  return VIEWS.find((name) => !$(`${name}-view`).hidden) || 'search';
}

function showView(name) {
  for (const view of VIEWS) $(`${view}-view`).hidden = view !== name;
  for (const tab of ['search', 'coverage', 'compare', 'review']) {
    $(`tab-${tab}`).setAttribute('aria-pressed', String(tab === name));
  }
  if (name === 'review') renderReview();
  if (name === 'compare') loadDocuments();
}

// The address says what is shown: ?q=... (search), ?view=coverage&text=... or &clause=...,
// ?view=clause&id=..., ?view=review, ?view=compare.
function route(push) {
  const params = new URLSearchParams(location.search);
  const view = params.get('view') || 'search';
  if (view === 'coverage' && (params.get('text') || params.get('clause'))) {
    const question = params.get('clause') ? { clause: params.get('clause') } : { text: params.get('text') };
    showCoverage(question, push);
  } else if (view === 'coverage' || view === 'review' || view === 'compare') {
    showView(view);
  } else if (view === 'clause' && params.get('id')) {
    showContext(params.get('id'), push);
  } else {
    showView('search');
    state.q = (params.get('q') || '').trim();
    state.region = params.get('region') || '';
    state.type = params.get('type') || '';
    state.year = params.get('year') || '';
    state.offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    $('q').value = state.q;
    $('year').value = state.year;
    loadDocuments().catch(() => null).then(() => runSearch());
  }
}

function start() {
  review = loadReview();
  $('review-count').textContent = `(${review.length})`;
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.q = $('q').value.trim();
    state.region = $('region').value;
    state.type = $('type').value;
    state.year = $('year').value.trim();
    state.offset = 0;
    $('similar').hidden = true;
    runSearch();
  });
  $('prev').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    runSearch();
  });
  $('next').addEventListener('click', () => {
    state.offset += PAGE_SIZE;
    runSearch();
  });
  $('similar-close').addEventListener('click', () => { $('similar').hidden = true; });
  $('compare-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runCompare();
  });
  $('coverage-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('coverage-text').value.trim();
    if (text) showCoverage({ text });
  });
  $('context-back').addEventListener('click', () => {
    if (viewBeforeContext === 'coverage' && coverageQuestion) showCoverage(coverageQuestion);
    else showView(viewBeforeContext);
  });
  const tabs = { search: 'search', coverage: 'coverage', compare: 'compare', review: 'review' };
  for (const [tab, view] of Object.entries(tabs)) {
    $(`tab-${tab}`).addEventListener('click', () => {
      showView(view);
      if (view !== 'search') history.pushState(null, '', `?view=${view}`);
    });
  }
  window.addEventListener('popstate', () => route(false));
  // Another tab of the same page changed the list: show the same list here.
  window.addEventListener('storage', (event) => {
    if (event.key !== REVIEW_KEY) return;
    review = loadReview();
    $('review-count').textContent = `(${review.length})`;
    if (currentView() === 'review') renderReview();
  });
  route(false);
}

document.addEventListener('DOMContentLoaded', start);
