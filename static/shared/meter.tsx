/** A thin horizontal bar drawn in SVG (its width is an attribute: the app sets no inline styles). */
export function Meter({ share, tone }: { share: number | null; tone?: 'info' | 'warning' }) {
  const w = share === null || !Number.isFinite(share) ? 0 : Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
  return (
    <svg className={`pv-meter${tone ? ` pv-meter--${tone}` : ''}`} viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="pv-meter-track" width="100" height="8" />
      <rect className="pv-meter-fill" width={w} height="8" />
    </svg>
  );
}
