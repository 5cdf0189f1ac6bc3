/**
 * Lint rules for UI text in static/: everything a user reads or hears goes through `t()` from
 * static/shared/i18n.ts, whose first argument is a string literal (the English text, also the key the
 * build and test/i18n.test.ts extract).
 *
 * - `ui-text/no-literal-text`: JSX text with letters; literal `aria-label`, `title`, `placeholder`, `label`,
 *   `alt`… props; literal text children and `text`/`aria-label` props of the DOM helper `h()`
 *   (static/shared/dom.ts); literal strings in properties that are shown (`message`, `title`, `label`…).
 * - `ui-text/t-literal`: `t(x)` where x is not a string literal (its key could not be extracted), and `t()`
 *   outside any function (it would run before the user's dictionary is loaded).
 */
const LETTER = /\p{L}/u;
const SHOWN_ATTRS = new Set(['aria-label', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'title', 'placeholder', 'label', 'alt', 'summary']);
const SHOWN_PROPS = new Set(['message', 'title', 'label', 'text', 'hint', 'description', 'placeholder', 'ariaLabel', 'heading', 'detail', 'emptyText', 'action', 'actionLabel', 'confirmLabel', 'cancelLabel', 'busyLabel', 'legend', 'caption']);

/** The letters of a string or template literal outside `${}`; '' for anything else. */
function literalText(node) {
  if (!node) return '';
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  if (node.type === 'JSXExpressionContainer') return literalText(node.expression);
  if (node.type === 'ConditionalExpression') return `${literalText(node.consequent)} ${literalText(node.alternate)}`;
  if (node.type === 'LogicalExpression') return literalText(node.right);
  return '';
}

const shown = (node) => LETTER.test(literalText(node));
const propName = (p) => (p.key?.type === 'Identifier' ? p.key.name : p.key?.type === 'Literal' ? String(p.key.value) : null);

const noLiteralText = {
  meta: { type: 'problem', schema: [], messages: { literal: 'UI text must go through t() from static/shared/i18n.ts: {{what}}' } },
  create(context) {
    const report = (node, what) => context.report({ node, messageId: 'literal', data: { what } });
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, `"${node.value.trim().slice(0, 40)}"`);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (name && SHOWN_ATTRS.has(name) && shown(node.value)) report(node, `${name}="${literalText(node.value).trim().slice(0, 40)}"`);
      },
      JSXExpressionContainer(node) {
        // {'Text'}, {`Text ${x}`}, {cond ? 'Text' : …} or {cond && 'Text'} as a child
        if (node.parent?.type === 'JSXElement' || node.parent?.type === 'JSXFragment')
          if (['Literal', 'TemplateLiteral', 'ConditionalExpression', 'LogicalExpression'].includes(node.expression.type) && shown(node.expression))
            report(node, `{"${literalText(node.expression).trim().slice(0, 40)}"}`);
      },
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'h') return;
        for (const child of node.arguments.slice(2)) if (shown(child)) report(child, `h() child "${literalText(child).slice(0, 40)}"`);
      },
      Property(node) {
        const name = propName(node);
        if (name && (SHOWN_PROPS.has(name) || SHOWN_ATTRS.has(name)) && shown(node.value))
          report(node.value, `${name}: "${literalText(node.value).slice(0, 40)}"`);
      },
    };
  },
};

const tLiteral = {
  meta: { type: 'problem', schema: [], messages: {
      dynamic: "t()'s first argument must be a string literal (the English text, the key)",
      topLevel: 't() at module load runs before the dictionary is loaded: call it when rendering',
    } },
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier' || node.callee.name !== 't') return;
        const [first] = node.arguments;
        const ok = first && ((first.type === 'Literal' && typeof first.value === 'string') || (first.type === 'TemplateLiteral' && first.expressions.length === 0));
        if (!ok) context.report({ node, messageId: 'dynamic' });
        else if (!context.sourceCode.getAncestors(node).some((a) => /Function/.test(a.type)))
          context.report({ node, messageId: 'topLevel' });
      },
    };
  },
};

export default { rules: { 'no-literal-text': noLiteralText, 't-literal': tLiteral } };
