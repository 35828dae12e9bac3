import { useId } from "react";

export type Bar = { label: string; value: number; display: string };

const WIDTH = 640;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 90;
const BAR_HEIGHT = 26;
const GAP = 12;

/**
 * A horizontal bar chart drawn on the server as SVG: no chart library reaches the browser.
 * The SVG is one image with a title; a visually hidden list carries the same figures for
 * screen readers, since an image's name cannot hold a table's worth of data.
 */
export function BarChart({ title, bars, listLabel }: { title: string; bars: Bar[]; listLabel: string }) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;

  return (
    <figure className="mt-4">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-2xl"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {bars.map((bar, i) => {
          const y = GAP + i * (BAR_HEIGHT + GAP);
          const w = Math.max(2, Math.round((bar.value / max) * plotWidth));
          return (
            <g key={bar.label}>
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle" fontSize="13" fill="#1f2937">
                {bar.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={w} height={BAR_HEIGHT} rx="3" fill="#0f766e" />
              <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize="13" fill="#1f2937">
                {bar.display}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">
        <ul aria-label={listLabel}>
          {bars.map((bar) => (
            <li key={bar.label}>
              {bar.label}: {bar.display}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
