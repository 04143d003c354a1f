import { type ParsedMail, simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A folder of its own for the mails the service writes without SMTP (FileEmailSender), read as a mail program would. */
export class MailFiles {
  private constructor(readonly directory: string) {}

  static async create(): Promise<MailFiles> {
    return new MailFiles(await mkdtemp(join(tmpdir(), 'marketplace-test-mail-')));
  }

  /** The mails to an address, oldest first (the file names start with the delivery's time). */
  async to(address: string): Promise<ParsedMail[]> {
    const names = (await readdir(this.directory).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort();
    const mails = await Promise.all(names.map(async (name) => simpleParser(await readFile(join(this.directory, name)))));
    return mails.filter((mail) => [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address)));
  }

  async remove(): Promise<void> {
    await rm(this.directory, { recursive: true, force: true });
  }
}
