import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
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

/** A line range marked in the gutter: a thread or a finding on it, or lines reviewed. */
export interface LineMark {
  startLine: number;
  endLine: number;
  kind: 'thread' | 'finding' | 'reviewed';
  hover: string;
}

/** Content shown between lines (a thread under the lines it is about), as React. */
export interface LineZone {
  id: string;
  afterLine: number;
  heightPx: number;
  content: ReactNode;
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
  marks?: readonly LineMark[];
  zones?: readonly LineZone[];
}

/** Monaco, read-only. Content is set as a text model: vendor text is never interpreted as HTML. */
export function CodeViewer({ text, language, documentKey, firstLine = 1, reveal = null, onSelectLines, notes, marks, zones }: CodeViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const markDecorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const [zoneHosts, setZoneHosts] = useState<ReadonlyMap<string, HTMLElement>>(new Map());
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
      glyphMargin: true,
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
    markDecorations.current = instance.createDecorationsCollection();
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

  useEffect(() => {
    const model = editor.current?.getModel();
    const lastLine = model?.getLineCount() ?? 0;
    markDecorations.current?.set(
      (marks ?? [])
        .map((mark) => ({ mark, start: mark.startLine - offset.current, end: mark.endLine - offset.current }))
        .filter(({ start, end }) => end >= 1 && start <= lastLine)
        .map(({ mark, start, end }) => ({
          range: new monaco.Range(Math.max(1, start), 1, Math.min(end, lastLine), 1),
          options: {
            isWholeLine: true,
            glyphMarginClassName: `glyph-${mark.kind}`,
            linesDecorationsClassName: mark.kind === 'reviewed' ? 'lines-reviewed' : undefined,
            className: mark.kind === 'reviewed' ? undefined : `line-${mark.kind}`,
            glyphMarginHoverMessage: { value: escapeMarkdown(mark.hover), isTrusted: false, supportHtml: false },
          },
        })),
    );
  }, [marks, documentKey, text]);

  useEffect(() => {
    // Each zone gets a DOM node of Monaco's; React renders the zone's content into it through a portal.
    const instance = editor.current;
    if (!instance) return;
    const hosts = new Map<string, HTMLElement>();
    const ids: string[] = [];
    instance.changeViewZones((accessor) => {
      for (const zone of zones ?? []) {
        const node = document.createElement('div');
        node.className = 'line-zone';
        hosts.set(zone.id, node);
        ids.push(accessor.addZone({ afterLineNumber: Math.max(0, zone.afterLine - offset.current), heightInPx: zone.heightPx, domNode: node, suppressMouseDown: true }));
      }
    });
    setZoneHosts(hosts);
    return () => {
      instance.changeViewZones((accessor) => ids.forEach((id) => accessor.removeZone(id)));
    };
  }, [zones, documentKey, text]);

  return (
    <>
      <div ref={host} className="code-viewer" data-testid="code-viewer" />
      {(zones ?? []).map((zone) => {
        const node = zoneHosts.get(zone.id);
        return node ? createPortal(zone.content, node, zone.id) : null;
      })}
    </>
  );
}

/** Backslash-escape every character Markdown gives a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
}
