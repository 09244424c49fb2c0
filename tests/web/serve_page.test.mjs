// The page of `klausul serve` in a real browser (headless Debian chromium through
// playwright-core): search with highlighted snippets and the region facet, similar clauses
// per region, comparison of two documents, document versions (status, folding, the "all
// versions" checkbox, the word diff of compare), and a malicious query shown as text.
// Run by tests/web/run (CTest: ServePage.Browser).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const binary = process.env.KLAUSUL_BINARY;
const sourceDir = process.env.KLAUSUL_SOURCE_DIR;
const executablePath = process.env.KLAUSUL_CHROMIUM || '/usr/bin/chromium';
const MALICIOUS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

let dir;
let server;
let browser;
let baseUrl;

function startServer(db) {
  server = spawn(binary, ['serve', '--port', '0', '--db', db], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    server.stderr.setEncoding('utf8');
    // Keeps reading after the URL: the server logs every request on stderr.
    server.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/klausul serve: (http:\/\/\S+)\n/);
      if (match) resolve(match[1]);
    });
    server.on('exit', (code) => reject(new Error(`klausul serve exited with ${code}: ${log}`)));
  });
}

// A page that fails the test on any script error or Content-Security-Policy violation.
async function openPage(url) {
  const page = await browser.newPage();
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

async function search(page, words) {
  await page.getByRole('searchbox', { name: 'Sök' }).fill(words);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.locator('#summary', { hasText: `«${words}»` }).waitFor();
}

// The value of the first option of `select` whose label matches `pattern`.
async function optionValue(select, pattern) {
  const options = await select.locator('option').evaluateAll(
    (nodes) => nodes.map((o) => ({ value: o.value, label: o.textContent })));
  const option = options.find((o) => pattern.test(o.label));
  assert.ok(option, `no option matching ${pattern} in ${JSON.stringify(options)}`);
  return option.value;
}

before(async () => {
  assert.ok(binary, 'KLAUSUL_BINARY is not set: run this test through tests/web/run');
  dir = mkdtempSync(path.join(tmpdir(), 'klausul-web-'));
  const db = path.join(dir, 'db');
  execFileSync(binary, ['ingest', path.join(sourceDir, 'corpus'), '--db', db], { stdio: 'ignore' });
  // Two versions of one Stockholm guideline: the 2015 one names the 2010 one as replaced.
  const versions = path.join(dir, 'versions');
  mkdirSync(versions);
  const head = (dnr, date) => `Riktlinjer för tjänsteresor\n\nStockholms läns landsting\n\nDnr ${dnr}\n\n`
    + `Beslutad av landstingsstyrelsen den ${date}\n\n`;
  writeFileSync(path.join(versions, 'tjansteresor-2010.txt'), head('LS 1001-0100', '2 februari 2010')
    + 'Tjänsteresor ska i första hand göras med tåg när restiden är under fem timmar.\n\n'
    + 'Hotellnätter bokas enligt det upphandlade avtalet för logi.\n\n'
    + 'Resor ska bokas genom landstingets resebyrå.\n');
  writeFileSync(path.join(versions, 'tjansteresor-2015.txt'), head('LS 1502-0200', '10 mars 2015')
    + 'Dessa riktlinjer ersätter riktlinjerna för tjänsteresor, LS 1001-0100.\n\n'
    + 'Tjänsteresor ska i första hand göras med tåg när restiden är under sex timmar.\n\n'
    + 'Resor ska bokas genom landstingets resebyrå.\n\n'
    + 'Videokonferenser ska väljas när mötet inte kräver närvaro på plats.\n');
  execFileSync(binary, ['ingest', versions, '--db', db], { stdio: 'ignore' });
  baseUrl = await startServer(db);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  browser = await chromium.launch({ executablePath, headless: true, args: asRoot ? ['--no-sandbox'] : [] });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a Swedish query shows highlighted snippets and the region facet', async () => {
  const { page, problems } = await openPage(baseUrl);
  await search(page, 'bevaka och påverka EU');
  const hits = page.locator('#hits .hit');
  assert.ok(await hits.count() > 0);
  const marks = await page.locator('#hits .hit .snippet mark').allTextContents();
  assert.ok(marks.length > 0, 'no <mark> in the snippets');
  assert.ok(marks.some((m) => /bevak|påverka|eu/i.test(m)), `unexpected marks: ${marks}`);
  const facets = await page.locator('#facet-list li').allTextContents();
  assert.ok(facets.some((f) => f.includes('Region Stockholm')), `facets: ${facets}`);
  const exportLinks = await page.locator('#search-export a').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')));
  assert.ok(exportLinks.some((href) => href.includes('format=xlsx') && href.includes('kind=search')));
  assert.deepEqual(problems, []);
  await page.close();
});

test('"Liknande i andra regioner" lists the best clauses per region', async () => {
  const { page, problems } = await openPage(baseUrl);
  await search(page, 'ambassadör för landstinget');
  await page.getByRole('button', { name: 'Liknande i andra regioner' }).first().click();
  await page.locator('#similar .region-group h3').first().waitFor();
  assert.equal(await page.locator('#similar-heading').textContent(),
    'Liknande formuleringar i andra regioner');
  const regions = await page.locator('#similar .region-group h3').allTextContents();
  assert.ok(regions.includes('Region Örebro län'), `regions: ${regions}`);
  const scores = await page.locator('#similar .region-group .score').allTextContents();
  assert.ok(scores.length > 0 && scores.every((s) => /^\d,\d\d$/.test(s)), `scores: ${scores}`);
  assert.ok(await page.locator('#similar .terms').count() > 0, 'no matched words shown');
  assert.deepEqual(problems, []);
  await page.close();
});

test('two documents are compared with a summary line', async () => {
  const { page, problems } = await openPage(baseUrl);
  await page.getByRole('button', { name: 'Jämför dokument' }).click();
  const a = page.getByLabel('Dokument A');
  await a.locator('option').first().waitFor({ state: 'attached' });
  await a.selectOption(await optionValue(a, /Jönköping.*Internationellt arbete/));
  const b = page.getByLabel('Dokument B');
  await b.selectOption(await optionValue(b, /Örebro.*Riktlinjer/));
  await page.getByRole('button', { name: 'Jämför', exact: true }).click();
  await page.locator('#compare-summary', { hasText: 'matchade' }).waitFor();
  assert.match(await page.locator('#compare-summary').textContent(), /\d+ matchade, \d+ bara i A, \d+ bara i B/);
  assert.ok(await page.locator('#compare-table tr.matched').count() > 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a replaced version is folded under the text in force unless all versions are asked for', async () => {
  const { page, problems } = await openPage(baseUrl);
  await search(page, 'restiden tåg');
  const hits = page.locator('#hits .hit');
  assert.equal(await hits.count(), 1);
  assert.equal(await hits.first().locator('.version-status').textContent(), 'gällande');
  assert.match(await hits.first().locator('.older-versions summary').textContent(), /1 äldre version/);
  await page.getByLabel('Visa alla versioner').check();
  await page.locator('#hits .hit .version-status', { hasText: 'ersatt' }).waitFor();
  const statuses = await page.locator('#hits .hit .version-status').allTextContents();
  assert.deepEqual(statuses.sort(), ['ersatt', 'gällande']);
  const reason = await page.locator('#hits .hit .status-reason').first().textContent();
  assert.match(reason, /LS 1001-0100/);
  await search(page, 'hotellnätter logi');
  assert.equal(await page.locator('#hits .hit').count(), 1, 'the checkbox still shows all versions');
  await page.getByLabel('Visa alla versioner').uncheck();
  await page.locator('#summary', { hasText: 'Inga träffar' }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('comparing two versions shows what changed, word by word', async () => {
  const { page, problems } = await openPage(baseUrl);
  await page.getByRole('button', { name: 'Jämför dokument' }).click();
  const a = page.getByLabel('Dokument A');
  await a.locator('option').first().waitFor({ state: 'attached' });
  await a.selectOption(await optionValue(a, /tjänsteresor.*ersatt/));
  const b = page.getByLabel('Dokument B');
  await b.selectOption(await optionValue(b, /tjänsteresor.*gällande/));
  await page.getByRole('button', { name: 'Jämför', exact: true }).click();
  await page.locator('#compare-summary', { hasText: 'matchade' }).waitFor();
  const changes = await page.locator('#compare-table td.change').allTextContents();
  for (const label of ['Oförändrad', 'Ändrad', 'Ny', 'Borttagen']) {
    assert.ok(changes.includes(label), `no ${label} in ${changes}`);
  }
  assert.deepEqual(await page.locator('#compare-table ins').allTextContents(), ['sex']);
  assert.ok((await page.locator('#compare-table del').allTextContents()).includes('fem'));
  const documents = await page.locator('#compare-documents li').allTextContents();
  assert.match(documents[0], /ersatt/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a malicious query is shown as text, never run', async () => {
  const { page, problems } = await openPage(`${baseUrl}?q=${encodeURIComponent(MALICIOUS)}`);
  await page.locator('#summary', { hasText: 'onerror' }).waitFor();
  assert.ok((await page.locator('#summary').textContent()).includes(MALICIOUS));
  await search(page, `${MALICIOUS} internationellt`);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});
