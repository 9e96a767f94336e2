#!/usr/bin/env node
// Real-browser accessibility check for a site built by clearleaf.
//
//   node tests/browser/axe-site.mjs SITE_DIR [--screenshots DIR] [--timeout SECONDS]
//
// Serves SITE_DIR on 127.0.0.1 (a tiny node:http static server, free port),
// then, for every HTML page (every index.html in any folder, plus every
// 404.html), in headless Chromium from Debian's `chromium` package:
//   - axe-core with the WCAG 2.0/2.1/2.2 A and AA tags: no violations allowed;
//   - at a 320 px wide viewport: no horizontal scroll;
//   - one Tab from a fresh load focuses the skip link (<a href="#main">);
//   - picture rows (.picture-row: an <img> then the words) put the picture on
//     the left in left-to-right text and on the right in right-to-left text (the row's own
//     computed direction, so English fallback content inside an Urdu page stays left-to-right).
// Prints a table, full details of every failure, and a closing line
// `N passed, M failed`. Exits 0 when every page passes, 1 when any fails,
// 2 on a usage or setup error.
//
// Environment: CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 640 };

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) process.stderr.write(`axe-site: ${message}\n`);
  process.stderr.write(
    'usage: node tests/browser/axe-site.mjs SITE_DIR [--screenshots DIR] [--timeout SECONDS]\n',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { siteDir: null, screenshots: null, timeoutMs: 60_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const takeValue = (name) => {
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      const value = argv[++i];
      if (value === undefined || value === '') usage(`${name} needs a value`);
      return value;
    };
    if (arg === '-h' || arg === '--help') usage();
    else if (arg === '--screenshots' || arg.startsWith('--screenshots=')) {
      opts.screenshots = path.resolve(takeValue('--screenshots'));
    } else if (arg === '--timeout' || arg.startsWith('--timeout=')) {
      const seconds = Number(takeValue('--timeout'));
      if (!Number.isFinite(seconds) || seconds <= 0) usage('--timeout must be a positive number of seconds');
      opts.timeoutMs = seconds * 1000;
    } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (opts.siteDir === null) opts.siteDir = path.resolve(arg);
    else usage(`unexpected argument ${arg}`);
  }
  if (opts.siteDir === null) usage('SITE_DIR is required');
  return opts;
}

// ------------------------------------------------------------ static server

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

async function statOrNull(file) {
  try {
    return await fsp.stat(file);
  } catch {
    return null;
  }
}

export function createStaticServer(rootDir) {
  const root = path.resolve(rootDir);
  const realRoot = fs.realpathSync(root);
  const inside = (base, file) => file === base || file.startsWith(base + path.sep);

  function send(req, res, status, headers, body) {
    res.writeHead(status, {
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': Buffer.byteLength(body),
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(req, res) {
    const page = path.join(root, '404.html');
    const stat = await statOrNull(page);
    if (stat && stat.isFile()) {
      send(req, res, 404, { 'Content-Type': CONTENT_TYPES['.html'] }, await fsp.readFile(page));
    } else {
      send(req, res, 404, { 'Content-Type': CONTENT_TYPES['.txt'] }, 'Not found\n');
    }
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(req, res, 405, { Allow: 'GET, HEAD', 'Content-Type': CONTENT_TYPES['.txt'] }, 'Method not allowed\n');
    }
    let url;
    let pathname;
    try {
      url = new URL(req.url, 'http://127.0.0.1');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(req, res, 400, { 'Content-Type': CONTENT_TYPES['.txt'] }, 'Bad request\n');
    }
    // Refuse traversal outright, whatever the separator or encoding was.
    // (The WHATWG URL parser already folds "/a/../b"; this catches "%2e%2e",
    // "..%2f" and backslashes.)
    const segments = pathname.split(/[\\/]/);
    if (pathname.includes('\0') || segments.includes('..') || req.url.split('?')[0].split('/').includes('..')) {
      return send(req, res, 403, { 'Content-Type': CONTENT_TYPES['.txt'] }, 'Forbidden\n');
    }
    let file = path.resolve(root, '.' + pathname);
    if (!inside(root, file)) {
      return send(req, res, 403, { 'Content-Type': CONTENT_TYPES['.txt'] }, 'Forbidden\n');
    }
    let stat = await statOrNull(file);
    if (stat && stat.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        const location = url.pathname + '/' + url.search;
        return send(req, res, 301, { Location: location, 'Content-Type': CONTENT_TYPES['.txt'] }, `Moved to ${location}\n`);
      }
      file = path.join(file, 'index.html');
      stat = await statOrNull(file);
    }
    if (!stat || !stat.isFile()) return notFound(req, res);
    // No following a symbolic link out of the site.
    if (!inside(realRoot, await fsp.realpath(file))) {
      return send(req, res, 403, { 'Content-Type': CONTENT_TYPES['.txt'] }, 'Forbidden\n');
    }
    send(req, res, 200, { 'Content-Type': contentType(file) }, await fsp.readFile(file));
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) {
        send(req, res, 500, { 'Content-Type': CONTENT_TYPES['.txt'] }, `Internal error: ${err.message}\n`);
      } else {
        res.destroy(err);
      }
    });
  });
}

