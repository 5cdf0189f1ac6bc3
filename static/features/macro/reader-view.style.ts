/**
 * The Confluence macro's styles for its view shown inside the settings page ("What Confluence readers
 * see"): the same rules as the macro's own main.css, each under `.pv-reader`, so they style only that view.
 * Build time only, into the CSS of the settings page's lazy chunk (static/features/closed-parts.ts), loaded
 * with the view's code; the rules of the view's frame are in features/vision/reader-view.style.ts.
 */
import { paletteCss, scopeCss } from '../../shared/style-kit';
import { macroRules } from './macro.style';


export default paletteCss() + scopeCss('.pv-reader', macroRules);
