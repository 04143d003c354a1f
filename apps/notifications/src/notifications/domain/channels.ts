/** Where a notification goes; `in_app` is the user's inbox in the API. */
export const CHANNELS = ['email', 'sms', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Security messages (verification, password reset) are sent whatever the user's preferences say. */
export const CATEGORIES = ['transactional', 'marketing', 'security'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The categories a user may turn off. */
export const OPTIONAL_CATEGORIES = ['transactional', 'marketing'] as const;
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];
