/** The design-token themes Jira injects into a Custom UI frame after `view.theme.enable()`. */
const THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];

let cached: string | null = null;

export function tokensCss(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- computed paths to CJS theme files, loaded on first use
  cached ??= THEMES.map((t) => require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${t}.js`).default as string).join('\n');
  return cached;
}
