/**
 * The Monaco language id for a file, from its name. Pure and shared: the tree shows icons from it, the
 * viewer highlights with it, the inventory counts by it.
 */
const BY_FILE_NAME: Readonly<Record<string, string>> = {
  dockerfile: 'dockerfile',
  makefile: 'makefile',
  gnumakefile: 'makefile',
  'cmakelists.txt': 'cmake',
  jenkinsfile: 'groovy',
  'go.mod': 'go.mod',
  'go.sum': 'plaintext',
  '.gitignore': 'ignore',
  '.dockerignore': 'ignore',
  '.gitattributes': 'plaintext',
  '.editorconfig': 'ini',
  'nginx.conf': 'nginx',
  'pom.xml': 'xml',
  'build.gradle': 'groovy',
  gemfile: 'ruby',
  rakefile: 'ruby',
  vagrantfile: 'ruby',
};

const BY_EXTENSION: Readonly<Record<string, string>> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  json: 'json', jsonc: 'json', json5: 'json',
  java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala', groovy: 'groovy', gradle: 'groovy',
  go: 'go', rs: 'rust', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp',
  cs: 'csharp', csproj: 'xml', sln: 'plaintext', fs: 'fsharp', vb: 'vb',
  py: 'python', rb: 'ruby', php: 'php', pl: 'perl', pm: 'perl', lua: 'lua', r: 'r', swift: 'swift',
  m: 'objective-c', dart: 'dart', ex: 'elixir', exs: 'elixir', clj: 'clojure', erl: 'erlang',
  sql: 'sql', psql: 'pgsql', pgsql: 'pgsql', mysql: 'mysql',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', ps1: 'powershell', psm1: 'powershell', bat: 'bat', cmd: 'bat',
  pas: 'pascal', pp: 'pascal', dpr: 'pascal', dfm: 'pascal',
  html: 'html', htm: 'html', xhtml: 'html', vue: 'html', css: 'css', scss: 'scss', sass: 'scss', less: 'less',
  xml: 'xml', xsd: 'xml', xsl: 'xml', wsdl: 'xml', svg: 'xml', plist: 'xml',
  yml: 'yaml', yaml: 'yaml', toml: 'ini', ini: 'ini', cfg: 'ini', conf: 'ini', properties: 'ini', env: 'ini',
  md: 'markdown', markdown: 'markdown', rst: 'restructuredtext', txt: 'plaintext', log: 'plaintext',
  proto: 'proto', graphql: 'graphql', gql: 'graphql', tf: 'hcl', hcl: 'hcl', cmake: 'cmake',
  dockerfile: 'dockerfile', mk: 'makefile', bicep: 'bicep', sol: 'solidity', tcl: 'tcl', twig: 'twig',
};

export function languageOfPath(path: string): string {
  const name = (path.split('/').pop() ?? path).toLowerCase();
  const byName = BY_FILE_NAME[name];
  if (byName) return byName;
  if (name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return 'plaintext';
  return BY_EXTENSION[name.slice(dot + 1)] ?? 'plaintext';
}
