import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 350;
const CHART_WIDTH = 560;
const TOP = 62;

/** A waterfall of exported spans as SVG: one row a span, children under their parent. */
export function drawWaterfall(spans: readonly ReadableSpan[], title: string): string {
  const byParent = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent !== undefined && ids.has(parent) ? parent : undefined;
    byParent.set(key, [...(byParent.get(key) ?? []), span]);
  }
  const rows: { span: ReadableSpan; depth: number }[] = [];
  const visit = (parent: string | undefined, depth: number) => {
    const children = [...(byParent.get(parent) ?? [])].sort(
      (a, b) => ms(a.startTime) - ms(b.startTime),
    );
    for (const span of children) {
      rows.push({ span, depth });
      visit(span.spanContext().spanId, depth + 1);
    }
  };
  visit(undefined, 0);
  const start = Math.min(...spans.map((span) => ms(span.startTime)));
  const end = Math.max(...spans.map((span) => ms(span.endTime)));
  const scale = CHART_WIDTH / Math.max(end - start, 1);
  const height = TOP + rows.length * ROW_HEIGHT + 30;
  const width = LABEL_WIDTH + CHART_WIDTH + 20;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-monospace, Menlo, Consolas, monospace" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold" fill="#1f2328">${escapeXml(title)}</text>`,
  ];
  for (const tick of ticks(end - start)) {
    const x = round(LABEL_WIDTH + tick * scale);
    parts.push(
      `<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${height - 24}" stroke="#d0d7de" stroke-dasharray="2,3"/>`,
      `<text x="${x}" y="${height - 10}" text-anchor="middle" fill="#57606a">${tick} ms</text>`,
    );
  }
  rows.forEach(({ span, depth }, index) => {
    const y = TOP + index * ROW_HEIGHT;
    const x = round(LABEL_WIDTH + (ms(span.startTime) - start) * scale);
    const barWidth = round(Math.max((ms(span.endTime) - ms(span.startTime)) * scale, 2));
    if (index % 2 === 0) {
      parts.push(
        `<rect x="0" y="${y - 2}" width="${width}" height="${ROW_HEIGHT}" fill="#f6f8fa"/>`,
      );
    }
    parts.push(
      `<text x="${10 + depth * 14}" y="${y + 13}" fill="#1f2328">${escapeXml(label(span))}</text>`,
      `<rect x="${x}" y="${y + 2}" width="${barWidth}" height="${ROW_HEIGHT - 8}" rx="3" fill="${colour(span)}"/>`,
    );
  });
  parts.push(...legend(10, 44), "</svg>");
  return `${parts.join("\n")}\n`;
}

function label(span: ReadableSpan): string {
  const attributes = span.attributes;
  if (span.kind === SpanKind.CLIENT) {
    const resend = attributes["http.request.resend_count"];
    return `${span.name} ${attributes["http.response.status_code"] ?? attributes["error.type"]}${resend ? ` · resend ${resend}` : ""}`;
  }
  if (span.name === "loginkit.request") {
    const path = new URL(String(attributes["url.full"])).pathname;
    return `loginkit.request ${attributes["http.request.method"]} ${path}`;
  }
  const outcome = attributes["loginkit.renewal.outcome"] ?? attributes["loginkit.lease.outcome"];
  const via = attributes["loginkit.renewal.via"];
  return `${span.name}${outcome ? ` ${outcome}` : ""}${via ? ` via ${via}` : ""}`;
}

function colour(span: ReadableSpan): string {
  if (span.kind === SpanKind.CLIENT) {
    return span.status.code === SpanStatusCode.ERROR ? "#cf222e" : "#0969da";
  }
  if (!span.name.startsWith("loginkit.")) return "#24292f";
  if (span.name === "loginkit.request") return "#8c959f";
  if (span.name === "loginkit.lease_wait") return "#8250df";
  return "#bf8700";
}

function legend(left: number, y: number): string[] {
  const entries = [
    ["your span", "#24292f"],
    ["call", "#8c959f"],
    ["send", "#0969da"],
    ["refused send", "#cf222e"],
    ["sign-in / renewal", "#bf8700"],
  ] as const;
  const parts: string[] = [];
  let x = left;
  for (const [name, fill] of entries) {
    parts.push(
      `<rect x="${x}" y="${y - 10}" width="12" height="12" rx="2" fill="${fill}"/>`,
      `<text x="${x + 16}" y="${y}" fill="#57606a">${name}</text>`,
    );
    x = round(x + name.length * 7.2 + 34);
  }
  return parts;
}

function ticks(span: number): number[] {
  const step =
    [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((size) => span / size <= 8) ?? 1000;
  const result: number[] = [];
  for (let tick = 0; tick <= span; tick += step) result.push(tick);
  return result;
}

function ms([seconds, nanos]: [number, number]): number {
  return seconds * 1000 + nanos / 1e6;
}

const round = (value: number) => Math.round(value * 10) / 10;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
