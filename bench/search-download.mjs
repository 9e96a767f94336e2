#!/usr/bin/env node
// What a reader downloads from the search index for one query, in headless Chromium:
//
//   node bench/search-download.mjs SITE_DIR URL_PATH?q=WORDS …
//
// Serves SITE_DIR, opens each search page with its query, waits for the results, and prints
// one line per page: the results shown, and the requests and bytes fetched under /pagefind/
// (Pagefind's files are already compressed, so these are the bytes on the wire). Uses the
// browser test's npm packages (tests/browser/node_modules: run tests/browser/run.sh once).

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const browserDir = path.join(here, '..', 'tests', 'browser');
const { serveAndLaunch } = await import(pathToFileURL(path.join(browserDir, 'axe-site.mjs')).href);

const [siteDir, ...pages] = process.argv.slice(2);
if (!siteDir || pages.length === 0) {
  process.stderr.write('usage: node bench/search-download.mjs SITE_DIR URL_PATH?q=WORDS …\n');
  process.exit(2);
}
const { base, browser, close } = await serveAndLaunch(siteDir);
try {
  for (const page of pages) {
    // A fresh context each time: nothing cached from the previous query.
    const context = await browser.newContext();
    const tab = await context.newPage();
    const fetched = [];
    tab.on('response', async (r) => {
      if (!new URL(r.url()).pathname.includes('/pagefind/')) return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      fetched.push({ url: r.url(), bytes: body.length });
    });
    await tab.goto(base + page);
    await tab.waitForSelector('#search-results > li', { timeout: 60_000 });
    await tab.waitForLoadState('networkidle');
    const shown = await tab.$$eval('#search-results > li', (l) => l.length);
    const status = await tab.textContent('#search-status');
    const kib = fetched.reduce((n, f) => n + f.bytes, 0) / 1024;
    const kind = (f) => (f.url.match(/\.pf_(\w+)$/) || [, f.url.endsWith('.js') ? 'js' : f.url.endsWith('.pagefind') ? 'wasm' : 'other'])[1];
    const byKind = {};
    for (const f of fetched) byKind[kind(f)] = (byKind[kind(f)] || 0) + f.bytes;
    const parts = Object.entries(byKind).map(([k, b]) => `${k} ${(b / 1024).toFixed(1)}`).join(', ');
    console.log(`${page}\t${status}\t${shown} shown\t${fetched.length} requests\t${kib.toFixed(1)} KiB (${parts})`);
    await context.close();
  }
} finally {
  await close();
}
