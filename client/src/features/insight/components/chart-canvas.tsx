import { useEffect, useRef } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useI18n } from '../../../lib/i18n';
import { Chart, chartTheme, type ChartTheme } from '../chart';

type Props = {
  /** The canvas element's id. */
  id: string;
  /** What the chart shows, with its figures, for screen readers (the canvas is role="img"). */
  summary: string;
  /** Builds the chart from the site's colours; called again only when `signature` changes. */
  build: (theme: ChartTheme) => ChartConfiguration<'bar'> | ChartConfiguration<'doughnut'>;
  /** Changes whenever the figures or the language do: the chart is then drawn again. */
  signature: string;
  /** Taller for charts with many rows (horizontal bars). */
  size?: 'medium' | 'tall' | 'xtall';
};

/**
 * A Chart.js chart on a canvas: created after render, destroyed on cleanup, never animated. It is an image
 * with a summary; the page shows the same figures as a table beside it.
 */
export function ChartCanvas({ id, summary, build, signature, size = 'medium' }: Props) {
  const { language } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const latestBuild = useRef(build);
  useEffect(() => {
    latestBuild.current = build;
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const theme = chartTheme(language);
    let chart: Chart | undefined;
    try {
      Chart.defaults.font.family = theme.font;
      Chart.defaults.color = theme.text;
      const config = latestBuild.current(theme) as ChartConfiguration;
      config.options = {
        ...config.options,
        locale: theme.locale,
        responsive: true,
        maintainAspectRatio: false,
        // No animation at all: not when drawing, nor on hover, legend toggles or resizing (Chart.js skips every
        // transition when this is false). Visitors who ask for reduced motion (prefers-reduced-motion) get none,
        // and neither does anyone else: the figures matter, not the effect.
        animation: false,
      };
      chart = new Chart(canvas, config);
    } catch {
      // No canvas support (e.g. a test DOM): the table beside the chart still has every figure.
      chart = undefined;
    }
    return () => chart?.destroy();
    // `build` is a new function each render; `signature` says when the chart must be drawn again.
  }, [signature, language]);

  return (
    <div className={`chart chart--${size}`}>
      <canvas id={id} ref={canvasRef} role="img" aria-label={summary} />
    </div>
  );
}
