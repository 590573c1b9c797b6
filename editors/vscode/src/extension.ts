import * as vscode from 'vscode';
import * as path from 'path';
import * as fs from 'fs';
import { spawn } from 'child_process';
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
/** The languages the server reads: timeline, places, actors and sources files; and the config, which takes no snippets. */
const languages = ['timeline-yaml', 'timeline-config'];
const isTimeline = (doc: vscode.TextDocument) => languages.includes(doc.languageId);
let status: vscode.StatusBarItem;
let output: vscode.OutputChannel;

/** The server to run: the user's own setting (never a workspace's), else the one that ships with the extension, else `timeline` on PATH. */
function serverPath(context: vscode.ExtensionContext): string {
  const configured = vscode.workspace.getConfiguration('timeline').inspect<string>('server.path');
  const own = configured?.globalValue;
  if (own && own.trim().length > 0) return own;
  const exe = process.platform === 'win32' ? 'timeline.exe' : 'timeline';
  const platform = `${process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'osx' : 'linux'}-${process.arch}`;
  const bundled = context.asAbsolutePath(path.join('server', platform, exe));
  return fs.existsSync(bundled) ? bundled : 'timeline';
}

function setStatus(text: string, tooltip: string) {
  status.text = text;
  status.tooltip = tooltip;
  status.show();
}

async function startClient(context: vscode.ExtensionContext) {
  const command = serverPath(context);
  const serverOptions: ServerOptions = { command, args: ['lsp'] };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap(language => [{ language, scheme: 'file' }, { language, scheme: 'untitled' }]),
    synchronize: { configurationSection: 'timeline' },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: { provideDefinition: placeCards.definition },
  };
  client = new LanguageClient('timeline', 'Timeline', serverOptions, clientOptions);
  client.onDidChangeState(e => {
    if (e.newState === State.Running) setStatus('$(check) Timeline', `The Timeline language server is running (${command})`);
    else if (e.newState === State.Starting) setStatus('$(sync~spin) Timeline', 'The Timeline language server is starting');
    else setStatus('$(error) Timeline', 'The Timeline language server has stopped: click to restart');
  });
  setStatus('$(sync~spin) Timeline', 'The Timeline language server is starting');
  await client.start();
}

/** A range as the server writes it (LSP, UTF-16 positions). */
interface WireRange { start: { line: number; character: number }; end: { line: number; character: number } }

/**
 * timeline.showStub, which a quick fix that writes a stub (a source, a place, an actor) runs once its edits are made:
 * the stub may have landed off screen or in another file, so its document is shown, the value the writer should check
 * (a publisher, a name) revealed in the centre and selected. The server puts the command on the code action but does
 * not declare it among its own commands, so the language client leaves it to this one.
 */
async function showStub(arg?: { uri?: string; range?: WireRange }) {
  if (!arg?.uri || !arg.range) return;
  const uri = vscode.Uri.parse(arg.uri);
  const { start, end } = arg.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  // In the column that already shows the document, if one does; else in the active one.
  const shown = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: shown?.viewColumn, preview: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
}

function projectFolder(): string | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.uri.scheme === 'file') {
    let dir = path.dirname(doc.uri.fsPath);
    for (let d = dir; ; d = path.dirname(d)) {
      if (fs.existsSync(path.join(d, 'timeline.config.yaml'))) return d;
      if (path.dirname(d) === d) break;
    }
    return vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? dir;
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

/** Runs the timeline executable (to check or export the project as saved). */
function run(context: vscode.ExtensionContext, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise(resolve => {
    const child = spawn(serverPath(context), args, { cwd: projectFolder() });
    let out = '', err = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => (err += d));
    child.on('error', e => resolve({ code: 2, out, err: String(e) }));
    child.on('close', code => resolve({ code: code ?? 2, out, err }));
    child.stdin.end();
  });
}

/** The id of the event under the cursor: the nearest "- id:" line at or above it in an events list. */
function eventIdAt(doc: vscode.TextDocument, line: number): string | undefined {
  for (let l = line; l >= 0; l--) {
    const m = /^\s*-\s+id:\s*([a-z0-9]+(?:-[a-z0-9]+)*)\s*$/.exec(doc.lineAt(l).text);
    if (m) return m[1];
    if (/^\S/.test(doc.lineAt(l).text) && l !== line) return undefined;
  }
  return undefined;
}

/** The answer to timeline/preview: the chronology page, made by the running server from its own copy of the project. */
interface PreviewResult { html: string }

/** LSP's ContentModified: the document changed while the server made the page; the change schedules another. */
const ContentModified = -32801;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

class Preview {
  private panel: vscode.WebviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The document shown: the active Timeline document, or the last one (the preview itself can have the focus). */
  private uri: string | undefined;
  private generation = 0;

