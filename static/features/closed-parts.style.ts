/** The CSS of the lazy chunk closed-parts.ts (tools/build-static.mjs builds it as build/chunks/closed-parts.css). */
import readerMacro from './macro/reader-view.style';

export default readerMacro;
