/**
 * Chart.js, with only the parts the insight pages use registered (so the rest is left out of the bundle),
 * and the page's own colours read from the CSS variables so charts match the site and keep its contrast.
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration } from 'chart.js';
import type { Language } from '../../lib/i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

export { Chart };

export type ChartTheme = {
  text: string;
  muted: string;
  grid: string;
  /** Bars: 8.2:1 on white, well above the 3:1 graphics need. */
  bar: string;
  /** The darker fill of a two-part chart (committed budget): 11:1 on white. */
  strong: string;
  /** The light part of a two-part chart: white with a dark edge (5.8:1), so it is seen by its outline. */
  light: string;
  edge: string;
  font: string;
  locale: string;
};

function cssVariable(name: string, fallback: string): string {
  if (typeof window === 'undefined' || !window.getComputedStyle) return fallback;
  const value = window.getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function chartTheme(language: Language): ChartTheme {
  return {
    text: cssVariable('--color-text', '#1b1f23'),
    muted: cssVariable('--color-muted', '#4b5563'),
    grid: cssVariable('--color-border', '#c3ccd5'),
    bar: cssVariable('--color-primary', '#0a4f8f'),
    strong: cssVariable('--color-header', '#0a3d6b'),
    light: cssVariable('--color-surface', '#ffffff'),
    edge: cssVariable('--color-input-border', '#5b6570'),
    font: cssVariable('--font-body', 'system-ui, sans-serif'),
    locale: language === 'en' ? 'en-GB' : 'zh-CN',
  };
}

/** The y (or x) axis of a bar chart of counts: from zero, whole numbers only. */
function countScale(theme: ChartTheme) {
  return { beginAtZero: true, ticks: { precision: 0, color: theme.text }, grid: { color: theme.grid }, border: { color: theme.edge } };
}

function categoryScale(theme: ChartTheme) {
  return { ticks: { color: theme.text }, grid: { display: false }, border: { color: theme.edge } };
}

/**
 * A bar chart of counts, one series and no legend (the page's own heading and table say what it counts). Horizontal
 * bars suit long labels; `categoryTitle` names the category axis when the labels alone do not say what they are.
 */
export function countBars(
  theme: ChartTheme,
  series: { label: string; labels: (string | string[])[]; data: number[]; horizontal?: boolean; categoryTitle?: string },
): ChartConfiguration<'bar'> {
  const category = series.categoryTitle
    ? { ...categoryScale(theme), title: { display: true, text: series.categoryTitle, color: theme.text } }
    : categoryScale(theme);
  return {
    type: 'bar',
    data: { labels: series.labels, datasets: [{ label: series.label, data: series.data, backgroundColor: theme.bar }] },
    options: {
      ...(series.horizontal && { indexAxis: 'y' as const }),
      plugins: { legend: { display: false } },
      scales: series.horizontal ? { x: countScale(theme), y: category } : { x: category, y: countScale(theme) },
    },
  };
}
