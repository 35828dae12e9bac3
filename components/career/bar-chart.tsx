import { useId } from "react";

export type Bar = { label: string; value: number; display: string };

const WIDTH = 400;
const VALUE_WIDTH = 64;
const LABEL_HEIGHT = 18;
const BAR_HEIGHT = 18;
const GAP = 14;

/**
 * A horizontal bar chart drawn on the server as SVG: no chart library reaches the browser.
 * The SVG is one image with a title; a visually hidden list carries the same figures for
 * screen readers, since an image's name cannot hold a table's worth of data.
 */
export function BarChart({ title, bars, listLabel }: { title: string; bars: Bar[]; listLabel: string }) {
  const titleId = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotWidth = WIDTH - VALUE_WIDTH;
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + GAP;
  const height = bars.length * rowHeight;

  return (
    <figure className="mt-4">
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="h-auto w-full max-w-lg font-sans"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        {bars.map((bar, i) => {
          // Label above its bar: the chart stays legible when it shrinks to a phone's width.
          const y = i * rowHeight;
          const w = Math.max(2, Math.round((bar.value / max) * plotWidth));
          return (
            <g key={bar.label}>
              <text x={0} y={y + 13} fontSize="13" fill="#1b2430">
                {bar.label}
              </text>
              <rect x={0} y={y + LABEL_HEIGHT} width={w} height={BAR_HEIGHT} rx="3" fill="#174c99" />
              <text x={w + 6} y={y + LABEL_HEIGHT + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize="13" fill="#1b2430">
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
