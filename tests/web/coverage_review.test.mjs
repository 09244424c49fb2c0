// The Täckning view, a clause in its context and the Granskningslista (review list) of
// `klausul serve` in a real browser (headless Debian chromium through playwright-core): the
// coverage table for a query, a cell opening the clause in context, three clauses added to the
// review list from three views, a reload keeping them, and the XLSX export of the list read
// with openpyxl and checked cell by cell. Takes the screenshots shown in README.md: into the
// test's scratch folder, or into tools/klausul/web/screenshots/ with
// KLAUSUL_UPDATE_SCREENSHOTS=1 (so that a test run leaves the source tree as it was).
// Run by tests/web/run (CTest: ServePage.Browser).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const binary = process.env.KLAUSUL_BINARY;
const sourceDir = process.env.KLAUSUL_SOURCE_DIR;
const executablePath = process.env.KLAUSUL_CHROMIUM || '/usr/bin/chromium';
const updateScreenshots = process.env.KLAUSUL_UPDATE_SCREENSHOTS === '1';
let screenshots;
const QUESTION = 'Regionen ska bevaka och påverka EU:s beslut inom de områden som är viktiga för verksamheten.';

let dir;
let server;
let browser;
let baseUrl;

function startServer(db) {
  server = spawn(binary, ['serve', '--port', '0', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/klausul serve: (http:\/\/\S+)\n/);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`klausul serve exited with ${code}: ${log}`)));
  });
}

async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      problems.push(`CSP: ${message.text()}`);
    }
  });
  await page.goto(url);
  return { page, problems };
}

function coverageRow(page, regionName) {
  return page.locator('#coverage-table tbody tr', { has: page.locator('th', { hasText: regionName }) });
}

// The rows of the first sheet of an XLSX file as openpyxl reads them (values as stored).
function readXlsx(file) {
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'ws = wb.worksheets[0]',
    'print(json.dumps({"sheets": wb.sheetnames, "rows": [[c.value for c in row] for row in ws.iter_rows()]}))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
}

