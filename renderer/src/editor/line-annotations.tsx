import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { monaco } from './monaco-environment.js';

export interface LineRange {
  start: number;
  end: number;
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

/** What one editor shows around its lines, and what it reports back; line numbers as shown (paged files offset). */
export interface LineAnnotations {
  marks?: readonly LineMark[] | undefined;
  zones?: readonly LineZone[] | undefined;
  /** Lines to select and scroll to. */
  reveal?: LineRange | null | undefined;
  onSelectLines?: ((range: LineRange | null) => void) | undefined;
  /** A click on the glyph margin (where thread and finding marks are), with the line clicked. */
  onGlyphClick?: ((line: number) => void) | undefined;
}

type Editor = monaco.editor.ICodeEditor;

/**
 * Marks, zones, selection and glyph clicks of one Monaco editor: the code viewer's, or one side of the diff
 * editor. All are set again whenever the editor's model is replaced (Monaco drops them with the model).
 * Returns the portals that render the zones' React content into Monaco's zone nodes.
 */
export function useLineAnnotations(editor: Editor | null, annotations: LineAnnotations, offset = 0): ReactNode {
  const { marks, zones, reveal } = annotations;
  const modelVersion = useModelVersion(editor);
  const listeners = useRef(annotations);
  listeners.current = annotations;
  const [zoneHosts, setZoneHosts] = useState<ReadonlyMap<string, HTMLElement>>(new Map());

  useEffect(() => {
    if (!editor) return;
    const selection = editor.onDidChangeCursorSelection((event) => {
      if (event.source !== 'mouse' && event.source !== 'keyboard') return;
      const s = event.selection;
      const endLine = s.endColumn === 1 && s.endLineNumber > s.startLineNumber ? s.endLineNumber - 1 : s.endLineNumber;
      listeners.current.onSelectLines?.({ start: s.startLineNumber + offset, end: (s.isEmpty() ? s.startLineNumber : endLine) + offset });
    });
    const glyphs = editor.onMouseDown((event) => {
      const { type, position } = event.target;
      if (type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN && position) listeners.current.onGlyphClick?.(position.lineNumber + offset);
    });
    return () => {
      selection.dispose();
      glyphs.dispose();
    };
  }, [editor, offset]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model || !reveal) return;
    const start = Math.min(Math.max(1, reveal.start - offset), model.getLineCount());
    const end = Math.min(Math.max(start, reveal.end - offset), model.getLineCount());
    editor.setSelection(new monaco.Selection(start, 1, end, model.getLineMaxColumn(end)));
    editor.revealLinesInCenterIfOutsideViewport(start, end);
  }, [editor, modelVersion, reveal?.start, reveal?.end, offset]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!editor || !model) return;
    const lastLine = model.getLineCount();
    const collection = editor.createDecorationsCollection(
      (marks ?? [])
        .map((mark) => ({ mark, start: mark.startLine - offset, end: mark.endLine - offset }))
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
    return () => collection.clear();
  }, [editor, modelVersion, marks, offset]);

  useEffect(() => {
    // Each zone gets a DOM node of Monaco's; React renders the zone's content into it through a portal.
    if (!editor?.getModel()) return;
    const hosts = new Map<string, HTMLElement>();
    const ids: string[] = [];
    editor.changeViewZones((accessor) => {
      for (const zone of zones ?? []) {
        const node = document.createElement('div');
        node.className = 'line-zone';
        hosts.set(zone.id, node);
        ids.push(accessor.addZone({ afterLineNumber: Math.max(0, zone.afterLine - offset), heightInPx: zone.heightPx, domNode: node, suppressMouseDown: true }));
      }
    });
    setZoneHosts(hosts);
    return () => editor.changeViewZones((accessor) => ids.forEach((id) => accessor.removeZone(id)));
  }, [editor, modelVersion, zones, offset]);

  return (zones ?? []).map((zone) => {
    const node = zoneHosts.get(zone.id);
    return node ? createPortal(zone.content, node, zone.id) : null;
  });
}

/**
 * Counts the editor's model changes, so effects run again when it is replaced. Effects read the model from
 * the editor itself: one held in state may already be disposed by the time they run.
 */
function useModelVersion(editor: Editor | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!editor) return;
    setVersion((v) => v + 1);
    const subscription = editor.onDidChangeModel(() => setVersion((v) => v + 1));
    return () => subscription.dispose();
  }, [editor]);
  return version;
}

/** Backslash-escape every character Markdown gives a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
}
