import { html, type SafeHtml } from './html';

/** The frame of every HTML email: a greeting, the message, and why the reader got it. */
export function emailLayout(title: string, name: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: sans-serif; color: #222; max-width: 640px; margin: auto">
<h1 style="font-size: 20px">${title}</h1>
<p>Hello ${name},</p>
${body}
<p style="color: #666; font-size: 12px">You receive this message because of your account on the marketplace. You can choose which messages you get in your notification preferences.</p>
</body></html>`;
}

/** The plain-text twin of emailLayout. */
export function textLayout(name: string, lines: readonly string[]): string {
  return [`Hello ${name},`, '', ...lines, '', '-- The marketplace'].join('\n');
}
