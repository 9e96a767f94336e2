#!/usr/bin/env node
// The search pages as a reader uses them, in headless Chromium, on the example site as built:
//
//   node tests/browser/search.mjs SITE_DIR [--screenshots DIR]
//
// 1. "interpreter" on /search/: the interpreter page comes first;
// 2. a Welsh word on /cy/search/: only Welsh pages come back;
// 3. an Urdu word on /ur/search/: the results are Urdu pages, laid out right to left;
// 4. "interpreter" on /easy-read/search/: the Easy read page comes first, with its picture;
// 5. axe-core (WCAG 2.x A/AA) on each of those pages with the results shown: no violations;
// 6. keyboard only, on /search/: Tab to the field, type, Tab on to the first result, Enter opens
//    it;
// 7. the result count is announced in an aria-live region, in the page's language.
// Saves screenshots of the Urdu and the Easy read search pages with results. Exits 0 when all
// of it holds, 1 otherwise, 2 on a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveAndLaunch } from './axe-site.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const siteDir = args[0];
const shotsAt = args.indexOf('--screenshots');
const shotsDir = shotsAt > 0 ? args[shotsAt + 1] : null;
if (!siteDir || !fs.existsSync(path.join(siteDir, 'search', 'index.html'))) {
  process.stderr.write('usage: node tests/browser/search.mjs SITE_DIR [--screenshots DIR] (SITE_DIR must have search/index.html)\n');
  process.exit(2);
}
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const failures = [];
const check = (ok, what) => {
  process.stderr.write(`  ${ok ? 'pass' : 'FAIL'}  ${what}\n`);
  if (!ok) failures.push(what);
};

/** The results a search shows: each one's address, language and direction as laid out. */
async function results(tab) {
  await tab.waitForSelector('#search-results > li', { timeout: 20_000 });
  return tab.$$eval('#search-results > li', (items) =>
    items.map((li) => {
      const a = li.querySelector('h2 a');
      const url = new URL(a.href).pathname;
      return { url, title: a.textContent, picture: !!li.querySelector('img'), direction: getComputedStyle(li).direction };
    }),
  );
}

async function searchFor(tab, query) {
  await tab.fill('#search-field', query);
  await tab.press('#search-field', 'Enter');
  return results(tab);
}

async function axe(tab, label) {
  await tab.addScriptTag({ content: axeSource });
  const found = await tab.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  const violations = found.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  check(violations.length === 0, `axe-core on ${label} with results shown${violations.length ? ': ' + violations.join('; ') : ''}`);
}

async function shot(tab, name) {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await tab.evaluate(() => document.fonts.ready.then(() => undefined));
  await tab.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

const { base, browser, close } = await serveAndLaunch(siteDir);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, reducedMotion: 'reduce' });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));

  // 1, 5, 7: English, standard.
  await tab.goto(`${base}/search/`);
  check(await tab.isHidden('#search-without-script'), '/search/: the "search needs JavaScript" words are hidden once the script runs');
  let found = await searchFor(tab, 'interpreter');
  check(found[0]?.url === '/help/interpreter/', `/search/ "interpreter": first result is /help/interpreter/ (got ${found.map((r) => r.url).join(', ')})`);
  const summary = await tab.textContent('#search-status');
  check(/results? for/.test(summary) && summary.includes('interpreter'), `/search/: the live region says how many results (${summary})`);
  check((await tab.getAttribute('#search-status', 'aria-live')) === 'polite', '/search/: the summary is aria-live polite');
  check(new URL(tab.url()).searchParams.get('q') === 'interpreter', '/search/: the address keeps the words (?q=), so Back returns to the results');
  await axe(tab, '/search/');

  // 2: Welsh.
  await tab.goto(`${base}/cy/search/`);
  found = await searchFor(tab, 'cyfieithydd');
  check(found.length > 0 && found.every((r) => r.url.startsWith('/cy/')), `/cy/search/ "cyfieithydd": only Welsh pages (got ${found.map((r) => r.url).join(', ')})`);
  check(/canlyniad/.test(await tab.textContent('#search-status')), '/cy/search/: the count is in Welsh');
  await axe(tab, '/cy/search/');

  // 3: Urdu, right to left.
  await tab.goto(`${base}/ur/search/`);
  found = await searchFor(tab, 'ترجمان');
  check(found.length > 0 && found.every((r) => r.url.startsWith('/ur/')), `/ur/search/ "ترجمان": only Urdu pages (got ${found.map((r) => r.url).join(', ')})`);
  check(found.every((r) => r.direction === 'rtl'), '/ur/search/: results are laid out right to left');
  check(/نتائج|نتیجہ/.test(await tab.textContent('#search-status')), '/ur/search/: the count is in Urdu');
  await axe(tab, '/ur/search/');
  await shot(tab, 'search-urdu');

  // 4: Easy read.
  await tab.goto(`${base}/easy-read/search/`);
  found = await searchFor(tab, 'interpreter');
  check(found[0]?.url === '/easy-read/help/interpreter/', `/easy-read/search/ "interpreter": first result is the Easy read page (got ${found.map((r) => r.url).join(', ')})`);
  check(found[0]?.picture === true, '/easy-read/search/: the first result shows its page\'s picture');
  await axe(tab, '/easy-read/search/');
  await shot(tab, 'search-easy-read');

  // 6: keyboard only, from a fresh load.
  await tab.goto(`${base}/search/`);
  let steps = 0;
  while (steps++ < 30 && (await tab.evaluate(() => document.activeElement?.id)) !== 'search-field') await tab.keyboard.press('Tab');
  check((await tab.evaluate(() => document.activeElement?.id)) === 'search-field', 'keyboard: Tab reaches the search field');
  await tab.keyboard.type('interpreter');
  await tab.keyboard.press('Enter');
  await tab.waitForSelector('#search-results > li');
  steps = 0;
  const inFirst = () => tab.evaluate(() => document.activeElement === document.querySelector('#search-results > li h2 a'));
  while (steps++ < 5 && !(await inFirst())) await tab.keyboard.press('Tab');
  check(await inFirst(), 'keyboard: Tab goes on from the field to the first result');
  await Promise.all([tab.waitForURL(`${base}/help/interpreter/`), tab.keyboard.press('Enter')]);
  check(new URL(tab.url()).pathname === '/help/interpreter/', 'keyboard: Enter opens the first result');

  check(errors.length === 0, `no script errors${errors.length ? ': ' + errors.join('; ') : ''}`);
} finally {
  await close();
}
console.log(failures.length ? `search: ${failures.length} failed` : 'search: all passed');
process.exit(failures.length ? 1 : 0);
