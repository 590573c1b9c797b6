// End to end in a real VS Code (code-server, VS Code 1.139 in headless Chromium): installs the .vsix once, then
// drives three windows.
//
// The example (workspace trust off), a copy of examples/aleppo-2024 with a draft that has errors:
//   1. the clean example shows no problems; 2. the draft's errors reach the Problems panel; code lenses stand above
//   each event's id; 3. completion offers Saraqib for the transliteration "Saraqeb"; 4. hover on a place shows its
//   card; 5. a quick fix applies; 6. the chronology preview shows the page the running server made from the unsaved
//   text, says that it is unsaved, marks the event that still has a problem and keeps the undated one apart;
//   7. go to definition on a built-in place opens a readable card, and the preview keeps showing the chronology.
//
// A writer's first chronology (workspace trust off), from an empty folder: Timeline: New Chronology writes the project
// and opens its timeline; events are written with completion and quick fixes only; `timeline check` ends clean.
//
// An untrusted folder (workspace trust on, the folder not trusted): its .vscode/settings.json names another server
// and allows catalogs outside the folder; neither is applied, and the safe language features still work.
//
// Screenshots go to OUT_DIR. Exits non-zero when a check fails.
//   eval "$(bash e2e/setup.sh)"; node e2e/run.cjs timeline-linux-x64.vsix OUT_DIR
const { spawn, execFileSync, spawnSync } = require('node:child_process');
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
const extensions = path.join(state, 'ext');
const results = [];
const check = (name, ok, detail) => { results.push({ name, ok, detail }); console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`); };
const freePort = () => new Promise(res => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
});
const oneLine = (s, n = 160) => String(s).replace(/\s+/g, ' ').trim().slice(0, n);

/** A code-server window on a folder, with its own user data (so its own trust decisions), and helpers to drive it. */
async function session(name, folder, { trust = false, settings = {} } = {}) {
  const user = path.join(state, `${name}-user`);
  fs.mkdirSync(path.join(user, 'User'), { recursive: true });
  fs.writeFileSync(path.join(user, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.startupPrompt': 'always',
    // No chat beside the editor: the screenshots show the chronology.
    'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, ...settings,
  }));
  const port = await freePort();
  const server = spawn(env.E2E_NODE, [env.CODE_SERVER, '--user-data-dir', user, '--extensions-dir', extensions, '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(trust ? [] : ['--disable-workspace-trust']), folder],
    { stdio: 'ignore' });
  // Up when it answers (a busy machine takes a while to start it).
  for (let i = 0; i < 120; i++) {
    const up = await new Promise(res => { const c = net.connect(port, '127.0.0.1', () => { c.end(); res(true); }); c.on('error', () => res(false)); });
    if (up) break;
    await new Promise(r => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath: env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const s = {
    page,
    shot: file => page.screenshot({ path: path.join(outDir, file) }),
    close: async () => { await browser.close(); server.kill(); },
    problems: async () => oneLine(await page.locator('#status\\.problems').innerText().catch(() => '?'), 400),
    counts: async () => {
      const t = await s.problems();
      // Errors and warnings, the first two counts (notes, when shown, come after).
      return { text: t, total: (t.match(/\d+/g) || []).slice(0, 2).map(Number).reduce((a, b) => a + b, 0) };
    },
    panel: async () => page.locator('.markers-panel').innerText().catch(() => ''),
    /** Opens the quick input with a key, waits until it is there (a busy machine is slow to show it), and types. */
    quickInput: async (key, text) => {
      const box = page.locator('.quick-input-widget input.input').first();
      const focused = () => page.evaluate(() => !!document.activeElement?.closest('.quick-input-widget'));
      for (let attempt = 0; attempt < 4; attempt++) {
        // The last one must be gone first: a key pressed while it closes would go to it, and the text to the editor.
        await box.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
        await page.keyboard.press(key);
        const open = await box.waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
        if (open && await focused()) {
          await page.keyboard.type(text);
          if ((await box.inputValue().catch(() => '')).includes(text)) return;
        }
        await page.keyboard.press('Escape');
      }
      throw new Error(`the quick input (${key}) did not take "${text}"`);
    },
    open: async file => {
      await s.quickInput('Control+P', file);
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: file }).first().waitFor({ timeout: 10000 }).catch(() => {});
      await page.keyboard.press('Enter');
      await page.locator('.tab.active').filter({ hasText: file }).waitFor({ timeout: 10000 }).catch(() => {});
      await page.waitForTimeout(1000);
    },
    goTo: async (line, col) => {
      await s.quickInput('Control+G', `${line}:${col}`);
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter'); await page.waitForTimeout(400);
    },
    command: async title => {
      await s.quickInput('F1', title);
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ timeout: 10000 }).catch(() => {});
      await page.keyboard.press('Enter');
    },
    waitFor: async (fn, ms) => {
      const end = Date.now() + ms;
      let v;
      while (Date.now() < end) { v = await fn(); if (v.ok) return v; await page.waitForTimeout(500); }
      return v;
    },
    /** The text of every frame but the workbench's own: the preview's page. */
    webviewText: async () => {
      let text = '';
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        text += ' ' + await f.evaluate(() => (document.querySelector('ol.events') ? document.body.innerText : '')).catch(() => '');
      }
      return text.trim();
    },
    /** The editor's text as shown (the lines on screen). */
    editorText: async () => (await page.locator('.monaco-editor .view-lines').first().innerText().catch(() => '')).replace(/\u00a0/g, ' '),
    focusEditor: async () => { await page.locator('.monaco-editor .view-lines').first().click(); await page.waitForTimeout(300); },
  };
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForTimeout(3000);
  return s;
}

/** Runs a drive; a thrown error is a failed check with a screenshot, and the window is closed either way. */
async function drive(name, folder, options, body) {
  let s;
  try {
    s = await session(name, folder, options);
    await body(s);
  } catch (e) {
    check(`${name}: the run`, false, String(e));
    if (s) await s.shot(`${name}-error.png`).catch(() => {});
  } finally {
    if (s) await s.close().catch(() => {});
  }
}

// ---------------- the example ----------------

async function example() {
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
  // Nothing saved unless the drive saves: the preview must show the editor's text, not the file's.
  await drive('example', work, { settings: { 'files.autoSave': 'off' } }, async s => {
    const { page } = s;
    // 1. The clean example: no problems.
    await s.open('aleppo-2024.timeline.yaml');
    await s.waitFor(async () => { const c = await s.counts(); return { ok: /\d/.test(c.text) && c.total === 0, ...c }; }, 20000);
    await page.waitForTimeout(3000);
    const clean = await s.counts();
    await s.shot('1-clean-example.png');
    check('clean example has no problems', clean.total === 0 && /\d/.test(clean.text), clean.text);

    // 2. A file with errors: they reach the Problems panel.
    await s.open('draft.timeline.yaml');
    const broken = await s.waitFor(async () => { const c = await s.counts(); return { ok: c.total >= 2, ...c }; }, 30000);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(1500);
    const panel = await s.panel();
    await s.shot('2-problems.png');
    check('errors appear in the Problems panel', broken.total >= 2 && panel.includes('saraqeb') && panel.includes('TL103'),
      `${broken.text}; panel mentions saraqeb: ${panel.includes('saraqeb')}, TL103: ${panel.includes('TL103')}`);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(500);

    // Code lenses above each event's id: its sources, its independent origins, its status.
    const lens = await s.waitFor(async () => { const t = await page.locator('.codelens-decoration').allInnerTexts().catch(() => []); const all = t.join(' | ');
      return { ok: all.includes('1 source') && all.includes('1 independent origin') && all.includes('status: reported'), all }; }, 15000);
    await s.shot('2b-code-lens.png');
    check('code lenses show sources, origins and status', lens.ok, oneLine(lens.all));
    await s.focusEditor();

    // 3. Completion: "Saraqeb" typed in an empty place list offers Saraqib.
    await s.goTo(16, 14);
    await page.keyboard.type('Saraqeb'); await page.waitForTimeout(800);
    await page.keyboard.press('Control+Space');
    const suggest = await s.waitFor(async () => { const t = await page.locator('.suggest-widget').innerText().catch(() => '');
      return { ok: /Sar[aā]qib/.test(t) && t.includes('saraqib-sy'), t }; }, 10000);
    await s.shot('3-completion.png');
    check('completion offers Saraqib for Saraqeb', suggest.ok, oneLine(suggest.t));
    await page.keyboard.press('Enter'); await page.waitForTimeout(800);

    // 4. Hover on a place id shows its card.
    await s.goTo(11, 16);
    await page.keyboard.press('Control+K'); await page.keyboard.press('Control+I');
    const hover = await s.waitFor(async () => { const t = await page.locator('.monaco-hover').first().innerText().catch(() => '');
      return { ok: t.includes('Aleppo') && t.includes('Syria'), t }; }, 10000);
    await s.shot('4-hover.png');
    check('hover shows a place card', hover.ok, oneLine(hover.t));
    await page.keyboard.press('Escape');

    // 5. A quick fix: saraqeb becomes saraqib-sy (Saraqib).
    await s.goTo(6, 15);
    await page.keyboard.press('Control+.');
    await page.waitForTimeout(1500);
    const change = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'saraqib-sy' }).first();
    const offered = await change.waitFor({ timeout: 10000 }).then(() => true, () => false);
    await s.shot('5-quick-fix-menu.png');
    if (offered) await change.click(); else await page.keyboard.press('Escape');
    await page.waitForTimeout(2500);
    // Only the weekday remains a problem: the unknown place is gone.
    const fixed = await s.waitFor(async () => { const c = await s.counts(); return { ok: c.total === 1, ...c }; }, 15000);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(1200);
    const after = await s.panel();
    await s.shot('6-quick-fix-applied.png');
    check('a quick fix applies', fixed.ok && !after.includes('saraqeb') && after.includes('TL103'),
      `${fixed.text}; "Change to 'saraqib-sy'" offered: ${offered}`);

    // 6. The chronology preview beside the editor: the server's page of the unsaved text (on disk the draft still
    //    says saraqeb; in the editor it now names Saraqib). The event dated "Friday" keeps its problem: it is marked,
    //    and stands apart as not yet dated; the page says it shows unsaved changes.
    await page.keyboard.press('Escape');
    await s.focusEditor();
    await s.command('Timeline: Show the chronology preview');
    const preview = await s.waitFor(async () => { const n = await page.locator('iframe.webview').count().catch(() => 0); return { ok: n > 0, n }; }, 15000);
    check('the chronology preview opens', preview.ok, `${preview.n} webview frame(s)`);
    const shown = await s.waitFor(async () => { const text = await s.webviewText();
      return { ok: text.includes('Fighting reaches the town') && /Sar[aā]qib/.test(text), text }; }, 15000);
    await s.shot('7-preview.png');
    check('the preview shows the unsaved chronology', shown.ok, shown.ok ? 'the draft event, at Saraqib' : oneLine(shown.text));
    const t = shown.text ?? '';
    const undated = t.indexOf('Not yet dated');
    check('the preview says it shows unsaved text', t.includes('Shows unsaved changes to draft.timeline.yaml'), oneLine(t.slice(0, 300)));
    check('the preview marks the event with a problem and keeps it apart as undated',
      undated > 0 && t.indexOf('Fighting reaches the town') > undated && /TL103/.test(t.slice(undated)) && t.includes('Date as written: “Friday”'),
      undated > 0 ? oneLine(t.slice(undated, undated + 200)) : 'no "Not yet dated" section');

    // 7. Go to definition on a built-in place: a readable card, not GeoNames' rows; the preview stays.
    await s.focusEditor();
    await s.goTo(11, 16);
    await page.keyboard.press('F12');
    const card = await s.waitFor(async () => { const tab = (await page.locator('.tab.active').first().innerText().catch(() => '')).replace(/\s+/g, '');
      const text = await s.editorText(); return { ok: tab.includes('Aleppo') && text.includes('# Aleppo') && !/\t/.test(text), tab, text }; }, 15000);
    await page.waitForTimeout(1500);
    const kept = await s.webviewText();
    await s.shot('8-place-card.png');
    check('go to definition on a built-in place opens a readable card', card.ok, `tab "${oneLine(card.tab, 40)}": ${oneLine(card.text, 120)}`);
    check('the preview keeps showing the chronology', kept.includes('Fighting reaches the town'), oneLine(kept, 120));
  });
}

// ---------------- a writer's first chronology ----------------

async function writer() {
  const folder = path.join(state, 'my-chronology');
  fs.mkdirSync(folder);
  // Typing as a test types: nothing indents, closes brackets or suggests on its own; completion comes when asked.
  const settings = { 'files.autoSave': 'off', 'editor.autoIndent': 'none', 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never',
    'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' }, 'editor.suggestOnTriggerCharacters': false };
  await drive('writer', folder, { settings }, async s => {
    const { page } = s;
    const type = async text => { await page.keyboard.type(text, { delay: 15 }); await page.waitForTimeout(300); };
    /** Asks for completion and accepts the item whose text matches. */
    const complete = async match => {
      await page.keyboard.press('Control+Space');
      const row = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: match }).first();
      const shown = await row.waitFor({ timeout: 10000 }).then(() => true, () => false);
      const list = oneLine(await page.locator('.suggest-widget').innerText().catch(() => ''), 120);
      if (shown) { await row.click(); await page.waitForTimeout(600); } else await page.keyboard.press('Escape');
      return { ok: shown, list };
    };
    /** Opens the quick fixes at a line and applies the one whose title matches. */
    const quickFix = async (line, col, match) => {
      await s.goTo(line, col);
      await page.keyboard.press('Control+.');
      const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: match }).first();
      const shown = await row.waitFor({ timeout: 10000 }).then(() => true, () => false);
      const menu = oneLine(await page.locator('.action-widget').innerText().catch(() => ''), 200);
      if (shown) { await row.click(); await page.waitForTimeout(1500); } else await page.keyboard.press('Escape');
      return { ok: shown, menu };
    };
    const lineOf = (text, what) => text.split('\n').findIndex(l => l.includes(what)) + 1;
    const file = () => path.join(folder, 'chronology.timeline.yaml');

    // 1. Timeline: New Chronology, here.
    // In a folder with nothing of Timeline's the extension is not started: its commands are listed once VS Code has
    // read the installed extensions, which a busy machine takes a while to do.
    const entry = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'New Chronology' }).first();
    for (let attempt = 0; attempt < 6; attempt++) {
      await s.quickInput('F1', 'Timeline: New Chronology');
      if (await entry.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Escape'); await page.waitForTimeout(3000);
    }
    await entry.click();
    // The command starts the extension (and its server) first: the folder's question comes when they are up.
    const here = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Here:' }).first();
    await here.waitFor({ timeout: 30000 });
    await s.shot('writer-0-where.png');
    await here.click();
    const opened = await s.waitFor(async () => { const tab = (await page.locator('.tab.active').first().innerText().catch(() => '')).replace(/\s+/g, '');
      return { ok: /\.timeline\.yaml/.test(tab), tab }; }, 20000);
    const written = fs.readdirSync(folder).sort();
    await s.shot('writer-1-new-chronology.png');
    check('writer: New Chronology writes the project and opens its timeline', opened.ok && written.includes('timeline.config.yaml'),
      `tab "${oneLine(opened.tab ?? '', 60)}"; files: ${written.join(', ')}`);
    if (!opened.ok) return;
    const start = await s.waitFor(async () => { const c = await s.counts(); return { ok: /\d/.test(c.text) && c.total === 0, ...c }; }, 20000);
    check('writer: the new chronology has no problems', start.ok, start.text);

    // 2. Three events at the end of the file. Their places and sources come from completion; dates in words and a
    //    pasted link are put right by quick fixes.
    await s.focusEditor();
    await page.keyboard.press('Control+End');
    await type('  - id: fighting-reaches-aleppo\n    date: 2024-11-29\n    title: Fighting reaches Aleppo\n    places: [Alep');
    const aleppo = await complete(/Aleppo/);
    await type(']\n    sources: [');
    const cite1 = await complete('first-report');
    await type(']\n  - id: town-besieged\n    date: since Wednesday\n    title: The town is besieged\n    places: [Saraqeb');
    const saraqib = await complete(/Sar[aā]qib/);
    await type(']\n    sources: [');
    const cite2 = await complete('first-report');
    const url = 'https://www.reuters.com/world/middle-east/syrian-rebels-reach-aleppo-2024-11-29/';
    await type(`]\n  - id: airport-taken\n    date: 2024-11-29\n    title: The airport is taken\n    sources: [${url}]\n`);
    await s.shot('writer-2-events-by-completion.png');
    check('writer: places and sources by completion (Alep → Aleppo, Saraqeb → Saraqib, the report)',
      aleppo.ok && saraqib.ok && cite1.ok && cite2.ok, `Alep: ${aleppo.list}; Saraqeb: ${saraqib.list}`);

    // 3. "since Wednesday": the quick fix makes it the span from Wednesday to the report's publication.
    await page.keyboard.press('Control+S'); await page.waitForTimeout(1500);
    let text = fs.readFileSync(file(), 'utf8');
    const since = await quickFix(lineOf(text, 'since Wednesday'), 13, /Change to '\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}'/);
    await s.shot('writer-3-since-fixed.png');
    await page.keyboard.press('Control+S'); await page.waitForTimeout(1500);
    text = fs.readFileSync(file(), 'utf8');
    check('writer: a "since" date becomes a span by a quick fix', since.ok && /date: \d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}/.test(text), since.menu);

    // 4. The pasted link becomes a source of its own.
    const source = await quickFix(lineOf(text, url), 16, /Create a source from this URL(?! and)/);
    // The fix shows the new source and selects its publisher, the value to check; the status bar names the selection's
    // end, where the cursor stands: "Ln 10, Col 27 (11 selected)" for "    publisher: reuters.com".
    const bar = await s.waitFor(async () => { const t = await page.locator('.statusbar').innerText().catch(() => '');
      return { ok: /\(\d+ selected\)/.test(t), t }; }, 10000);
    await s.shot('writer-4-source-from-url.png');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S'); await page.waitForTimeout(1500);
    text = fs.readFileSync(file(), 'utf8');
    check('writer: a pasted link becomes a source by a quick fix', source.ok && !text.includes(`[${url}]`) && text.includes(`url: ${url}`), source.menu);
    const lines = text.split('\n'), publisher = lines.findIndex(l => /^\s*publisher: reuters\.com\s*$/.test(l));
    const end = lines[publisher]?.indexOf('reuters.com') + 1 + 'reuters.com'.length;
    const expected = `Ln ${publisher + 1}, Col ${end} (${'reuters.com'.length} selected)`;
    check('writer: the new source is shown with its publisher selected', bar.ok && publisher >= 0 && bar.t.includes(expected),
      `expected ${expected}; ${oneLine(bar.t, 200)}`);

    // 5. The new events, dated before the template's, are put in date order by the note's quick fix.
    const sorted = await quickFix(lineOf(text, 'id: fighting-reaches-aleppo') + 1, 11, 'Sort the events by date');
    await page.keyboard.press('Control+S'); await page.waitForTimeout(1500);
    text = fs.readFileSync(file(), 'utf8');
    check('writer: the events sorted by date by a quick fix', sorted.ok && text.indexOf('airport-taken') < text.indexOf('first-event'), sorted.menu);

    // 6. Saved, the project checks clean, in the editor and with `timeline check` as CI runs it.
    const clean = await s.waitFor(async () => { const c = await s.counts(); return { ok: /\d/.test(c.text) && c.total === 0, ...c }; }, 20000);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(1000);
    const left = await s.panel();
    await s.shot('writer-5-checked.png');
    const cli = spawnSync(timelineCli(), ['check', folder, '--no-color'], { encoding: 'utf8' });
    check('writer: the chronology checks clean (the editor and `timeline check`)',
      clean.ok && /No problems have been detected/.test(left) && cli.status === 0 && /^No problems in/m.test(cli.stdout || ''),
      `editor: ${clean.text} ${oneLine(left, 200)}; `
      + `timeline check exit ${cli.status}: ${oneLine((cli.stdout || '') + (cli.stderr || '') + (cli.error || ''), 200)}`);
    fs.writeFileSync(path.join(outDir, 'writer-chronology.timeline.yaml'), text);
  });
}

/** The `timeline` executable the installed extension carries: the one the editor runs. */
function timelineCli() {
  const dir = fs.readdirSync(extensions).find(d => d.startsWith('timeline.timeline-'));
  const platform = fs.readdirSync(path.join(extensions, dir, 'server'))[0];
  return path.join(extensions, dir, 'server', platform, 'timeline');
}

// ---------------- an untrusted folder ----------------

async function untrusted() {
  const folder = path.join(state, 'sent-by-a-stranger');
  const marker = path.join(state, 'the-folder-ran-its-server');
  fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
  // A "server" the folder names: were it run, it would leave a mark.
  const evil = path.join(folder, 'server.sh');
  fs.writeFileSync(evil, `#!/bin/sh\ntouch '${marker}'\nexit 1\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({
    'timeline.server.path': evil, 'timeline.allowCatalogsOutsideRoot': true }, null, 2));
  fs.writeFileSync(path.join(state, 'outside.places.yaml'), 'places:\n  - id: far-away\n    name: Far Away\n');
  fs.writeFileSync(path.join(folder, 'timeline.config.yaml'), 'use: [builtin:levant]\ngazetteers: [../outside.places.yaml]\n');
  fs.writeFileSync(path.join(folder, 'report.timeline.yaml'), [
    'title: Sent by a stranger',
    'events:',
    '  - id: an-event',
    '    date: 2024-11-29',
    '    title: Fighting reaches the town',
    '    places: [saraqeb]',
    '',
  ].join('\n'));
  await drive('untrusted', folder, { trust: true }, async s => {
    const { page } = s;
    // VS Code asks whether to trust the folder's authors: no.
    const ask = page.getByRole('button', { name: /No, I don.t trust the authors/i });
    await ask.waitFor({ timeout: 20000 }).catch(() => {});
    const asked = await ask.isVisible().catch(() => false);
    if (asked) { await ask.click(); await page.waitForTimeout(2000); }
    const restricted = await s.waitFor(async () => { const t = await page.locator('.statusbar').innerText().catch(() => '');
      return { ok: /Restricted Mode/i.test(t), t }; }, 10000);
    check('the folder opens in Restricted Mode', asked && restricted.ok, `asked: ${asked}; status bar: ${oneLine(restricted.t, 80)}`);

    await s.open('report.timeline.yaml');
    const found = await s.waitFor(async () => { const c = await s.counts(); return { ok: c.total >= 2, ...c }; }, 30000);
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(1500);
    const panel = await s.panel();
    await s.shot('untrusted-1-problems.png');
    await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(500);
    check('the folder\'s server is not run', !fs.existsSync(marker), fs.existsSync(marker) ? 'the folder\'s server.sh ran' : 'server.sh never ran');
    check('the language features still work (diagnostics)', found.ok && panel.includes('saraqeb'), found.text);
    // The config names a gazetteer outside the folder; the folder's own "allow" is not applied, so it stays unread.
    await s.open('timeline.config.yaml');
    const refused = await s.waitFor(async () => { await page.keyboard.press('Control+Shift+M'); await page.waitForTimeout(800);
      const t = await s.panel(); await page.keyboard.press('Control+Shift+M'); return { ok: t.includes('outside the project root'), t }; }, 20000);
    check('the folder cannot allow catalogs outside it', refused.ok, oneLine(refused.t, 200));
    await page.locator('.tab').filter({ hasText: 'report.timeline' }).first().click();
    await page.waitForTimeout(1000);

    await s.focusEditor();
    await s.goTo(6, 15);
    await page.keyboard.press('Control+.');
    const fix = await s.waitFor(async () => { const t = (await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => [])).join(' | ');
      return { ok: t.includes('saraqib-sy'), t }; }, 10000);
    await s.shot('untrusted-2-quick-fix.png');
    check('quick fixes are offered in the untrusted folder', fix.ok, oneLine(fix.t));
    await page.keyboard.press('Escape');
  });
}

(async () => {
  execFileSync(env.E2E_NODE, [env.CODE_SERVER, '--extensions-dir', extensions, '--user-data-dir', path.join(state, 'install'),
    '--install-extension', path.resolve(vsix)], { stdio: 'inherit' });
  const only = (env.TIMELINE_E2E_ONLY || 'example,writer,untrusted').split(',');
  if (only.includes('example')) await example();
  if (only.includes('writer')) await writer();
  if (only.includes('untrusted')) await untrusted();
  const failed = results.filter(r => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
