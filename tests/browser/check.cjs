// Headless Chromium checks of the exports, for the .NET tests.
//   node check.cjs timelinejs JSON_FILE SCREENSHOT.png
//   node check.cjs html HTML_FILE SCREENSHOT.png
// Prints one JSON object: { errors: [...], ... } — console errors, page errors and failed requests.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
const os = require('os');

const [mode, file, shot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

(async () => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', e => errors.push('page: ' + e.message));
  page.on('requestfailed', r => errors.push('request: ' + r.url() + ' ' + (r.failure() || {}).errorText));
  const result = { errors, external: [] };
  // The network is closed: requests off this machine (TimelineJS's stylesheet asks Google Fonts for its
  // fonts) get an empty answer and are listed apart, so that only failures of the export itself are errors.
  await page.route(/^https?:\/\//, route => { result.external.push(route.request().url()); route.fulfill({ status: 204, body: '' }); });
  try {
    if (mode === 'timelinejs') {
      const dist = path.join(__dirname, 'node_modules/@knight-lab/timelinejs/dist');
      const data = fs.readFileSync(file, 'utf8');
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8">
        <link rel="stylesheet" href="file://${dist}/css/timeline.css">
        <script src="file://${dist}/js/timeline.js"></script></head>
        <body style="margin:0"><div id="timeline" style="width:1200px;height:760px"></div>
        <script>window.timeline = new TL.Timeline('timeline', ${data}, { script_path: 'file://${dist}/js/' });</script></body></html>`;
      const page_file = path.join(userDataDir, 'timelinejs.html');
      fs.writeFileSync(page_file, html);
      await page.goto('file://' + page_file);
      await page.waitForSelector('.tl-slide', { timeout: 20000 });
      await page.waitForTimeout(1500);
      result.slides = await page.$$eval('.tl-slide', s => s.length);
      result.headlines = await page.$$eval('.tl-headline', h => h.map(x => x.textContent.trim()).filter(t => t.length > 0).slice(0, 5));
      result.markers = await page.$$eval('.tl-timemarker', m => m.length);
    } else if (mode === 'html') {
      await page.goto('file://' + path.resolve(file));
      await page.waitForSelector('li.event');
      result.events = await page.$$eval('li.event', e => e.length);
      result.count = await page.textContent('#count');
      await page.selectOption('#filter-status', 'disputed');
      result.countDisputed = await page.textContent('#count');
      result.visibleDisputed = await page.$$eval('li.event:not(.hidden)', e => e.map(x => x.id));
      await page.selectOption('#filter-status', '');
      result.marks = await page.$$eval('.axis .mark', m => m.length);
    } else {
      throw new Error('usage: check.cjs timelinejs|html FILE SCREENSHOT');
    }
    await page.screenshot({ path: shot, fullPage: mode === 'html' });
  } catch (e) {
    errors.push('check: ' + e.message);
  } finally {
    await browser.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(result));
})();
