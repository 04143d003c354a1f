import { LOGGER, PLATFORM_CONFIG } from '@marketplace/platform';
import type { Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import type { NotificationsConfig } from '../../../notifications-config';
import { ChannelSenders } from '../../application/channel-senders';
import { FileEmailSender } from './file-email-sender';
import { LogSmsSender } from './log-sms-sender';
import { SmtpEmailSender } from './smtp-email-sender';
import { TwilioSmsSender } from './twilio-sms-sender';

/** SMTP when SMTP_URL is set, else `.eml` files; the SMS provider when SMS_API_URL is set, else the log. */
export const channelSendersProvider: Provider = {
  provide: ChannelSenders,
  inject: [PLATFORM_CONFIG, LOGGER],
  useFactory: (config: NotificationsConfig, logger: Logger): ChannelSenders => {
    const log = logger.child({ component: 'channels' });
    const email = config.SMTP_URL ? new SmtpEmailSender(config.SMTP_URL, config.MAIL_FROM) : new FileEmailSender(config.MAIL_DIR, config.MAIL_FROM);
    log.info(email instanceof FileEmailSender ? { mailDir: email.directory } : {}, email instanceof FileEmailSender ? 'email: no SMTP_URL, writing .eml files' : 'email: SMTP');
    const sms =
      config.SMS_API_URL && config.SMS_ACCOUNT_SID && config.SMS_AUTH_TOKEN && config.SMS_FROM
        ? new TwilioSmsSender({ apiUrl: config.SMS_API_URL, accountSid: config.SMS_ACCOUNT_SID, authToken: config.SMS_AUTH_TOKEN, from: config.SMS_FROM })
        : new LogSmsSender(log);
    return { email, sms };
  },
};
