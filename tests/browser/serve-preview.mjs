#!/usr/bin/env node
// The live preview as an editor meets it, in headless Chromium:
//
//   node tests/browser/serve-preview.mjs CLEARLEAF_BINARY SITE_DIR
//
// Copies SITE_DIR's site.yaml and content/ into a temporary folder (the edits below must not
// touch the repository), starts `clearleaf serve` on a free port and, on a page with findings:
//   1. opens the findings panel from the keyboard (Tab to its summary, Enter) and runs axe-core
//      (WCAG 2.x A/AA) with the panel open: no violations allowed;
//   2. edits the page's markdown and waits for the open page to reload by itself and show the
//      new text;
//   3. breaks the front matter and waits for the error notice (role=alert) naming the file and
//      line, over the last good page; axe-core again, with the notice shown;
//   4. fixes the file and waits for the notice to go.
// Exits 0 when all of it holds, 1 otherwise.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const [binary, siteDir] = process.argv.slice(2);
if (!binary || !siteDir) {
  process.stderr.write('usage: node tests/browser/serve-preview.mjs CLEARLEAF_BINARY SITE_DIR\n');
  process.exit(2);
}
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The Urdu interpreter page of the example site is deliberately out of date: it has findings.
const PAGE = '/ur/help/interpreter/';
const FILE = 'content/help/interpreter.ur.md';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForServer(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer ${url} within ${ms / 1000} s`);
}

async function axe(tab) {
  await tab.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  /* global axe */
  const result = await tab.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearleaf-preview-'));
fs.copyFileSync(path.join(siteDir, 'site.yaml'), path.join(tmp, 'site.yaml'));
fs.cpSync(path.join(siteDir, 'content'), path.join(tmp, 'content'), { recursive: true });
const port = await freePort();
const server = spawn(binary, ['serve', '--root', tmp, '--port', String(port)], { stdio: ['ignore', 'ignore', 'inherit'] });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const failures = [];
const check = (ok, what) => {
  process.stdout.write(`${ok ? 'pass' : 'FAIL'}  ${what}\n`);
  if (!ok) failures.push(what);
};
try {
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(base + PAGE, 120_000);
  const tab = await browser.newPage({ bypassCSP: true });
  await tab.goto(base + PAGE);

  // 0. On a phone, the closed panel leaves the end of the page readable.
  await tab.setViewportSize({ width: 320, height: 640 });
  await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const covered = await tab.evaluate(() => {
    const panel = document.getElementById('clearleaf-dev').getBoundingClientRect();
    const footer = document.querySelector('footer').getBoundingClientRect();
    return footer.bottom - panel.top;
  });
  check(covered <= 0, `at 320 px the closed panel covers none of the footer at the end of the page (${Math.round(covered)} px)`);
  await tab.setViewportSize({ width: 1280, height: 720 });
  await tab.evaluate(() => window.scrollTo(0, 0));

  // 1. The panel, from the keyboard.
  let presses = 0;
  while (presses < 200 && !(await tab.evaluate(() => document.activeElement?.matches('#clearleaf-dev summary')))) {
    await tab.keyboard.press('Tab');
    presses += 1;
  }
  check(presses < 200, `Tab reaches the findings panel (${presses} presses)`);
  await tab.keyboard.press('Enter');
  check(await tab.evaluate(() => document.getElementById('clearleaf-dev').open), 'Enter opens the findings panel');
  const listed = await tab.locator('#clearleaf-dev li').allTextContents();
  check(listed.some((t) => t.includes('TRANSLATION-OUTDATED')), `the panel lists the page's findings (${listed.length})`);
  const open = await axe(tab);
  check(open.length === 0, `axe-core: no violations with the panel open${open.length ? '\n      ' + open.join('\n      ') : ''}`);

  // 2. An edit reloads the page by itself.
  const file = path.join(tmp, FILE);
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, good + '\nیہ جملہ ابھی شامل کیا گیا۔\n');
  await tab.waitForFunction(() => document.body.innerText.includes('یہ جملہ ابھی شامل کیا گیا'), null, { timeout: 20_000 });
  check(true, 'an edit to the markdown reloads the open page with the new text');

  // 3. A broken edit shows the error over the last good page.
  fs.writeFileSync(file, good.replace(/^title: /m, 'title: ['));
  await tab.waitForSelector('#clearleaf-overlay[role=alert]', { timeout: 20_000 });
  const notice = await tab.locator('#clearleaf-overlay').textContent();
  check(/content\/help\/interpreter\.ur\.md:\d+/.test(notice), 'the error notice names the file and line');
  check((await tab.locator('main h1').count()) === 1, 'the last good page is still shown');
  const broken = await axe(tab);
  check(broken.length === 0, `axe-core: no violations with the error notice${broken.length ? '\n      ' + broken.join('\n      ') : ''}`);

  // 4. Fixed again.
  fs.writeFileSync(file, good);
  await tab.waitForSelector('#clearleaf-overlay', { state: 'detached', timeout: 20_000 });
  check(true, 'fixing the file removes the notice');
} catch (e) {
  check(false, String(e.stack || e));
} finally {
  await browser.close();
  server.kill('SIGINT');
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`${failures.length ? failures.length + ' failed' : 'all passed'}\n`);
process.exit(failures.length ? 1 : 0);
