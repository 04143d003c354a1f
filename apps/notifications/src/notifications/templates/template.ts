import type { SafeHtml } from './html';

/** Who reads the message: templates greet by name and write numbers and dates in the reader's locale. */
export interface Reader {
  name: string;
  locale: string;
}

/** What every template can use besides its own data. */
export interface TemplateContext {
  reader: Reader;
  /** The storefront, for links such as `${webUrl}/orders/<id>`. */
  webUrl: string;
}

export interface EmailContent {
  subject: string;
  text: string;
  html: SafeHtml;
}

export interface InAppContent {
  title: string;
  body: string;
  link?: string;
}

/** One message in each channel's form. A template's data is built by its handler from the event. */
export interface Template<D> {
  name: string;
  email(data: D, context: TemplateContext): EmailContent;
  sms(data: D, context: TemplateContext): string;
  inApp(data: D, context: TemplateContext): InAppContent;
}
