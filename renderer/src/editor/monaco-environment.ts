import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import CssWorker from 'monaco-editor/languages/features/css/css.worker?worker';
import HtmlWorker from 'monaco-editor/languages/features/html/html.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';

/**
 * Monaco's web workers are bundled with the app (never fetched from a CDN). Vendor code is only read, so
 * the language services are told not to validate: a reviewer sees the code, not a compiler's complaints.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker();
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker();
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    return new EditorWorker();
  },
};

const quiet = { noSemanticValidation: true, noSyntaxValidation: true, noSuggestionDiagnostics: true };
monaco.typescript.typescriptDefaults.setDiagnosticsOptions(quiet);
monaco.typescript.javascriptDefaults.setDiagnosticsOptions(quiet);
monaco.json.jsonDefaults.setDiagnosticsOptions({ validate: false, allowComments: true, enableSchemaRequest: false });

const known = new Set(monaco.languages.getLanguages().map((l) => l.id));
const ALIASES: Readonly<Record<string, string>> = { groovy: 'java', makefile: 'shell', cmake: 'shell', nginx: 'ini', 'go.mod': 'go', ignore: 'plaintext' };

/** Our language ids (shared/domain/languages.ts) to one Monaco has. */
export function monacoLanguage(id: string): string {
  if (known.has(id)) return id;
  const alias = ALIASES[id];
  return alias && known.has(alias) ? alias : 'plaintext';
}

export { monaco };