function listen(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

/** SITE_DIR served on a free port and a headless Chromium, for the other scripts
 *  (search.mjs, bench/search-download.mjs): `{ base, browser, close }`. */
export async function serveAndLaunch(siteDir) {
  const server = createStaticServer(siteDir);
  const base = `http://127.0.0.1:${await listen(server)}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  const close = async () => {
    await browser.close().catch(() => {});
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(() => resolve()));
  };
  return { base, browser, close };
}

// ------------------------------------------------------------ page discovery

/** Every index.html in any folder plus every 404.html, as site URL paths
 *  (`.others` lists any other .html files, which are not checked). */
export function findPages(rootDir) {
  const root = path.resolve(rootDir);
  const pages = [];
  const others = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && (entry.name === 'index.html' || entry.name === '404.html')) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        const urlPath = entry.name === 'index.html' ? '/' + rel.slice(0, -'index.html'.length) : '/' + rel;
        pages.push({ urlPath: encodeURI(urlPath), file: full, notFoundPage: entry.name === '404.html' });
      } else if (entry.isFile() && /\.html?$/i.test(entry.name)) {
        others.push('/' + path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  walk(root);
  pages.sort((a, b) => (a.urlPath < b.urlPath ? -1 : a.urlPath > b.urlPath ? 1 : 0));
  pages.others = others.sort();
  return pages;
}

// ------------------------------------------------------ in-page measurements

// These run inside the page (serialised by Playwright): no closure variables.

function inPageFocused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return { tag: el ? el.tagName.toLowerCase() : null, href: null, text: '', targetExists: false, visible: false, html: '' };
  }
  const href = el.getAttribute('href');
  const id = href && href.startsWith('#') ? decodeURIComponent(href.slice(1)) : null;
  const rect = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    href,
    text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 80),
    targetExists: id ? document.getElementById(id) !== null : false,
    visible:
      rect.width >= 1 && rect.height >= 1 && rect.bottom > 0 && rect.right > 0 &&
      rect.top < window.innerHeight && rect.left < window.innerWidth,
    html: el.outerHTML.slice(0, 200),
  };
}

function inPagePictureRows() {
  const dir = (document.documentElement.getAttribute('dir') || 'ltr').toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    return s;
  };
  const rows = [...document.querySelectorAll('.picture-row')].map((row, index) => {
    const label = `${describe(row)} #${index + 1}`;
    const img = row.querySelector('img');
    if (!img) return { index, label, ok: false, reason: 'no <img> in the picture row' };
    const ir = img.getBoundingClientRect();
    if (ir.width < 1 || ir.height < 1) return { index, label, ok: false, reason: 'the <img> is not rendered (zero size)' };
    // Union of the rendered boxes of the visible words that follow the picture.
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    let words = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue.trim()) continue;
      if (!(img.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue; // visually-hidden text
        left = Math.min(left, r.left);
        right = Math.max(right, r.right);
        top = Math.min(top, r.top);
        bottom = Math.max(bottom, r.bottom);
      }
      words += node.nodeValue;
    }
    words = words.trim().replace(/\s+/g, ' ').slice(0, 60);
    if (left === Infinity) return { index, label, ok: false, reason: 'no visible words after the <img>' };
    const imgCx = ir.left + ir.width / 2;
    const textCx = (left + right) / 2;
    // The row's own direction decides: fallback content (e.g. English inside an Urdu page) is
    // marked dir="ltr" and must keep its picture on the left.
    const rowDir = getComputedStyle(row).direction === 'rtl' ? 'rtl' : 'ltr';
    const ok = rowDir === 'rtl' ? imgCx > textCx : imgCx < textCx;
    // Side by side when the picture and the words share some height.
    const sideBySide = ir.top < bottom && top < ir.bottom;
    return {
      index, label, ok, words, sideBySide,
      imgCx: Math.round(imgCx), textCx: Math.round(textCx),
      reason: ok
        ? ''
        : `picture centre x ${Math.round(imgCx)} should be ${dir === 'rtl' ? 'right' : 'left'} of words centre x ${Math.round(textCx)}` +
          (sideBySide ? '' : ' (the picture and the words are stacked, not side by side)'),
    };
  });
  return { dir, rows };
}

