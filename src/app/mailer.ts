import { createTransport } from "nodemailer";

/** A message as aigov sends it: plain text with an HTML twin, and the headers it needs. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Where mail goes: SMTP in production, anything that records it in a test. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** How long an SMTP server may take (ms): well within a delivery's lease, so a hung one stalls nothing long. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * A mailer over SMTP (`smtp://user:pass@host:port`, or `smtps://` for TLS from the start), through
 * nodemailer, which also upgrades a plain connection with STARTTLS when the server offers it. Timeouts
 * the URL does not set are SMTP_TIMEOUTS (nodemailer's own wait up to ten minutes).
 */
export function smtpMailer(url: string, from: string): Mailer {
  const withTimeouts = new URL(url);
  for (const [name, ms] of Object.entries(SMTP_TIMEOUTS))
    if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(ms));
  const transport = createTransport(withTimeouts.toString());
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}
