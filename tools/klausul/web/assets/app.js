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
const CHANGE_LABELS = { 'oförändrad': 'Oförändrad', 'ändrad': 'Ändrad', ny: 'Ny', borttagen: 'Borttagen' };

const $ = (id) => document.getElementById(id);
const state = { q: '', region: '', type: '', year: '', offset: 0, allVersions: false };
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

// The document's version status (gällande, ersatt, utgången, okänd) with its reason as a
// tooltip and, for the page, spelled out beside it.
function statusNode(item) {
  if (!item.status) return null;
  const badge = el('span', { class: `version-status status-${item.status}`, text: item.status });
  if (item.status_reason) badge.title = item.status_reason;
  return badge;
}

function olderVersionsNode(hit) {
  if (!hit.older_versions || !hit.older_versions.length) return null;
  const details = el('details', { class: 'older-versions' },
    el('summary', { text: `${hit.older_versions.length} äldre version${hit.older_versions.length > 1 ? 'er' : ''} av klausulen` }));
  const list = el('ul', {});
  for (const older of hit.older_versions) {
    list.append(el('li', {},
      el('div', { class: 'meta', text: [older.title, older.date, older.status].filter(Boolean).join(' · ') }),
      el('div', { text: older.text }),
      el('span', { class: 'clause-id', text: older.clause_id })));
  }
  details.append(list);
  return details;
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
  if (state.allVersions) params.set('all_versions', '1');
  if (withPaging) {
    params.set('offset', String(state.offset));
    params.set('limit', String(PAGE_SIZE));
  }
  return params;
}

function renderHit(hit) {
  const meta = el('div', { class: 'meta' },
    el('span', { class: 'region', text: hit.region_name || hit.region || 'okänd region' }),
    ' · ', el('span', { class: 'title', text: documentLine(hit) }), ' ', statusNode(hit));
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
    hit.status_reason && hit.status !== 'gällande'
      ? el('div', { class: 'status-reason', text: `${hit.status}: ${hit.status_reason}` }) : null,
    olderVersionsNode(hit),
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
      el('span', { class: 'title', text: documentLine(hit) }), place ? ` · ${place}` : '', ' ',
      statusNode(hit)),
    el('p', { class: 'clause-text', text: hit.text }), terms, places, olderVersionsNode(hit),
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
  if (state.allVersions) params.set('all_versions', '1');
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
        `${d.region_name || 'okänd region'} – ${d.title || d.path}${d.year ? ` (${d.year})` : ''}`
          + `${d.status && d.status !== 'okänd' ? ` – ${d.status}` : ''}`]).sort(byName);
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

// B's text of a changed pair with the words A had struck out (<del>) and the new ones in <ins>.
function diffCell(row, clause, origin) {
  const place = where({ section: row.b_section, page: row.b_page, slide: row.b_slide });
  if (!row.diff) return clauseCell(row.b_text, place, clause, origin);
  const text = el('div', { class: 'diff' });
  row.diff.forEach((piece, i) => {
    if (i) text.append(' ');
    if (piece.op === 'removed') text.append(el('del', { text: piece.text }));
    else if (piece.op === 'added') text.append(el('ins', { text: piece.text }));
    else text.append(piece.text);
  });
  return el('td', {}, text, place ? el('div', { class: 'meta', text: place }) : null,
    clause ? el('div', { class: 'actions' }, reviewButton(clause, origin)) : null);
}

function compareDocument(label, doc) {
  const date = doc.validity && doc.validity.decided ? doc.validity.decided.value : (doc.date || doc.year || '');
  return el('li', {}, `${label}: ${doc.title || doc.path}${date ? ` (${date})` : ''} `, statusNode(doc),
    doc.status_reason ? el('span', { class: 'status-reason', text: ` ${doc.status_reason}` }) : null);
}

function renderCompare(result) {
  const origin = `Jämförelse: ${result.a.title || result.a.path} ↔ ${result.b.title || result.b.path}`;
  $('compare-summary').textContent = `A: ${result.a.title || result.a.path} · B: ${result.b.title || result.b.path} — ${result.summary}`;
  $('compare-documents').replaceChildren(compareDocument('A', result.a), compareDocument('B', result.b));
  const rows = result.rows.map((row) => el('tr', { class: row.status },
    el('td', { text: STATUS_LABELS[row.status] || row.status }),
    el('td', { class: `change change-${row.change}`, text: CHANGE_LABELS[row.change] || row.change || '' }),
    el('td', { class: 'score', text: row.status === 'matched' ? formatScore(row.score) : '' }),
    clauseCell(row.a_text, where({ section: row.a_section, page: row.a_page, slide: row.a_slide }),
      compareClause(row, 'a', result.a), origin),
    diffCell(row, compareClause(row, 'b', result.b), origin)));
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
    state.allVersions = params.get('all_versions') === '1';
    $('all-versions').checked = state.allVersions;
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
    state.allVersions = $('all-versions').checked;
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
  $('all-versions').addEventListener('change', () => {
    state.allVersions = $('all-versions').checked;
    state.offset = 0;
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
