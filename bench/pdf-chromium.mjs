#!/usr/bin/env node
// What one leaflet costs to print in headless Chromium, the usual way to make PDFs from HTML:
//
//   node bench/pdf-chromium.mjs SITE_DIR URL_PATH …
//
// Serves SITE_DIR, launches Debian's Chromium once, and with one page object opens each
// URL_PATH once and prints it to a tagged A4 PDF. Prints `launch MS`, then one line per page,
// `page MS BYTES URL_PATH` (goto until `load`, plus page.pdf; the PDF is kept in memory, not
// written), then `median MS`. Used by bench/pdf.sh. Uses the browser test's playwright-core
// (tests/browser/node_modules: run tests/browser/run.sh once) or one found on NODE_PATH.
// Never downloads a browser.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = path.dirname(fileURLToPath(import.meta.url));
// Resolve from tests/browser, where the pinned playwright-core lives, rather than from bench/;
// CommonJS resolution also looks in NODE_PATH, for a checkout without its own node_modules.
const requireFromTests = createRequire(path.join(here, '..', 'tests', 'browser', 'package.json'));
let chromium;
try {
  ({ chromium } = requireFromTests('playwright-core'));
} catch {
  process.stderr.write('pdf-chromium: playwright-core not found: run tests/browser/run.sh once, or set NODE_PATH\n');
  process.exit(2);
}

const [siteArg, ...pages] = process.argv.slice(2);
if (!siteArg || pages.length === 0) {
  process.stderr.write('usage: node bench/pdf-chromium.mjs SITE_DIR URL_PATH …\n');
  process.exit(2);
}
const siteDir = path.resolve(siteArg);

// Only what a leaflet page loads; anything else is served as bytes, which Chromium tolerates.
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
};

// Pages link root-relative (/cy/…), so a file:// URL would not find their CSS and pictures.
const server = http.createServer((req, res) => {
  let rel;
  try {
    rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = path.join(siteDir, rel);
  // path.join has already folded any `..`; refuse whatever still lands outside the site.
  if (file !== siteDir && !file.startsWith(siteDir + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.stat(file, (err, st) => {
    if (!err && st.isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err2, body) => {
      if (err2) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    });
  });
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The launch is a one-off cost a site build would pay once, so it is timed apart from the pages.
let t = performance.now();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage();
console.log(`launch ${(performance.now() - t).toFixed(1)}`);

const times = [];
try {
  for (const p of pages) {
    t = performance.now();
    const response = await page.goto(base + p, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, tagged: true });
    const ms = performance.now() - t;
    // A 404 would print a tiny error page and flatter Chromium: fail instead.
    if (!response || !response.ok()) throw new Error(`${p}: HTTP ${response ? response.status() : 'no response'}`);
    times.push(ms);
    console.log(`page ${ms.toFixed(1)} ${pdf.length} ${p}`);
  }
  console.log(`median ${median(times).toFixed(1)}`);
} finally {
  await browser.close();
  server.close();
}
