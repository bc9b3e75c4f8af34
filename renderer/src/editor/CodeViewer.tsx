import { useEffect, useRef } from 'react';
import { clearActiveEditor, setActiveEditor } from './active-editor.js';
import { monaco, monacoLanguage } from './monaco-environment.js';

export interface LineRange {
  start: number;
  end: number;
}

/** Text shown before a line (blame, for instance): Monaco draws it as text, never as HTML. */
export interface LineNote {
  line: number;
  text: string;
  hover: string;
}

interface CodeViewerProps {
  text: string;
  language: string;
  /** A stable identity of what is shown (e.g. blob id + path), to reset the view when it changes. */
  documentKey: string;
  /** The number of the first line, when this is a page of a bigger file. */
  firstLine?: number;
  /** Lines to select and scroll to (in the numbering shown). */
  reveal?: LineRange | null;
  onSelectLines?(range: LineRange | null): void;
  notes?: readonly LineNote[];
}

/** Monaco, read-only. Content is set as a text model: vendor text is never interpreted as HTML. */
export function CodeViewer({ text, language, documentKey, firstLine = 1, reveal = null, onSelectLines, notes }: CodeViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const selectionListener = useRef(onSelectLines);
  selectionListener.current = onSelectLines;
  const offset = useRef(firstLine - 1);
  offset.current = firstLine - 1;

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: true },
      occurrencesHighlight: 'singleFile',
      renderWhitespace: 'selection',
      unicodeHighlight: { ambiguousCharacters: true, invisibleCharacters: true, nonBasicASCII: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      model: null,
    });
    editor.current = instance;
    setActiveEditor(instance);
    const focusSubscription = instance.onDidFocusEditorText(() => setActiveEditor(instance));
    decorations.current = instance.createDecorationsCollection();
    const subscription = instance.onDidChangeCursorSelection((event) => {
      if (event.source !== 'mouse' && event.source !== 'keyboard') return;
      const s = event.selection;
      const endLine = s.endColumn === 1 && s.endLineNumber > s.startLineNumber ? s.endLineNumber - 1 : s.endLineNumber;
      selectionListener.current?.(s.isEmpty() ? { start: s.startLineNumber + offset.current, end: s.startLineNumber + offset.current } : { start: s.startLineNumber + offset.current, end: endLine + offset.current });
    });
    return () => {
      subscription.dispose();
      focusSubscription.dispose();
      clearActiveEditor(instance);
      instance.getModel()?.dispose();
      instance.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const previous = instance.getModel();
    instance.setModel(monaco.editor.createModel(text, monacoLanguage(language)));
    previous?.dispose();
    instance.updateOptions({ lineNumbers: firstLine === 1 ? 'on' : (n: number) => String(n + firstLine - 1) });
    instance.setScrollTop(0);
  }, [text, language, documentKey, firstLine]);

  useEffect(() => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model || !reveal) return;
    const start = Math.min(Math.max(1, reveal.start - offset.current), model.getLineCount());
    const end = Math.min(Math.max(start, reveal.end - offset.current), model.getLineCount());
    instance.setSelection(new monaco.Selection(start, 1, end, model.getLineMaxColumn(end)));
    instance.revealLinesInCenterIfOutsideViewport(start, end);
  }, [reveal?.start, reveal?.end, documentKey, text]);

  useEffect(() => {
    // Notes shift each line's text: indentation guides and whitespace dots would no longer line up with it.
    const annotated = (notes?.length ?? 0) > 0;
    editor.current?.updateOptions({ guides: { indentation: !annotated }, renderWhitespace: annotated ? 'none' : 'selection' });
    decorations.current?.set(
      (notes ?? []).map((note) => ({
        range: new monaco.Range(note.line, 1, note.line, 1),
        options: {
          before: { content: note.text, inlineClassName: 'line-note', cursorStops: monaco.editor.InjectedTextCursorStops.None },
          showIfCollapsed: true,
          // Hovers are Markdown: vendor text (commit messages) is escaped so it is never a link or markup.
          hoverMessage: { value: escapeMarkdown(note.hover), isTrusted: false, supportHtml: false },
        },
      })),
    );
  }, [notes, documentKey, text]);

  return <div ref={host} className="code-viewer" data-testid="code-viewer" />;
}

/** Backslash-escape every character Markdown gives a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
}
