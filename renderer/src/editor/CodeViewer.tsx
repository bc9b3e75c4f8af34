import { useEffect, useRef } from 'react';
import { monaco, monacoLanguage } from './monaco-environment.js';

interface CodeViewerProps {
  text: string;
  language: string;
  /** A stable identity of what is shown (e.g. blob id + path), to reset the view when it changes. */
  documentKey: string;
}

/** Monaco, read-only. Content is set as a text model: vendor text is never interpreted as HTML. */
export function CodeViewer({ text, language, documentKey }: CodeViewerProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    editor.current = monaco.editor.create(host.current, {
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
    return () => {
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const previous = instance.getModel();
    instance.setModel(monaco.editor.createModel(text, monacoLanguage(language)));
    previous?.dispose();
    instance.setScrollTop(0);
  }, [text, language, documentKey]);

  return <div ref={host} className="code-viewer" data-testid="code-viewer" />;
}