before(async () => {
  assert.ok(binary, 'KLAUSUL_BINARY is not set: run this test through tests/web/run');
  dir = mkdtempSync(path.join(tmpdir(), 'klausul-web-coverage-'));
  const db = path.join(dir, 'db');
  execFileSync(binary, ['ingest', path.join(sourceDir, 'corpus'), '--db', db], { stdio: 'ignore' });
  baseUrl = await startServer(db);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  browser = await chromium.launch({ executablePath, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
  screenshots = updateScreenshots
    ? path.join(sourceDir || '.', 'tools/klausul/web/screenshots')
    : path.join(dir, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the coverage table shows all 21 regions with a written verdict, from a linked query', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
  const { page, problems } = await openPage(context,
    `${baseUrl}?view=coverage&text=${encodeURIComponent(QUESTION)}`);
  await page.locator('#coverage-table tbody tr').nth(20).waitFor();
  assert.equal(await page.locator('#coverage-table tbody tr').count(), 21);
  assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
  assert.equal(await page.locator('#coverage-text').inputValue(), QUESTION);
  const labels = await page.locator('#coverage-table .verdict-label').allTextContents();
  assert.equal(labels.length, 21);
  for (const label of labels) assert.ok(['motsvarighet', 'närliggande', 'ingen träff', 'inga dokument'].includes(label), label);
  assert.equal(labels.filter((l) => l === 'inga dokument').length, 18);
  const stockholm = coverageRow(page, 'Region Stockholm');
  assert.equal(await stockholm.locator('.verdict-label').textContent(), 'motsvarighet');
  assert.match(await stockholm.getAttribute('class'), /motsvarighet/);
  assert.match(await stockholm.locator('.clause-link').textContent(), /bevaka och påverka/);
  assert.equal(await coverageRow(page, 'Region Gotland').locator('.verdict-label').textContent(), 'inga dokument');
  assert.match(await page.locator('#coverage-summary').textContent(), /inga dokument 18/);
  const exports = await page.locator('#coverage-export a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(exports.some((href) => href.includes('kind=coverage') && href.includes('format=xlsx')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('coverage is reached from a free text and from a search hit', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context, baseUrl);
  await page.getByRole('button', { name: 'Täckning', exact: true }).click();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.getByLabel('Text eller sökord').fill(
    'En internationell funktion på ledningsnivå stödjer verksamheterna och samordnar det strategiska arbetet.');
  await page.getByRole('button', { name: 'Visa täckning' }).click();
  await page.locator('#coverage-table tbody tr').nth(20).waitFor();
  assert.match(page.url(), /view=coverage&text=En\+internationell/);
  await page.screenshot({ path: path.join(screenshots, 'tackning.png'), fullPage: true });

  await page.goto(baseUrl);
  await page.getByRole('searchbox', { name: 'Sök' }).fill('ambassadör för landstinget');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.locator('#hits .hit').first().waitFor();
  await page.getByRole('button', { name: 'Täckning i alla regioner' }).first().click();
  await page.locator('#coverage-table tbody tr').nth(20).waitFor();
  assert.match(await page.locator('#coverage-query').textContent(), /ambassadör/);
  assert.match(await coverageRow(page, 'Region Stockholm').locator('th').textContent(), /frågans region/);
  assert.match(page.url(), /view=coverage&clause=/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a cell opens the clause in its context, with the source at its page', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context,
    `${baseUrl}?view=coverage&text=${encodeURIComponent(QUESTION)}`);
  const link = coverageRow(page, 'Region Stockholm').locator('.clause-link');
  await link.waitFor();
  const clauseText = await link.textContent();
  await link.focus();
  await page.keyboard.press('Enter');  // keyboard-reachable, not only by mouse
  await page.locator('#context-view .context-clause.focus').waitFor();
  assert.equal(await page.locator('#context-view').isVisible(), true);
  assert.ok((await page.locator('.context-clause.focus').textContent()).includes(clauseText));
  assert.equal(await page.locator('.context-clause.focus').getAttribute('aria-current'), 'true');
  assert.ok(await page.locator('.context-clause').count() > 1, 'no neighbours shown');
  assert.match(await page.locator('#context-document').textContent(), /Region Stockholm/);
  const source = page.locator('#context-document .source-link');
  const href = await source.getAttribute('href');
  assert.match(href, /^\/source\/[0-9a-zA-Z_-]+(#page=\d+)?$/);
  const response = await page.request.get(`${baseUrl.replace(/\/$/, '')}${href.replace(/#.*/, '')}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-type'], /^(application\/pdf|text\/plain)/);
  assert.match(page.url(), /view=clause&id=/);
  await page.getByRole('button', { name: 'Tillbaka' }).click();
  await page.locator('#coverage-table tbody tr').nth(20).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('three clauses go to the review list, survive a reload and export to XLSX', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const { page, problems } = await openPage(context,
    `${baseUrl}?view=coverage&text=${encodeURIComponent(QUESTION)}`);
  // 1: from the coverage table.
  const stockholm = coverageRow(page, 'Region Stockholm');
  await stockholm.getByRole('button', { name: 'Lägg till i granskningslistan' }).click();
  assert.equal(await stockholm.getByRole('button', { name: 'I granskningslistan ✓' }).count(), 1);
  // 2: from a search hit.
  await page.goto(baseUrl);
  await page.getByRole('searchbox', { name: 'Sök' }).fill('tydliga uppdrag och mandat');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.locator('#hits .hit').first().waitFor();
  await page.locator('#hits .hit').first().getByRole('button', { name: 'Lägg till i granskningslistan' }).click();
  // 3: from a clause in its context (reached by its address).
  const jkp = await page.request.get(`${baseUrl}api/search?q=${encodeURIComponent('interregionala projekt')}&region=jonkoping`);
  const jkpId = (await jkp.json()).hits[0].clause_id;
  await page.goto(`${baseUrl}?view=clause&id=${encodeURIComponent(jkpId)}`);
  await page.locator('#context-actions').getByRole('button', { name: 'Lägg till i granskningslistan' }).click();
  assert.match(await page.locator('#review-count').textContent(), /\(3\)/);

  await page.getByRole('button', { name: /Granskningslista/ }).click();
  const items = page.locator('#review-list .review-item');
  assert.equal(await items.count(), 3);
  await page.getByLabel('Anteckning till klausul 1').fill('Stockholms formulering – jämför med vår');
  await page.getByLabel('Anteckning till klausul 2').fill('Mandat för företrädare');
  await page.getByLabel('Anteckning till klausul 3').fill('=SUMMA(A1) ska vara text');
  // Reorder: the third clause moves up to second place.
  await page.getByRole('button', { name: 'Flytta upp klausul 3' }).click();
  const before = await page.evaluate(() => JSON.parse(localStorage.getItem('klausul.granskningslista')));
  assert.equal(before.length, 3);
  assert.equal(before[1].clause_id, jkpId);
  assert.equal(before[1].note, '=SUMMA(A1) ska vara text');

  await page.reload();
  await page.getByRole('button', { name: /Granskningslista/ }).click();
  assert.equal(await page.locator('#review-list .review-item').count(), 3);
  assert.equal(await page.getByLabel('Anteckning till klausul 2').inputValue(), '=SUMMA(A1) ska vara text');
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('klausul.granskningslista')));
  assert.deepEqual(after, before);
  await page.screenshot({ path: path.join(screenshots, 'granskningslista.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.locator('#review-export').getByRole('link', { name: 'Excel (XLSX)' }).click();
  const file = path.join(dir, 'granskningslista.xlsx');
  await (await download).saveAs(file);
  const { sheets, rows } = readXlsx(file);
  assert.deepEqual(sheets, ['Granskningslista', 'Om exporten']);
  assert.deepEqual(rows[0], ['position', 'note', 'region_name', 'title', 'doc_type', 'year', 'section',
    'page', 'slide', 'text', 'origin', 'added', 'clause_id', 'path']);
  assert.equal(rows.length, 4);
  for (let i = 0; i < 3; ++i) {
    const row = rows[i + 1];
    const item = after[i];
    assert.equal(row[0], i + 1, `position of row ${i + 1}`);
    assert.equal(row[1], item.note, `note of row ${i + 1}`);
    assert.equal(row[2], item.region_name, `region of row ${i + 1}`);
    assert.equal(row[3], item.title, `title of row ${i + 1}`);
    assert.equal(row[5], item.year, `year of row ${i + 1}`);
    assert.equal(row[6], item.section || null, `section of row ${i + 1}`);
    assert.equal(row[7], item.page || null, `page of row ${i + 1}`);
    assert.equal(row[9], item.text, `text of row ${i + 1}`);
    assert.equal(row[10], item.origin, `origin of row ${i + 1}`);
    assert.equal(row[11], item.added, `added of row ${i + 1}`);
    assert.match(row[11], /^\d{4}-\d\d-\d\d$/);
    assert.equal(row[12], item.clause_id, `clause id of row ${i + 1}`);
    assert.equal(row[13], item.path, `path of row ${i + 1}`);
  }
  const exportUrl = async (name) => new URL(
    await page.locator('#review-export').getByRole('link', { name, exact: true }).getAttribute('href'), baseUrl).toString();
  const csv = await page.request.get(await exportUrl('CSV'));
  assert.match(await csv.text(), /Mandat för företrädare/);
  const md = await page.request.get(await exportUrl('Markdown'));
  assert.match(await md.text(), /# Granskningslista[\s\S]*Anteckning:\*\* Stockholms formulering/);

  await page.getByRole('button', { name: 'Ta bort klausul 3 från granskningslistan' }).click();
  assert.equal(await page.locator('#review-list .review-item').count(), 2);
  assert.match(await page.locator('#review-count').textContent(), /\(2\)/);
  assert.deepEqual(problems, []);
  await context.close();
});
