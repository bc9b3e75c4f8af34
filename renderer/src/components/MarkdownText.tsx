import Markdown, { defaultUrlTransform } from 'react-markdown';

/**
 * A comment's Markdown as React elements: raw HTML in it is never rendered (react-markdown drops it unless
 * told otherwise), links keep only http(s) and mailto targets, images are shown as their text.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown
        skipHtml
        disallowedElements={['img']}
        unwrapDisallowed
        urlTransform={(url) => (/^(https?:|mailto:)/i.test(url) ? defaultUrlTransform(url) : '')}
        components={{ a: ({ href, children }) => (href ? <a href={href} target="_blank" rel="noreferrer noopener">{children}</a> : <span>{children}</span>) }}
      >
        {text}
      </Markdown>
    </div>
  );
}