  show() {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('timeline.preview', 'Chronology', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.render();
  }

  /** Asks the server for the page of the active document, unsaved edits included, and shows it as it comes. */
  async render() {
    if (!this.panel) return;
    // A built-in catalog's copy or a place card is not a chronology: the preview keeps the one it shows.
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && isTimeline(doc) && !isBuiltinCopy(doc.uri)) this.uri = doc.uri.toString();
    if (!this.uri) return;
    if (!client || !client.isRunning()) {
      this.panel.webview.html = '<p>The Timeline language server is not running.</p>';
      return;
    }
    const asked = ++this.generation;
    try {
      // The page names the files whose unsaved text it shows (the server keeps those of this project).
      const unsaved = vscode.workspace.textDocuments.filter(d => d.isDirty && isTimeline(d)).map(d => d.uri.toString());
      const result = await client.sendRequest<PreviewResult>('timeline/preview', { textDocument: { uri: this.uri }, unsaved });
      if (!this.panel || asked !== this.generation) return;
      // The page is the export's own, with its own security policy: shown as it is.
      this.panel.webview.html = result.html;
      this.follow();
    } catch (e) {
      if (!this.panel || asked !== this.generation || (e as { code?: number }).code === ContentModified) return;
      this.panel.webview.html = `<p>Timeline could not make the chronology:</p><pre>${escapeHtml(String((e as Error).message ?? e))}</pre>`;
    }
  }

  scheduleRender() {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(), 400);
  }

  /** Tells the page which event the cursor is in: {type: 'reveal', id}, for a page that listens. */
  follow() {
    const editor = vscode.window.activeTextEditor;
    if (!this.panel || !editor || editor.document.languageId !== 'timeline-yaml') return;
    const id = eventIdAt(editor.document, editor.selection.active.line);
    if (id) this.panel.webview.postMessage({ type: 'reveal', id });
  }
}

/** A built-in catalog's read-only copy, which the server writes in the user's data folder (timeline/builtin/<digest>/). */
function isBuiltinCopy(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && /[\\/]timeline[\\/]builtin[\\/][0-9A-F]{12}[\\/][^\\/]+$/.test(uri.fsPath);
}

/**
 * Go to definition on a place of a built-in catalog: rather than the catalog's raw rows (GeoNames' tab-separated
 * lines), a readable card, the hover's, as a read-only Markdown document (timeline-place:/Name.md).
 */
type ProvideDefinition = (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken)
  => vscode.ProviderResult<vscode.Definition | vscode.LocationLink[]>;

class PlaceCards implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'timeline-place';
  private readonly cards = new Map<string, string>();

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.cards.get(uri.toString()) ?? '# Place\n\nThis card is no longer available: go to the definition again.\n';
  }

  readonly definition = async (document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken,
    next: ProvideDefinition) => {
    const result = await next(document, position, token);
    const targets = (Array.isArray(result) ? result : result ? [result] : [])
      .map(t => ('targetUri' in t ? t.targetUri : t.uri));
    const isPlaceCatalog = (u: vscode.Uri) => isBuiltinCopy(u) && /\.(geonames\.tsv|places\.yaml)$/.test(u.path);
    if (!client || targets.length === 0 || !targets.every(isPlaceCatalog)) return result;
    const params = client.code2ProtocolConverter.asTextDocumentPositionParams(document, position);
    const hover = await client.sendRequest<{ contents?: { value?: string } } | null>('textDocument/hover', params, token).catch(() => null);
    const card = hover?.contents?.value;
    if (!card) return result;
    const name = /^\*\*(.+?)\*\*/.exec(card)?.[1].replace(/\\(.)/g, '$1') ?? 'Place';
    const id = /`([^`]+)`/.exec(card)?.[1] ?? name;
    const text = `# ${card.replace(/^\*\*(.+?)\*\*/, '$1')}\n\n---\n\nFrom a catalog built into Timeline: refer to the place by its id, \`${id}\`.\n`;
    const uri = vscode.Uri.from({ scheme: PlaceCards.scheme, path: `/${name.replace(/[\\/:*?"<>|]/g, ' ')}.md`, query: id });
    this.cards.set(uri.toString(), text);
    return new vscode.Location(uri, new vscode.Position(0, 0));
  };
}

const placeCards = new PlaceCards();

/** The answer to timeline/newProject: the files of a new project (each marked when it exists already), and the one to open. */
interface NewProjectResult { files: { name: string; uri?: string; text: string; exists: boolean }[]; open: string }

/** A folder for a new chronology: the open one, or one the writer picks. */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const open = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (open) {
    const here = `Here: ${open.fsPath}`;
    const pick = await vscode.window.showQuickPick([here, 'Choose another folder…'], { placeHolder: 'Where should the new chronology go?' });
    if (!pick) return undefined;
    if (pick === here) return open;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    openLabel: 'Start the chronology here' });
  return picked?.[0];
}

