// Headless Chromium checks of the exports, for the .NET tests.
//   node check.cjs timelinejs JSON_FILE SCREENSHOT.png
//   node check.cjs html HTML_FILE SCREENSHOT.png [EVENT_ID [MAP_PLACE]]   the page, its axis, map and links
//   node check.cjs preview HTML_FILE SCREENSHOT.png                          the page at the width of an editor's side panel
//   node check.cjs page HTML_FILE SCREENSHOT.png                             any page (rendered Markdown): what a reader sees
// Prints one JSON object: { errors: [...], pwned, violations, ... }: console errors, page errors, failed requests,
// whether any script of the exported text ran (it sets window.__pwned), and Content-Security-Policy violations.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
const os = require('os');

const [mode, file, shot, eventId, placeKey] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

(async () => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'timeline-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const viewport = mode === 'preview' ? { width: 720, height: 900 } : { width: 1280, height: 900 };
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
  page.on('pageerror', e => errors.push('page: ' + e.message));
  page.on('requestfailed', r => errors.push('request: ' + r.url() + ' ' + (r.failure() || {}).errorText));
  page.on('dialog', d => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  const result = { errors, external: [] };
  // The network is closed: requests off this machine (TimelineJS's stylesheet asks Google Fonts for its
  // fonts) get an empty answer and are listed apart, so that only failures of the export itself are errors.
  await page.route(/^https?:\/\//, route => { result.external.push(route.request().url()); route.fulfill({ status: 204, body: '' }); });
  const safety = async () => {
    result.pwned = await page.evaluate(() => window.__pwned || null);
    result.violations = await page.evaluate(() => window.__violations);
    result.scriptLinks = await page.$$eval('a[href], [src]', els => els
      .map(e => e.getAttribute('href') || e.getAttribute('src'))
      .filter(u => !/^(https?:|#|file:|data:)/i.test(u.trim())));
    result.injected = await page.$$eval('body img, body iframe, body object, body embed', els => els.map(e => e.outerHTML));
    result.text = await page.evaluate(() => document.body.innerText);
  };
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
      result.headlines = await page.$$eval('.tl-headline', h => h.map(x => x.textContent.trim()).filter(t => t.length > 0));
      result.markers = await page.$$eval('.tl-timemarker', m => m.length);
      result.slideTexts = await page.$$eval('.tl-slide', s => s.map(x => x.innerText));
      result.pwned = await page.evaluate(() => window.__pwned || null);
      result.scriptLinks = await page.$$eval('.tl-slide a[href]', els => els.map(e => e.getAttribute('href')).filter(u => !/^(https?:|#)/i.test(u)));
    } else if (mode === 'html' || mode === 'preview') {
      await page.goto('file://' + path.resolve(file));
      await page.waitForSelector('li.event');
      await safety();
      result.events = await page.$$eval('li.event', e => e.length);
      result.count = await page.textContent('#count');
      result.csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', m => m.content).catch(() => null);
      result.axis = await page.evaluate(() => {
        const svg = document.querySelector('svg.axis');
        if (!svg) return null;
        const box = svg.getBoundingClientRect();
        const rects = Array.from(svg.querySelectorAll('a.mark rect')).map(r => {
          const b = r.getBoundingClientRect();
          return { id: r.parentNode.getAttribute('data-id'), x: b.x - box.x, width: b.width };
        });
        const labels = Array.from(svg.querySelectorAll('.tick-label:not([visibility="hidden"])')).map(t => {
          const b = t.getBoundingClientRect();
          return { text: t.textContent, x: b.x - box.x, width: b.width };
        });
        return { width: box.width, marks: rects, labels };
      });
      result.map = await page.evaluate(() => {
        const svg = document.querySelector('svg.map');
        if (!svg) return null;
        return {
          places: Array.from(svg.querySelectorAll('.place')).map(p => ({
            key: p.getAttribute('data-place'), approximate: p.classList.contains('approx'),
            label: p.querySelector('.label').textContent, events: p.getAttribute('data-events').split(' ') })),
          land: (svg.querySelector('.land').getAttribute('d') || '').length,
          credit: (document.querySelector('.credit') || {}).textContent || '',
        };
      });
      // A whole page of thousands of events is no picture: then the first screen only.
      await page.screenshot({ path: shot, fullPage: mode === 'html' && result.events <= 200 });
      if (mode === 'preview' && eventId) {
        // What an editor does to show the event under the cursor.
        await page.evaluate(id => window.postMessage({ type: 'reveal', id }, '*'), eventId);
        await page.waitForTimeout(200);
        result.revealed = await page.$$eval('li.event.selected', e => e.map(x => x.id));
        result.revealedPlaces = await page.$$eval('.map .place.selected', ps => ps.map(p => p.getAttribute('data-place')));
        await page.screenshot({ path: shot, fullPage: false });
      } else if (eventId) {
        await page.click('li.event[id="' + eventId + '"] h2');
        result.selectedPlaces = await page.$$eval('.map .place.selected', ps => ps.map(p => p.getAttribute('data-place')));
        result.selectedMarks = await page.$$eval('.axis .mark.selected', ms => ms.map(m => m.getAttribute('data-id')));
      }
      if (placeKey) {
        // Dispatched to the place itself: an exact point drawn over an approximate one must not take its click.
        await page.dispatchEvent('.map .place[data-place="' + placeKey + '"]', 'click');
        result.countAtPlace = await page.textContent('#count');
        result.visibleAtPlace = await page.$$eval('li.event:not(.hidden)', e => e.map(x => x.id));
        await page.screenshot({ path: shot.replace(/\.png$/, '-place.png'), fullPage: false });
        await page.click('#clear');
      }
      await page.selectOption('#filter-status', 'disputed').catch(() => {});
      result.countDisputed = await page.textContent('#count');
      result.visibleDisputed = await page.$$eval('li.event:not(.hidden)', e => e.map(x => x.id));
      result.marksShownDisputed = await page.$$eval('.axis a.mark:not(.hidden)', e => e.map(x => x.getAttribute('data-id')));
      result.placesShownDisputed = await page.$$eval('.map .place:not(.hidden)', e => e.map(x => x.getAttribute('data-place')));
      await page.selectOption('#filter-status', '').catch(() => {});
      result.pwned = await page.evaluate(() => window.__pwned || null);
    } else if (mode === 'page') {
      await page.goto('file://' + path.resolve(file));
      await safety();
      await page.screenshot({ path: shot, fullPage: true });
    } else {
      throw new Error('usage: check.cjs timelinejs|html|preview|page FILE SCREENSHOT');
    }
    if (mode === 'timelinejs') await page.screenshot({ path: shot });
  } catch (e) {
    errors.push('check: ' + e.message);
  } finally {
    await browser.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(result));
})();