function inPageOverflow() {
  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const selector = (el) => {
    const parts = [];
    for (let e = el; e && e.nodeType === 1 && parts.length < 4; e = e.parentElement) {
      let s = e.tagName.toLowerCase();
      if (e.id) { parts.unshift(s + '#' + e.id); break; }
      if (e.classList.length) s += '.' + [...e.classList].slice(0, 2).join('.');
      parts.unshift(s);
    }
    return parts.join(' > ');
  };
  const depth = (el) => { let d = 0; for (let e = el; e; e = e.parentElement) d++; return d; };
  // Content inside a scroll or clip container (a wide table in an
  // overflow-x: auto wrapper) cannot widen the page: leave it out.
  const clipCache = new Map();
  const clipped = (el) => {
    const parent = el.parentElement;
    if (!parent || parent === document.body || parent === doc) return false;
    if (clipCache.has(parent)) return clipCache.get(parent);
    const value = getComputedStyle(parent).overflowX !== 'visible' || clipped(parent);
    clipCache.set(parent, value);
    return value;
  };
  const culprits = [];
  for (const el of document.body ? document.body.querySelectorAll('*') : []) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.position === 'fixed' || clipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    // How far the box sticks out of the viewport, and how far its own content
    // spills out of the box (long words, wide tables with overflow: visible).
    const sticksOut = Math.max(r.right - vw, -r.left, 0);
    const spills = cs.overflowX === 'visible' ? Math.max(el.scrollWidth - el.clientWidth, 0) : 0;
    const amount = Math.max(sticksOut, el.clientWidth > 0 ? spills : 0);
    if (amount > 1) {
      culprits.push({
        selector: selector(el),
        width: Math.round(r.width),
        left: Math.round(r.left),
        right: Math.round(r.right),
        scrollWidth: el.scrollWidth,
        overflowBy: Math.round(amount),
        depth: depth(el),
        html: el.outerHTML.slice(0, 120).replace(/\s+/g, ' '),
      });
    }
  }
  culprits.sort((a, b) => b.overflowBy - a.overflowBy || b.depth - a.depth);
  return {
    scrollWidth: doc.scrollWidth,
    clientWidth: vw,
    overflow: doc.scrollWidth > vw,
    widest: culprits.slice(0, 6),
  };
}

async function inPageAxe(options) {
  /* global axe */
  const result = await axe.run(document, options);
  return {
    version: axe.version,
    violations: result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))),
        html: n.html.slice(0, 200),
        failureSummary: n.failureSummary || '',
      })),
    })),
  };
}

const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

// -------------------------------------------------------------- the checks

