// klausul serve: the Täckning view (every region's verdict on a point, /api/coverage) and a
// clause in its context (/api/clause, with the source file at its page). Uses the helpers of
// app.js and reviewButton of review.js; every text goes in as textContent.
'use strict';

// The verdict is always written; the symbol and the colour only repeat it.
const VERDICT_SYMBOLS = { motsvarighet: '●', narliggande: '◐', ingen_traff: '○', inga_dokument: '–' };
const CONTEXT_CLAUSES = 3;
const COVERAGE_EXTRA = 2;  // clauses shown per region beyond the best one (folded)

let coverageQuestion = null;

function coverageParams(question) {
  const params = new URLSearchParams({ per_region: String(COVERAGE_EXTRA) });
  if (question.clause) params.set('clause', question.clause);
  else params.set('text', question.text);
  // "Visa alla versioner" on the search form applies here too.
  if (state.allVersions) params.set('all_versions', '1');
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