/**
 * Timeline: New Chronology: the server's project template (the one `timeline init` writes) written into a folder,
 * nothing overwritten, and its timeline file opened; a folder that is already a project is opened as it is.
 */
async function newChronology(context: vscode.ExtensionContext) {
  const folder = await chooseFolder();
  if (!folder) return;
  let project: NewProjectResult;
  try {
    if (!client || !client.isRunning()) await startClient(context);
    project = await client!.sendRequest<NewProjectResult>('timeline/newProject', { folder: folder.toString() });
  } catch (e) {
    vscode.window.showErrorMessage(`Timeline: could not make a new chronology: ${(e as Error).message ?? e}`);
    return;
  }
  const config = project.files.find(f => f.name === 'timeline.config.yaml');
  if (config?.exists) vscode.window.showInformationMessage(`Timeline: ${folder.fsPath} already holds a chronology; it is opened as it is.`);
  else {
    for (const f of project.files) {
      if (f.exists) continue;
      const uri = f.uri ? vscode.Uri.parse(f.uri) : vscode.Uri.joinPath(folder, f.name);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(f.text, 'utf8'));
    }
  }
  // In a folder that was a project already, its own timeline may have another name: then its config is opened.
  const timelineThere = !config?.exists || project.files.find(f => f.name === project.open)?.exists;
  const file = vscode.Uri.joinPath(folder, timelineThere ? project.open : 'timeline.config.yaml');
  if (vscode.workspace.workspaceFolders?.some(f => f.uri.toString() === folder.toString()) || vscode.workspace.getWorkspaceFolder(file)) {
    await vscode.window.showTextDocument(file);
    return;
  }
  // Another folder: VS Code opens it in this window; the extension starts again there and opens the file.
  await context.globalState.update(OpenAfterReload, file.toString());
  await vscode.commands.executeCommand('vscode.openFolder', folder);
}

const OpenAfterReload = 'timeline.openAfterReload';

async function openAfterReload(context: vscode.ExtensionContext) {
  const pending = context.globalState.get<string>(OpenAfterReload);
  if (!pending) return;
  await context.globalState.update(OpenAfterReload, undefined);
  const uri = vscode.Uri.parse(pending);
  if (vscode.workspace.getWorkspaceFolder(uri)) await vscode.window.showTextDocument(uri);
}

export async function activate(context: vscode.ExtensionContext) {
  output = vscode.window.createOutputChannel('Timeline');
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = 'timeline.restartServer';
  context.subscriptions.push(output, status);
  const preview = new Preview();

  context.subscriptions.push(
    vscode.commands.registerCommand('timeline.restartServer', async () => {
      if (client) { await client.stop().catch(() => undefined); client = undefined; }
      await startClient(context);
    }),
    vscode.commands.registerCommand('timeline.checkProject', async () => {
      const folder = projectFolder();
      if (!folder) return;
      const r = await run(context, ['check', folder, '--no-color']);
      output.appendLine(r.out + r.err);
      output.show(true);
      vscode.window.showInformationMessage(r.code === 0 ? 'Timeline: no errors in the project.'
        : 'Timeline: the project has problems (see the Timeline output).');
    }),
    vscode.commands.registerCommand('timeline.export', async () => {
      const folder = projectFolder();
      if (!folder) return;
      const format = await vscode.window.showQuickPick(['html', 'markdown', 'timelinejs', 'geojson', 'csv'], { placeHolder: 'Export the chronology as' });
      if (!format) return;
      const ext = { html: 'html', markdown: 'md', timelinejs: 'json', geojson: 'geojson', csv: 'csv' }[format];
      const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(folder, `chronology.${ext}`)) });
      if (!target) return;
      const r = await run(context, ['export', folder, '--format', format, '-o', target.fsPath]);
      if (r.code === 0) vscode.window.showInformationMessage(`Timeline: exported to ${target.fsPath}`);
      else vscode.window.showErrorMessage(`Timeline: ${r.err.trim() || 'the export failed'}`);
    }),
    vscode.commands.registerCommand('timeline.showPreview', () => preview.show()),
    vscode.window.onDidChangeTextEditorSelection(() => preview.follow()),
    vscode.workspace.onDidChangeTextDocument(e => { if (isTimeline(e.document)) preview.scheduleRender(); }),
    vscode.workspace.onDidSaveTextDocument(doc => { if (isTimeline(doc)) preview.scheduleRender(); }),
    vscode.workspace.registerTextDocumentContentProvider(PlaceCards.scheme, placeCards),
    vscode.commands.registerCommand('timeline.newChronology', () => newChronology(context)),
    vscode.commands.registerCommand('timeline.showStub', showStub),
    vscode.window.onDidChangeActiveTextEditor(() => preview.scheduleRender()),
  );
  await startClient(context);
  await openAfterReload(context);
}

export async function deactivate() {
  if (client) await client.stop();
}
