// Bundles the extension with esbuild and copies the JSON Schemas it contributes.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'fs';
await build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  sourcemap: false,
  minify: true,
});
mkdirSync('schemas', { recursive: true });
cpSync('../../schema', 'schemas', { recursive: true });
console.log('built dist/extension.js and schemas/');