function withTimeout(promise, ms, label) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: timed out after ${ms / 1000} s`)), ms);
  });
  promise.catch(() => {}); // the loser's rejection must not go unhandled
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function newContext(browser, baseURL, viewport, warnings) {
  const context = await browser.newContext({
    viewport,
    bypassCSP: true, // axe-core is injected as an inline script
    reducedMotion: 'reduce',
    locale: 'en-GB',
    serviceWorkers: 'block',
  });
  // Keep the run hermetic: nothing but the local server is reached.
  const origin = new URL(baseURL).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/') || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    warnings?.push(`blocked a request to another host: ${u}`);
    return route.abort('blockedbyclient');
  });
  return context;
}

/** In right-to-left content, numbers of several groups (phone numbers) the renderer isolated
 *  (`<span dir="ltr" class="number">`): each must show its first digit to the left of its last,
 *  on one line. */
function inPageNumbers() {
  const out = { checked: 0, wrong: [] };
  if ((document.documentElement.getAttribute('dir') || '').toLowerCase() !== 'rtl') return out;
  const range = document.createRange();
  for (const el of document.querySelectorAll('.content .number')) {
    const node = el.firstChild;
    const text = node && node.nodeType === Node.TEXT_NODE ? node.data : '';
    if (!/\d\D+\d/.test(text)) continue;
    const box = (i) => {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      return range.getBoundingClientRect();
    };
    out.checked += 1;
    const lines = new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
    if (lines > 1) out.wrong.push(`"${text}" is split over ${lines} lines`);
    else if (!(box(0).left < box(text.length - 1).left)) out.wrong.push(`"${text}" shows its digits right to left`);
  }
  return out;
}

/** Which of the theme's Arabic-script faces the page needs and has not loaded. */
function inPageFonts() {
  const loaded = new Set([...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
  const needs = [];
  if (document.querySelector('[lang|="ur"]')) needs.push('clearleaf Nastaliq');
  if (document.querySelector('[lang|="ar"]')) needs.push('clearleaf Naskh');
  const missing = needs.filter((f) => !loaded.has(f));
  return { ok: missing.length === 0, missing };
}

async function checkPage(browser, baseURL, page, axeSource, timeoutMs) {
  const url = new URL(page.urlPath, baseURL).href;
  const result = {
    urlPath: page.urlPath,
    error: null,
    warnings: [],
    axe: null,
    overflow: null,
    skip: null,
    pictures: null,
    fonts: null,
  };
  const context = await newContext(browser, baseURL, DESKTOP, result.warnings);
  context.setDefaultTimeout(Math.min(30_000, timeoutMs));
  const work = (async () => {
    const tab = await context.newPage();
    tab.on('pageerror', (err) => result.warnings.push(`script error: ${err.message}`));
    tab.on('response', (res) => {
      if (res.status() >= 400 && res.url() !== url) result.warnings.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    const response = await tab.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) {
      throw new Error(`loading ${url} gave HTTP ${response ? response.status() : 'no response'}`);
    }
    await tab.evaluate(() => document.fonts.ready.then(() => undefined));

    // 0. Text marked Urdu or Arabic (the page, or a language switcher entry) is set in the
    //    theme's own fonts: a reader's device may have none for Arabic script.
    result.fonts = await tab.evaluate(inPageFonts);

    // 1. One Tab from a fresh load reaches the skip link.
    await tab.keyboard.press('Tab');
    const focused = await tab.evaluate(inPageFocused);
    result.skip = {
      ...focused,
      ok: focused.tag === 'a' && focused.href === '#main',
    };
    if (result.skip.ok && !focused.targetExists) {
      result.skip.ok = false;
      result.skip.reason = 'the skip link points to #main but no element has id="main"';
    } else if (!result.skip.ok) {
      result.skip.reason = `first Tab focused ${focused.tag ? `<${focused.tag}${focused.href !== null ? ` href="${focused.href}"` : ''}>` : 'nothing'}, expected <a href="#main">`;
    }
    if (result.skip.ok && !focused.visible) result.warnings.push('the skip link is focused but not visible on screen');
    await tab.evaluate(() => document.activeElement && document.activeElement.blur());

    // 2. Picture rows: picture on the reading-start side (at 320 px too,
    //    for rows that still sit side by side there; see step 4).
    result.pictures = await tab.evaluate(inPagePictureRows);
    result.pictures.rows.forEach((row) => { row.at = `${DESKTOP.width}px`; });
    result.numbers = await tab.evaluate(inPageNumbers);

    // 3. axe-core, WCAG 2.x A/AA.
    await tab.addScriptTag({ content: axeSource });
    result.axe = await tab.evaluate(inPageAxe, { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] });

    // 4. 320 px: no horizontal scroll.
    await tab.setViewportSize(NARROW);
    await tab.evaluate(nextFrames);
    result.overflow = await tab.evaluate(inPageOverflow);
    const narrow = await tab.evaluate(inPagePictureRows);
    for (const row of narrow.rows) {
      if (row.sideBySide && !row.ok) result.pictures.rows.push({ ...row, at: `${NARROW.width}px` });
    }
  })();
  try {
    await withTimeout(work, timeoutMs, page.urlPath);
  } catch (err) {
    result.error = err.message.split('\n')[0];
  } finally {
    await context.close().catch(() => {});
  }
  return result;
}

function verdict(r) {
  const failures = [];
  if (r.error) failures.push('error');
  if (r.axe && r.axe.violations.length) failures.push('axe');
  if (r.overflow && r.overflow.overflow) failures.push('overflow');
  if (r.skip && !r.skip.ok) failures.push('skip');
  if (r.pictures && r.pictures.rows.some((row) => !row.ok)) failures.push('pictures');
  if (r.fonts && !r.fonts.ok) failures.push(`fonts (${r.fonts.missing.join(', ')} not loaded)`);
  if (r.numbers && r.numbers.wrong.length) failures.push('numbers');
  if (!r.error && (!r.axe || !r.overflow || !r.skip || !r.pictures)) failures.push('incomplete');
  return failures;
}

// ------------------------------------------------------------- screenshots

async function takeScreenshots(browser, baseURL, pages, outDir, timeoutMs) {
  await fsp.mkdir(outDir, { recursive: true });
  const have = new Set(pages.map((p) => p.urlPath));
  const pick = (preferred, fallback) => (have.has(preferred) ? preferred : have.has(fallback) ? fallback : null);
  const shots = [
    ['standard', pick('/help/out-of-hours/', '/')],
    ['easy-read', pick('/easy-read/help/out-of-hours/', '/easy-read/')],
    ['urdu', pick('/ur/help/out-of-hours/', '/ur/')],
    ['arabic', pick('/ar/help/interpreter/', '/ar/')],
    ['easy-read-urdu', pick('/ur/easy-read/help/out-of-hours/', '/ur/easy-read/')],
    // The translation status report (status_page: true), on screen and printed.
    ['status', pick('/status/', '/status/')],
  ];
  const written = [];
  const problems = [];
  for (const [name, urlPath] of shots) {
    if (!urlPath) {
      problems.push(`${name}: no page to photograph (neither candidate exists)`);
      continue;
    }
    for (const viewport of [DESKTOP, NARROW]) {
      const context = await newContext(browser, baseURL, viewport, null);
      try {
        await withTimeout((async () => {
          const tab = await context.newPage();
          await tab.goto(new URL(urlPath, baseURL).href, { waitUntil: 'load' });
          await tab.evaluate(() => document.fonts.ready.then(() => undefined));
          const file = path.join(outDir, `${name}-${viewport.width}.png`);
          await tab.screenshot({ path: file, fullPage: true });
          written.push(`${file}  (${urlPath} at ${viewport.width} px)`);
          if ((name === 'standard' || name === 'status') && viewport === DESKTOP) {
            const pdf = path.join(outDir, `${name}.pdf`);
            await tab.pdf({ path: pdf, format: 'A4', printBackground: true });
            written.push(`${pdf}  (${urlPath}, A4, print media)`);
          }
        })(), timeoutMs, `screenshot ${urlPath}`);
      } catch (err) {
        problems.push(`${name} ${viewport.width}px (${urlPath}): ${err.message.split('\n')[0]}`);
      } finally {
        await context.close().catch(() => {});
      }
    }
  }
  return { written, problems };
}

// ----------------------------------------------------------------- report

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  const line = (r) => r.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function report(results) {
  const out = [];
  const rows = [['page', 'axe violations', '320px overflow', 'skip link ok', 'picture side ok', 'fonts ok', 'result']];
  for (const r of results) {
    const fails = verdict(r);
    const axeCell = r.axe
      ? r.axe.violations.length
        ? `${r.axe.violations.length} (${r.axe.violations.reduce((n, v) => n + v.nodes.length, 0)} nodes)`
        : '0'
      : '?';
    const overflowCell = r.overflow
      ? r.overflow.overflow ? `yes (${r.overflow.scrollWidth}>${r.overflow.clientWidth})` : 'no'
      : '?';
    const skipCell = r.skip ? (r.skip.ok ? 'yes' : 'NO') : '?';
    const picCell = r.pictures
      ? r.pictures.rows.length === 0
        ? 'n/a'
        : r.pictures.rows.every((row) => row.ok)
          ? `yes (${r.pictures.dir}, ${r.pictures.rows.length} row${r.pictures.rows.length === 1 ? '' : 's'})`
          : `NO (${r.pictures.dir}, wrong at ${[...new Set(r.pictures.rows.filter((row) => !row.ok).map((row) => row.at))].join(' and ')})`
      : '?';
    const fontCell = r.fonts ? (r.fonts.ok ? 'yes' : 'NO') : '?';
    rows.push([r.urlPath, axeCell, overflowCell, skipCell, picCell, fontCell, fails.length ? 'FAIL' : 'pass']);
  }
  out.push(table(rows));

  const failing = results.filter((r) => verdict(r).length);
  if (failing.length) out.push('', 'Details', '=======');
  for (const r of failing) {
    out.push('', `## ${r.urlPath}`);
    if (r.error) out.push(`  error: ${r.error}`);
    if (r.fonts && !r.fonts.ok) out.push(`  fonts: the theme's ${r.fonts.missing.join(' and ')} did not load for the text marked in that language`);
    for (const w of r.numbers ? r.numbers.wrong : []) out.push(`  number in right-to-left text: ${w}`);
    if (r.axe) {
      for (const v of r.axe.violations) {
        out.push(`  axe ${v.id} [${v.impact}]: ${v.help}`, `    ${v.helpUrl}`);
        for (const n of v.nodes) {
          out.push(`    - target: ${n.target.join(', ')}`);
          out.push(`      html: ${n.html.replace(/\s+/g, ' ')}`);
          for (const l of n.failureSummary.split('\n').filter(Boolean)) out.push(`      ${l.trim()}`);
        }
      }
    }
    if (r.overflow && r.overflow.overflow) {
      out.push(`  320px overflow: scrollWidth ${r.overflow.scrollWidth} > clientWidth ${r.overflow.clientWidth}; widest elements:`);
      for (const w of r.overflow.widest) {
        out.push(`    - ${w.selector}: overflows by ${w.overflowBy}px (box ${w.left}..${w.right}, width ${w.width}, scrollWidth ${w.scrollWidth})`);
        out.push(`      ${w.html}`);
      }
    }
    if (r.skip && !r.skip.ok) {
      out.push(`  skip link: ${r.skip.reason}`);
      if (r.skip.html) out.push(`    focused: ${r.skip.html}`);
    }
    if (r.pictures) {
      for (const row of r.pictures.rows.filter((x) => !x.ok)) {
        out.push(`  picture row ${row.label} at ${row.at} (dir=${r.pictures.dir}): ${row.reason}${row.words ? ` — "${row.words}"` : ''}`);
      }
    }
  }
  const warned = results.filter((r) => r.warnings.length);
  if (warned.length) {
    out.push('', 'Warnings (not counted as failures)', '==================================');
    for (const r of warned) {
      out.push(`## ${r.urlPath}`);
      for (const w of [...new Set(r.warnings)]) out.push(`  - ${w}`);
    }
  }
  return out.join('\n');
}

