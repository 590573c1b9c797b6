// End to end in a real VS Code (code-server, VS Code 1.139 in headless Chromium):
// installs the .vsix, opens a copy of the example project, and proves that
//   1. the clean example shows no problems,
//   2. a file with errors shows them in the Problems panel,
//   3. completion offers Saraqib for the transliteration "Saraqeb",
//   4. hover on a place shows its card,
//   5. a quick fix applies,
//   6. code lenses stand above each event's id (its sources, origins, status),
//   7. the chronology preview shows the page the running server made from the unsaved text.
// Screenshots go to OUT_DIR. Exits non-zero when a check fails.
//   eval "$(../../../../shared/tools/vscode-e2e/setup.sh)"; node run.cjs timeline.vsix OUT_DIR
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const { chromium } = require('playwright-core');

const [vsix, outDir] = process.argv.slice(2);
const env = process.env;
const repo = path.resolve(__dirname, '../../..');
fs.mkdirSync(outDir, { recursive: true });
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-e2e-'));
const work = path.join(state, 'aleppo-2024');
fs.cpSync(path.join(repo, 'examples/aleppo-2024'), work, { recursive: true });
// A file with errors: an unknown place (a transliteration), a weekday for a date.
fs.writeFileSync(path.join(work, 'draft.timeline.yaml'), [
  'title: Draft',
  'events:',
  '  - id: draft-event',
  '    date: Friday',
  '    title: Fighting reaches the town',
  '    places: [saraqeb]',
  '    sources: [insurgents-breach-aleppo]',
  '  - id: draft-hover',
  '    date: 2024-11-29',
  '    title: A place to hover',
  '    places: [geonames:170063]',
  '    sources: [insurgents-breach-aleppo]',
  '  - id: draft-complete',
  '    date: 2024-11-29',
  '    title: A place to complete',
  '    places: []',
  '    sources: [insurgents-breach-aleppo]',
  '',
].join('\n'));
const common = ['--user-data-dir', path.join(state, 'user'), '--extensions-dir', path.join(state, 'ext')];
const freePort = () => new Promise(res => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
const results = [];
const check = (name, ok, detail) => { results.push({ name, ok, detail }); console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`); };

(async () => {
  execFileSync(env.E2E_NODE, [env.CODE_SERVER, ...common, '--install-extension', path.resolve(vsix)], { stdio: 'inherit' });
  const port = await freePort();
  const server = spawn(env.E2E_NODE, [env.CODE_SERVER, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', work], { stdio: 'ignore' });
  await new Promise(r => setTimeout(r, 4000));
  const browser = await chromium.launch({ executablePath: env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = async () => (await page.locator('#status\\.problems').innerText().catch(() => '?')).replace(/\s+/g, ' ').trim();
  const counts = async () => { const t = await problems(); const n = (t.match(/\d+/g) || []).map(Number); return { text: t, total: n.reduce((a, b) => a + b, 0) }; };
  const open = async file => {
    await page.keyboard.press('Control+P'); await page.waitForTimeout(600);
    await page.keyboard.type(file); await page.waitForTimeout(900);
    await page.keyboard.press('Enter'); await page.waitForTimeout(1500);
  };
  const goTo = async (line, col) => {
    await page.keyboard.press('Control+G'); await page.waitForTimeout(400);
    await page.keyboard.type(`${line}:${col}`); await page.keyboard.press('Enter'); await page.waitForTimeout(400);
  };
  const waitFor = async (fn, ms) => { const end = Date.now() + ms; let v; while (Date.now() < end) { v = await fn(); if (v.ok) return v; await page.waitForTimeout(500); } return v; };
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(work)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForTimeout(3000);

    // 1. The clean example: no problems.
    await open('aleppo-2024.timeline.yaml');
    const clean = await waitFor(async () => { const c = await counts(); return { ok: /\d/.test(c.text) && c.total === 0, ...c }; }, 20000);
    await page.waitForTimeout(3000);
    const clean2 = await counts();
    await page.screenshot({ path: path.join(outDir, '1-clean-example.png') });
    check('clean example has no problems', clean2.total === 0 && /\d/.test(clean2.text), clean2.text);

    // 2. A file with errors: they reach the Problems panel.
    await open('draft.timeline.yaml');
    const broken = await waitFor(async () => { const c = await counts(); return { ok: c.total >= 2, ...c }; }, 30000);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(1500);
    const panel = await page.locator('.markers-panel').innerText().catch(() => '');
    await page.screenshot({ path: path.join(outDir, '2-problems.png') });
    check('errors appear in the Problems panel', broken.total >= 2 && panel.includes('saraqeb') && panel.includes('TL103'), `${broken.text}; panel mentions saraqeb: ${panel.includes('saraqeb')}, TL103: ${panel.includes('TL103')}`);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(500);

    // Code lenses above each event's id: its sources, its independent origins, its status.
    const lens = await waitFor(async () => { const t = await page.locator('.codelens-decoration').allInnerTexts().catch(() => []); const all = t.join(' | ');
      return { ok: all.includes('1 source') && all.includes('1 independent origin') && all.includes('status: reported'), all }; }, 15000);
    await page.screenshot({ path: path.join(outDir, '2b-code-lens.png') });
    check('code lenses show sources, origins and status', lens.ok, lens.all.replace(/\s+/g, ' ').slice(0, 160));
    await page.locator('.monaco-editor .view-lines').first().click(); await page.waitForTimeout(300);

    // 3. Completion: "Saraqeb" typed in an empty place list offers Saraqib.
    await goTo(16, 14);
    await page.keyboard.type('Saraqeb'); await page.waitForTimeout(800);
    await page.keyboard.press('Control+Space');
    const suggest = await waitFor(async () => { const t = await page.locator('.suggest-widget').innerText().catch(() => ''); return { ok: /Sar[aā]qib/.test(t) && t.includes('geonames:164816'), t }; }, 10000);
    await page.screenshot({ path: path.join(outDir, '3-completion.png') });
    check('completion offers Saraqib for Saraqeb', suggest.ok, suggest.t.replace(/\s+/g, ' ').slice(0, 160));
    await page.keyboard.press('Enter'); await page.waitForTimeout(800);

    // 4. Hover on a place id shows its card.
    await goTo(11, 16);
    await page.keyboard.press('Control+K'); await page.keyboard.press('Control+I');
    const hover = await waitFor(async () => { const t = await page.locator('.monaco-hover').first().innerText().catch(() => ''); return { ok: t.includes('Aleppo') && t.includes('Syria'), t }; }, 10000);
    await page.screenshot({ path: path.join(outDir, '4-hover.png') });
    check('hover shows a place card', hover.ok, hover.t.replace(/\s+/g, ' ').slice(0, 160));
    await page.keyboard.press('Escape');

    // 5. A quick fix: saraqeb becomes geonames:164816 (Saraqib).
    await goTo(6, 15);
    await page.keyboard.press('Control+.');
    await page.waitForTimeout(1500);
    const actions = await page.locator('.action-widget').innerText().catch(() => '');
    await page.screenshot({ path: path.join(outDir, '5-quick-fix-menu.png') });
    const idx = actions.split('\n').map(s => s.trim()).filter(s => s.length > 0).findIndex(s => s.includes("geonames:164816"));
    for (let i = 0; i < Math.max(0, idx); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter'); await page.waitForTimeout(2500);
    // Only the weekday remains a problem: the unknown place is gone.
    const fixed = await waitFor(async () => { const c = await counts(); return { ok: c.total === 1, ...c }; }, 15000);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(1200);
    const after = await page.locator('.markers-panel').innerText().catch(() => '');
    await page.screenshot({ path: path.join(outDir, '6-quick-fix-applied.png') });
    check('a quick fix applies', fixed.ok && !after.includes('saraqeb') && after.includes('TL103'), `${fixed.text}; menu had "Change to 'geonames:164816'" at ${idx}`);

    // 6. The chronology preview opens beside the editor: the server's page of the unsaved text
    //    (on disk the draft still says saraqeb; in the editor it now names Saraqib).
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .view-lines').first().click(); await page.waitForTimeout(300);
    await page.keyboard.press('F1'); await page.waitForTimeout(600);
    await page.keyboard.type('Timeline: Show the chronology preview'); await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    const preview = await waitFor(async () => { const n = await page.locator('iframe.webview').count().catch(() => 0); return { ok: n > 0, n }; }, 15000);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: path.join(outDir, '7-preview.png') });
    check('the chronology preview opens', preview.ok, `${preview.n} webview frame(s)`);
    const shown = await waitFor(async () => {
      let text = '';
      for (const f of page.frames()) text += ' ' + await f.evaluate(() => document.body ? document.body.innerText : '').catch(() => '');
      return { ok: text.includes('Fighting reaches the town') && /Sar[aā]qib/.test(text), text };
    }, 15000);
    check('the preview shows the unsaved chronology', shown.ok, shown.ok ? 'the draft event, at Saraqib' : shown.text.replace(/\s+/g, ' ').slice(0, 160));
  } catch (e) {
    check('the run', false, String(e));
    await page.screenshot({ path: path.join(outDir, 'error.png') }).catch(() => {});
  } finally {
    await browser.close();
    server.kill();
  }
  const failed = results.filter(r => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
