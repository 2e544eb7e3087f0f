// The report's charts as inline SVG: no script, no external file, no inline style attribute (the
// webview's content security policy allows only the nonce'd <style> element). Colours come from
// classes the report's stylesheet defines, so the same SVG follows the editor's theme.

import { escapeHtml, shorten } from './escape';
import type { CoverageGroup, RuleCount } from './model';
import type { VendorEntry } from '../policy';

const LABEL_WIDTH = 260;
const BAR_WIDTH = 360;
const ROW = 26;
const CHART_WIDTH = LABEL_WIDTH + BAR_WIDTH + 100;

/** The share of PHI endpoints covered, overall and per service/folder: one bar each. */
export function coverageChart(overall: CoverageGroup, groups: readonly CoverageGroup[]): string {
  const rows = [overall, ...groups];
  const height = rows.length * ROW + 8;
  const body = rows
    .map((row, index) => {
      const y = index * ROW + 4;
      const toCover = row.summary.phiEndpoints - row.summary.suppressed;
      const width = Math.round((row.summary.percent / 100) * BAR_WIDTH);
      const level = toCover === 0 ? 'none' : row.summary.percent >= 90 ? 'good' : row.summary.percent >= 60 ? 'fair' : 'poor';
      const label = index === 0 ? 'All endpoints' : row.name;
      const value = toCover === 0 ? 'no PHI endpoint' : `${row.summary.percent}% (${row.summary.covered}/${toCover})`;
      return (
        `<g class="row${index === 0 ? ' total' : ''}"><title>${escapeHtml(`${label}: ${value}`)}</title>` +
        `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(shorten(label, 38))}</text>` +
        `<rect class="track" x="${LABEL_WIDTH}" y="${y + 3}" width="${BAR_WIDTH}" height="${ROW - 8}" rx="3"/>` +
        (width > 0 ? `<rect class="fill ${level}" x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${ROW - 8}" rx="3"/>` : '') +
        `<text class="value" x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + 16}">${escapeHtml(toCover === 0 ? '—' : `${row.summary.percent}%`)}</text></g>`
      );
    })
    .join('');
  return svg('Audit coverage of PHI endpoints, overall and per service or folder', CHART_WIDTH, height, body);
}

/** Findings per rule, one bar each, split by severity. */
export function findingsChart(rules: readonly RuleCount[]): string {
  const max = Math.max(1, ...rules.map((rule) => rule.total));
  const height = rules.length * ROW + 8;
  const body = rules
    .map((rule, index) => {
      const y = index * ROW + 4;
      let x = LABEL_WIDTH;
      const parts = (['error', 'warning', 'info'] as const)
        .filter((severity) => rule[severity] > 0)
        .map((severity) => {
          const width = Math.max(2, Math.round((rule[severity] / max) * BAR_WIDTH));
          const part = `<rect class="sev-${severity}" x="${x}" y="${y + 3}" width="${width}" height="${ROW - 8}"><title>${escapeHtml(`${rule.ruleId}: ${rule[severity]} ${severity}`)}</title></rect>`;
          x += width;
          return part;
        })
        .join('');
      return (
        `<g class="row"><text class="label" x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(shorten(rule.ruleId, 38))}</text>` +
        `${parts}<text class="value" x="${x + 6}" y="${y + 16}">${rule.total}</text></g>`
      );
    })
    .join('');
  return svg('Findings per rule, by severity', CHART_WIDTH, height, body);
}

const DAY_MS = 86_400_000;

/**
 * Vendors with a BAA expiry date on a time line from today: a bar to each expiry (expired ones
 * end left of the today line). Vendors without a date are listed in the table only.
 */
export function baaTimeline(vendors: readonly VendorEntry[], today: string): string | undefined {
  const dated = vendors.filter((vendor) => vendor.expires && !Number.isNaN(Date.parse(vendor.expires)));
  if (dated.length === 0) return undefined;
  const todayMs = Date.parse(today);
  const times = dated.map((vendor) => Date.parse(vendor.expires as string));
  const start = Math.min(todayMs, ...times) - 30 * DAY_MS;
  const end = Math.max(todayMs + 365 * DAY_MS, ...times) + 30 * DAY_MS;
  const scale = (ms: number) => LABEL_WIDTH + Math.round(((ms - start) / (end - start)) * BAR_WIDTH);
  const axisY = dated.length * ROW + 8;
  const height = axisY + 34;
  const todayX = scale(todayMs);

  const rows = dated
    .map((vendor, index) => {
      const y = index * ROW + 4;
      const x = scale(Date.parse(vendor.expires as string));
      const state = vendor.baa === 'expired' || (vendor.daysUntilExpiry ?? 0) < 0 ? 'expired' : vendor.expiringSoon ? 'expiring' : vendor.baa === 'signed' ? 'valid' : 'other';
      const from = Math.min(x, todayX);
      const to = Math.max(x, todayX);
      return (
        `<g class="row"><title>${escapeHtml(`${vendor.name}: ${vendor.baaText}`)}</title>` +
        `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(shorten(vendor.name, 38))}</text>` +
        `<rect class="baa-${state}" x="${from}" y="${y + 6}" width="${Math.max(2, to - from)}" height="${ROW - 14}" rx="2"/>` +
        `<circle class="baa-${state}" cx="${x}" cy="${y + 12}" r="5"/>` +
        `<text class="value" x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + 16}">${escapeHtml(vendor.expires as string)}</text></g>`
      );
    })
    .join('');

  const ticks: string[] = [];
  const first = new Date(start);
  for (let year = first.getUTCFullYear(); ; year++) {
    const ms = Date.UTC(year, 0, 1);
    if (ms > end) break;
    if (ms < start) continue;
    const x = scale(ms);
    ticks.push(`<line class="tick" x1="${x}" y1="${axisY}" x2="${x}" y2="${axisY + 5}"/><text class="axis" x="${x}" y="${axisY + 17}" text-anchor="middle">${year}</text>`);
  }
  const axis =
    `<line class="axis-line" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + BAR_WIDTH}" y2="${axisY}"/>${ticks.join('')}` +
    `<line class="today" x1="${todayX}" y1="0" x2="${todayX}" y2="${axisY}"/>` +
    `<text class="axis today-label" x="${todayX}" y="${axisY + 30}" text-anchor="middle">today ${escapeHtml(today)}</text>`;
  return svg('BAA expiry timeline per vendor', CHART_WIDTH, height, rows + axis);
}

function svg(label: string, width: number, height: number, body: string): string {
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(label)}" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(label)}</title>${body}</svg>`
  );
}
