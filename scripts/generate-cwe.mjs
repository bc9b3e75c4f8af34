// Regenerates shared/domain/cwe-data.ts, the CWE list bundled with the app (no network at run time).
//
//   node scripts/generate-cwe.mjs <source> [--source-label TEXT] [--out FILE]
//
// <source> is either
//   - the `json_repo` folder of MITRE's CWE REST API repository (GitHub: CWE-CAPEC/REST-API-wg), which holds
//     one JSON file per weakness (W/), category (C/) and view (V/) plus `cwev.json` with the content version; or
//   - MITRE's full XML catalogue `cwec_v<version>.xml` (cwe.mitre.org, Downloads: "XML - Complete").
// Both carry every weakness, category and view, deprecated ones included (their names start with
// "DEPRECATED:"), so a scanner that cites any official id is understood. --source-label names the exact
// source (repository and commit, or download file) in the generated header.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KINDS = { W: 'weakness', C: 'category', V: 'view' };

function usage(message) {
  console.error(`${message}\nusage: node scripts/generate-cwe.mjs <json_repo folder | cwec_vX.Y.xml> [--source-label TEXT] [--out FILE]`);
  process.exit(1);
}

function parseArguments(argv) {
  const options = { source: null, label: null, out: path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'domain', 'cwe-data.ts') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--source-label') options.label = argv[++i] ?? usage('--source-label needs a value');
    else if (arg === '--out') options.out = argv[++i] ?? usage('--out needs a value');
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else if (options.source === null) options.source = arg;
    else usage(`unexpected argument ${arg}`);
  }
  if (options.source === null) usage('missing <source>');
  return options;
}

/** Entries from the REST API repository's json_repo folder. */
function readJsonRepo(folder) {
  const about = JSON.parse(readFileSync(path.join(folder, 'cwev.json'), 'utf8'));
  const entries = [];
  for (const [letter, kind] of Object.entries(KINDS)) {
    for (const file of readdirSync(path.join(folder, letter))) {
      if (!/^\d+\.json$/.test(file)) continue; // the folders also hold combined files (weaknesses.json, …)
      const entry = JSON.parse(readFileSync(path.join(folder, letter, file), 'utf8'));
      if (`${entry.ID}.json` !== file) throw new Error(`${letter}/${file} holds CWE-${entry.ID}`);
      entries.push({ id: Number(entry.ID), name: entry.Name, kind });
    }
  }
  const counts = { weakness: about.TotalWeaknesses, category: about.TotalCategories, view: about.TotalViews };
  for (const [kind, expected] of Object.entries(counts)) {
    const found = entries.filter((e) => e.kind === kind).length;
    if (found !== expected) throw new Error(`cwev.json announces ${expected} ${kind} entries, the folder holds ${found}`);
  }
  return { version: about.ContentVersion, date: about.ContentDate, entries };
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlAttribute(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    if (ref in XML_ENTITIES) return XML_ENTITIES[ref];
    throw new Error(`unknown XML entity ${whole}`);
  });
}

function xmlAttributes(tag) {
  const attributes = {};
  for (const match of tag.matchAll(/([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1]] = decodeXmlAttribute(match[2] ?? match[3]);
  }
  return attributes;
}

/** Entries from MITRE's complete XML catalogue: only the start tags of entries are read, never the bodies. */
function readCatalogueXml(file) {
  const xml = readFileSync(file, 'utf8');
  const root = /<Weakness_Catalog\b[^>]*>/.exec(xml);
  if (!root) throw new Error(`${file} is not a CWE catalogue (no <Weakness_Catalog>)`);
  const about = xmlAttributes(root[0]);
  const entries = [];
  for (const match of xml.matchAll(/<(Weakness|Category|View)\s[^>]*>/g)) {
    const attributes = xmlAttributes(match[0]);
    if (attributes.ID === undefined || attributes.Name === undefined) continue; // references such as <View_ID>
    entries.push({ id: Number(attributes.ID), name: attributes.Name, kind: match[1].toLowerCase() });
  }
  return { version: about.Version, date: about.Date, entries };
}

function checkEntries(entries) {
  const seen = new Set();
  for (const { id, name, kind } of entries) {
    if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`bad CWE id ${id}`);
    if (seen.has(id)) throw new Error(`CWE-${id} appears twice`);
    seen.add(id);
    if (typeof name !== 'string' || name.trim() === '' || /[\u0000-\u001f\u007f]/.test(name)) throw new Error(`CWE-${id} (${kind}) has no usable name`);
  }
  if (!seen.has(79) || !seen.has(1000)) throw new Error('the source lacks CWE-79 or view 1000: not a complete CWE list');
}

function render({ version, date, entries }, label) {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const ids = (kind) => {
    const list = sorted.filter((e) => e.kind === kind).map((e) => e.id);
    const rows = [];
    for (let i = 0; i < list.length; i += 20) rows.push(`  ${list.slice(i, i + 20).join(', ')},`);
    return `[\n${rows.join('\n')}\n]`;
  };
  const lines = [
    '// GENERATED by scripts/generate-cwe.mjs: do not edit by hand, regenerate it (see that script).',
    `// Source: ${label}.`,
    `// MITRE Common Weakness Enumeration (CWE) version ${version}, released ${date}: ${sorted.length} entries`,
    `// (${sorted.filter((e) => e.kind === 'weakness').length} weaknesses, ${sorted.filter((e) => e.kind === 'category').length} categories, ${sorted.filter((e) => e.kind === 'view').length} views, deprecated ones included). CWE is a trademark of The MITRE Corporation.`,
    '',
    `export const CWE_VERSION = ${JSON.stringify(version)};`,
    `export const CWE_RELEASE_DATE = ${JSON.stringify(date)};`,
    '',
    '/** Categories group weaknesses; MITRE discourages mapping a finding to one, but scanners do. */',
    `export const CWE_CATEGORY_IDS: readonly number[] = ${ids('category')};`,
    '/** Views are whole perspectives on the list (1000 is the research view). */',
    `export const CWE_VIEW_IDS: readonly number[] = ${ids('view')};`,
    '',
    '/** Every entry of the list by id: weaknesses, categories and views. */',
    'export const CWE_NAMES: Readonly<Record<number, string>> = {',
    ...sorted.map((e) => `  ${e.id}: ${JSON.stringify(e.name)},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

const options = parseArguments(process.argv.slice(2));
const catalogue = statSync(options.source).isDirectory() ? readJsonRepo(options.source) : readCatalogueXml(options.source);
if (!/^\d+\.\d+(\.\d+)?$/.test(catalogue.version ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(catalogue.date ?? '')) {
  throw new Error(`the source names no usable CWE version and date (${catalogue.version}, ${catalogue.date})`);
}
checkEntries(catalogue.entries);
const label = options.label ?? `${path.basename(path.resolve(options.source))}`;
writeFileSync(options.out, render(catalogue, label));
console.error(`wrote ${options.out}: CWE ${catalogue.version}, ${catalogue.entries.length} entries`);
