/**
 * The English templates of every message the backend can write, read from src/ with the TypeScript
 * parser: the text of `fail(code, message)`, of `message:` / `error:` / `reason:` properties, of zod
 * checks, of field labels (`textSchema('Title', …)`), and every other sentence-like literal (capital
 * or value first, words, a closing `.`, `?`, `!` or `:`). A template literal's `${expr}` becomes a
 * `{name}` placeholder named after the expression's last identifier (`${issue.key}` → `{key}`).
 *
 * `node tools/backend-messages.mjs` prints the templates missing from locales/de-DE.json's
 * `messages` (and those it holds that the code no longer writes); exit 1 when either list is not
 * empty. test/backend-messages.test.ts runs the same check.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SRC = join(ROOT, 'src');

/** Source files that ship: src/**\/*.ts except tests. */
export function backendFiles(dir = SRC) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();
}

/** Calls whose string arguments are never shown to a user. */
const SILENT_CALLS = /^(console\.\w+|require|import|route|assumeTrustedRoute|new Error|new \w*Error|Error|JSON\.\w+|RegExp|new RegExp|\w+\.(startsWith|endsWith|includes|split|join|replace|replaceAll|match|test|indexOf|padStart|padEnd|toLocaleString|localeCompare))$/;
/** Property names whose text is shown to a user. */
const MESSAGE_PROPS = new Set(['message', 'error', 'reason', 'why', 'hint', 'note', 'detail', 'label', 'title']);
/** Functions whose first argument is a field label. */
const LABEL_CALLS = /Schema$|^(text|finite|id|valueRangeMessage|projectGone)$/;

/** The placeholder name of `${expr}`: its last identifier outside calls and strings. */
function placeholderName(exprText) {
  const bare = exprText.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '');
  const tokens = [...bare.matchAll(/[A-Za-z_$][\w$]*(?![\w$])(?!\s*\()/g)].map((m) => m[0]).filter((t) => !['undefined', 'null', 'true', 'false'].includes(t));
  const last = tokens.at(-1) ?? 'value';
  return /^[A-Z0-9_]+$/.test(last) ? last.toLowerCase() : last;
}

/** A template literal (or plain string) → its `{name}` template. */
function templateOf(node, sourceFile) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (!ts.isTemplateExpression(node)) return null;
  const used = new Map();
  let text = node.head.text;
  for (const span of node.templateSpans) {
    let name = placeholderName(span.expression.getText(sourceFile));
    const n = (used.get(name) ?? 0) + 1;
    used.set(name, n);
    if (n > 1) name = `${name}${n}`;
    text += `{${name}}${span.literal.text}`;
  }
  return text;
}

const SENTENCE = /^(\{\w+\}|[A-Z“"'])[\s\S]*\s[\s\S]*([.?!:”]|: \{\w+\})$/;
const looksLikeSentence = (t) => SENTENCE.test(t.trim()) && /[a-z]{2}/.test(t.replace(/\{\w+\}/g, ''));
/** Text with letters outside placeholders, not code-like (no JQL, keys, paths or ids). */
const isWords = (t) =>
  /[A-Za-z]{2}/.test(t.replace(/\{\w+\}/g, '')) && !/^[\w.-]+$/.test(t) && !/[=<>]|\b(AND|OR|ORDER BY|issuekey|project in)\b|^\/|https?:/.test(t);

function calleeText(call, sourceFile) {
  const callee = call.expression.getText(sourceFile);
  return ts.isNewExpression(call) ? `new ${callee}` : callee;
}

/** Why a literal counts as a message, or null. */
function messageContext(node, sourceFile) {
  const parent = node.parent;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    const callee = calleeText(parent, sourceFile);
    if (SILENT_CALLS.test(callee) || /^(console|logger)\./.test(callee)) return null;
    const index = parent.arguments?.indexOf(node) ?? -1;
    if (/(^|\.)fail$/.test(callee) && index === 1) return 'fail';
    if (LABEL_CALLS.test(callee.split('.').at(-1)) && index === 0) return 'label';
    if (/^z\.\w+$/.test(callee) && index >= 1) return 'zod';
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === node && MESSAGE_PROPS.has(parent.name.getText(sourceFile))) return 'property';
  return 'other';
}

/** Is `node` inside a call whose text is never shown (console.*, new Error, JQL builders)? */
function insideSilentCall(node, sourceFile) {
  for (let at = node.parent; at; at = at.parent) {
    if (ts.isCallExpression(at) || ts.isNewExpression(at)) {
      const callee = calleeText(at, sourceFile);
      if (/^(console|logger)\./.test(callee) || /^new (\w*Error)$/.test(callee) || /^(jql|route|assumeTrustedRoute)$/.test(callee)) return true;
    }
    if (ts.isTaggedTemplateExpression(at)) return true;
    if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at)) return true;
  }
  return false;
}

/** Is `node` inside another template literal's `${…}`? */
function insideTemplate(node) {
  for (let at = node.parent; at; at = at.parent) if (ts.isTemplateSpan(at)) return true;
  return false;
}

/** Every message template in `files`, each with where it was first found. */
export function extractTemplates(files = backendFiles()) {
  const found = new Map();
  for (const file of files) {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
        // A template inside another's `${…}` is part of that message's value.
        // A template inside another's `${…}`, or a piece of a `+` concatenation, is part of a larger text.
        const nested = insideTemplate(node) || (ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === ts.SyntaxKind.PlusToken);
        const template = templateOf(node, sourceFile);
        if (template !== null && !nested && !insideSilentCall(node, sourceFile)) {
          const why = messageContext(node, sourceFile);
          const text = template.trim();
          const keep =
            why === 'label' ? /[A-Za-z]{2}/.test(text) && !/[=<>/]/.test(text) :
            why === 'fail' || why === 'zod' ? isWords(text) :
            why === 'property' ? (isWords(text) && (looksLikeSentence(text) || /^[A-Z][a-z]/.test(text))) || (node.parent.name.getText(sourceFile) === 'label' && /^[A-Z][a-z]+$/.test(text)) :
            why === 'other' ? looksLikeSentence(text) && isWords(text) : false;
          if (keep && !found.has(template)) found.set(template, `${relative(ROOT, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        if (!ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

/** locales/<locale>.json's `messages`. */
export function catalogueOf(locale = 'de-DE') {
  return JSON.parse(readFileSync(join(ROOT, 'locales', `${locale}.json`), 'utf8')).messages ?? {};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const templates = extractTemplates();
  const catalogue = catalogueOf();
  const missing = [...templates].filter(([t]) => !(t in catalogue));
  const stale = Object.keys(catalogue).filter((t) => !templates.has(t));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(Object.fromEntries(missing.map(([t, at]) => [t, at])), null, 1));
  } else {
    for (const [t, at] of missing) console.log(`missing  ${at}  ${JSON.stringify(t)}`);
    for (const t of stale) console.log(`stale    ${JSON.stringify(t)}`);
    console.log(`${templates.size} templates, ${missing.length} missing, ${stale.length} stale`);
  }
  process.exit(missing.length || stale.length ? 1 : 0);
}
