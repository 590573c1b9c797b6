// Validators for the .NET tests, run with node.
//   node validate.mjs yaml SCHEMA_DIR < list   (each line: SCHEMA_FILE<TAB>YAML_FILE)
//   node validate.mjs sarif FILE
// Prints one JSON array of {file, valid, errors}.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import YAML from 'yaml';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { parse as parseCsv } from 'csv-parse/sync';

const here = dirname(fileURLToPath(import.meta.url));
const [mode, arg] = process.argv.slice(2);
const results = [];

if (mode === 'yaml') {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false });
  const compiled = new Map();
  const input = readFileSync(0, 'utf8').split('\n').filter(l => l.trim().length > 0);
  for (const line of input) {
    const [schemaFile, file] = line.split('\t');
    if (!compiled.has(schemaFile)) {
      compiled.set(schemaFile, ajv.compile(JSON.parse(readFileSync(join(arg, schemaFile), 'utf8'))));
    }
    const validate = compiled.get(schemaFile);
    let data;
    try {
      // YAML 1.2 core schema: what a generic YAML tool sees.
      data = YAML.parse(readFileSync(file, 'utf8'), { version: '1.2', schema: 'core', uniqueKeys: false });
    } catch (e) {
      results.push({ file, valid: false, errors: ['yaml: ' + e.message] });
      continue;
    }
    const valid = validate(data === undefined ? null : data);
    results.push({ file, valid, errors: (validate.errors || []).map(e => `${e.instancePath} ${e.message}`) });
  }
} else if (mode === 'sarif') {
  const schema = JSON.parse(readFileSync(join(here, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  const valid = validate(JSON.parse(readFileSync(arg, 'utf8')));
  results.push({ file: arg, valid, errors: (validate.errors || []).map(e => `${e.instancePath} ${e.message}`) });
} else if (mode === 'geojson') {
  // RFC 7946, strictly: longitude first, closed rings, no foreign members where forbidden.
  try {
    const gj = checkGeoJson(readFileSync(arg, 'utf8'));
    results.push({ file: arg, valid: true, errors: [], features: gj.features.length, first: gj.features[0]?.geometry?.coordinates ?? null });
  } catch (e) {
    results.push({ file: arg, valid: false, errors: (e.issues || [e]).map(i => i.message || String(i)) });
  }
} else if (mode === 'csv') {
  // RFC 4180 as csv-parse reads it: every row has the header's columns.
  try {
    const rows = parseCsv(readFileSync(arg, 'utf8'), { columns: true, relax_column_count: false, bom: true });
    results.push({ file: arg, valid: true, errors: [], rows: rows.length, header: Object.keys(rows[0] || {}), first: rows[0] || null });
  } catch (e) {
    results.push({ file: arg, valid: false, errors: [e.message] });
  }
} else {
  console.error('usage: validate.mjs yaml SCHEMA_DIR < list | validate.mjs sarif|geojson|csv FILE');
  process.exit(2);
}
process.stdout.write(JSON.stringify(results));
