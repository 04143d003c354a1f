import { html, type SafeHtml } from './html';
import { emailLayout, textLayout } from './layout';
import type { Template, TemplateContext } from './template';

/** Rows of money: an order's lines, then its totals. Amounts are already formatted for the reader. */
export interface AmountTable {
  rows: ReadonlyArray<{ label: string; amount: string }>;
  totals: ReadonlyArray<{ label: string; amount: string }>;
}

/** What a template says, once: each channel's form is derived from it. */
export interface Message {
  title: string;
  paragraphs: readonly string[];
  table?: AmountTable;
  link?: { label: string; url: string };
}

const SMS_MAX = 320;

/** A template whose email (subject, text, HTML), SMS and in-app forms all say the same composed message. */
export function messageTemplate<D>(name: string, compose: (data: D, context: TemplateContext) => Message): Template<D> {
  return {
    name,
    email(data, context) {
      const message = compose(data, context);
      const reader = context.reader.name;
      return { subject: message.title, text: textLayout(reader, textBody(message)), html: emailLayout(message.title, reader, htmlBody(message)) };
    },
    sms(data, context) {
      const message = compose(data, context);
      const text = [message.title, message.paragraphs[0], message.link?.url].filter(Boolean).join(' ');
      return text.length <= SMS_MAX ? text : `${text.slice(0, SMS_MAX - 1)}…`;
    },
    inApp(data, context) {
      const message = compose(data, context);
      return { title: message.title, body: message.paragraphs[0] ?? '', link: message.link?.url };
    },
  };
}

function textBody(message: Message): string[] {
  const table = message.table
    ? ['', ...message.table.rows.map((row) => `${row.label}  ${row.amount}`), '', ...message.table.totals.map((row) => `${row.label}: ${row.amount}`)]
    : [];
  const link = message.link ? ['', `${message.link.label}: ${message.link.url}`] : [];
  return [...message.paragraphs, ...table, ...link];
}

function htmlBody(message: Message): SafeHtml {
  const paragraphs = message.paragraphs.map((paragraph) => html`<p>${paragraph}</p>`);
  const table = message.table && amountTable(message.table);
  const link = message.link && html`<p><a href="${message.link.url}">${message.link.label}</a></p>`;
  return html`${paragraphs}${table}${link}`;
}

function amountTable(table: AmountTable): SafeHtml {
  const rows = table.rows.map((row) => html`<tr><td>${row.label}</td><td style="text-align: right">${row.amount}</td></tr>`);
  const totals = table.totals.map((row) => html`<tr><th style="text-align: left">${row.label}</th><th style="text-align: right">${row.amount}</th></tr>`);
  return html`<table style="width: 100%; border-collapse: collapse">${rows}${totals}</table>`;
}
