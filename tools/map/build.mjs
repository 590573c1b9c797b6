// Builds the map data the HTML export embeds: Natural Earth's land and the borders between
// countries (1:50m, via world-atlas), as rings and lines of whole hundredths of a degree,
// each written as its first point and then the steps between points.
//   node build.mjs          writes src/Timeline.Core/Export/Map/land.txt
//   node build.mjs --check  exits 1 when the committed file is not what this script makes
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '../../src/Timeline.Core/Export/Map/land.txt');
const atlasPackage = JSON.parse(readFileSync(join(here, 'node_modules/world-atlas/package.json'), 'utf8'));
const topology = JSON.parse(readFileSync(join(here, 'node_modules/world-atlas/countries-50m.json'), 'utf8'));
const step = 100; // units per degree: a hundredth of a degree is about 1 km
const tolerance = 2; // units: points closer than this to the line through their neighbours are dropped

// Douglas–Peucker on the quantised points: keeps the shape at the scale of a region's map.
function simplify(q) {
  if (q.length < 3) return q;
  const keep = new Uint8Array(q.length);
  keep[0] = keep[q.length - 1] = 1;
  const stack = [[0, q.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = q[a], [bx, by] = q[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let far = -1, farthest = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = len === 0 ? Math.hypot(q[i][0] - ax, q[i][1] - ay) : Math.abs(dy * (q[i][0] - ax) - dx * (q[i][1] - ay)) / len;
      if (d > farthest) { farthest = d; far = i; }
    }
    if (far >= 0) { keep[far] = 1; stack.push([a, far], [far, b]); }
  }
  return q.filter((_, i) => keep[i]);
}

// One line of output: a kind letter, the first point, then the steps; repeated points dropped.
function encode(kind, points, closed) {
  let q = [];
  for (const [lon, lat] of points) {
    const p = [Math.round(lon * step), Math.round(lat * step)];
    const last = q[q.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
  }
  q = simplify(q);
  if (closed && q.length > 1 && q[0][0] === q[q.length - 1][0] && q[0][1] === q[q.length - 1][1]) q.pop();
  if (q.length < (closed ? 3 : 2)) return null;
  const parts = [kind, q[0][0], q[0][1]];
  for (let i = 1; i < q.length; i++) parts.push(q[i][0] - q[i - 1][0], q[i][1] - q[i - 1][1]);
  return parts.join(' ');
}

const lines = [
  `# Land and borders between countries: Natural Earth 1:50m (public domain), via world-atlas ${atlasPackage.version}.`,
  `# Made by tools/map/build.mjs. L is a ring of land, B a border: hundredths of a degree, longitude and latitude, then steps; N a country's name and where it goes.`,
];
const land = feature(topology, topology.objects.land);
for (const f of land.features ?? [land]) {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const polygon of polygons) for (const ring of polygon) { const l = encode('L', ring, true); if (l) lines.push(l); }
}
// A country's name at the centre of its largest piece of land, for the map's labels.
function centroid(ring) {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f; x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f;
  }
  return a === 0 ? null : { area: Math.abs(a / 2), at: [x / (3 * a), y / (3 * a)] };
}
const countries = feature(topology, topology.objects.countries).features
  .map(f => {
    const g = f.geometry;
    if (!g || !f.properties || !f.properties.name) return null;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const best = polygons.map(p => centroid(p[0])).filter(Boolean).sort((a, b) => b.area - a.area)[0];
    return best ? { name: f.properties.name.replace(/\s+/g, ' ').trim(), at: best.at } : null;
  })
  .filter(Boolean)
  .sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
for (const c of countries) lines.push(`N ${Math.round(c.at[0] * step)} ${Math.round(c.at[1] * step)} ${c.name}`);
const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
for (const line of borders.coordinates) { const l = encode('B', line, false); if (l) lines.push(l); }
const text = lines.join('\n') + '\n';

if (process.argv.includes('--check')) {
  let committed = '';
  try { committed = readFileSync(target, 'utf8'); } catch { /* missing: not what the script makes */ }
  if (committed !== text) {
    console.error(`${target} is not what tools/map/build.mjs makes: run node tools/map/build.mjs`);
    process.exit(1);
  }
  console.log('land.txt is up to date');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}: ${lines.length - 2} rings and lines, ${text.length} bytes`);
}
