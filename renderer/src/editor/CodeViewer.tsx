import { useEffect, useRef, useState } from 'react';
import { clearActiveEditor, setActiveEditor } from './active-editor.js';
import { escapeMarkdown, useLineAnnotations, type LineAnnotations, type LineRange } from './line-annotations.js';
import { monaco, monacoLanguage } from './monaco-environment.js';

export type { LineMark, LineRange, LineZone } from './line-annotations.js';

/** Text shown before a line (blame, for instance): Monaco draws it as text, never as HTML. */
export interface LineNote {
  line: number;
  text: string;
  hover: string;
}

interface CodeViewerProps extends Omit<LineAnnotations, 'reveal'> {
  text: string;
  language: string;
  /** A stable identity of what is shown (e.g. blob id + path), to reset the view when it changes. */
  documentKey: string;
  /** The number of the first line, when this is a page of a bigger file. */
  firstLine?: number;
  /** Lines to select and scroll to (in the numbering shown). */
  reveal?: LineRange | null;
  notes?: readonly LineNote[];
}

/** Monaco, read-only. Content is set as a text model: vendor text is never interpreted as HTML. */
export function CodeViewer({ text, language, documentKey, firstLine = 1, notes, ...annotations }: CodeViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      readOnly: true,
      domReadOnly: true,
      automaticLayout: true,
      minimap: { enabled: true },
      glyphMargin: true,
      occurrencesHighlight: 'singleFile',
      renderWhitespace: 'selection',
      unicodeHighlight: { ambiguousCharacters: true, invisibleCharacters: true, nonBasicASCII: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      model: null,
    });
    setEditor(instance);
    setActiveEditor(instance);
    const focusSubscription = instance.onDidFocusEditorText(() => setActiveEditor(instance));
    decorations.current = instance.createDecorationsCollection();
    return () => {
      focusSubscription.dispose();
      clearActiveEditor(instance);
      instance.getModel()?.dispose();
      instance.dispose();
      setEditor(null);
    };
  }, []);

  useEffect(() => {
    if (!editor) return;
    const previous = editor.getModel();
    editor.setModel(monaco.editor.createModel(text, monacoLanguage(language)));
    previous?.dispose();
    editor.updateOptions({ lineNumbers: firstLine === 1 ? 'on' : (n: number) => String(n + firstLine - 1) });
    editor.setScrollTop(0);
  }, [editor, text, language, documentKey, firstLine]);

  const zones = useLineAnnotations(editor, annotations, firstLine - 1);

  useEffect(() => {
    // Notes shift each line's text: indentation guides and whitespace dots would no longer line up with it.
    const annotated = (notes?.length ?? 0) > 0;
    editor?.updateOptions({ guides: { indentation: !annotated }, renderWhitespace: annotated ? 'none' : 'selection' });
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
  }, [editor, notes, documentKey, text]);

  return (
    <>
      <div ref={host} className="code-viewer" data-testid="code-viewer" />
      {zones}
    </>
  );
}