// ------------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const stat = await statOrNull(opts.siteDir);
  if (!stat || !stat.isDirectory()) usage(`${opts.siteDir} is not a folder`);
  const pages = findPages(opts.siteDir);
  if (pages.length === 0) usage(`no index.html or 404.html found under ${opts.siteDir}`);
  if (!fs.existsSync(CHROMIUM_PATH)) {
    usage(`${CHROMIUM_PATH} not found: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const axeSource = await fsp.readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

  let server = null;
  let browser = null;
  let closing = null;
  const cleanup = () => {
    closing ??= (async () => {
      if (browser) await browser.close().catch(() => {});
      if (server) {
        server.closeAllConnections?.();
        await new Promise((resolve) => server.close(() => resolve()));
      }
    })();
    return closing;
  };
  // On a signal: close the browser and the server, print no verdict, exit.
  let interrupted = false;
  const halt = () => new Promise(() => {}); // the signal handler exits the process
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => {
      interrupted = true;
      process.stderr.write(`axe-site: ${signal}, closing the browser\n`);
      cleanup().finally(() => process.exit(code));
    });
  }

  const started = Date.now();
  try {
    server = createStaticServer(opts.siteDir);
    const port = await listen(server);
    const baseURL = `http://127.0.0.1:${port}/`;
    if (interrupted) return halt();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      // Our own handlers close the browser and the server together.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    console.log(`clearleaf browser check: ${pages.length} pages from ${opts.siteDir}`);
    console.log(`Chromium ${browser.version()}, axe-core ${require('axe-core/package.json').version}, served at ${baseURL}`);
    if (pages.others.length) {
      console.log(`note: ${pages.others.length} other .html file(s) not checked: ${pages.others.slice(0, 5).join(', ')}${pages.others.length > 5 ? ', ...' : ''}`);
    }
    console.log('');

    const results = [];
    for (const page of pages) {
      const r = await checkPage(browser, baseURL, page, axeSource, opts.timeoutMs);
      if (interrupted) return halt();
      process.stderr.write(`  ${verdict(r).length ? 'FAIL' : 'pass'}  ${page.urlPath}\n`);
      results.push(r);
    }
    console.log(report(results));

    let shotsFailed = false;
    if (opts.screenshots) {
      const { written, problems } = await takeScreenshots(browser, baseURL, pages, opts.screenshots, opts.timeoutMs);
      if (interrupted) return halt();
      console.log(`\nScreenshots and PDF in ${opts.screenshots}:`);
      for (const w of written) console.log(`  ${w}`);
      for (const p of problems) console.log(`  FAILED ${p}`);
      shotsFailed = problems.length > 0;
    }

    // The order of a phone number is checked on at least one Urdu and one Arabic page: a site
    // where no number was found to check would pass without showing anything.
    const numbersSeen = [];
    for (const lang of ['ur', 'ar']) {
      const seen = results.filter((r) => r.urlPath.startsWith(`/${lang}/`) && r.numbers && r.numbers.checked > 0);
      console.log(`numbers in right-to-left text: ${seen.reduce((n, r) => n + r.numbers.checked, 0)} checked on ${seen.length} /${lang}/ page(s)`);
      numbersSeen.push(seen.length > 0 || !results.some((r) => r.urlPath.startsWith(`/${lang}/`)));
    }
    const numbersMissing = numbersSeen.includes(false);
    if (numbersMissing) console.log('FAILED no phone number of several groups was found to check on an Urdu or an Arabic page');

    const pagesFailed = results.filter((r) => verdict(r).length).length;
    const passed = results.length - pagesFailed;
    const failed = pagesFailed + (numbersMissing ? 1 : 0);
    console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(1)} s.${shotsFailed ? ' Screenshots FAILED (see above).' : ''}`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 || shotsFailed ? 1 : 0;
  } finally {
    await cleanup();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`axe-site: ${err && err.stack ? err.stack : err}\n`);
      process.exit(2);
    },
  );
}
